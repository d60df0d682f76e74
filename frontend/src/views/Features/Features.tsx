import { Navigate, Route, Routes } from 'react-router';
import { FeatureDetails } from './FeatureDetails';
import { FeatureList } from './FeatureList';
import { featuresRoute } from './links';

/** The Features view: the Summary and Details tabs, and Feature Details below them. */
export function Features() {
  return (
    <Routes>
      <Route index element={<FeatureList />} />
      <Route path=":id" element={<FeatureDetails />} />
      <Route path="*" element={<Navigate to={featuresRoute()} replace />} />
    </Routes>
  );
}
