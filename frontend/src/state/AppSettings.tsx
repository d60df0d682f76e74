import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { settingsApi, toAppError, type AppError, type ConnectionInfo, type ProxyInput, type ServerInput, type SettingsView, settings } from '../api';

/** How often the header re-checks the active server while the app is open. */
export const STATUS_INTERVAL_MS = 30_000;

export type ConnectionState =
  | { kind: 'checking' }
  | { kind: 'connected'; info: ConnectionInfo }
  | { kind: 'failed'; error: AppError };

export interface AppSettings {
  view: SettingsView;
  connection: ConnectionState;
  /** Checks the active server again now, as the chip's click does. */
  refreshConnection: () => void;
  /** The one-time notice from start-up, until the user dismisses it. */
  notice: string;
  dismissNotice: () => void;
  save: (input: ServerInput) => Promise<SettingsView>;
  addProfile: (name: string) => Promise<void>;
  renameProfile: (id: string, name: string) => Promise<void>;
  deleteProfile: (id: string) => Promise<void>;
  switchProfile: (id: string) => Promise<void>;
  setTheme: (theme: settings.Theme) => Promise<void>;
  /** Shows the navigation drawer as a rail of icons, or expanded; the choice is saved in the settings. */
  setNavCollapsed: (collapsed: boolean) => Promise<void>;
  /** Counts saves, each of which the session answers with a fresh start. */
  saveCount: number;
  /** Pins the server certificate with this SHA-256 fingerprint for the active profile; '' forgets the pin. */
  trustCertificate: (fingerprint: string) => Promise<SettingsView>;
  /** Asks for a CA file with the native dialog; cancelling changes nothing. */
  chooseCAFile: () => Promise<void>;
  removeCAFile: () => Promise<void>;
  /** Stores the active profile's proxy section; a change gives a new client and a new check. */
  setProxy: (input: ProxyInput) => Promise<void>;
}

export type SettingsStartup =
  | { status: 'loading' }
  | { status: 'failed'; error: AppError; retry: () => void }
  | ({ status: 'ready' } & AppSettings);

const SettingsContext = createContext<SettingsStartup | null>(null);

