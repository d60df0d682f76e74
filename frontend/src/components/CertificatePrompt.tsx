import GppMaybe from '@mui/icons-material/GppMaybeOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { apperr, setRecovery, toAppError, toCertificateInfo, type AppError, type CertificateInfo } from '../api';
import { useAppSettings } from '../state/AppSettings';
import { useSession } from '../state/Session';
import { CertificateDetails } from './CertificateDetails';

interface Pending {
  certificate: CertificateInfo;
  message: string;
  finish: (trusted: boolean) => void;
}

/**
 * Answers every tls_untrusted failure: shows the certificate and, if the
 * user trusts it, pins it for the active profile and lets the call run
 * again. Calls that fail together wait for the same answer.
 */
export function CertificatePrompt() {
  const { trustCertificate } = useAppSettings();
  const { startFor } = useSession();
  const [pending, setPending] = useState<Pending | null>(null);
  const answer = useRef<Promise<boolean> | null>(null);

  const ask = useCallback((error: AppError) => {
    const certificate = toCertificateInfo(error.details);
    // Without a fingerprint there is nothing the user could pin.
    if (!certificate) return Promise.resolve(false);
    answer.current ??= new Promise<boolean>((resolve) => {
      setPending({
        certificate,
        message: error.message,
        finish: (trusted) => {
          answer.current = null;
          setPending(null);
          resolve(trusted);
        },
      });
    });
    return answer.current;
  }, []);

  useEffect(() => setRecovery(apperr.Code.TLS_UNTRUSTED, ask), [ask]);

  if (!pending) return null;
  const trust = async () => {
    const next = await trustCertificate(pending.certificate.fingerprint);
    // A new trust setting is a new connection without a login; wait for the
    // saved login to be used before the call runs again.
    await startFor(next);
    pending.finish(true);
  };
  return <TrustDialog pending={pending} onTrust={trust} />;
}

function TrustDialog({ pending, onTrust }: { pending: Pending; onTrust: () => Promise<void> }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const titleId = useId();
  const cancel = () => pending.finish(false);

  const trust = async () => {
    setBusy(true);
    setError('');
    try {
      await onTrust();
    } catch (e) {
      setError(toAppError(e).message);
      setBusy(false);
    }
  };

  return (
    <Dialog open onClose={busy ? undefined : cancel} aria-labelledby={titleId} maxWidth="sm" fullWidth>
      <DialogTitle id={titleId} sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
        <GppMaybe color="warning" aria-hidden />
        Certificate not trusted
      </DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 2 }}>{pending.message}</DialogContentText>
        <Box sx={{ border: 1, borderColor: 'divider', borderRadius: 2, p: 2 }}>
          <CertificateDetails certificate={pending.certificate} />
        </Box>
        <DialogContentText variant="body2" sx={{ mt: 2 }}>
          Trust it only if the fingerprint matches the one your server administrator gave you. This profile will then accept
          this certificate although no authority known to this computer vouches for it, until you forget it in Settings.
        </DialogContentText>
        {error && (
          <Alert severity="error" sx={{ mt: 2 }}>
            {error}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={cancel} disabled={busy}>
          Cancel
        </Button>
        <Button onClick={trust} disabled={busy} variant="contained" color="warning">
          Trust this certificate
        </Button>
      </DialogActions>
    </Dialog>
  );
}
