import type { SvgIconComponent } from '@mui/icons-material';
import type { BrandingNav, BrandingView } from '../api';
import { navIcons } from '../nav/icons';
import { navItems } from '../nav/items';
import { navGroups, type NavGroup, type NavItem } from '../nav/model';

/** A nav item whose icon may be any Material UI icon, as data.json allows. */
export type BrandedNavItem = Omit<NavItem, 'icon'> & { icon: string };

/** The branding the shell applies: always complete, the defaults where nothing is branded. */
export interface ResolvedBranding {
  items: readonly BrandedNavItem[];
  groups: readonly NavGroup[];
  /** Icons outside the default set, loaded before the menu shows them. */
  extraIcons: Readonly<Record<string, SvgIconComponent>>;
  logoDataUrl: string;
  problems: readonly string[];
}

export const defaultBranding: ResolvedBranding = {
  items: navItems,
  groups: navGroups,
  extraIcons: {},
  logoDataUrl: '',
  problems: [],
};

/** The part of iconRegistry resolveBranding needs, so tests can stand in for 10 000 icons. */
export interface IconSource {
  isIconName: (name: string) => boolean;
  loadIcon: (name: string) => Promise<SvgIconComponent>;
}

const loadRegistry = (): Promise<IconSource> => import('./iconRegistry');

/** Whether name is one of the statically imported default icons. */
export function isDefaultIcon(name: string): name is keyof typeof navIcons {
  return Object.hasOwn(navIcons, name);
}

/**
 * Checks the icon names of an accepted data.json against the icon package,
 * which only the frontend has, and merges labels and icons by id. An unknown
 * icon rejects the whole file, as the Go side does for every other mistake.
 */
export async function resolveBranding(view: BrandingView, registry: () => Promise<IconSource> = loadRegistry): Promise<ResolvedBranding> {
  const base = { ...defaultBranding, logoDataUrl: view.logoDataUrl, problems: view.problems };
  if (!view.nav) return base;
  const extra = [...new Set(view.nav.items.map((i) => i.icon).filter((name) => !isDefaultIcon(name)))];
  const extraIcons: Record<string, SvgIconComponent> = {};
  if (extra.length > 0) {
    const icons = await registry();
    // Named by id: the nav comes in the app's order, which may not be the file's.
    const unknown = view.nav.items.flatMap((item) =>
      isDefaultIcon(item.icon) || icons.isIconName(item.icon)
        ? []
        : [`data.json: the item "${item.id}": icon "${item.icon}" is not a Material UI icon (see https://mui.com/material-ui/material-icons; write the name without the Icon suffix)`],
    );
    if (unknown.length > 0) return { ...base, problems: [...view.problems, ...unknown] };
    for (const name of extra) extraIcons[name] = await icons.loadIcon(name);
  }
  return { ...base, ...mergeNav(view.nav), extraIcons };
}

/** Labels and icons by item id, group labels by group id; everything else stays the app's. */
export function mergeNav(nav: BrandingNav): Pick<ResolvedBranding, 'items' | 'groups'> {
  const items = new Map(nav.items.map((i) => [i.id, i]));
  const groups = new Map(nav.groups.map((g) => [g.id, g]));
  return {
    items: navItems.map((item) => {
      const b = items.get(item.id);
      return b ? { ...item, label: b.label, icon: b.icon } : item;
    }),
    groups: navGroups.map((group) => ({ ...group, label: groups.get(group.id)?.label ?? group.label })),
  };
}
