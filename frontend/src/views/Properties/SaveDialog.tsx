import ArrowForward from '@mui/icons-material/ArrowForward';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import { useId } from 'react';
import { monospace } from '../../components/format';
import { OperationProgress, type LongOperation } from '../../components/OperationProgress';

export interface Change {
  name: string;
  /** How the change is listed: the internal name, or a label for the host ID. */
  label: string;
  from: string;
  to: string;
}

interface SaveDialogProps {
  changes: Change[];
  saving: boolean;
  /** The save under way, setting by setting. */
  operation: LongOperation;
  onSave: () => void;
  onClose: () => void;
}

/** Lists each change, old value to new, before anything is sent to the server. */
export function SaveDialog({ changes, saving, operation, onSave, onClose }: SaveDialogProps) {
  const titleId = useId();
  return (
    <Dialog open onClose={saving ? undefined : onClose} aria-labelledby={titleId} maxWidth="sm" fullWidth>
      <DialogTitle id={titleId}>Save {changes.length === 1 ? '1 change' : `${changes.length} changes`} to the license server?</DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 1.5 }}>The server uses the new values as soon as they are saved.</DialogContentText>
        <Box component="ul" aria-label="Changes" sx={{ m: 0, pl: 0, listStyle: 'none', display: 'grid', rowGap: 1 }}>
          {changes.map((c) => (
            <Box component="li" key={c.name} sx={{ display: 'grid', rowGap: 0.25 }}>
              <Box component="span" sx={{ ...monospace, fontWeight: 500 }}>
                {c.label}
              </Box>
              <Box component="span" sx={{ ...monospace, display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap', color: 'text.secondary' }}>
                <span>{c.from || '(empty)'}</span>
                <ArrowForward fontSize="inherit" titleAccess="to" />
                <Box component="span" sx={{ color: 'text.primary' }}>
                  {c.to || '(empty)'}
                </Box>
              </Box>
            </Box>
          ))}
        </Box>
      </DialogContent>
      <Box sx={{ px: 3 }}>
        <OperationProgress operation={operation} label="Saving" />
      </Box>
      <DialogActions>
        <Button onClick={onClose} disabled={saving}>
          Cancel
        </Button>
        <Button onClick={onSave} disabled={saving} variant="contained">
          Save
        </Button>
      </DialogActions>
    </Dialog>
  );
}
