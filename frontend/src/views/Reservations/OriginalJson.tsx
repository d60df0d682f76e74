import ContentCopy from '@mui/icons-material/ContentCopy';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import TextField from '@mui/material/TextField';
import { useId, useRef, useState } from 'react';

/**
 * A group that is on the server no more, in the import format, with a Copy
 * button: the only copy left, so it must be easy to keep.
 */
export function OriginalJson({ json, label }: { json: string; label: string }) {
  const field = useRef<HTMLTextAreaElement>(null);
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(json);
      setCopied('yes');
    } catch {
      // Without clipboard access the text is selected for Ctrl+C instead.
      field.current?.select();
      setCopied('failed');
    }
  };

  return (
    <Box>
      <TextField
        label={label}
        value={json}
        multiline
        maxRows={14}
        fullWidth
        inputRef={field}
        slotProps={{ htmlInput: { readOnly: true, spellCheck: false }, input: { sx: { fontFamily: 'monospace', fontSize: '0.8125rem' } } }}
      />
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.5, mt: 1 }}>
        <Button variant="outlined" size="small" startIcon={<ContentCopy />} onClick={copy}>
          Copy
        </Button>
        <Box role="status" sx={{ typography: 'body2', color: copied === 'failed' ? 'warning.main' : 'success.main' }}>
          {copied === 'yes' && 'Copied to the clipboard.'}
          {copied === 'failed' && 'Copying is not allowed here; the text is selected, press Ctrl+C.'}
        </Box>
      </Box>
    </Box>
  );
}

/** Shown when an edited group could be neither replaced nor restored. */
export function OriginalJsonDialog({ name, json, message, onClose }: { name: string; json: string; message: string; onClose: () => void }) {
  const titleId = useId();
  return (
    <Dialog open onClose={onClose} aria-labelledby={titleId} maxWidth="md" fullWidth>
      <DialogTitle id={titleId}>Group “{name}” is no longer on the server</DialogTitle>
      <DialogContent>
        <Alert severity="error" sx={{ mb: 2 }}>
          {message}
        </Alert>
        <DialogContentText sx={{ mb: 2 }}>
          Keep this definition: save it as a .json file and import it to restore the group as it was, or submit the new version from
          the pending table.
        </DialogContentText>
        <OriginalJson json={json} label={`Definition of ${name}`} />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} variant="contained">
          Close
        </Button>
      </DialogActions>
    </Dialog>
  );
}
