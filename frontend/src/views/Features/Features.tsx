import { Navigate, Route, Routes } from 'react-router';
import { routes } from '../../nav/routes';
import { FeatureDetails } from './FeatureDetails';
import { FeatureList } from './FeatureList';

/** The Features view: the Summary and Details tabs, and Feature Details below them. */
export function Features() {
  return (
    <Routes>
      <Route index element={<FeatureList />} />
      <Route path=":id" element={<FeatureDetails />} />
      <Route path="*" element={<Navigate to={routes.features} replace />} />
    </Routes>
  );
}
