import Alert from '@mui/material/Alert';
import Snackbar from '@mui/material/Snackbar';
import { useState, type ReactElement } from 'react';
import { toAppError } from '../api';

type Toast = { severity: 'success' | 'error'; text: string };

/**
 * An Export CSV action: run asks Go to save the file through its save
 * dialog and resolves to the path, or '' when the user cancelled. The toast
 * says where the file went, or why it failed (and stays until dismissed).
 */
export function useCsvExport(run: () => Promise<string>): { exporting: boolean; exportCsv: () => Promise<void>; toast: ReactElement } {
  const [exporting, setExporting] = useState(false);
  const [shown, setShown] = useState<Toast | null>(null);
  const exportCsv = async () => {
    setExporting(true);
    try {
      const path = await run();
      if (path) setShown({ severity: 'success', text: `Exported to ${path}` });
    } catch (e) {
      setShown({ severity: 'error', text: `The export failed: ${toAppError(e).message}` });
    } finally {
      setExporting(false);
    }
  };
  const toast = (
    <Snackbar
      open={shown !== null}
      autoHideDuration={shown?.severity === 'error' ? null : 8000}
      onClose={(_, reason) => reason !== 'clickaway' && setShown(null)}
      anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }}
    >
      {shown ? (
        <Alert severity={shown.severity} variant="filled" onClose={() => setShown(null)} sx={{ maxWidth: 720, overflowWrap: 'anywhere' }}>
          {shown.text}
        </Alert>
      ) : undefined}
    </Snackbar>
  );
  return { exporting, exportCsv, toast };
}
