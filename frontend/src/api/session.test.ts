import * as SessionService from '../wailsjs/go/app/SessionService';
import { app } from '../wailsjs/go/models';
import { setRecovery } from './call';
import { sessionApi } from './session';

vi.mock('../wailsjs/go/app/SessionService');

describe('sessionApi', () => {
  beforeEach(() => vi.resetAllMocks());

  it('gives views a plain state with empty lists and texts instead of nulls', async () => {
    vi.mocked(SessionService.Start).mockResolvedValue(
      app.SessionState.createFrom({ profileId: 'p1', securityKnown: true, securityEnabled: true, loggedIn: false, roles: null, idleTimeoutMinutes: 30 }),
    );
    await expect(sessionApi.start()).resolves.toMatchObject({ profileId: 'p1', roles: [], user: '', problem: '', rememberedUser: '' });
  });

  it('never waits for a login prompt: its own login_required answers reach the caller', async () => {
    const recovery = vi.fn(() => Promise.resolve(true));
    const remove = setRecovery('login_required', recovery);
    vi.mocked(SessionService.ChangePassword).mockRejectedValue({
      code: 'login_required',
      message: 'Your session timed out. Log in again before you change the password.',
    });
    await expect(sessionApi.changePassword({ user: 'admin', current: '', new: 'N3w-Passw0rd!', confirm: 'N3w-Passw0rd!' })).rejects.toMatchObject({
      code: 'login_required',
    });
    expect(recovery).not.toHaveBeenCalled();
    expect(SessionService.ChangePassword).toHaveBeenCalledTimes(1);
    remove();
  });

  it('sends the remember flag with the login', async () => {
    vi.mocked(SessionService.Login).mockResolvedValue(app.SessionState.createFrom({ loggedIn: true, user: 'admin', roles: ['ROLE_ADMIN'] }));
    await sessionApi.login({ user: 'admin', password: 'Admin123!', remember: true });
    expect(SessionService.Login).toHaveBeenCalledWith({ user: 'admin', password: 'Admin123!', remember: true });
  });
});
