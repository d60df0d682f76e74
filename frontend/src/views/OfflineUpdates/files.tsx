import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { SavedFile } from '../../api';
import { monospace } from '../../components/format';

/** A file size as administrators compare it with what they carried across: exact bytes below 10 KB. */
export function sizeText(bytes: number): string {
  if (bytes < 10 * 1024) return `${bytes.toLocaleString()} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** Where a request was saved, and the digest to recognise it by on the other side of the air gap. */
export function SavedAlert({ file }: { file: SavedFile }) {
  return (
    <Alert severity="success">
      Saved {file.bytes.toLocaleString()} bytes to{' '}
      <Box component="span" sx={{ ...monospace, overflowWrap: 'anywhere' }}>
        {file.path}
      </Box>
      ; take this file to the back office.
      <Typography variant="body2" component="span" sx={{ display: 'block', mt: 0.5 }}>
        Digest{' '}
        <Box component="span" sx={monospace}>
          {file.digest}
        </Box>
      </Typography>
    </Alert>
  );
}
