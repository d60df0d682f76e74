import { render } from '@testing-library/react';
import type { ReactElement, ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import { settings } from '../api';
import { AppTheme } from '../components/AppTheme';
import { CertificatePrompt } from '../components/CertificatePrompt';
import { LoginPrompt } from '../components/LoginPrompt';
import { AppSettingsProvider, useSettingsStartup } from '../state/AppSettings';
import { SessionProvider } from '../state/Session';

function WhenLoaded({ children }: { children: ReactNode }) {
  return useSettingsStartup().status === 'ready' ? children : null;
}

/**
 * Renders ui under the real settings and session providers, with the login
 * and certificate prompts (their api mocked by the test), once the settings
 * have loaded, as the shell does.
 */
export function renderWithSettings(ui: ReactElement, { route = '/' }: { route?: string } = {}) {
  return render(
    <AppSettingsProvider>
      <AppTheme preference={settings.Theme.LIGHT}>
        <WhenLoaded>
          <MemoryRouter initialEntries={[route]}>
            <SessionProvider>
              {ui}
              <LoginPrompt />
              <CertificatePrompt />
            </SessionProvider>
          </MemoryRouter>
        </WhenLoaded>
      </AppTheme>
    </AppSettingsProvider>,
  );
}
