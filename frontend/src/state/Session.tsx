import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { apperr, sessionApi, toAppError, type LoginInput, type PasswordInput, type Profile, type SessionState, type SettingsView } from '../api';
import { useAppSettings } from './AppSettings';

/** Interaction is reported to Go at most this often; the server counts its inactivity timeout from the last report. */
export const TOUCH_INTERVAL_MS = 30_000;
/** When the idle deadline has passed but the server still reports a login, ask again this much later. */
const RECHECK_MS = 60_000;
/** Asked a little after the deadline, so the server's clock has surely run out too. */
const DEADLINE_MARGIN_MS = 2_000;
const MINUTE_MS = 60_000;

export interface Session {
  /** Null until the server of the active profile has been asked. */
  state: SessionState | null;
  /** The user who logged in last, for prefilling a login prompt after the session ended. */
  lastUser: string;
  /** Rejects with an AppError (fields.user, fields.password) and keeps the previous state. */
  login: (input: LoginInput) => Promise<SessionState>;
  logout: (forget: boolean) => Promise<SessionState>;
  changePassword: (input: PasswordInput) => Promise<SessionState>;
  /** Asks Go for the state again, for example after a login prompt was cancelled. */
  refresh: () => Promise<SessionState>;
  /**
   * Starts the session for this profile unless it was already started for
   * the same server and trust settings; resolves once Go answered. Lets a
   * caller wait for the automatic login before it repeats a call.
   */
  startFor: (view: SettingsView) => Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

/** Go's key of the connection (a new one drops the login), plus the save that asks for a fresh start. */
function startKey(view: SettingsView, saveCount: number): string {
  return `${view.connectionKey}|${saveCount}`;
}

function unknownSession(profile: Profile, problem: string): SessionState {
  return {
    profileId: profile.id,
    securityKnown: false,
    securityEnabled: false,
    loggedIn: false,
    user: '',
    roles: [],
    expiresAt: '',
    passwordChangeRequired: false,
    rememberedUser: profile.rememberedUser,
    timedOut: false,
    idleTimeoutMinutes: 30,
    problem,
    demoAccounts: [],
  };
}

/**
 * The login on the active profile's server: started at app start and again
 * after every profile switch, save or change of trusted certificates; kept
 * alive by reporting user interaction; and checked when the inactivity
 * timeout should have ended it, so the app can say so at once.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const { view, saveCount, connection } = useAppSettings();
  const [state, setState] = useState<SessionState | null>(null);
  const [lastUser, setLastUser] = useState('');
  // Every request takes a number; only the newest one's answer may set the
  // state, so a slow start cannot undo a login made meanwhile.
  const requestSeq = useRef(0);
  const started = useRef<{ key: string; done: Promise<void> } | null>(null);
  // When Go last heard of the user: the server's idle clock runs from here.
  const lastActivity = useRef(Date.now());

  const accept = useCallback((seq: number, next: SessionState) => {
    if (seq !== requestSeq.current) return;
    setState(next);
    if (next.user) setLastUser(next.user);
  }, []);

  const begin = useCallback((profile: Profile, key: string) => {
    const seq = ++requestSeq.current;
    // Another profile's login must not show while this one is asked.
    setState((s) => (s && s.profileId !== profile.id ? null : s));
    const done = sessionApi.start().then(
      (next) => {
        if (next.loggedIn) lastActivity.current = Date.now();
        accept(seq, next);
      },
      (e: unknown) => accept(seq, unknownSession(profile, toAppError(e).message)),
    );
    started.current = { key, done };
    return done;
  }, [accept]);

  const startFor = useCallback(
    (next: SettingsView) => {
      const key = startKey(next, saveCount);
      if (started.current?.key === key) return started.current.done;
      return begin(next.active, key);
    },
    [begin, saveCount],
  );

  const active = view.active;
  useEffect(() => {
    void startFor(view);
  }, [startFor, view]);

  // A server that could not be asked at start is asked again once the
  // header's check reaches it, so the security mode and saved login follow.
  const reachedAt = connection.kind === 'connected' ? connection.info : null;
  const securityUnknown = state !== null && !state.securityKnown;
  useEffect(() => {
    if (reachedAt && securityUnknown) void begin(active, startKey(view, saveCount));
  }, [reachedAt, securityUnknown, begin, active, view, saveCount]);

  const refresh = useCallback(async () => {
    const seq = ++requestSeq.current;
    const next = await sessionApi.state();
    accept(seq, next);
    return next;
  }, [accept]);

  const login = useCallback(
    async (input: LoginInput) => {
      const seq = ++requestSeq.current;
      const next = await sessionApi.login(input);
      lastActivity.current = Date.now();
      accept(seq, next);
      return next;
    },
    [accept],
  );

  const logout = useCallback(
    async (forget: boolean) => {
      const seq = ++requestSeq.current;
      const next = await sessionApi.logout(forget);
      accept(seq, next);
      return next;
    },
    [accept],
  );

  const changePassword = useCallback(
    async (input: PasswordInput) => {
      const seq = ++requestSeq.current;
      try {
        const next = await sessionApi.changePassword(input);
        if (next.loggedIn) lastActivity.current = Date.now();
        accept(seq, next);
        return next;
      } catch (e) {
        // Refused for a timeout: the state tells the view to ask for a login first.
        if (toAppError(e).code === apperr.Code.LOGIN_REQUIRED) void refresh().catch(() => undefined);
        throw e;
      }
    },
    [accept, refresh],
  );

  const loggedIn = state?.loggedIn === true;
  const idleMs = (state?.idleTimeoutMinutes ?? 30) * MINUTE_MS;

  // Reports interaction (throttled, with a trailing report so the last burst
  // counts). Once the idle time has run out, Go is asked first: a report then
  // would revive a session the server is about to end for inactivity.
  // refresh is read through a ref: re-subscribing when its identity changes
  // would cancel a pending trailing report.
  const refreshRef = useRef(refresh);
  refreshRef.current = refresh;
  useEffect(() => {
    if (!loggedIn) return;
    let trailing: ReturnType<typeof setTimeout> | undefined;
    const send = () => {
      lastActivity.current = Date.now();
      // A lost report only makes the session end earlier; the next interaction sends another.
      sessionApi.touch().catch(() => undefined);
    };
    const onActivity = () => {
      const now = Date.now();
      if (now - lastActivity.current >= idleMs) {
        refreshRef.current().then((s) => s.loggedIn && send(), () => undefined);
        return;
      }
      if (trailing !== undefined) return;
      const wait = lastActivity.current + TOUCH_INTERVAL_MS - now;
      if (wait <= 0) send();
      else
        trailing = setTimeout(() => {
          trailing = undefined;
          send();
        }, wait);
    };
    window.addEventListener('pointerdown', onActivity, true);
    window.addEventListener('keydown', onActivity, true);
    return () => {
      window.removeEventListener('pointerdown', onActivity, true);
      window.removeEventListener('keydown', onActivity, true);
      clearTimeout(trailing);
    };
  }, [loggedIn, idleMs]);

  // Asks Go when the idle time should have run out, so a timed-out session
  // shows at once rather than at the next click.
  useEffect(() => {
    if (!loggedIn) return;
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const schedule = (atLeast: number) => {
      if (!live) return;
      const due = lastActivity.current + idleMs + DEADLINE_MARGIN_MS - Date.now();
      timer = setTimeout(check, Math.max(atLeast, due));
    };
    const check = () => {
      if (Date.now() - lastActivity.current < idleMs) {
        schedule(0);
        return;
      }
      refresh().then(
        () => schedule(RECHECK_MS),
        () => schedule(RECHECK_MS),
      );
    };
    schedule(0);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [loggedIn, idleMs, refresh]);

  const value = useMemo<Session>(
    () => ({ state, lastUser, login, logout, changePassword, refresh, startFor }),
    [state, lastUser, login, logout, changePassword, refresh, startFor],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession needs a SessionProvider');
  return value;
}
