import { render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { apperr, AppError } from '../api';
import { ErrorAlert } from './ErrorAlert';

function show(error: AppError) {
  render(
    <MemoryRouter>
      <ErrorAlert error={error} />
    </MemoryRouter>,
  );
  return screen.getByRole('alert');
}

describe('ErrorAlert', () => {
  it('names the role a 403 lacked and leads to Login', () => {
    const alert = show(new AppError(apperr.Code.ACCESS_DENIED, 'Access denied to policy settings. It needs the ROLE_ADMIN role.', [], { role: 'ROLE_ADMIN' }));
    expect(alert).toHaveTextContent('Access denied: this needs the ROLE_ADMIN role. Log in as a user who has it.');
    expect(screen.getByRole('link', { name: 'Log in as another user' })).toHaveAttribute('href', '/login');
  });

  it('shows the server’s words for a 403 that names no role', () => {
    expect(show(new AppError(apperr.Code.ACCESS_DENIED, 'Access denied: IP address not allowed.'))).toHaveTextContent('Access denied: IP address not allowed.');
  });

  it('sends a user who must change the password to Reset Password', () => {
    show(new AppError(apperr.Code.ACCESS_DENIED, 'Access denied to a feature list.', [], { passwordChangeRequired: true }));
    expect(screen.getByRole('link', { name: 'Reset Password' })).toHaveAttribute('href', '/reset-password');
  });

  it.each([
    [apperr.Code.LOGIN_REQUIRED, 'Login required', 'Log in'],
    [apperr.Code.NOT_CONFIGURED, 'Not configured', 'Open Settings'],
  ] as const)('offers the way out of %s', (code, title, link) => {
    expect(show(new AppError(code, 'Some message.'))).toHaveTextContent(`${title}Some message.`);
    expect(screen.getByRole('link', { name: link })).toBeInTheDocument();
  });

  it.each([
    [apperr.Code.UNREACHABLE, 'Unreachable'],
    [apperr.Code.TLS_UNTRUSTED, 'Certificate not trusted'],
    [apperr.Code.CONFLICT, 'Conflict'],
    [apperr.Code.SERVER_ERROR, 'Server error'],
    [apperr.Code.INTERNAL, 'Unexpected error'],
  ] as const)('titles %s', (code, title) => {
    expect(show(new AppError(code, 'Some message.'))).toHaveTextContent(`${title}Some message.`);
  });
});
