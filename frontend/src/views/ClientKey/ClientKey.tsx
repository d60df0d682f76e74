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
import { backOfficeApi, toAppError, type AppError, type ChosenFile } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { InfoList } from '../../components/InfoList';
import { PageHeader } from '../../components/PageHeader';
import { Section } from '../../components/Section';
import { useAppSettings } from '../../state/AppSettings';

type Outcome = { kind: 'none' } | { kind: 'uploaded'; confirmation: string } | { kind: 'failed'; error: AppError };

/**
 * Choose File, then Upload. Go checks the key when it is chosen, so a PEM
 * file, a key of another size or something else entirely is explained
 * before the upload, not by the server afterwards.
 */
function ClientKeyUpload() {
  const [chosen, setChosen] = useState<ChosenFile | null>(null);
  const [busy, setBusy] = useState<'choosing' | 'uploading' | null>(null);
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'none' });

  const choose = async () => {
    setBusy('choosing');
    try {
      const file = await backOfficeApi.chooseClientKey();
      // A cancelled dialog keeps whatever was chosen before.
      if (file.path) {
        setChosen(file);
        setOutcome({ kind: 'none' });
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
    try {
      setOutcome({ kind: 'uploaded', confirmation: await backOfficeApi.uploadClientKey(file.path) });
    } catch (e) {
      setOutcome({ kind: 'failed', error: toAppError(e) });
    } finally {
      setBusy(null);
    }
  };

  return (
    <Section title="Upload Client Key">
      <Stack spacing={2}>
        <Typography variant="body2" sx={{ color: 'text.secondary' }}>
          The file must hold an RSA public key of 2048 bits, DER-encoded. Your producer tells you where to get it and whether your
          clients need one. Uploading needs license-server administrator credentials.
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
          <Paper variant="outlined" role="group" aria-label="Chosen key" sx={{ p: 2, bgcolor: 'transparent' }}>
            <InfoList
              rows={[
                { label: 'File', value: chosen.name },
                { label: 'Key', value: chosen.note },
              ]}
            />
          </Paper>
        )}
        {busy && <LinearProgress aria-label={busy === 'choosing' ? 'Checking the key' : 'Uploading the key'} />}
        <Box aria-live="polite" sx={{ '&:empty': { display: 'none' } }}>
          {outcome.kind === 'uploaded' && (
            <Alert severity="success">
              <AlertTitle>Uploaded</AlertTitle>
              {outcome.confirmation}
            </Alert>
          )}
          {outcome.kind === 'failed' && <ErrorAlert error={outcome.error} />}
        </Box>
      </Stack>
    </Section>
  );
}

/** The Client Key Operations view: uploads a client's RSA public key to the license server. */
export function ClientKey() {
  const { view } = useAppSettings();
  return (
    <>
      <PageHeader
        navId="clientKey"
        description="Upload a file holding a client-side RSA public key (2048-bit, DER-encoded) to the license server, when your producer asks for one."
      />
      <Box sx={{ maxWidth: 760 }}>
        {/* A key chosen for one server is not silently uploaded to another profile's. */}
        <ClientKeyUpload key={view.activeProfileId} />
      </Box>
    </>
  );
}
