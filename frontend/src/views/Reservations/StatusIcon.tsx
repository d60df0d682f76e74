import Circle from '@mui/icons-material/Circle';
import ErrorIcon from '@mui/icons-material/Error';
import Tooltip from '@mui/material/Tooltip';
import type { ReservationRow } from '../../api';

/**
 * The guide's notation: a green circle when the server's licenses satisfy
 * the reservation, a red circle with "!" when they do not. The icon's own
 * title carries the reason, so a screen reader hears it without the tooltip,
 * and the row stays one Tab stop.
 */
export function StatusIcon({ row }: { row: ReservationRow }) {
  if (row.status === 'ok') {
    return (
      <Tooltip title="Enough licenses to satisfy this reservation" describeChild>
        <Circle fontSize="small" titleAccess="Can be satisfied" sx={{ color: 'success.main', verticalAlign: 'middle' }} />
      </Tooltip>
    );
  }
  const reason = row.reason || 'Not enough licenses on the server to satisfy this reservation.';
  return (
    <Tooltip title={reason} describeChild>
      <ErrorIcon fontSize="small" color="error" titleAccess={`Cannot be satisfied: ${reason}`} sx={{ verticalAlign: 'middle' }} />
    </Tooltip>
  );
}
