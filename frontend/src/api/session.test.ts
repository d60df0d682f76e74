import * as SessionService from '../wailsjs/go/app/SessionService';
import { apperr } from '../wailsjs/go/models';
import { loggedOut, sessionState } from '../test/fixtures';
import { setRecovery } from './call';
import { sessionApi } from './session';

vi.mock('../wailsjs/go/app/SessionService');

describe('sessionApi', () => {
  beforeEach(() => vi.resetAllMocks());

  it('gives views Go’s state as it is, with the demo accounts it lists', async () => {
    const state = loggedOut({ demoAccounts: [{ user: 'admin', password: 'Admin123!', access: 'Everything' }] });
    vi.mocked(SessionService.Start).mockResolvedValue(state);
    await expect(sessionApi.start()).resolves.toEqual(state);
  });

  it('never waits for a login prompt: its own login_required answers reach the caller', async () => {
    const recovery = vi.fn(() => Promise.resolve(true));
    const remove = setRecovery(apperr.Code.LOGIN_REQUIRED, recovery);
    vi.mocked(SessionService.ChangePassword).mockRejectedValue({
      code: 'login_required',
      message: 'Your session timed out. Log in again before you change the password.',
    });
    await expect(sessionApi.changePassword({ user: 'admin', current: '', new: 'N3w-Passw0rd!', confirm: 'N3w-Passw0rd!' })).rejects.toMatchObject({
      code: apperr.Code.LOGIN_REQUIRED,
    });
    expect(recovery).not.toHaveBeenCalled();
    expect(SessionService.ChangePassword).toHaveBeenCalledTimes(1);
    remove();
  });

  it('sends the remember flag with the login', async () => {
    vi.mocked(SessionService.Login).mockResolvedValue(sessionState({ user: 'admin', roles: ['ROLE_ADMIN'] }));
    await sessionApi.login({ user: 'admin', password: 'Admin123!', remember: true });
    expect(SessionService.Login).toHaveBeenCalledWith({ user: 'admin', password: 'Admin123!', remember: true });
  });
});
