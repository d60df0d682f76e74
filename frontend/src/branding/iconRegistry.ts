/// <reference types="vite/client" />
import type { SvgIconComponent } from '@mui/icons-material';

/**
 * Every Material UI icon, one lazy chunk each. This module itself is loaded
 * only when a producer's data.json names an icon outside the default set, so
 * an unbranded start pays nothing for the 10 000 names.
 */
// Keys relative to base ("./Abc.mjs") keep the 10 000-entry map small.
const modules = import.meta.glob<{ default: SvgIconComponent }>(['./*.mjs', '!./index.mjs'], {
  base: '/node_modules/@mui/icons-material/',
});

const loaders = new Map(Object.entries(modules).map(([path, load]) => [path.slice('./'.length, -'.mjs'.length), load]));

export function isIconName(name: string): boolean {
  return loaders.has(name);
}

/** Loads one icon by its Material UI name (without the Icon suffix). */
export async function loadIcon(name: string): Promise<SvgIconComponent> {
  const load = loaders.get(name);
  if (!load) throw new Error(`Unknown icon ${name}`);
  return (await load()).default;
}
