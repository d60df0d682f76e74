import Download from '@mui/icons-material/Download';
import FileOpen from '@mui/icons-material/FileOpenOutlined';
import Upload from '@mui/icons-material/Upload';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { backOfficeApi, toAppError, type AppError, type ChosenFile, type ResponseResult, type SavedFile } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { monospace } from '../../components/format';
import { InfoList } from '../../components/InfoList';
import { Section } from '../../components/Section';
import { SavedAlert, sizeText } from './files';

type Busy = 'choosing' | 'uploading' | 'confirming' | null;
type Outcome = { kind: 'none' } | { kind: 'uploaded'; name: string; result: ResponseResult } | { kind: 'failed'; error: AppError };
type Confirmation = { kind: 'none' } | { kind: 'saved'; file: SavedFile } | { kind: 'failed'; error: AppError };

const progressLabels: Record<Exclude<Busy, null>, string> = {
  choosing: 'Checking the file',
  uploading: 'Uploading the response',
  confirming: 'Preparing the confirmation request',
};

/**
 * The guide's Choose File and Upload for a response from the back office.
 * Go checks the chosen file first, so an empty or oversized one is refused
 * before anything reaches the server.
 */
export function UploadSection({ onExchanged }: { onExchanged: () => void }) {
  const [chosen, setChosen] = useState<ChosenFile | null>(null);
  const [busy, setBusy] = useState<Busy>(null);
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'none' });
  const [confirmation, setConfirmation] = useState<Confirmation>({ kind: 'none' });

  const choose = async () => {
    setBusy('choosing');
    try {
      const file = await backOfficeApi.chooseResponseFile();
      // A cancelled dialog keeps whatever was chosen before.
      if (file.path) {
        setChosen(file);
        setOutcome({ kind: 'none' });
        setConfirmation({ kind: 'none' });
      }
    } catch (e) {
      setChosen(null);
      setOutcome({ kind: 'failed', error: toAppError(e) });
    } finally {
      setBusy(null);
    }
  };

  const upload = async (file: ChosenFile) => {
    setBusy('uploading');
    setOutcome({ kind: 'none' });
    setConfirmation({ kind: 'none' });
    try {
      const result = await backOfficeApi.uploadResponse(file.path);
      setOutcome({ kind: 'uploaded', name: file.name, result });
      // Loaded once, the response is spent; Upload waits for the next one.
      setChosen(null);
    } catch (e) {
      setOutcome({ kind: 'failed', error: toAppError(e) });
    } finally {
      setBusy(null);
      // Go records refused responses too.
      onExchanged();
    }
  };

  const downloadConfirmation = async () => {
    setBusy('confirming');
    setConfirmation({ kind: 'none' });
    try {
      const file = await backOfficeApi.downloadCapabilityRequest(true);
      if (file.path) {
        setConfirmation({ kind: 'saved', file });
        onExchanged();
      }
    } catch (e) {
      setConfirmation({ kind: 'failed', error: toAppError(e) });
    } finally {
      setBusy(null);
    }
  };

  return (
    <Section title="Upload Response">
      <Stack spacing={2}>
        <Typography variant="body2" sx={{ color: 'text.secondary' }}>
          When the back office has answered a request, choose its response file and upload it. The license server processes the
          response and updates its trusted storage.
        </Typography>
        <Stack direction="row" spacing={1.5}>
          <Button variant="outlined" startIcon={<FileOpen />} onClick={choose} disabled={busy !== null}>
            Choose File
          </Button>
          <Button variant="contained" startIcon={<Upload />} onClick={() => chosen && upload(chosen)} disabled={!chosen || busy !== null}>
            Upload
          </Button>
        </Stack>
        {chosen && (
          <Paper variant="outlined" role="group" aria-label="Chosen file" sx={{ p: 2, bgcolor: 'transparent' }}>
            <InfoList
              rows={[
                { label: 'File', value: chosen.name },
                { label: 'Size', value: sizeText(chosen.bytes) },
                { label: 'Digest', value: <Box component="span" sx={monospace}>{chosen.digest}</Box> },
              ]}
            />
          </Paper>
        )}
        {busy && <LinearProgress aria-label={progressLabels[busy]} />}
        <Stack spacing={1.5} aria-live="polite" sx={{ '&:empty': { display: 'none' } }}>
          {outcome.kind === 'failed' && <ErrorAlert error={outcome.error} />}
          {outcome.kind === 'uploaded' && !outcome.result.confirmationRequestNeeded && (
            <Alert severity="success">
              <AlertTitle>Uploaded {outcome.name}</AlertTitle>
              {outcome.result.message}
            </Alert>
          )}
          {outcome.kind === 'uploaded' && outcome.result.confirmationRequestNeeded && (
            <Alert severity="warning">
              <AlertTitle>Confirmation request needed</AlertTitle>
              {outcome.result.message}
              <Box sx={{ mt: 1.5 }}>
                <Button variant="outlined" color="inherit" size="small" startIcon={<Download />} onClick={downloadConfirmation} disabled={busy !== null}>
                  Download confirmation request
                </Button>
              </Box>
            </Alert>
          )}
          {confirmation.kind === 'saved' && <SavedAlert file={confirmation.file} />}
          {confirmation.kind === 'failed' && <ErrorAlert error={confirmation.error} />}
        </Stack>
      </Stack>
    </Section>
  );
}
