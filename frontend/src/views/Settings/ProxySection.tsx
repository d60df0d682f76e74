import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import Paper from '@mui/material/Paper';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { settingsApi, toAppError, type AppError } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PolicyNote } from '../../components/PolicyNote';
import { useAppSettings } from '../../state/AppSettings';
import { usePolicies } from '../../state/Policies';

type Mode = 'system' | 'none' | 'manual';

const modeOf = (proxy: string | undefined): Mode => (proxy === 'none' || proxy === 'manual' ? proxy : 'system');

/**
 * How the active profile's server is reached: through the system's proxy
 * (Windows Internet Options), directly, or through a proxy of its own, with
 * the proxy's credentials. The ProxyServer machine policy, when set,
 * overrides the choice and is shown instead of it.
 */
export function ProxySection() {
  const { view, setProxy } = useAppSettings();
  const { proxy, proxyUrl, proxyUser } = view.active;
  const policy = usePolicies().policies.proxyServer;
  const [mode, setMode] = useState<Mode>(modeOf(proxy));
  const [url, setUrl] = useState(proxyUrl ?? '');
  const [user, setUser] = useState(proxyUser ?? '');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [done, setDone] = useState('');
  const titleId = useId();

  useEffect(() => {
    setMode(modeOf(proxy));
    setUrl(proxyUrl ?? '');
    setUser(proxyUser ?? '');
  }, [view.activeProfileId, proxy, proxyUrl, proxyUser]);

  const run = async (action: () => Promise<unknown>, message: string) => {
    setBusy(true);
    setError(null);
    setDone('');
    try {
      await action();
      setDone(message);
    } catch (e) {
      setError(toAppError(e));
    } finally {
      setBusy(false);
    }
  };

  const onSave = (e: FormEvent) => {
    e.preventDefault();
    void run(() => setProxy({ mode, url: mode === 'manual' ? url : '', user }), 'Proxy settings saved.');
  };
  const savePassword = (pw: string, message: string) =>
    run(async () => {
      await settingsApi.setProxyPassword(pw);
      setPassword('');
    }, message);

  const fields = error?.fields ?? {};
  const locked = policy !== '';
  const userSaved = (proxyUser ?? '') !== '' && user === proxyUser;

  return (
    <Paper component="section" aria-labelledby={titleId} variant="outlined" sx={{ p: { xs: 2, md: 2.5 }, maxWidth: 680, mt: 3, bgcolor: 'transparent' }}>
      <Typography id={titleId} variant="subtitle1" component="h2" sx={{ fontWeight: 500 }}>
        Proxy
      </Typography>
      <Typography variant="body2" sx={{ color: 'text.secondary', mt: 0.5, mb: 2 }}>
        How this profile's server is reached. The system proxy is the one of Windows' Internet Options (a proxy server, a
        configuration script or automatic detection).
      </Typography>
      {locked && (
        <Box sx={{ mb: 2 }} data-testid="proxy-policy">
          <PolicyNote>every server is reached {policy === 'direct' ? 'without a proxy' : `through ${policy}`}.</PolicyNote>
        </Box>
      )}
      <Box component="form" onSubmit={onSave} noValidate>
        <FormControl component="fieldset" disabled={locked || busy} error={!!fields.proxy}>
          <RadioGroup aria-label="Proxy" value={mode} onChange={(e) => setMode(modeOf(e.target.value))}>
            <FormControlLabel value="system" control={<Radio />} label="System proxy" />
            <FormControlLabel value="none" control={<Radio />} label="No proxy" />
            <FormControlLabel value="manual" control={<Radio />} label="This proxy:" />
          </RadioGroup>
        </FormControl>
        <Stack spacing={2} sx={{ mt: 1 }}>
          <TextField
            label="Proxy address"
            placeholder="proxy.corp.example:8080"
            size="small"
            value={url}
            onChange={(e) => setUrl(e.target.value)}
            disabled={locked || busy || mode !== 'manual'}
            error={!!fields.proxyUrl}
            helperText={fields.proxyUrl ?? ' '}
          />
          <TextField
            label="Proxy user name"
            placeholder="CORP\\user (none when the proxy asks for no login)"
            size="small"
            value={user}
            onChange={(e) => setUser(e.target.value)}
            disabled={busy}
            error={!!fields.proxyUser}
            helperText={fields.proxyUser ?? 'Sent to the proxy only (NTLM or Basic). DOMAIN\\user for NTLM.'}
          />
          <Stack direction="row" spacing={1}>
            <Button type="submit" variant="contained" disabled={busy}>
              Save proxy settings
            </Button>
          </Stack>
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ alignItems: { sm: 'flex-start' } }}>
            <TextField
              label="Proxy password"
              type="password"
              size="small"
              autoComplete="off"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              disabled={busy || !userSaved}
              helperText={userSaved ? 'Kept in the Windows Credential Manager, never in the settings file.' : 'Save a proxy user name first.'}
            />
            <Button onClick={() => void savePassword(password, 'Proxy password saved.')} disabled={busy || !userSaved || password === ''}>
              Save password
            </Button>
            <Button onClick={() => void savePassword('', 'Proxy password forgotten.')} disabled={busy || !userSaved}>
              Forget password
            </Button>
          </Stack>
        </Stack>
      </Box>
      <Box sx={{ mt: 1 }} aria-live="polite">
        {done && <Alert severity="success">{done}</Alert>}
        {error && Object.keys(fields).length === 0 && <ErrorAlert error={error} />}
      </Box>
    </Paper>
  );
}
