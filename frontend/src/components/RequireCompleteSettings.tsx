import { Navigate, Outlet, useLocation } from 'react-router';
import { routes } from '../nav/routes';
import { useAppSettings } from '../state/AppSettings';

/**
 * Layout route for every view but Settings and About: the guide requires all
 * Settings fields before any other view can be used, so until then the user
 * lands on Settings, which explains why.
 */
export function RequireCompleteSettings() {
  const { view } = useAppSettings();
  const location = useLocation();
  if (!view.complete) {
    return <Navigate to={routes.settings} replace state={{ from: location.pathname }} />;
  }
  return <Outlet />;
}
