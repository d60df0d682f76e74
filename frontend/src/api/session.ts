import * as SessionService from '../wailsjs/go/app/SessionService';
import { call, type CallOptions } from './call';
import { toSessionState } from './convert';
import type { LoginInput, PasswordInput, SessionState } from './types';

// A login prompt cannot wait for the session service itself: its own
// login_required answers are what the views act on.
const own: CallOptions = { skipRecovery: ['login_required'] };

export const sessionApi = {
  /** Learns the security mode and logs in with a saved password; problems come back in `problem`. */
  start: (): Promise<SessionState> => call(SessionService.Start, own).then(toSessionState),
  state: (): Promise<SessionState> => call(SessionService.State, own).then(toSessionState),
  login: (input: LoginInput): Promise<SessionState> => call(() => SessionService.Login(input), own).then(toSessionState),
  /** With forget, the saved password is deleted too. */
  logout: (forget: boolean): Promise<SessionState> => call(() => SessionService.Logout(forget), own).then(toSessionState),
  changePassword: (input: PasswordInput): Promise<SessionState> =>
    call(() => SessionService.ChangePassword(input), own).then(toSessionState),
  /** Records user activity; the server's inactivity timeout counts from the last one. */
  touch: (): Promise<void> => call(SessionService.Touch, own),
};
