import type { NavIconName } from './icons';
import type { ViewId } from './routes';

/**
 * The menu groups: the app's own usage history first, then the guide's
 * groups in the guide's order.
 */
export const navGroups = [
  { id: 'monitoring', label: 'Monitoring' },
  { id: 'configuration', label: 'License Manager Configuration' },
  { id: 'serverSetup', label: 'License Server Setup' },
  { id: 'features', label: 'Features' },
  { id: 'pools', label: 'Named License Pools' },
  { id: 'devices', label: 'Devices' },
  { id: 'reservations', label: 'Reservations' },
  { id: 'backOffice', label: 'Back Office Operations' },
] as const;

export type NavGroupId = (typeof navGroups)[number]['id'];

export interface NavGroup {
  id: NavGroupId;
  label: string;
}

/** A menu entry: plain data, so the menu never imports the views it opens. */
export interface NavItem {
  id: ViewId;
  group: NavGroupId;
  /** Shown in the menu and as the view's heading; producer branding may change it. */
  label: string;
  icon: NavIconName;
  route: string;
  /**
   * The guide lets only Settings and About open before the settings are
   * complete; every other view of the guide is wrapped in
   * RequireCompleteSettings. The Dashboard and Activity read this
   * computer's history of every profile, not the active server, so they
   * open without it too.
   */
  requiresSettings: boolean;
}

export interface NavSection<T extends NavSectionItem = NavItem> {
  group: NavGroup;
  items: T[];
  /** A group holding one item of the same name (Features, Devices, ...) needs no header. */
  showHeader: boolean;
}

/** What grouping needs of an item, so producer-branded items group the same. */
export type NavSectionItem = Pick<NavItem, 'group' | 'label'>;

/**
 * Groups items for the menu: groups in the guide's order, empty groups left
 * out. groups carries the labels, which producer branding may change.
 */
export function navSections<T extends NavSectionItem>(items: readonly T[], groups: readonly NavGroup[] = navGroups): NavSection<T>[] {
  return groups.flatMap((group) => {
    const inGroup = items.filter((item) => item.group === group.id);
    if (inGroup.length === 0) return [];
    const showHeader = !(inGroup.length === 1 && inGroup[0].label === group.label);
    return [{ group, items: inGroup, showHeader }];
  });
}
