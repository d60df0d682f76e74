import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Snackbar from '@mui/material/Snackbar';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { apperr, setRecovery, toAppError, type AppError, type DemoAccount, type LoginInput } from '../api';
import { useSession } from '../state/Session';
import { DemoAccounts } from './DemoAccounts';
import { PasswordField } from './PasswordField';
import { RememberCheckbox, useRemember } from './RememberCheckbox';

interface Pending {
  error: AppError;
  finish: (loggedIn: boolean) => void;
}

/**
 * Answers every login_required failure with a login dialog over the current
 * view, so nothing typed there is lost; after the login the failed call runs
 * again. Calls that fail together wait for the same dialog.
 */
export function LoginPrompt() {
  const { state, lastUser, login, refresh } = useSession();
  const [pending, setPending] = useState<Pending | null>(null);
  const [problem, setProblem] = useState('');
  const answer = useRef<Promise<boolean> | null>(null);

  const ask = useCallback((error: AppError) => {
    answer.current ??= new Promise<boolean>((resolve) => {
      setPending({
        error,
        finish: (loggedIn) => {
          answer.current = null;
          setPending(null);
          resolve(loggedIn);
        },
      });
    });
    return answer.current;
  }, []);

  useEffect(() => setRecovery(apperr.Code.LOGIN_REQUIRED, ask), [ask]);

  const rememberedUser = state?.rememberedUser ?? '';
  return (
    <>
      {pending && (
        <LoginDialog
          reason={pending.error.message}
          initialUser={lastUser || rememberedUser}
          initialRemember={rememberedUser !== ''}
          demoAccounts={state?.demoAccounts ?? []}
          onLogin={async (input) => {
            const next = await login(input);
            // The login worked even if its password could not be saved; say so after the dialog.
            setProblem(next.problem);
            pending.finish(true);
          }}
          onCancel={() => {
            pending.finish(false);
            // The header should show the login the server lost.
            refresh().catch(() => undefined);
          }}
        />
      )}
      <Snackbar open={problem !== ''} onClose={() => setProblem('')} anchorOrigin={{ vertical: 'top', horizontal: 'center' }}>
        <Alert severity="warning" onClose={() => setProblem('')} variant="filled">
          {problem}
        </Alert>
      </Snackbar>
    </>
  );
}

interface LoginDialogProps {
  reason: string;
  initialUser: string;
  initialRemember: boolean;
  /** The demo server's accounts; empty for a real server. */
  demoAccounts: readonly DemoAccount[];
  /** Rejects with an AppError to keep the dialog open; fields.user and fields.password show under the fields. */
  onLogin: (input: LoginInput) => Promise<void>;
  onCancel: () => void;
}

function LoginDialog({ reason, initialUser, initialRemember, demoAccounts, onLogin, onCancel }: LoginDialogProps) {
  const [user, setUser] = useState(initialUser);
  const [password, setPassword] = useState('');
  const [chosenRemember, setRemember] = useState(initialRemember);
  const remember = useRemember(chosenRemember);
  const [fields, setFields] = useState<{ user?: string; password?: string }>({});
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const titleId = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setFields({});
    setError('');
    try {
      await onLogin({ user, password, remember });
    } catch (e) {
      const err = toAppError(e);
      if (err.fields.user || err.fields.password) setFields({ user: err.fields.user, password: err.fields.password });
      else setError(err.message);
      setBusy(false);
    }
  };

  return (
    <Dialog open onClose={busy ? undefined : onCancel} aria-labelledby={titleId} maxWidth="xs" fullWidth>
      <form onSubmit={submit} noValidate>
        <DialogTitle id={titleId}>Log in to continue</DialogTitle>
        <DialogContent>
          <Alert severity="info" sx={{ mb: 2 }}>
            {reason} After the login, the operation you started runs again.
          </Alert>
          <DemoAccounts
            accounts={demoAccounts}
            onUse={(a) => {
              setUser(a.user);
              setPassword(a.password);
              setFields({});
            }}
          />
          <Stack spacing={1}>
            <TextField
              label="User Name"
              value={user}
              onChange={(e) => {
                setUser(e.target.value);
                setFields((f) => ({ ...f, user: undefined }));
              }}
              error={fields.user !== undefined}
              helperText={fields.user ?? ' '}
              autoFocus={initialUser === ''}
              fullWidth
              margin="dense"
              slotProps={{ htmlInput: { name: 'user', autoComplete: 'username', spellCheck: false, autoCapitalize: 'off' } }}
            />
            <PasswordField
              label="Password"
              name="password"
              autoComplete="current-password"
              value={password}
              onChange={(value) => {
                setPassword(value);
                setFields((f) => ({ ...f, password: undefined }));
              }}
              error={fields.password ?? ''}
              autoFocus={initialUser !== ''}
            />
            <RememberCheckbox checked={remember} onChange={setRemember} />
          </Stack>
          {error && (
            <Alert severity="error" sx={{ mt: 2 }}>
              {error}
            </Alert>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={onCancel} disabled={busy}>
            Cancel
          </Button>
          <Button type="submit" variant="contained" disabled={busy}>
            Login
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
