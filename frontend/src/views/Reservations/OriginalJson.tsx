import ContentCopy from '@mui/icons-material/ContentCopy';
import FolderOpen from '@mui/icons-material/FolderOpen';
import SaveAlt from '@mui/icons-material/SaveAlt';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useId, useRef, useState } from 'react';
import { operations, reservationsApi, systemApi, toAppError } from '../../api';

/** A definition that may be the only one left: what to keep and where Go already kept it. */
export interface KeptDefinition {
  group: string;
  json: string;
  /** The file the app wrote before the change; '' when it has none. */
  keptIn: string;
}

type Status = { tone: 'success' | 'warning' | 'error'; text: string } | null;

/**
 * A group that may be missing from the server, in the import format: the
 * file the app kept it in, and Copy and Save as buttons, so it is easy to
 * keep and to import again.
 */
export function OriginalJson({ group, json, keptIn }: KeptDefinition) {
  const field = useRef<HTMLTextAreaElement>(null);
  const [status, setStatus] = useState<Status>(null);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(json);
      setStatus({ tone: 'success', text: 'Copied to the clipboard.' });
    } catch {
      // Without clipboard access the text is selected for Ctrl+C instead.
      field.current?.select();
      setStatus({ tone: 'warning', text: 'Copying is not allowed here; the text is selected, press Ctrl+C.' });
    }
  };

  const save = async () => {
    try {
      const path = await reservationsApi.saveDefinition(group, json);
      if (path) setStatus({ tone: 'success', text: `Saved to ${path}.` });
    } catch (e) {
      setStatus({ tone: 'error', text: toAppError(e).message });
    }
  };

  const showFolder = () => {
    systemApi.openKeptFolder().catch((e: unknown) => setStatus({ tone: 'error', text: toAppError(e).message }));
  };

  return (
    <Box>
      {keptIn && (
        <Typography variant="body2" sx={{ mb: 1.5, overflowWrap: 'anywhere' }}>
          The app kept this definition in <Box component="span" sx={{ fontFamily: 'monospace' }}>{keptIn}</Box>; import that file
          to restore the group.
        </Typography>
      )}
      <TextField
        label={`Definition of ${group}`}
        value={json}
        multiline
        maxRows={14}
        fullWidth
        inputRef={field}
        slotProps={{ htmlInput: { readOnly: true, spellCheck: false }, input: { sx: { fontFamily: 'monospace', fontSize: '0.8125rem' } } }}
      />
      <Box sx={{ display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: 1.5, mt: 1 }}>
        <Button variant="outlined" size="small" startIcon={<ContentCopy />} onClick={copy}>
          Copy
        </Button>
        <Button variant="outlined" size="small" startIcon={<SaveAlt />} onClick={save}>
          Save as…
        </Button>
        {keptIn && (
          <Button variant="outlined" size="small" startIcon={<FolderOpen />} onClick={showFolder}>
            Show folder
          </Button>
        )}
        <Box role="status" sx={{ typography: 'body2', color: status ? `${status.tone}.main` : undefined, overflowWrap: 'anywhere' }}>
          {status?.text}
        </Box>
      </Box>
    </Box>
  );
}

const titles: Partial<Record<operations.Outcome, (group: string) => string>> = {
  [operations.Outcome.LOST]: (group) => `Group “${group}” is no longer on the server`,
  [operations.Outcome.UNKNOWN]: (group) => `Group “${group}” may no longer be on the server`,
};

/** Shown when an edited group could be neither replaced nor restored, or when the server could not say which. */
export function OriginalJsonDialog({
  outcome,
  message,
  onClose,
  ...kept
}: KeptDefinition & { outcome: operations.Outcome; message: string; onClose: () => void }) {
  const titleId = useId();
  return (
    <Dialog open onClose={onClose} aria-labelledby={titleId} maxWidth="md" fullWidth>
      <DialogTitle id={titleId}>{(titles[outcome] ?? titles[operations.Outcome.LOST]!)(kept.group)}</DialogTitle>
      <DialogContent>
        <Alert severity={outcome === operations.Outcome.UNKNOWN ? 'warning' : 'error'} sx={{ mb: 2 }}>
          {message}
        </Alert>
        <DialogContentText sx={{ mb: 2 }}>
          {outcome === operations.Outcome.UNKNOWN
            ? 'Refresh the reservations list once the server answers. If the group is missing, import this definition to restore it as it was, or submit the new version from the pending table.'
            : 'Import this definition to restore the group as it was, or submit the new version from the pending table.'}
        </DialogContentText>
        <OriginalJson {...kept} />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} variant="contained">
          Close
        </Button>
      </DialogActions>
    </Dialog>
  );
}
