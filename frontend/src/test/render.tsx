import { render } from '@testing-library/react';
import type { ReactElement, ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import { AppTheme } from '../components/AppTheme';
import { AppSettingsProvider, useSettingsStartup } from '../state/AppSettings';

function WhenLoaded({ children }: { children: ReactNode }) {
  return useSettingsStartup().status === 'ready' ? children : null;
}

/**
 * Renders ui under the real settings provider (its api mocked by the test),
 * once the settings have loaded, as the shell does.
 */
export function renderWithSettings(ui: ReactElement, { route = '/' }: { route?: string } = {}) {
  return render(
    <AppSettingsProvider>
      <AppTheme preference="light">
        <WhenLoaded>
          <MemoryRouter initialEntries={[route]}>{ui}</MemoryRouter>
        </WhenLoaded>
      </AppTheme>
    </AppSettingsProvider>,
  );
}
