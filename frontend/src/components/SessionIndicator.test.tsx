import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { sessionApi, settingsApi, type SessionState } from '../api';
import { connectionInfo, loggedOut, sessionState, settingsView } from '../test/fixtures';
import { renderWithSettings } from '../test/render';
import { SessionIndicator } from './SessionIndicator';

vi.mock('../api/session');
vi.mock('../api/settings');

const indicator = () => screen.getByRole('button', { name: 'Session' });

async function renderIndicator(state: SessionState) {
  vi.mocked(sessionApi.start).mockResolvedValue(state);
  renderWithSettings(
    <>
      <SessionIndicator />
      <Routes>
        <Route path="/login" element={<h1>Login view</h1>} />
        <Route path="*" element={<h1>Other view</h1>} />
      </Routes>
    </>,
    { route: '/about' },
  );
  await waitFor(() => expect(indicator()).not.toHaveTextContent('Checking…'));
}

describe('header session indicator', () => {
  beforeEach(() => {
    vi.resetAllMocks();
    vi.mocked(settingsApi.get).mockResolvedValue(settingsView());
    vi.mocked(settingsApi.status).mockResolvedValue(connectionInfo());
  });

  it('shows the user, with roles and expiry on hover', async () => {
    const user = userEvent.setup();
    await renderIndicator(sessionState({ user: 'admin', roles: ['ROLE_ADMIN', 'ROLE_READ'] }));
    expect(indicator()).toHaveTextContent('admin');
    await user.hover(indicator());
    const tooltip = await screen.findByRole('tooltip');
    expect(tooltip).toHaveTextContent('Logged in as admin');
    expect(tooltip).toHaveTextContent('Roles: ROLE_ADMIN, ROLE_READ');
    expect(tooltip).toHaveTextContent(`Expires ${new Date('2026-01-02T09:30:00Z').toLocaleString()}`);
  });

  it('logs out from its menu', async () => {
    const user = userEvent.setup();
    await renderIndicator(sessionState({ rememberedUser: 'admin' }));
    vi.mocked(sessionApi.logout).mockResolvedValue(loggedOut({ rememberedUser: 'admin' }));
    await user.click(indicator());
    expect(screen.getByRole('menuitem', { name: 'Logout and forget saved password' })).toBeInTheDocument();
    await user.click(screen.getByRole('menuitem', { name: 'Logout' }));
    expect(sessionApi.logout).toHaveBeenCalledWith(false);
    await waitFor(() => expect(indicator()).toHaveTextContent('Not logged in'));
  });

  it('logs out and forgets the saved password', async () => {
    const user = userEvent.setup();
    await renderIndicator(sessionState({ rememberedUser: 'admin' }));
    vi.mocked(sessionApi.logout).mockResolvedValue(loggedOut());
    await user.click(indicator());
    await user.click(screen.getByRole('menuitem', { name: 'Logout and forget saved password' }));
    expect(sessionApi.logout).toHaveBeenCalledWith(true);
  });

  it('offers no forgetting when no password is saved', async () => {
    const user = userEvent.setup();
    await renderIndicator(sessionState({ rememberedUser: '' }));
    await user.click(indicator());
    expect(screen.getByRole('menuitem', { name: 'Logout and forget saved password' })).toHaveAttribute('aria-disabled', 'true');
  });

  it('says “Not logged in” and leads to the Login view', async () => {
    const user = userEvent.setup();
    await renderIndicator(loggedOut());
    expect(indicator()).toHaveTextContent('Not logged in');
    await user.click(indicator());
    expect(screen.getByRole('heading', { name: 'Login view' })).toBeInTheDocument();
  });

  it('says “Security off” when the server needs no login', async () => {
    await renderIndicator(loggedOut({ securityEnabled: false }));
    expect(indicator()).toHaveTextContent('Security off');
    expect(indicator()).toHaveAccessibleDescription('Security is disabled on this server; no login is needed.');
  });
});