export function AppSettingsProvider({ children }: { children: ReactNode }) {
  const [view, setView] = useState<SettingsView | null>(null);
  const [loadError, setLoadError] = useState<AppError | null>(null);
  const [notice, setNotice] = useState('');
  const [connection, setConnection] = useState<ConnectionState>({ kind: 'checking' });
  // Only the newest status check may set the chip: a slow answer about the
  // previous profile must not overwrite the current one.
  const statusSeq = useRef(0);

  const load = useCallback(() => {
    setLoadError(null);
    settingsApi.get().then(
      (v) => {
        setView(v);
        // Under StrictMode the first load runs twice and only one answer
        // carries the notice, so a later empty one must not erase it.
        if (v.notice) setNotice(v.notice);
      },
      (e: unknown) => setLoadError(toAppError(e)),
    );
  }, []);

  useEffect(load, [load]);

  const checkConnection = useCallback((showChecking: boolean) => {
    const seq = ++statusSeq.current;
    if (showChecking) setConnection({ kind: 'checking' });
    settingsApi.status().then(
      (info) => {
        if (seq === statusSeq.current) setConnection({ kind: 'connected', info });
      },
      (e: unknown) => {
        if (seq === statusSeq.current) setConnection({ kind: 'failed', error: toAppError(e) });
      },
    );
  }, []);

  const refreshConnection = useCallback(() => checkConnection(true), [checkConnection]);

  const activeProfileId = view?.activeProfileId;
  useEffect(() => {
    if (activeProfileId === undefined) return;
    checkConnection(true);
    const timer = setInterval(() => checkConnection(false), STATUS_INTERVAL_MS);
    return () => clearInterval(timer);
  }, [activeProfileId, checkConnection]);

  const [saveCount, setSaveCount] = useState(0);
  const save = useCallback(
    async (input: ServerInput) => {
      const next = await settingsApi.save(input);
      setView(next);
      setSaveCount((n) => n + 1);
      checkConnection(true);
      return next;
    },
    [checkConnection],
  );

  // What the app trusts decides whether the server can be reached at all.
  const applyTrust = useCallback(
    (next: SettingsView) => {
      setView(next);
      checkConnection(true);
      return next;
    },
    [checkConnection],
  );
  const trustCertificate = useCallback(
    async (fingerprint: string) => applyTrust(await settingsApi.trustCertificate(fingerprint)),
    [applyTrust],
  );
  const chooseCAFile = useCallback(async () => {
    const before = view?.active.caFile;
    const next = await settingsApi.chooseCAFile();
    // A cancelled dialog changes nothing, and deserves no new check either.
    if (next.active.caFile === before) setView(next);
    else applyTrust(next);
  }, [applyTrust, view?.active.caFile]);
  const removeCAFile = useCallback(async () => {
    applyTrust(await settingsApi.setCAFile(''));
  }, [applyTrust]);
  const setProxy = useCallback(
    async (input: ProxyInput) => {
      applyTrust(await settingsApi.setProxy(input));
    },
    [applyTrust],
  );

  const addProfile = useCallback(async (name: string) => setView(await settingsApi.addProfile(name)), []);
  const renameProfile = useCallback(
    async (id: string, name: string) => setView(await settingsApi.renameProfile(id, name)),
    [],
  );
  const deleteProfile = useCallback(async (id: string) => setView(await settingsApi.deleteProfile(id)), []);
  const switchProfile = useCallback(async (id: string) => setView(await settingsApi.switchProfile(id)), []);

  const currentTheme = view?.theme;
  const setTheme = useCallback(
    async (theme: settings.Theme) => {
      // Apply at once; the file write should not delay the repaint.
      setView((v) => v && { ...v, theme });
      try {
        setView(await settingsApi.setTheme(theme));
      } catch (e) {
        setView((v) => v && currentTheme !== undefined ? { ...v, theme: currentTheme } : v);
        throw e;
      }
    },
    [currentTheme],
  );

  const currentNavCollapsed = view?.navCollapsed;
  const setNavCollapsed = useCallback(
    async (navCollapsed: boolean) => {
      // As with the theme: the menu changes at once, the file write follows.
      setView((v) => v && { ...v, navCollapsed });
      try {
        setView(await settingsApi.setNavCollapsed(navCollapsed));
      } catch (e) {
        setView((v) => (v && currentNavCollapsed !== undefined ? { ...v, navCollapsed: currentNavCollapsed } : v));
        throw e;
      }
    },
    [currentNavCollapsed],
  );

  const dismissNotice = useCallback(() => setNotice(''), []);

  const value = useMemo<SettingsStartup>(() => {
    if (view) {
      return {
        status: 'ready',
        view,
        connection,
        refreshConnection,
        notice,
        dismissNotice,
        save,
        addProfile,
        renameProfile,
        deleteProfile,
        switchProfile,
        setTheme,
        setNavCollapsed,
        saveCount,
        trustCertificate,
        chooseCAFile,
        removeCAFile,
        setProxy,
      };
    }
    if (loadError) return { status: 'failed', error: loadError, retry: load };
    return { status: 'loading' };
  }, [
    view,
    loadError,
    load,
    connection,
    refreshConnection,
    notice,
    dismissNotice,
    save,
    addProfile,
    renameProfile,
    deleteProfile,
    switchProfile,
    setTheme,
    setNavCollapsed,
    saveCount,
    trustCertificate,
    chooseCAFile,
    removeCAFile,
    setProxy,
  ]);

  return <SettingsContext.Provider value={value}>{children}</SettingsContext.Provider>;
}

/** The start-up state: the shell shows a loading or error screen until ready. */
export function useSettingsStartup(): SettingsStartup {
  const value = useContext(SettingsContext);
  if (!value) throw new Error('useSettingsStartup needs an AppSettingsProvider');
  return value;
}

/** Settings and connection state; only for components rendered once settings are loaded. */
export function useAppSettings(): AppSettings {
  const value = useSettingsStartup();
  if (value.status !== 'ready') throw new Error('useAppSettings used before the settings were loaded');
  return value;
}
