import type { SvgIconComponent } from '@mui/icons-material';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { brandingApi } from '../api';
import { defaultBranding, isDefaultIcon, resolveBranding, type BrandedNavItem, type ResolvedBranding } from '../branding/resolve';
import { navIcons } from '../nav/icons';
import type { ViewId } from '../nav/routes';

export interface Branding extends ResolvedBranding {
  /** False until the branding is read, so the menu does not flash the default labels. */
  ready: boolean;
  dismissProblems: () => void;
  item: (id: ViewId) => BrandedNavItem;
  icon: (name: string) => SvgIconComponent;
}

function brandingOf(resolved: ResolvedBranding, ready: boolean, dismissProblems: () => void): Branding {
  return {
    ...resolved,
    ready,
    dismissProblems,
    item: (id) => {
      const found = resolved.items.find((i) => i.id === id);
      if (!found) throw new Error(`No nav item "${id}"`);
      return found;
    },
    // resolveBranding loaded every icon the items name, so the fallback is
    // only reached by a name no item uses.
    icon: (name) => (isDefaultIcon(name) ? navIcons[name] : (resolved.extraIcons[name] ?? navIcons.Info)),
  };
}

// Views rendered without the provider (in tests) see the defaults.
const BrandingContext = createContext<Branding>(brandingOf(defaultBranding, true, () => undefined));

/** Reads the producer branding once at start; any failure leaves the defaults. */
export function BrandingProvider({ children }: { children: ReactNode }) {
  const [resolved, setResolved] = useState<ResolvedBranding | null>(null);

  useEffect(() => {
    let live = true;
    brandingApi
      .get()
      .then((view) => resolveBranding(view))
      .then(
        (r) => live && setResolved(r),
        (e: unknown) => live && setResolved({ ...defaultBranding, problems: [`Could not read the branding: ${e instanceof Error ? e.message : String(e)}`] }),
      );
    return () => {
      live = false;
    };
  }, []);

  const dismissProblems = useCallback(() => setResolved((r) => r && { ...r, problems: [] }), []);
  const value = useMemo(() => brandingOf(resolved ?? defaultBranding, resolved !== null, dismissProblems), [resolved, dismissProblems]);
  return <BrandingContext.Provider value={value}>{children}</BrandingContext.Provider>;
}

export function useBranding(): Branding {
  return useContext(BrandingContext);
}
