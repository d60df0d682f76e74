import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import { lazy, Suspense, useEffect, useRef, useState, type ComponentType, type LazyExoticComponent } from 'react';
import { Navigate, Route, Routes, useLocation, useNavigate, type Location } from 'react-router';
import { historyApi, START_VIEW } from './api';
import { RequireCompleteSettings } from './components/RequireCompleteSettings';
import { navItems } from './nav/items';
import type { NavItem } from './nav/model';
import { homeRoute, routes, type ViewId } from './nav/routes';
import { viewLoaders } from './routing/viewLoaders';
import { useAppSettings } from './state/AppSettings';
import { useSession } from './state/Session';

// viewLoaders has every ViewId (its type says so), and so has the map built from it.
const views = Object.fromEntries(
  Object.entries(viewLoaders).map(([id, load]) => [id, lazy(() => load().then((component) => ({ default: component })))]),
) as Record<ViewId, LazyExoticComponent<ComponentType>>;
const LoginView = views.login;

function viewRoute(item: NavItem) {
  const View = views[item.id];
  // A view may have pages of its own below its route (Feature Details at /features/:id).
  return <Route key={item.id} path={`${item.route}/*`} element={<View />} />;
}

const loading = <LinearProgress aria-label="Loading view" />;

/** Navigation state of the Login view opened by a timeout: the view the user was working in. */
interface HeldViewState {
  held: Location;
}

function isHeldViewState(state: unknown): state is HeldViewState {
  if (typeof state !== 'object' || state === null || !('held' in state)) return false;
  const held: unknown = state.held;
  return typeof held === 'object' && held !== null && 'pathname' in held && typeof held.pathname === 'string';
}

/** The view kept open, hidden, behind a Login view that a session timeout opened. */
function heldLocation(location: Location): Location | undefined {
  return location.pathname === routes.login && isHeldViewState(location.state) ? location.state.held : undefined;
}

const askStartView = () =>
  historyApi
    .status()
    .then((s) => s.input.startView)
    .catch(() => START_VIEW.about);

let startViewAsked: Promise<string> | null = null;

/**
 * Asks Go for the start view and loads that view's code while the shell is
 * still being drawn: main.tsx calls it before the first render, so neither
 * waits for the other at start-up.
 */
export function prefetchStartView() {
  startViewAsked = askStartView();
  void startViewAsked.then((v) => viewLoaders[v === START_VIEW.dashboard ? 'dashboard' : 'about']()).catch(() => undefined);
}

/**
 * The view the history settings open the app on (About or the Dashboard);
 * null until Go has said. About when the history settings cannot be read.
 * The answer prefetchStartView asked for serves the first use only.
 */
function useStartView(): string | null {
  const [startView, setStartView] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    const asked = startViewAsked ?? askStartView();
    startViewAsked = null;
    void asked.then((v) => live && setStartView(v));
    return () => {
      live = false;
    };
  }, []);
  return startView;
}

/**
 * The guide's moves between views for the login: open on Login when a
 * secured server has no login yet, go to Login when the session times out,
 * and back to the interrupted view once logged in again. Without a login
 * to ask for, the app opens on the view the settings chose.
 */
function useSessionNavigation(location: Location, held: Location | undefined) {
  const { view } = useAppSettings();
  const { state } = useSession();
  const navigate = useNavigate();
  const startView = useStartView();

  const decidedStart = useRef(false);
  useEffect(() => {
    if (decidedStart.current || state === null || startView === null) return;
    decidedStart.current = true;
    const mustLogIn = view.complete && state.securityKnown && state.securityEnabled && !state.loggedIn;
    // The answer can come before "/" has been redirected to the home view.
    const atHome = location.pathname === homeRoute || location.pathname === '/';
    if (!atHome) return;
    if (mustLogIn) navigate(routes.login, { replace: true });
    else if (startView === START_VIEW.dashboard) navigate(routes.dashboard, { replace: true });
  }, [state, startView, view.complete, location.pathname, navigate]);

  const timedOut = state?.timedOut === true;
  const wasTimedOut = useRef(timedOut);
  useEffect(() => {
    const justTimedOut = timedOut && !wasTimedOut.current;
    wasTimedOut.current = timedOut;
    if (justTimedOut && location.pathname !== routes.login) {
      navigate(routes.login, { state: { held: location } satisfies HeldViewState });
    }
  }, [timedOut, location, navigate]);

  const loggedIn = state?.loggedIn === true;
  useEffect(() => {
    if (held && loggedIn) navigate(held, { replace: true });
  }, [held, loggedIn, navigate]);
}

/**
 * One route per nav item; all but Settings and About sit behind the settings
 * guard. While a timeout's Login view shows, the interrupted view stays
 * mounted but hidden, so whatever the user typed there is still there after
 * the login.
 */
export function AppRoutes() {
  const location = useLocation();
  const held = heldLocation(location);
  useSessionNavigation(location, held);
  return (
    <>
      <Box hidden={held !== undefined}>
        <Suspense fallback={loading}>
          <Routes location={held ?? location}>
            {navItems.filter((item) => !item.requiresSettings).map(viewRoute)}
            <Route element={<RequireCompleteSettings />}>{navItems.filter((item) => item.requiresSettings).map(viewRoute)}</Route>
            <Route path="*" element={<Navigate to={homeRoute} replace />} />
          </Routes>
        </Suspense>
      </Box>
      {held && (
        <Suspense fallback={loading}>
          <LoginView />
        </Suspense>
      )}
    </>
  );
}
