import Sync from '@mui/icons-material/Sync';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { backOfficeApi, toAppError, type AppError, type SyncResult } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../components/format';

type Outcome = { kind: 'none' } | { kind: 'done'; result: SyncResult } | { kind: 'failed'; error: AppError };

/** The Update Licenses tab: one Refresh that makes the server synchronize with the back office now. */
export function UpdateLicenses() {
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'none' });

  const refresh = async () => {
    setBusy(true);
    setOutcome({ kind: 'none' });
    try {
      setOutcome({ kind: 'done', result: await backOfficeApi.refresh() });
    } catch (e) {
      setOutcome({ kind: 'failed', error: toAppError(e) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Typography variant="body2" sx={{ color: 'text.secondary', mb: 2.5 }}>
        Refresh makes the license server synchronize with the back office at once and retrieve any pending license updates,
        instead of waiting for its next scheduled synchronization.
      </Typography>
      <Button variant="contained" startIcon={<Sync />} onClick={refresh} disabled={busy}>
        Refresh
      </Button>
      {busy && <LinearProgress aria-label="Asking the server to synchronize" sx={{ mt: 2.5 }} />}
      <Box aria-live="polite" sx={{ mt: 2.5, '&:empty': { display: 'none' } }}>
        {outcome.kind === 'done' && (
          <Alert severity="success">
            <AlertTitle>Requested {formatDateTime(outcome.result.requestedAt)}</AlertTitle>
            {outcome.result.answer}
          </Alert>
        )}
        {outcome.kind === 'failed' && <ErrorAlert error={outcome.error} />}
      </Box>
    </>
  );
}
