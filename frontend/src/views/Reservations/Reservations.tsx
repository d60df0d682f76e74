import { Navigate, Route, Routes } from 'react-router';
import { routes } from '../../nav/routes';
import { AddReservation, EditReservationGroup } from './AddReservation';
import { ReservationList } from './ReservationList';

/** The Reservations view: the list, the Add Reservation page, and the same page editing a group. */
export function Reservations() {
  return (
    <Routes>
      <Route index element={<ReservationList />} />
      <Route path="add" element={<AddReservation />} />
      <Route path="groups/:id/edit" element={<EditReservationGroup />} />
      <Route path="*" element={<Navigate to={routes.reservations} replace />} />
    </Routes>
  );
}
