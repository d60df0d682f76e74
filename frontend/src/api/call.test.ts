import { apperr } from '../wailsjs/go/models';
import { AppError, stoppedError } from './errors';
import { call, recover, setRecovery, type RecoverableCode } from './call';

describe('call', () => {
  it('passes a resolved value through', async () => {
    await expect(call(() => Promise.resolve(42))).resolves.toBe(42);
  });

  it('turns a Go error object into a typed AppError', async () => {
    const rejection = {
      code: 'invalid_input',
      message: 'Please correct the highlighted fields.',
      items: [
        { item: '', field: 'host', code: 'required', message: 'Enter the host name.' },
        { item: '', field: 'port', code: 'range', message: 'Listen port must be a number from 1 to 65535.' },
      ],
      details: { attempt: 2 },
    };
    const error = await call(() => Promise.reject(rejection)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toBeInstanceOf(Error);
    const appError = error as AppError;
    expect(appError.code).toBe(apperr.Code.INVALID_INPUT);
    expect(appError.message).toBe('Please correct the highlighted fields.');
    expect(appError.items).toEqual(rejection.items);
    expect(appError.fields).toEqual({ host: 'Enter the host name.', port: 'Listen port must be a number from 1 to 65535.' });
    expect(appError.details).toEqual({ attempt: 2 });
  });

  it('keeps the problems of each item apart: fields are those of the single form, fieldsOf those of one row or setting', async () => {
    const rejection = {
      code: 'invalid_input',
      message: 'Please correct the highlighted entries.',
      items: [
        { item: '0', field: 'version', code: 'required', message: 'Choose a version.' },
        { item: '1', field: 'count', code: 'range', message: 'The count must be at least 1.' },
        { item: '1', field: 'count', code: 'range', message: 'A second problem with the same input.' },
        { item: 'licensing.renewInterval', field: '', code: 'format', message: 'Enter a duration.' },
      ],
    };
    const error = (await call(() => Promise.reject(rejection)).catch((e: unknown) => e)) as AppError;
    expect(error.fields).toEqual({});
    expect(error.fieldsOf('0')).toEqual({ version: 'Choose a version.' });
    expect(error.fieldsOf('1')).toEqual({ count: 'The count must be at least 1.' });
    expect(error.fieldsOf('licensing.renewInterval')).toEqual({ '': 'Enter a duration.' });
    expect(error.fieldsOf('2')).toEqual({});
  });

  it('turns a plain string rejection from Wails into an internal AppError', async () => {
    const error = await call(() => Promise.reject('json: cannot unmarshal string into int')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: apperr.Code.INTERNAL, message: 'json: cannot unmarshal string into int', items: [], fields: {} });
  });

  it('treats an unknown code as internal but keeps the message', async () => {
    const error = await call(() => Promise.reject({ code: 'exploded', message: 'Boom' })).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'internal', message: 'Boom' });
  });

  it('keeps the message of a thrown Error', async () => {
    const error = await call(() => Promise.reject(new TypeError('window.go is undefined'))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'internal', message: 'window.go is undefined' });
  });

  it('ignores problems that are not objects and texts that are not strings', async () => {
    const error = await call(() =>
      Promise.reject({
        code: 'invalid_input',
        message: 'Bad',
        items: [{ item: '', field: 'host', code: 'format', message: 'Bad host' }, 'port: bad', null, { item: 3, field: 'port', code: 7, message: 7 }],
      }),
    ).catch((e: unknown) => e);
    expect((error as AppError).items).toEqual([
      { item: '', field: 'host', code: 'format', message: 'Bad host' },
      { item: '', field: 'port', code: '', message: '' },
    ]);
    expect((error as AppError).fields).toEqual({ host: 'Bad host', port: '' });
  });

  it('has no problems when the items are not a list', async () => {
    const error = await call(() => Promise.reject({ code: 'invalid_input', message: 'Bad', items: { host: 'Bad host' } })).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: apperr.Code.INVALID_INPUT, items: [], fields: {} });
  });
});

