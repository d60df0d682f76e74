import { apperr } from '../wailsjs/go/models';
import * as SessionService from '../wailsjs/go/app/SessionService';
import { call, type CallOptions } from './call';
import type { LoginInput, PasswordInput, SessionState } from './types';

// A login prompt cannot wait for the session service itself: its own
// login_required answers are what the views act on.
const own: CallOptions = { skipRecovery: [apperr.Code.LOGIN_REQUIRED] };

export const sessionApi = {
  start: (): Promise<SessionState> => call(SessionService.Start, own),
  state: (): Promise<SessionState> => call(SessionService.State, own),
  login: (input: LoginInput): Promise<SessionState> => call(() => SessionService.Login(input), own),
  logout: (forget: boolean): Promise<SessionState> => call(() => SessionService.Logout(forget), own),
  changePassword: (input: PasswordInput): Promise<SessionState> => call(() => SessionService.ChangePassword(input), own),
  touch: (): Promise<void> => call(SessionService.Touch, own),
};
