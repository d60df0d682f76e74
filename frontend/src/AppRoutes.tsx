import LinearProgress from '@mui/material/LinearProgress';
import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { RequireCompleteSettings } from './components/RequireCompleteSettings';
import { homeRoute, navItems } from './nav/items';
import type { NavItem } from './nav/model';

const views = new Map<string, LazyExoticComponent<ComponentType>>(
  navItems.map((item) => [item.id, lazy(() => item.load().then((component) => ({ default: component })))]),
);

function viewRoute(item: NavItem) {
  const View = views.get(item.id);
  return View && <Route key={item.id} path={item.route} element={<View />} />;
}

/** One route per nav item; all but Settings and About sit behind the settings guard. */
export function AppRoutes() {
  return (
    <Suspense fallback={<LinearProgress aria-label="Loading view" />}>
      <Routes>
        {navItems.filter((item) => !item.requiresSettings).map(viewRoute)}
        <Route element={<RequireCompleteSettings />}>{navItems.filter((item) => item.requiresSettings).map(viewRoute)}</Route>
        <Route path="*" element={<Navigate to={homeRoute} replace />} />
      </Routes>
    </Suspense>
  );
}
