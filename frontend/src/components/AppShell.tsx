import VpnKey from '@mui/icons-material/VpnKey';
import Alert from '@mui/material/Alert';
import AppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import Toolbar from '@mui/material/Toolbar';
import Typography from '@mui/material/Typography';
import { useEffect, useState, type ReactNode } from 'react';
import { systemApi } from '../api';
import { useAppSettings } from '../state/AppSettings';
import { useBranding } from '../state/Branding';
import { AlertsBell } from './AlertsBell';
import { ConnectionChip } from './ConnectionChip';
import { NavDrawer } from './NavDrawer';
import { ProfileSwitcher } from './ProfileSwitcher';
import { SessionIndicator } from './SessionIndicator';
import { ThemeMenu } from './ThemeMenu';

const DEFAULT_PRODUCT_NAME = 'License Server Manager';

/** Header, menu and content area around the routed view. */
export function AppShell({ children }: { children: ReactNode }) {
  const { notice, dismissNotice } = useAppSettings();
  const branding = useBranding();
  const [productName, setProductName] = useState(DEFAULT_PRODUCT_NAME);

  useEffect(() => {
    // The product name comes from the build (producer branding); if it cannot
    // be read the generic name is still right, and About shows the error.
    systemApi.about().then(
      (about) => setProductName(about.build.productName || DEFAULT_PRODUCT_NAME),
      () => undefined,
    );
  }, []);

  return (
    <Box sx={{ display: 'flex', minHeight: '100vh' }}>
      <AppBar position="fixed" sx={{ zIndex: (theme) => theme.zIndex.drawer + 1 }}>
        <Toolbar sx={{ gap: 2 }}>
          {branding.logoDataUrl ? (
            <Box
              component="img"
              src={branding.logoDataUrl}
              alt="Logo"
              sx={{ display: 'block', maxHeight: 36, maxWidth: 180, objectFit: 'contain' }}
            />
          ) : (
            <Box
              aria-hidden
              sx={{
                width: 30,
                height: 30,
                borderRadius: 1.5,
                display: 'grid',
                placeItems: 'center',
                bgcolor: 'primary.main',
                color: 'primary.contrastText',
              }}
            >
              <VpnKey fontSize="small" />
            </Box>
          )}
          <Typography variant="h6" component="div" sx={{ fontWeight: 500, fontSize: '1.0625rem', flexGrow: 1 }} noWrap>
            {productName}
          </Typography>
          <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center' }}>
            <ProfileSwitcher />
            <SessionIndicator />
            <ConnectionChip />
            <AlertsBell />
            <ThemeMenu />
          </Stack>
        </Toolbar>
      </AppBar>
      <NavDrawer />
      <Box component="main" sx={{ flexGrow: 1, minWidth: 0, px: { xs: 3, md: 4 }, pb: 4 }}>
        <Toolbar />
        {/* Wide enough for the eleven columns of Features' Details beside the collapsed menu at 1280 px. */}
        <Box sx={{ maxWidth: 1200, mx: 'auto', pt: 3 }}>
          {notice && (
            <Alert severity="warning" onClose={dismissNotice} sx={{ mb: 3 }}>
              {notice}
            </Alert>
          )}
          {branding.problems.length > 0 && (
            <Alert severity="warning" onClose={branding.dismissProblems} sx={{ mb: 3 }}>
              Branding not applied: {branding.problems.length === 1 ? branding.problems[0] : null}
              {branding.problems.length > 1 && (
                <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
                  {branding.problems.map((p) => (
                    <li key={p}>{p}</li>
                  ))}
                </Box>
              )}
            </Alert>
          )}
          {children}
        </Box>
      </Box>
    </Box>
  );
}
