import { AppError } from './errors';
import { call, setRecovery } from './call';

describe('call', () => {
  it('passes a resolved value through', async () => {
    await expect(call(() => Promise.resolve(42))).resolves.toBe(42);
  });

  it('turns a Go error object into a typed AppError', async () => {
    const rejection = {
      code: 'invalid_input',
      message: 'Please correct the highlighted fields.',
      fields: { host: 'Enter the host name.', port: 'Listen port must be a number from 1 to 65535.' },
      details: { attempt: 2 },
    };
    const error = await call(() => Promise.reject(rejection)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toBeInstanceOf(Error);
    const appError = error as AppError;
    expect(appError.code).toBe('invalid_input');
    expect(appError.message).toBe('Please correct the highlighted fields.');
    expect(appError.fields).toEqual(rejection.fields);
    expect(appError.details).toEqual({ attempt: 2 });
  });

  it('turns a plain string rejection from Wails into an internal AppError', async () => {
    const error = await call(() => Promise.reject('json: cannot unmarshal string into int')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'internal', message: 'json: cannot unmarshal string into int', fields: {} });
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

  it('ignores field messages that are not strings', async () => {
    const error = await call(() => Promise.reject({ code: 'invalid_input', message: 'Bad', fields: { host: 'Bad host', port: 7 } })).catch(
      (e: unknown) => e,
    );
    expect((error as AppError).fields).toEqual({ host: 'Bad host' });
  });
});

describe('call with a recovery', () => {
  const loginRequired = () => new AppError('login_required', 'Please log in: the session is missing or has expired.');
  let removers: (() => void)[] = [];
  const install = (code: 'login_required' | 'tls_untrusted', recovery: (error: AppError) => Promise<boolean>) => {
    const recover = vi.fn(recovery);
    removers.push(setRecovery(code, recover));
    return recover;
  };

  afterEach(() => {
    removers.forEach((remove) => remove());
    removers = [];
  });

  it('runs the same operation again after the recovery, returning its result', async () => {
    const recover = install('login_required', () => Promise.resolve(true));
    const operation = vi.fn<() => Promise<string>>().mockRejectedValueOnce({ code: 'login_required', message: 'Please log in.' }).mockResolvedValueOnce('features');
    await expect(call(operation)).resolves.toBe('features');
    expect(operation).toHaveBeenCalledTimes(2);
    expect(recover).toHaveBeenCalledWith(expect.objectContaining({ code: 'login_required', message: 'Please log in.' }));
  });

  it('throws the original error when the recovery gives up', async () => {
    install('login_required', () => Promise.resolve(false));
    const original = loginRequired();
    const operation = vi.fn(() => Promise.reject(original));
    await expect(call(operation)).rejects.toBe(original);
    expect(operation).toHaveBeenCalledTimes(1);
  });

  it('throws the original error when the recovery itself fails', async () => {
    install('login_required', () => Promise.reject(new Error('dialog crashed')));
    const original = loginRequired();
    await expect(call(() => Promise.reject(original))).rejects.toBe(original);
  });

  it('leaves other failures alone', async () => {
    const recover = install('login_required', () => Promise.resolve(true));
    await expect(call(() => Promise.reject(new AppError('access_denied', 'Access denied.')))).rejects.toMatchObject({ code: 'access_denied' });
    expect(recover).not.toHaveBeenCalled();
  });

  it('skips the recoveries a call opts out of', async () => {
    const recover = install('login_required', () => Promise.resolve(true));
    const operation = vi.fn(() => Promise.reject(loginRequired()));
    await expect(call(operation, { skipRecovery: ['login_required'] })).rejects.toMatchObject({ code: 'login_required' });
    expect(recover).not.toHaveBeenCalled();
  });

  it('repairs one cause after another, but not forever', async () => {
    install('tls_untrusted', () => Promise.resolve(true));
    install('login_required', () => Promise.resolve(true));
    const operation = vi
      .fn<() => Promise<string>>()
      .mockRejectedValueOnce(new AppError('tls_untrusted', 'Not trusted.'))
      .mockRejectedValueOnce(loginRequired())
      .mockResolvedValueOnce('ok');
    await expect(call(operation)).resolves.toBe('ok');

    const endless = vi.fn(() => Promise.reject(loginRequired()));
    await expect(call(endless)).rejects.toMatchObject({ code: 'login_required' });
    expect(endless).toHaveBeenCalledTimes(4);
  });

  it('stops using a recovery once it is removed', async () => {
    const recover = vi.fn(() => Promise.resolve(true));
    setRecovery('login_required', recover)();
    await expect(call(() => Promise.reject(loginRequired()))).rejects.toMatchObject({ code: 'login_required' });
    expect(recover).not.toHaveBeenCalled();
  });
});
