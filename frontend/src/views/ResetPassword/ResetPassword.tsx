import LockReset from '@mui/icons-material/LockReset';
import LoginIcon from '@mui/icons-material/Login';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { toAppError, type AppError, type SessionState } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { PasswordField } from '../../components/PasswordField';
import { routes } from '../../nav/routes';
import { useSession } from '../../state/Session';

/** The rules Go checks (FNE-API.md, Security), stated before the user has to guess them. */
const PASSWORD_RULES = '8–30 characters, with an upper-case and a lower-case letter and one of ( ^ * $ - + ? _ & = ! % { } / # )';

/**
 * The guide's three modes: the current password is needed on a first login
 * or when not logged in, not while logged in, and after a timeout the user
 * must log in again first.
 */
type Mode = 'needsCurrent' | 'loggedIn' | 'timedOut';

function modeOf(state: SessionState): Mode {
  if (state.timedOut) return 'timedOut';
  return state.loggedIn && !state.passwordChangeRequired ? 'loggedIn' : 'needsCurrent';
}

type FieldKey = 'user' | 'current' | 'new' | 'confirm';
type FieldErrors = Partial<Record<FieldKey, string>>;

type Outcome = { kind: 'none' } | { kind: 'changed'; savedCopyUpdated: boolean; problem: string } | { kind: 'failed'; error: AppError };

export function ResetPassword() {
  const { state } = useSession();
  return (
    <>
      <PageHeader
        navId="resetPassword"
        description="Change your administrator password, for example to replace the default password provided by your producer with a more secure one."
      />
      {state === null ? <LinearProgress aria-label="Asking the license server" sx={{ maxWidth: 680 }} /> : <ResetPasswordForm state={state} />}
    </>
  );
}

function ResetPasswordForm({ state }: { state: SessionState }) {
  const { lastUser, changePassword } = useSession();
  const mode = modeOf(state);
  // Untouched, the user name follows the session; once typed into, it is the user's.
  const [typedUser, setTypedUser] = useState<string | null>(null);
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'none' });
  const [busy, setBusy] = useState(false);
  const user = typedUser ?? (state.loggedIn ? state.user : lastUser || state.rememberedUser);

  const edit = (key: FieldKey, set: (value: string) => void) => (value: string) => {
    set(value);
    setErrors((e) => ({ ...e, [key]: undefined }));
    setOutcome((o) => (o.kind === 'failed' ? { kind: 'none' } : o));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setErrors({});
    setOutcome({ kind: 'none' });
    try {
      const after = await changePassword({ user, current: mode === 'needsCurrent' ? current : '', new: next, confirm });
      setCurrent('');
      setNext('');
      setConfirm('');
      setOutcome({
        kind: 'changed',
        savedCopyUpdated: after.problem === '' && after.rememberedUser !== '' && after.rememberedUser === user.trim(),
        problem: after.problem,
      });
    } catch (e) {
      const error = toAppError(e);
      const fields: FieldErrors = {};
      for (const key of ['user', 'current', 'new', 'confirm'] as const) {
        if (error.fields[key]) fields[key] = error.fields[key];
      }
      setErrors(fields);
      // A timeout turns the view into its "log in first" mode, which says it all.
      if (Object.keys(fields).length === 0 && error.code !== 'login_required') setOutcome({ kind: 'failed', error });
    } finally {
      setBusy(false);
    }
  };

  if (mode === 'timedOut') {
    return (
      <Alert
        severity="warning"
        sx={{ maxWidth: 680 }}
        action={
          <Button component={Link} to={routes.login} color="inherit" size="small" startIcon={<LoginIcon />}>
            Login
          </Button>
        }
      >
        <AlertTitle>Log in again first</AlertTitle>
        Your session ended after {state.idleTimeoutMinutes} minutes without activity. Log in again before you change the
        password.
      </Alert>
    );
  }

  return (
    <Stack spacing={2.5} sx={{ maxWidth: 680 }}>
      {state.securityKnown && !state.securityEnabled && (
        <Alert severity="info">Security is disabled on this server, so its passwords are not needed to use it.</Alert>
      )}
      {state.passwordChangeRequired && (
        <Alert severity="warning">
          The server wants a new password for {state.user || 'this user'} before anything else. Enter the current password and
          choose a new one.
        </Alert>
      )}
      <Paper variant="outlined" sx={{ p: { xs: 2.5, md: 3.5 } }}>
        <Box component="form" onSubmit={submit} noValidate aria-label="Reset Password">
          <Stack spacing={1}>
            <TextField
              label="User Name"
              value={user}
              onChange={(e) => edit('user', setTypedUser)(e.target.value)}
              error={errors.user !== undefined}
              helperText={errors.user ?? (mode === 'loggedIn' ? `Logged in as ${state.user}.` : ' ')}
              fullWidth
              slotProps={{ htmlInput: { name: 'user', autoComplete: 'username', spellCheck: false, autoCapitalize: 'off' } }}
            />
            {mode === 'needsCurrent' && (
              <PasswordField
                label="Current Password"
                name="current"
                autoComplete="current-password"
                value={current}
                onChange={edit('current', setCurrent)}
                error={errors.current ?? ''}
              />
            )}
            <PasswordField
              label="New Password"
              name="new"
              autoComplete="new-password"
              value={next}
              onChange={edit('new', setNext)}
              error={errors.new ?? ''}
              hint={PASSWORD_RULES}
            />
            <PasswordField
              label="Confirm New Password"
              name="confirm"
              autoComplete="new-password"
              value={confirm}
              onChange={edit('confirm', setConfirm)}
              error={errors.confirm ?? ''}
            />
          </Stack>
          <Box sx={{ mt: 3 }}>
            <Button type="submit" variant="contained" startIcon={<LockReset />} disabled={busy}>
              Reset Password
            </Button>
          </Box>
        </Box>
      </Paper>
      <Box aria-live="polite">
        <OutcomeAlert outcome={outcome} />
      </Box>
    </Stack>
  );
}

function OutcomeAlert({ outcome }: { outcome: Outcome }) {
  switch (outcome.kind) {
    case 'none':
      return null;
    case 'changed':
      return (
        <Stack spacing={1}>
          <Alert severity="success">
            The password was changed.
            {outcome.savedCopyUpdated && ' The copy saved on this computer was updated too.'}
          </Alert>
          {outcome.problem && <Alert severity="warning">{outcome.problem}</Alert>}
        </Stack>
      );
    case 'failed':
      return <ErrorAlert error={outcome.error} />;
  }
}
