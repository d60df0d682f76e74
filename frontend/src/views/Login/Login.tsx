import LoginIcon from '@mui/icons-material/Login';
import Logout from '@mui/icons-material/Logout';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { toAppError, type AppError, type SessionState } from '../../api';
import { DemoAccounts } from '../../components/DemoAccounts';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../components/format';
import { InfoList } from '../../components/InfoList';
import { PageHeader } from '../../components/PageHeader';
import { PasswordField } from '../../components/PasswordField';
import { RememberCheckbox, useRemember } from '../../components/RememberCheckbox';
import { Section } from '../../components/Section';
import { routes } from '../../nav/routes';
import { useSession } from '../../state/Session';

type Outcome =
  | { kind: 'none' }
  | { kind: 'loggedIn'; user: string }
  | { kind: 'loggedOut'; forgot: boolean }
  | { kind: 'failed'; error: AppError };

export function Login() {
  const { state } = useSession();
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'none' });

  return (
    <>
      <PageHeader
        navId="login"
        description="When administrative security is enabled on the license server, enter your credentials before starting administrative operations. What you can do then depends on the roles of your account."
      />
      {state === null ? (
        <LinearProgress aria-label="Asking the license server" sx={{ maxWidth: 680 }} />
      ) : (
        <Stack spacing={2.5} sx={{ maxWidth: 680 }}>
          <Notes state={state} />
          <Box aria-live="polite">
            <OutcomeAlert outcome={outcome} onClose={() => setOutcome({ kind: 'none' })} />
          </Box>
          {state.securityKnown && !state.securityEnabled ? (
            <Alert severity="info">
              Security is disabled on this server, so no login is needed: every operation is available without credentials.
            </Alert>
          ) : (
            <>
              {state.loggedIn && <CurrentSession state={state} onOutcome={setOutcome} />}
              <LoginForm state={state} onOutcome={setOutcome} />
            </>
          )}
        </Stack>
      )}
    </>
  );
}

/**
 * Why the user is here: a timeout, a server that could not be asked, or a
 * saved password that was refused or could not be kept.
 */
function Notes({ state }: { state: SessionState }) {
  return (
    <>
      {state.timedOut && (
        <Alert severity="warning">
          Your session ended after {state.idleTimeoutMinutes} minutes without activity. Log in again to continue; what you
          entered in other views is kept.
        </Alert>
      )}
      {state.problem && <Alert severity="warning">{state.problem}</Alert>}
      {state.loggedIn && state.passwordChangeRequired && (
        <Alert
          severity="warning"
          action={
            <Button component={Link} to={routes.resetPassword} color="inherit" size="small">
              Reset Password
            </Button>
          }
        >
          The server wants a new password for {state.user} before anything else.
        </Alert>
      )}
    </>
  );
}

function OutcomeAlert({ outcome, onClose }: { outcome: Outcome; onClose: () => void }) {
  switch (outcome.kind) {
    case 'none':
      return null;
    case 'loggedIn':
      return (
        <Alert severity="success" onClose={onClose}>
          Logged in as {outcome.user}.
        </Alert>
      );
    case 'loggedOut':
      return (
        <Alert severity="success" onClose={onClose}>
          {outcome.forgot ? 'Logged out. The saved password was removed from this computer.' : 'Logged out.'}
        </Alert>
      );
    case 'failed':
      return <ErrorAlert error={outcome.error} onClose={onClose} />;
  }
}

