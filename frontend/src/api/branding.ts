import * as BrandingService from '../wailsjs/go/app/BrandingService';
import type { app } from '../wailsjs/go/models';
import { call } from './call';

/** The navigation as data.json and sampleData.json describe it. */
export interface BrandingNav {
  groups: { id: string; label: string }[];
  items: { id: string; group: string; label: string; icon: string; route: string }[];
}

export interface BrandingView {
  /** Replaces the default logo; '' keeps it. */
  logoDataUrl: string;
  /** The producer's data.json as the Go side accepted it; null keeps the defaults. */
  nav: BrandingNav | null;
  /** Why a file of the branding folder was not applied. */
  problems: string[];
  /** The branding folder that was read. */
  dir: string;
}

function toBrandingView(v: app.BrandingView): BrandingView {
  return {
    logoDataUrl: v.logoDataUrl,
    nav: v.nav
      ? {
          groups: v.nav.groups.map((g) => ({ id: g.id, label: g.label })),
          items: v.nav.items.map((i) => ({ id: i.id, group: i.group, label: i.label, icon: i.icon, route: i.route })),
        }
      : null,
    problems: v.problems ?? [],
    dir: v.dir,
  };
}

export const brandingApi = {
  get: (): Promise<BrandingView> => call(BrandingService.Get).then(toBrandingView),
};
