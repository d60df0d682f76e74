import CssBaseline from '@mui/material/CssBaseline';
import { ThemeProvider, alpha, createTheme, type Theme } from '@mui/material/styles';
import useMediaQuery from '@mui/material/useMediaQuery';
import { useMemo, type ReactNode } from 'react';
import { settings } from '../api';

function buildTheme(mode: 'light' | 'dark'): Theme {
  const dark = mode === 'dark';
  const primary = dark ? '#64b5f6' : '#1565c0';
  return createTheme({
    palette: {
      mode,
      primary: { main: primary },
      secondary: { main: dark ? '#4db6ac' : '#00796b' },
      background: dark ? { default: '#121417', paper: '#1a1d21' } : { default: '#f4f6f9', paper: '#ffffff' },
      divider: dark ? 'rgba(255,255,255,0.10)' : 'rgba(15,23,42,0.10)',
    },
    shape: { borderRadius: 8 },
    typography: {
      fontFamily: '"Roboto Variable", Roboto, "Segoe UI", system-ui, sans-serif',
      h1: { fontSize: '1.625rem', fontWeight: 500, letterSpacing: 0 },
      h2: { fontSize: '1.125rem', fontWeight: 500 },
      button: { textTransform: 'none', fontWeight: 500 },
    },
    components: {
      MuiAppBar: {
        defaultProps: { elevation: 0, color: 'default' },
        styleOverrides: {
          root: ({ theme }) => ({
            backgroundColor: theme.palette.background.paper,
            borderBottom: `1px solid ${theme.palette.divider}`,
          }),
        },
      },
      MuiDrawer: {
        styleOverrides: {
          paper: ({ theme }) => ({ backgroundColor: theme.palette.background.paper }),
        },
      },
      MuiPaper: {
        defaultProps: { elevation: 0 },
        styleOverrides: { outlined: { borderRadius: 10 } },
      },
      MuiListItemButton: {
        styleOverrides: {
          root: ({ theme }) => ({
            borderRadius: 6,
            margin: '1px 8px',
            '&.Mui-selected': {
              backgroundColor: alpha(theme.palette.primary.main, dark ? 0.18 : 0.1),
              color: theme.palette.primary.main,
              '& .MuiListItemIcon-root': { color: theme.palette.primary.main },
            },
          }),
        },
      },
      MuiTooltip: { defaultProps: { arrow: true } },
      MuiButton: { defaultProps: { disableElevation: true } },
    },
  });
}

/**
 * Light, dark, or the operating system's choice; "system" follows a change of
 * the OS setting while the app is open.
 */
export function AppTheme({ preference, children }: { preference: settings.Theme; children: ReactNode }) {
  const prefersDark = useMediaQuery('(prefers-color-scheme: dark)');
  const mode = preference === settings.Theme.SYSTEM ? (prefersDark ? 'dark' : 'light') : preference === settings.Theme.DARK ? 'dark' : 'light';
  const theme = useMemo(() => buildTheme(mode), [mode]);
  return (
    <ThemeProvider theme={theme}>
      <CssBaseline />
      {children}
    </ThemeProvider>
  );
}
