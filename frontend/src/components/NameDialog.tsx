import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import TextField from '@mui/material/TextField';
import { useId, useState, type FormEvent } from 'react';
import { toAppError } from '../api';

interface NameDialogProps {
  title: string;
  submitLabel: string;
  initialName?: string;
  /** Rejects with an AppError to keep the dialog open; fields.name shows under the field. */
  onSubmit: (name: string) => Promise<void>;
  onClose: () => void;
}

/** Asks for a profile name. Go validates it; its messages are shown as they come. */
export function NameDialog({ title, submitLabel, initialName = '', onSubmit, onClose }: NameDialogProps) {
  const [name, setName] = useState(initialName);
  const [busy, setBusy] = useState(false);
  const [fieldError, setFieldError] = useState('');
  const [error, setError] = useState('');
  const titleId = useId();
  const fieldId = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setFieldError('');
    setError('');
    try {
      await onSubmit(name);
      onClose();
    } catch (e) {
      const err = toAppError(e);
      if (err.fields.name) setFieldError(err.fields.name);
      else setError(err.message);
      setBusy(false);
    }
  };

  return (
    <Dialog open onClose={busy ? undefined : onClose} aria-labelledby={titleId} maxWidth="xs" fullWidth>
      <form onSubmit={submit} noValidate>
        <DialogTitle id={titleId}>{title}</DialogTitle>
        <DialogContent>
          <TextField
            id={fieldId}
            label="Profile name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            error={fieldError !== ''}
            helperText={fieldError || ' '}
            autoFocus
            fullWidth
            margin="dense"
            slotProps={{ htmlInput: { name: 'name' } }}
          />
          {error && <Alert severity="error">{error}</Alert>}
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose} disabled={busy}>
            Cancel
          </Button>
          <Button type="submit" variant="contained" disabled={busy}>
            {submitLabel}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
