import { HashRouter } from 'react-router';
import { AppRoutes } from './AppRoutes';
import { AppShell } from './components/AppShell';
import { AppTheme } from './components/AppTheme';
import { CertificatePrompt } from './components/CertificatePrompt';
import { LoginPrompt } from './components/LoginPrompt';
import { StartupScreen } from './components/StartupScreen';
import { AppSettingsProvider, useSettingsStartup } from './state/AppSettings';
import { SessionProvider } from './state/Session';

function ThemedApp() {
  const startup = useSettingsStartup();
  return (
    <AppTheme preference={startup.status === 'ready' ? startup.view.theme : 'system'}>
      {startup.status === 'ready' ? (
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
        <StartupScreen startup={startup} />
      )}
    </AppTheme>
  );
}

export function App() {
  return (
    <AppSettingsProvider>
      <ThemedApp />
    </AppSettingsProvider>
  );
}
