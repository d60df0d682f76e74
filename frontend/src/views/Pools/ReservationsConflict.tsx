import Download from '@mui/icons-material/Download';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { poolsApi, toAppError, type AppError } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { monospace } from '../../components/format';
import { routes } from '../../nav/routes';

type Export = { kind: 'idle' } | { kind: 'exporting' } | { kind: 'saved'; path: string } | { kind: 'failed'; error: AppError };

/**
 * An upload refused because reservation groups exist. The way out is
 * offered in place: keep a copy of the reservations, delete them in the
 * Reservations view, then upload again (the model waits in the editor).
 */
export function ReservationsConflict({ error, onClose }: { error: AppError; onClose: () => void }) {
  const [exported, setExported] = useState<Export>({ kind: 'idle' });

  const exportReservations = async () => {
    setExported({ kind: 'exporting' });
    try {
      const path = await poolsApi.exportReservations();
      setExported(path ? { kind: 'saved', path } : { kind: 'idle' });
    } catch (e) {
      setExported({ kind: 'failed', error: toAppError(e) });
    }
  };

  return (
    <Alert severity="warning" onClose={onClose}>
      <AlertTitle>Reservations exist</AlertTitle>
      {error.message}
      <Typography variant="body2" sx={{ mt: 1 }}>
        Your model stays in the editor until you upload it.
      </Typography>
      <Stack direction="row" spacing={1} sx={{ mt: 1.5, flexWrap: 'wrap', rowGap: 1 }}>
        <Button
          variant="outlined"
          color="inherit"
          size="small"
          startIcon={<Download />}
          onClick={exportReservations}
          disabled={exported.kind === 'exporting'}
        >
          Export reservations…
        </Button>
        <Button component={RouterLink} to={routes.reservations} variant="outlined" color="inherit" size="small">
          Open Reservations to delete them
        </Button>
      </Stack>
      {exported.kind === 'saved' && (
        <Typography variant="body2" sx={{ mt: 1.5 }}>
          Saved the reservations to{' '}
          <Box component="span" sx={{ ...monospace, overflowWrap: 'anywhere' }}>
            {exported.path}
          </Box>
          .
        </Typography>
      )}
      {exported.kind === 'failed' && <ErrorAlert error={exported.error} sx={{ mt: 1.5 }} />}
    </Alert>
  );
}
