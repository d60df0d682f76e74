import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { systemApi, type PolicyView } from '../api';

/** No policy in force: what views see before the policies are read, and in tests without the provider. */
export const noPolicies: PolicyView = {
  policies: {
    disableRememberPassword: false,
    allowedServers: [],
    lockedProfiles: false,
    disableHistoryCollection: false,
    historyRetentionDays: 0,
    disableModelUpload: false,
    disablePropertiesEdit: false,
    proxyServer: '',
    problems: [],
  },
  notice: '',
};

const PoliciesContext = createContext<PolicyView>(noPolicies);

/**
 * Reads the organisation's machine policies once at start (they are read
 * from the registry when the app starts, so they cannot change while it
 * runs). If they cannot be read, the views show every control; Go refuses
 * what a policy forbids either way.
 */
export function PoliciesProvider({ children }: { children: ReactNode }) {
  const [view, setView] = useState<PolicyView>(noPolicies);
  useEffect(() => {
    let live = true;
    systemApi.policies().then(
      (v) => live && setView(v),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  return <PoliciesContext.Provider value={view}>{children}</PoliciesContext.Provider>;
}

export function usePolicies(): PolicyView {
  return useContext(PoliciesContext);
}

/** Wraps a view in fixed policies, for tests. */
export function PoliciesForTest({ view, children }: { view: PolicyView; children: ReactNode }) {
  return <PoliciesContext.Provider value={view}>{children}</PoliciesContext.Provider>;
}
