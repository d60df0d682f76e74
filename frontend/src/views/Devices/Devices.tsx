import { Navigate, Route, Routes } from 'react-router';
import { routes } from '../../nav/routes';
import { DeviceDetails } from './DeviceDetails';
import { DeviceList } from './DeviceList';

/** The Devices view: the list, and Device Details below it. */
export function Devices() {
  return (
    <Routes>
      <Route index element={<DeviceList />} />
      <Route path=":id" element={<DeviceDetails />} />
      <Route path="*" element={<Navigate to={routes.devices} replace />} />
    </Routes>
  );
}
