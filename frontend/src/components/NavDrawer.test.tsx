import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { apperr, AppError, sessionApi, settingsApi, type SettingsView } from '../api';
import { connectionInfo, profile, sessionState, settingsView } from '../test/fixtures';
import { renderWithSettings } from '../test/render';
import { NavDrawer } from './NavDrawer';

vi.mock('../api/session');
vi.mock('../api/settings');

const nav = () => screen.getByRole('navigation', { name: 'Views' });

async function renderDrawer(view: SettingsView = settingsView()) {
  vi.mocked(settingsApi.get).mockResolvedValue(view);
  renderWithSettings(<NavDrawer />, { route: '/features' });
  await screen.findByRole('navigation', { name: 'Views' });
}

describe('NavDrawer', () => {
  beforeEach(() => {
    vi.resetAllMocks();
    vi.mocked(sessionApi.start).mockResolvedValue(sessionState());
    vi.mocked(settingsApi.status).mockResolvedValue(connectionInfo());
  });

  it('opens expanded, with the labels on screen and no tooltips', async () => {
    const user = userEvent.setup();
    await renderDrawer();
    const toggle = screen.getByRole('button', { name: 'Collapse navigation' });
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(toggle).toHaveAttribute('aria-controls', nav().id);
    expect(within(nav()).getByText('License Server Setup')).toBeVisible();
    expect(within(nav()).getByRole('link', { name: 'Features' })).toHaveAttribute('aria-current', 'page');
    await user.hover(within(nav()).getByRole('link', { name: 'Devices' }));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(screen.queryByRole('tooltip')).not.toBeInTheDocument();
  });

  it('collapses to icons when asked, saves the choice, and keeps every label as the link’s name and tooltip', async () => {
    const user = userEvent.setup();
    vi.mocked(settingsApi.setNavCollapsed).mockResolvedValue(settingsView(profile(), { navCollapsed: true }));
    await renderDrawer();
    await user.click(screen.getByRole('button', { name: 'Collapse navigation' }));
    expect(settingsApi.setNavCollapsed).toHaveBeenCalledWith(true);

    const toggle = await screen.findByRole('button', { name: 'Expand navigation' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    const links = within(nav()).getAllByRole('link');
    expect(links.map((l) => l.getAttribute('aria-label'))).toEqual([
      'Dashboard',
      'Activity',
      'Settings',
      'About',
      'Login',
      'Reset Password',
      'Properties',
      'Features',
      'Named License Pools',
      'Devices',
      'Reservations',
      'Online Server Updates',
      'Offline Server Updates',
      'Client Key Operations',
    ]);
    // The groups keep their names for screen readers, out of sight.
    expect(within(nav()).getByRole('list', { name: 'Back Office Operations' })).toBeInTheDocument();

    await user.hover(within(nav()).getByRole('link', { name: 'Devices' }));
    expect(await screen.findByRole('tooltip')).toHaveTextContent('Devices');
  });

  it('opens collapsed when the settings say so, and expands from the keyboard', async () => {
    const user = userEvent.setup();
    vi.mocked(settingsApi.setNavCollapsed).mockResolvedValue(settingsView(profile(), { navCollapsed: false }));
    await renderDrawer(settingsView(profile(), { navCollapsed: true }));
    expect(within(nav()).getByRole('link', { name: 'Reservations' })).toBeInTheDocument();

    // Tab through the fourteen links to the toggle, which a tooltip names on focus.
    for (let i = 0; i < 15; i++) await user.tab();
    const toggle = screen.getByRole('button', { name: 'Expand navigation' });
    expect(toggle).toHaveFocus();
    expect(await screen.findByRole('tooltip')).toHaveTextContent('Expand navigation');
    await user.keyboard('{Enter}');
    expect(settingsApi.setNavCollapsed).toHaveBeenCalledWith(false);
    expect(await screen.findByRole('button', { name: 'Collapse navigation' })).toHaveAttribute('aria-expanded', 'true');
  });

  it('goes back to the menu it had, with the reason, when the choice cannot be saved', async () => {
    const user = userEvent.setup();
    vi.mocked(settingsApi.setNavCollapsed).mockRejectedValue(new AppError(apperr.Code.SERVER_ERROR, 'The settings file is read-only.'));
    await renderDrawer();
    await user.click(screen.getByRole('button', { name: 'Collapse navigation' }));
    expect(await screen.findByText('The menu setting was not saved: The settings file is read-only.')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('button', { name: 'Collapse navigation' })).toHaveAttribute('aria-expanded', 'true'));
  });
});
