import { render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { AppError } from '../api';
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
    const alert = show(new AppError('access_denied', 'Access denied to policy settings. It needs the ROLE_ADMIN role.', {}, { role: 'ROLE_ADMIN' }));
    expect(alert).toHaveTextContent('Access denied: this needs the ROLE_ADMIN role. Log in as a user who has it.');
    expect(screen.getByRole('link', { name: 'Log in as another user' })).toHaveAttribute('href', '/login');
  });

  it('shows the server’s words for a 403 that names no role', () => {
    expect(show(new AppError('access_denied', 'Access denied: IP address not allowed.'))).toHaveTextContent('Access denied: IP address not allowed.');
  });

  it('sends a user who must change the password to Reset Password', () => {
    show(new AppError('access_denied', 'Access denied to a feature list.', {}, { passwordChangeRequired: true }));
    expect(screen.getByRole('link', { name: 'Reset Password' })).toHaveAttribute('href', '/reset-password');
  });

  it.each([
    ['login_required', 'Login required', 'Log in'],
    ['not_configured', 'Not configured', 'Open Settings'],
  ] as const)('offers the way out of %s', (code, title, link) => {
    expect(show(new AppError(code, 'Some message.'))).toHaveTextContent(`${title}Some message.`);
    expect(screen.getByRole('link', { name: link })).toBeInTheDocument();
  });

  it.each([
    ['unreachable', 'Unreachable'],
    ['tls_untrusted', 'Certificate not trusted'],
    ['conflict', 'Conflict'],
    ['server_error', 'Server error'],
    ['internal', 'Unexpected error'],
  ] as const)('titles %s', (code, title) => {
    expect(show(new AppError(code, 'Some message.'))).toHaveTextContent(`${title}Some message.`);
  });
});
