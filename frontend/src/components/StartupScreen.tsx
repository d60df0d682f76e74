import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import type { SettingsStartup } from '../state/AppSettings';

/** Shown until the settings are loaded, or when they cannot be. */
export function StartupScreen({ startup }: { startup: Exclude<SettingsStartup, { status: 'ready' }> }) {
  return (
    <Box sx={{ minHeight: '100vh', display: 'grid', placeItems: 'center', p: 4 }}>
      {startup.status === 'loading' ? (
        <CircularProgress aria-label="Loading settings" />
      ) : (
        <Alert
          severity="error"
          sx={{ maxWidth: 560 }}
          action={
            <Button color="inherit" size="small" onClick={startup.retry}>
              Retry
            </Button>
          }
        >
          The settings could not be loaded: {startup.error.message}
        </Alert>
      )}
    </Box>
  );
}