function CurrentSession({ state, onOutcome }: { state: SessionState; onOutcome: (outcome: Outcome) => void }) {
  const { logout } = useSession();
  const [busy, setBusy] = useState(false);
  const forgetNoteId = useId();

  const signOut = async (forget: boolean) => {
    setBusy(true);
    try {
      await logout(forget);
      onOutcome({ kind: 'loggedOut', forgot: forget });
    } catch (e) {
      onOutcome({ kind: 'failed', error: toAppError(e) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Section title="Current session">
      <InfoList
        rows={[
          { label: 'User', value: state.user },
          {
            label: 'Roles',
            value:
              state.roles.length > 0 ? (
                <Box component="span" sx={{ display: 'inline-flex', flexWrap: 'wrap', gap: 0.75 }}>
                  {state.roles.map((role) => (
                    <Chip key={role} label={role} size="small" variant="outlined" />
                  ))}
                </Box>
              ) : (
                'None'
              ),
          },
          { label: 'Session expires', value: state.expiresAt ? formatDateTime(state.expiresAt) : 'Not stated by the server' },
          {
            label: 'Saved password',
            value: state.rememberedUser ? `Saved on this computer for ${state.rememberedUser}` : 'None',
          },
        ]}
      />
      <Stack direction="row" spacing={1.5} sx={{ mt: 2.5 }}>
        <Button variant="outlined" startIcon={<Logout />} onClick={() => signOut(false)} disabled={busy}>
          Logout
        </Button>
        {state.rememberedUser && (
          <Button color="error" onClick={() => signOut(true)} disabled={busy} aria-describedby={forgetNoteId}>
            Forget saved password
          </Button>
        )}
      </Stack>
      <Typography variant="body2" sx={{ color: 'text.secondary', mt: 1.5 }}>
        {state.rememberedUser && (
          <span id={forgetNoteId}>Forget saved password logs out and deletes the password from the credential store. </span>
        )}
        The server also ends a session after {state.idleTimeoutMinutes} minutes without activity.
      </Typography>
    </Section>
  );
}

interface FieldErrors {
  user?: string;
  password?: string;
}

function LoginForm({ state, onOutcome }: { state: SessionState; onOutcome: (outcome: Outcome) => void }) {
  const { lastUser, login, logout } = useSession();
  // Untouched fields follow the session; once typed into, they are the user's.
  const [typedUser, setTypedUser] = useState<string | null>(null);
  const [password, setPassword] = useState('');
  const [chosenRemember, setChosenRemember] = useState<boolean | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const user = typedUser ?? (state.loggedIn ? '' : lastUser || state.rememberedUser);
  const remember = useRemember(chosenRemember ?? state.rememberedUser !== '');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setErrors({});
    onOutcome({ kind: 'none' });
    try {
      const next = await login({ user, password, remember });
      setPassword('');
      setTypedUser(null);
      onOutcome({ kind: 'loggedIn', user: next.user });
    } catch (e) {
      const error = toAppError(e);
      if (error.fields.user || error.fields.password) setErrors({ user: error.fields.user, password: error.fields.password });
      else onOutcome({ kind: 'failed', error });
    } finally {
      setBusy(false);
    }
  };

  const forget = async () => {
    try {
      await logout(true);
      onOutcome({ kind: 'loggedOut', forgot: true });
    } catch (e) {
      onOutcome({ kind: 'failed', error: toAppError(e) });
    }
  };

  return (
    <Paper variant="outlined" sx={{ p: { xs: 2.5, md: 3.5 } }}>
      <Typography variant="h2" sx={{ mb: 2 }}>
        {state.loggedIn ? 'Log in as another user' : 'Log in'}
      </Typography>
      <Box component="form" onSubmit={submit} noValidate aria-label="Login">
        <Box sx={{ mb: state.demoAccounts.length > 0 ? 2 : 0 }}>
          <DemoAccounts
            accounts={state.demoAccounts}
            onUse={(a) => {
              setTypedUser(a.user);
              setPassword(a.password);
              setErrors({});
            }}
          />
        </Box>
        <Stack spacing={1}>
          <TextField
            label="User Name"
            value={user}
            onChange={(e) => {
              setTypedUser(e.target.value);
              setErrors((x) => ({ ...x, user: undefined }));
            }}
            error={errors.user !== undefined}
            helperText={errors.user ?? ' '}
            fullWidth
            slotProps={{ htmlInput: { name: 'user', autoComplete: 'username', spellCheck: false, autoCapitalize: 'off' } }}
          />
          <PasswordField
            label="Password"
            name="password"
            autoComplete="current-password"
            value={password}
            onChange={(value) => {
              setPassword(value);
              setErrors((x) => ({ ...x, password: undefined }));
            }}
            error={errors.password ?? ''}
          />
          <RememberCheckbox checked={remember} onChange={setChosenRemember} />
        </Stack>
        <Stack direction="row" spacing={1.5} sx={{ mt: 3, alignItems: 'center' }}>
          <Button type="submit" variant="contained" startIcon={<LoginIcon />} disabled={busy} sx={{ minWidth: 104 }}>
            Login
          </Button>
          {!state.loggedIn && state.rememberedUser && (
            <Button color="error" onClick={forget} disabled={busy}>
              Forget saved password
            </Button>
          )}
        </Stack>
      </Box>
    </Paper>
  );
}
