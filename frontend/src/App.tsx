import { HashRouter } from 'react-router';
import { AppRoutes } from './AppRoutes';
import { AppShell } from './components/AppShell';
import { AppTheme } from './components/AppTheme';
import { StartupScreen } from './components/StartupScreen';
import { AppSettingsProvider, useSettingsStartup } from './state/AppSettings';

function ThemedApp() {
  const startup = useSettingsStartup();
  return (
    <AppTheme preference={startup.status === 'ready' ? startup.view.theme : 'system'}>
      {startup.status === 'ready' ? (
        <HashRouter>
          <AppShell>
            <AppRoutes />
          </AppShell>
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
