import { render } from '@testing-library/react';
import type { ReactElement, ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import { settings, type PolicyView } from '../api';
import { AppTheme } from '../components/AppTheme';
import { CertificatePrompt } from '../components/CertificatePrompt';
import { LoginPrompt } from '../components/LoginPrompt';
import { AppSettingsProvider, useSettingsStartup } from '../state/AppSettings';
import { noPolicies, PoliciesForTest } from '../state/Policies';
import { SessionProvider } from '../state/Session';

function WhenLoaded({ children }: { children: ReactNode }) {
  return useSettingsStartup().status === 'ready' ? children : null;
}

/**
 * Renders ui under the real settings and session providers, with the login
 * and certificate prompts (their api mocked by the test), once the settings
 * have loaded, as the shell does, under the machine policies given.
 */
export function renderWithSettings(ui: ReactElement, { route = '/', policies = noPolicies }: { route?: string; policies?: PolicyView } = {}) {
  return render(
    <AppSettingsProvider>
      <PoliciesForTest view={policies}>
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
      </PoliciesForTest>
    </AppSettingsProvider>,
  );
}

/** Policies in force: the ones given, on top of none. */
export function policiesOf(set: Partial<PolicyView['policies']>): PolicyView {
  return { policies: { ...noPolicies.policies, ...set }, notice: 'Set by your organisation' };
}
