import { AppError } from './errors';
import { call } from './call';

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
