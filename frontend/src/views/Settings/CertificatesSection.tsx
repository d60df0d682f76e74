import FileOpen from '@mui/icons-material/FileOpenOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useId, useState, type ReactNode } from 'react';
import { toAppError, type AppError } from '../../api';
import { Fingerprint } from '../../components/CertificateDetails';
import { ErrorAlert } from '../../components/ErrorAlert';
import { monospace } from '../../components/format';
import { useAppSettings } from '../../state/AppSettings';

function Row({ label, value, actions }: { label: string; value: ReactNode; actions: ReactNode }) {
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '170px 1fr auto' }, gap: { xs: 0.5, sm: 2 }, alignItems: 'center' }}>
      <Typography variant="body2" sx={{ color: 'text.secondary' }}>
        {label}
      </Typography>
      <Typography variant="body2" component="div" sx={{ overflowWrap: 'anywhere', minWidth: 0 }}>
        {value}
      </Typography>
      <Stack direction="row" spacing={1}>
        {actions}
      </Stack>
    </Box>
  );
}

/**
 * How the active profile trusts a server whose certificate no authority on
 * this computer vouches for: a pinned certificate (trusted when the app
 * asked) or a CA file. Kept apart from the guide's fields, which it does not
 * change.
 */
export function CertificatesSection() {
  const { view, trustCertificate, chooseCAFile, removeCAFile } = useAppSettings();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const titleId = useId();
  const { pinnedFingerprint, caFile } = view.active;

  const run = (action: () => Promise<unknown>) => async () => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(toAppError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper component="section" aria-labelledby={titleId} variant="outlined" sx={{ p: { xs: 2, md: 2.5 }, maxWidth: 680, mt: 3, bgcolor: 'transparent' }}>
      <Typography id={titleId} variant="subtitle1" component="h2" sx={{ fontWeight: 500 }}>
        Certificates
      </Typography>
      <Typography variant="body2" sx={{ color: 'text.secondary', mt: 0.5, mb: 2 }}>
        For an HTTPS server whose certificate is not signed by an authority this computer trusts. These apply to this profile only.
      </Typography>
      <Stack spacing={1.5}>
        <Row
          label="Trusted certificate"
          value={
            pinnedFingerprint ? (
              <Fingerprint value={pinnedFingerprint} testId="pinned-fingerprint" />
            ) : (
              <Box component="span" sx={{ color: 'text.secondary' }}>
                None. When a server shows an untrusted certificate, the app asks whether to trust it.
              </Box>
            )
          }
          actions={
            <Button size="small" onClick={run(() => trustCertificate(''))} disabled={!pinnedFingerprint || busy}>
              Forget
            </Button>
          }
        />
        <Row
          label="CA file"
          value={
            caFile ? (
              <Box component="span" sx={monospace} data-testid="ca-file">
                {caFile}
              </Box>
            ) : (
              <Box component="span" sx={{ color: 'text.secondary' }}>
                None. The authorities this computer trusts are used.
              </Box>
            )
          }
          actions={
            <>
              <Button size="small" variant="outlined" startIcon={<FileOpen />} onClick={run(chooseCAFile)} disabled={busy}>
                Choose CA file…
              </Button>
              <Button size="small" onClick={run(removeCAFile)} disabled={!caFile || busy}>
                Remove
              </Button>
            </>
          }
        />
      </Stack>
      {error && <ErrorAlert error={error} onClose={() => setError(null)} sx={{ mt: 2 }} />}
    </Paper>
  );
}