describe('call with a recovery', () => {
  const loginRequired = () => new AppError(apperr.Code.LOGIN_REQUIRED, 'Please log in: the session is missing or has expired.');
  let removers: (() => void)[] = [];
  const install = (code: RecoverableCode, recovery: (error: AppError) => Promise<boolean>) => {
    const recover = vi.fn(recovery);
    removers.push(setRecovery(code, recover));
    return recover;
  };

  afterEach(() => {
    removers.forEach((remove) => remove());
    removers = [];
  });

  it('runs the same operation again after the recovery, returning its result', async () => {
    const recover = install(apperr.Code.LOGIN_REQUIRED, () => Promise.resolve(true));
    const operation = vi.fn<() => Promise<string>>().mockRejectedValueOnce({ code: 'login_required', message: 'Please log in.' }).mockResolvedValueOnce('features');
    await expect(call(operation)).resolves.toBe('features');
    expect(operation).toHaveBeenCalledTimes(2);
    expect(recover).toHaveBeenCalledWith(expect.objectContaining({ code: 'login_required', message: 'Please log in.' }));
  });

  it('throws the original error when the recovery gives up', async () => {
    install(apperr.Code.LOGIN_REQUIRED, () => Promise.resolve(false));
    const original = loginRequired();
    const operation = vi.fn(() => Promise.reject(original));
    await expect(call(operation)).rejects.toBe(original);
    expect(operation).toHaveBeenCalledTimes(1);
  });

  it('throws the original error when the recovery itself fails', async () => {
    install(apperr.Code.LOGIN_REQUIRED, () => Promise.reject(new Error('dialog crashed')));
    const original = loginRequired();
    await expect(call(() => Promise.reject(original))).rejects.toBe(original);
  });

  it('leaves other failures alone', async () => {
    const recover = install(apperr.Code.LOGIN_REQUIRED, () => Promise.resolve(true));
    await expect(call(() => Promise.reject(new AppError(apperr.Code.ACCESS_DENIED, 'Access denied.')))).rejects.toMatchObject({ code: 'access_denied' });
    expect(recover).not.toHaveBeenCalled();
  });

  it('skips the recoveries a call opts out of', async () => {
    const recover = install(apperr.Code.LOGIN_REQUIRED, () => Promise.resolve(true));
    const operation = vi.fn(() => Promise.reject(loginRequired()));
    await expect(call(operation, { skipRecovery: [apperr.Code.LOGIN_REQUIRED] })).rejects.toMatchObject({ code: 'login_required' });
    expect(recover).not.toHaveBeenCalled();
  });

  it('repairs one cause after another, but not forever', async () => {
    install(apperr.Code.TLS_UNTRUSTED, () => Promise.resolve(true));
    install(apperr.Code.LOGIN_REQUIRED, () => Promise.resolve(true));
    const operation = vi
      .fn<() => Promise<string>>()
      .mockRejectedValueOnce(new AppError(apperr.Code.TLS_UNTRUSTED, 'Not trusted.'))
      .mockRejectedValueOnce(loginRequired())
      .mockResolvedValueOnce('ok');
    await expect(call(operation)).resolves.toBe('ok');

    const endless = vi.fn(() => Promise.reject(loginRequired()));
    await expect(call(endless)).rejects.toMatchObject({ code: 'login_required' });
    expect(endless).toHaveBeenCalledTimes(4);
  });

  it('stops using a recovery once it is removed', async () => {
    const recover = vi.fn(() => Promise.resolve(true));
    setRecovery(apperr.Code.LOGIN_REQUIRED, recover)();
    await expect(call(() => Promise.reject(loginRequired()))).rejects.toMatchObject({ code: 'login_required' });
    expect(recover).not.toHaveBeenCalled();
  });
});

describe('recover', () => {
  let removers: (() => void)[] = [];
  afterEach(() => {
    removers.forEach((remove) => remove());
    removers = [];
  });

  it('repairs the cause a stopped batch reports with the registered recovery', async () => {
    const recovery = vi.fn(() => Promise.resolve(true));
    removers.push(setRecovery(apperr.Code.LOGIN_REQUIRED, recovery));
    const error = stoppedError({ code: apperr.Code.LOGIN_REQUIRED, message: 'Your session ended.' });
    expect(error).toBeInstanceOf(AppError);
    await expect(recover(error)).resolves.toBe(true);
    expect(recovery).toHaveBeenCalledWith(expect.objectContaining({ code: apperr.Code.LOGIN_REQUIRED, message: 'Your session ended.' }));
  });

  it('resolves false when the recovery gives up or fails, when none is registered, and for other codes', async () => {
    const refuse = vi.fn(() => Promise.resolve(false));
    removers.push(setRecovery(apperr.Code.LOGIN_REQUIRED, refuse));
    await expect(recover(stoppedError({ code: apperr.Code.LOGIN_REQUIRED, message: 'Log in.' }))).resolves.toBe(false);

    removers.push(setRecovery(apperr.Code.LOGIN_REQUIRED, () => Promise.reject(new Error('dialog crashed'))));
    await expect(recover(stoppedError({ code: apperr.Code.LOGIN_REQUIRED, message: 'Log in.' }))).resolves.toBe(false);

    await expect(recover(stoppedError({ code: apperr.Code.TLS_UNTRUSTED, message: 'Not trusted.' }))).resolves.toBe(false);

    const other = vi.fn(() => Promise.resolve(true));
    removers.push(setRecovery(apperr.Code.TLS_UNTRUSTED, other));
    await expect(recover(stoppedError({ code: apperr.Code.SERVER_ERROR, message: 'The server answered 500.' }))).resolves.toBe(false);
    expect(other).not.toHaveBeenCalled();
  });
});
