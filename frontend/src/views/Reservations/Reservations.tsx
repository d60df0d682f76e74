import { Navigate, Route, Routes } from 'react-router';
import { AddReservation, EditReservationGroup } from './AddReservation';
import { reservationsRoute } from './links';
import { ReservationList } from './ReservationList';

/** The Reservations view: the list, the Add Reservation page, and the same page editing a group. */
export function Reservations() {
  return (
    <Routes>
      <Route index element={<ReservationList />} />
      <Route path="add" element={<AddReservation />} />
      <Route path="groups/:id/edit" element={<EditReservationGroup />} />
      <Route path="*" element={<Navigate to={reservationsRoute()} replace />} />
    </Routes>
  );
}
