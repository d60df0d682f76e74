import { screen } from '@testing-library/react';
import { Route, Routes, useLocation } from 'react-router';
import { sessionApi, settingsApi } from '../api';
import { connectionInfo, sessionState, settingsView } from '../test/fixtures';
import { renderWithSettings } from '../test/render';
import { RequireCompleteSettings } from './RequireCompleteSettings';

vi.mock('../api/session');
vi.mock('../api/settings');

function SettingsStub() {
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from;
  return <p>Settings page, sent from {from}</p>;
}

function routes() {
  return (
    <Routes>
      <Route path="/settings" element={<SettingsStub />} />
      <Route element={<RequireCompleteSettings />}>
        <Route path="/dummy" element={<p>Dummy view</p>} />
      </Route>
    </Routes>
  );
}

describe('RequireCompleteSettings', () => {
  beforeEach(() => {
    vi.resetAllMocks();
    vi.mocked(sessionApi.start).mockResolvedValue(sessionState());
    vi.mocked(settingsApi.status).mockResolvedValue(connectionInfo());
  });

  it('sends the user to Settings while the settings are incomplete', async () => {
    vi.mocked(settingsApi.get).mockResolvedValue(settingsView(undefined, { complete: false }));
    renderWithSettings(routes(), { route: '/dummy' });
    expect(await screen.findByText('Settings page, sent from /dummy')).toBeInTheDocument();
    expect(screen.queryByText('Dummy view')).not.toBeInTheDocument();
  });

  it('shows the view once the settings are complete', async () => {
    vi.mocked(settingsApi.get).mockResolvedValue(settingsView(undefined, { complete: true }));
    renderWithSettings(routes(), { route: '/dummy' });
    expect(await screen.findByText('Dummy view')).toBeInTheDocument();
    expect(screen.queryByText(/Settings page/)).not.toBeInTheDocument();
  });
});
