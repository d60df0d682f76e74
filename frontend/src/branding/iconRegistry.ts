import type { SvgIconComponent } from '@mui/icons-material';
import { createSvgIcon } from '@mui/material/SvgIcon';
import { createElement, type ReactElement } from 'react';
import { iconNames, packUrl } from 'virtual:icon-pack';
import type { PackElement, PackIcon } from '../../tools/icon-pack.mjs';

/**
 * Every Material UI icon, drawn from one compressed pack of their SVG
 * elements. This module (with the name list) is loaded only when a
 * producer's data.json names an icon outside the default set, and the pack
 * only when such an icon is loaded; an unbranded start pays for neither.
 */
const names = new Set(iconNames);
const icons = new Map<string, SvgIconComponent>();
let pack: Promise<Record<string, PackIcon>> | undefined;

async function fetchPack(): Promise<Record<string, PackIcon>> {
  const response = await fetch(packUrl);
  if (!response.ok || !response.body) throw new Error(`The icon pack did not load: HTTP ${response.status}`);
  return (await new Response(response.body.pipeThrough(new DecompressionStream('gzip'))).json()) as Record<string, PackIcon>;
}

// Fetched once; a failed fetch is not kept, so the next branding load retries.
function loadPack(): Promise<Record<string, PackIcon>> {
  pack ??= fetchPack().catch((err: unknown) => {
    pack = undefined;
    throw err;
  });
  return pack;
}

// Children as arguments, not an array, need no keys, as the package's jsxs.
const render = ([type, attributes, children = []]: PackElement, key?: string): ReactElement =>
  createElement(type, key === undefined ? attributes : { ...attributes, key }, ...children.map((child) => render(child)));

/** The children the package's createSvgIcon call passes: one element, or a keyed list. */
function svgChildren(icon: PackIcon): ReactElement | ReactElement[] {
  if (typeof icon === 'string') return render(['path', { d: icon }]);
  const [only] = icon;
  return icon.length === 1 ? render(only) : icon.map((element, i) => render(element, String(i)));
}

export function isIconName(name: string): boolean {
  return names.has(name);
}

/** Loads one icon by its Material UI name (without the Icon suffix). */
export async function loadIcon(name: string): Promise<SvgIconComponent> {
  if (!names.has(name)) throw new Error(`Unknown icon ${name}`);
  const known = icons.get(name);
  if (known) return known;
  const icon = createSvgIcon(svgChildren((await loadPack())[name]), name);
  icons.set(name, icon);
  return icon;
}
