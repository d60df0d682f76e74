import { Navigate, Route, Routes } from 'react-router';
import { DeviceDetails } from './DeviceDetails';
import { DeviceList } from './DeviceList';
import { devicesRoute } from './links';

/** The Devices view: the list, and Device Details below it. */
export function Devices() {
  return (
    <Routes>
      <Route index element={<DeviceList />} />
      <Route path=":id" element={<DeviceDetails />} />
      <Route path="*" element={<Navigate to={devicesRoute()} replace />} />
    </Routes>
  );
}
