import { HashRouter } from 'react-router';
import { settings } from './api';
import { AppRoutes } from './AppRoutes';
import { AppShell } from './components/AppShell';
import { AppTheme } from './components/AppTheme';
import { CertificatePrompt } from './components/CertificatePrompt';
import { LoginPrompt } from './components/LoginPrompt';
import { StartupScreen } from './components/StartupScreen';
import { AppSettingsProvider, useSettingsStartup } from './state/AppSettings';
import { BrandingProvider, useBranding } from './state/Branding';
import { PoliciesProvider } from './state/Policies';
import { SessionProvider } from './state/Session';

function ThemedApp() {
  const startup = useSettingsStartup();
  const { ready: brandingReady } = useBranding();
  return (
    <AppTheme preference={startup.status === 'ready' ? startup.view.theme : settings.Theme.SYSTEM}>
      {startup.status === 'ready' && brandingReady ? (
        <HashRouter>
          <SessionProvider>
            <AppShell>
              <AppRoutes />
            </AppShell>
            <LoginPrompt />
            <CertificatePrompt />
          </SessionProvider>
        </HashRouter>
      ) : (
        <StartupScreen startup={startup.status === 'ready' ? { status: 'loading' } : startup} />
      )}
    </AppTheme>
  );
}

export function App() {
  return (
    <AppSettingsProvider>
      <BrandingProvider>
        <PoliciesProvider>
          <ThemedApp />
        </PoliciesProvider>
      </BrandingProvider>
    </AppSettingsProvider>
  );
}
