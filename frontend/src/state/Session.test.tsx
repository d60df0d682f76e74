import { act, fireEvent, screen } from '@testing-library/react';
import { sessionApi, settingsApi } from '../api';
import { connectionInfo, loggedOut, sessionState, settingsView } from '../test/fixtures';
import { renderWithSettings } from '../test/render';
import { TOUCH_INTERVAL_MS, useSession } from './Session';

vi.mock('../api/session');
vi.mock('../api/settings');

function Probe() {
  const { state, login } = useSession();
  const text = state === null ? 'asking' : state.timedOut ? 'timed out' : state.loggedIn ? `logged in as ${state.user}` : 'logged out';
  return (
    <>
      <p>{text}</p>
      <button onClick={() => login({ user: 'admin', password: 'Admin123!', remember: false })}>Log in</button>
    </>
  );
}

/**
 * Fake timers only once the app has loaded (Testing Library's waiting needs
 * real ones), so the timers under test are those set from then on. The
 * text a test waited for is rendered before React runs its effects, which
 * on a busy machine may still be pending: they are flushed first, so the
 * activity listeners are there.
 */
async function fakeTimers() {
  await act(async () => {});
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
}

const MINUTE = 60_000;

async function advance(ms: number) {
  await act(async () => {
    vi.advanceTimersByTime(ms);
  });
}

describe('session', () => {
  beforeEach(() => {
    vi.resetAllMocks();
    vi.mocked(settingsApi.get).mockResolvedValue(settingsView());
    vi.mocked(settingsApi.status).mockResolvedValue(connectionInfo());
    vi.mocked(sessionApi.start).mockResolvedValue(sessionState());
    vi.mocked(sessionApi.touch).mockResolvedValue(undefined);
    vi.mocked(sessionApi.state).mockResolvedValue(loggedOut({ timedOut: true }));
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('reports interaction to Go at most every 30 seconds, the last burst included', async () => {
    renderWithSettings(<Probe />);
    await screen.findByText('logged in as admin');
    await fakeTimers();

    fireEvent.pointerDown(document.body);
    fireEvent.keyDown(document.body, { key: 'a' });
    fireEvent.pointerDown(document.body);
    expect(sessionApi.touch).not.toHaveBeenCalled();

    await advance(TOUCH_INTERVAL_MS);
    expect(sessionApi.touch).toHaveBeenCalledTimes(1);

    fireEvent.keyDown(document.body, { key: 'b' });
    await advance(TOUCH_INTERVAL_MS / 2);
    expect(sessionApi.touch).toHaveBeenCalledTimes(1);
    await advance(TOUCH_INTERVAL_MS / 2);
    expect(sessionApi.touch).toHaveBeenCalledTimes(2);

    // After a quiet spell the next interaction is reported at once.
    await advance(2 * MINUTE);
    fireEvent.pointerDown(document.body);
    expect(sessionApi.touch).toHaveBeenCalledTimes(3);
    expect(sessionApi.state).not.toHaveBeenCalled();
  });

  it('reports nothing while logged out', async () => {
    vi.mocked(sessionApi.start).mockResolvedValue(loggedOut());
    renderWithSettings(<Probe />);
    await screen.findByText('logged out');
    await fakeTimers();
    await advance(MINUTE);
    fireEvent.pointerDown(document.body);
    await advance(MINUTE);
    expect(sessionApi.touch).not.toHaveBeenCalled();
  });

  it('asks Go when 30 minutes have passed without activity, and learns of the timeout', async () => {
    vi.mocked(sessionApi.start).mockResolvedValue(loggedOut());
    vi.mocked(sessionApi.login).mockResolvedValue(sessionState());
    renderWithSettings(<Probe />);
    await screen.findByText('logged out');
    await fakeTimers();
    fireEvent.click(screen.getByRole('button', { name: 'Log in' }));
    await advance(0);
    expect(screen.getByText('logged in as admin')).toBeInTheDocument();

    // Activity at minute 20 moves the deadline to minute 50.
    await advance(20 * MINUTE);
    fireEvent.pointerDown(document.body);
    expect(sessionApi.touch).toHaveBeenCalledTimes(1);
    await advance(25 * MINUTE);
    expect(sessionApi.state).not.toHaveBeenCalled();

    await advance(6 * MINUTE);
    expect(sessionApi.state).toHaveBeenCalledTimes(1);
    expect(screen.getByText('timed out')).toBeInTheDocument();
  });

  it('asks Go before reporting the first interaction after the idle time, which must not revive the session', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    renderWithSettings(<Probe />);
    await screen.findByText('logged in as admin');
    vi.setSystemTime(Date.now() + 31 * MINUTE);
    fireEvent.keyDown(document.body, { key: 'x' });
    expect(await screen.findByText('timed out')).toBeInTheDocument();
    expect(sessionApi.touch).not.toHaveBeenCalled();
  });
});
