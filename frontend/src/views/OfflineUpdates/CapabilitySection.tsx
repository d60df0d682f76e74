import Download from '@mui/icons-material/Download';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { backOfficeApi, toAppError, type AppError, type SavedFile } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Section } from '../../components/Section';
import { SavedAlert } from './files';

type Outcome = { kind: 'none' } | { kind: 'saved'; file: SavedFile } | { kind: 'failed'; error: AppError };

/**
 * The guide's "Download Capability/Confirmation Request" section. The
 * server's request is the same for both; what the back office expects next
 * decides which one it is, and the history knows that.
 */
export function CapabilitySection({ confirmationDue, onSaved }: { confirmationDue: boolean; onSaved: () => void }) {
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'none' });

  const download = async () => {
    setBusy(true);
    setOutcome({ kind: 'none' });
    try {
      const file = await backOfficeApi.downloadCapabilityRequest(confirmationDue);
      // An empty path is a cancelled save dialog: nothing happened, so nothing is said.
      if (file.path) {
        setOutcome({ kind: 'saved', file });
        onSaved();
      }
    } catch (e) {
      setOutcome({ kind: 'failed', error: toAppError(e) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Section title="Download Capability/Confirmation Request">
      <Stack spacing={2}>
        <Typography variant="body2" sx={{ color: 'text.secondary' }}>
          Polls the back office for any license updates for this server: save a capability request to a file and take it to the
          back office.
        </Typography>
        {confirmationDue && (
          <Alert severity="info">
            The last response you uploaded asked for a confirmation request, so Download saves a confirmation request.
          </Alert>
        )}
        <Box>
          <Button variant="contained" startIcon={<Download />} onClick={download} disabled={busy}>
            Download
          </Button>
        </Box>
        {busy && <LinearProgress aria-label="Preparing the request" />}
        <Box aria-live="polite" sx={{ '&:empty': { display: 'none' } }}>
          {outcome.kind === 'saved' && <SavedAlert file={outcome.file} />}
          {outcome.kind === 'failed' && <ErrorAlert error={outcome.error} />}
        </Box>
      </Stack>
    </Section>
  );
}
