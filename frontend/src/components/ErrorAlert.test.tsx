import { cleanup, render, screen } from '@testing-library/react';
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
  it('says an operation the server lacks is not offered, and leads to Diagnostics', () => {
    const message = 'This server does not offer named license pools (server version 2018.11.0).';
    const alert = show(new AppError(apperr.Code.NOT_SUPPORTED, message, [], { operation: 'partitions', status: 404 }));
    expect(alert).toHaveTextContent(`Not offered by this server${message}`);
    expect(screen.getByRole('link', { name: 'Run diagnostics' })).toHaveAttribute('href', '/about');
    cleanup();
    // Without an operation the address is not a license server at all.
    expect(show(new AppError(apperr.Code.NOT_SUPPORTED, 'http://h:7070 answered but is not a FlexNet license server.'))).toHaveTextContent(
      'Not a license serverhttp://h:7070 answered',
    );
    expect(screen.queryByRole('link')).not.toBeInTheDocument();
  });

  it('names the role a 403 lacked and leads to Login', () => {
    const alert = show(new AppError(apperr.Code.ACCESS_DENIED, 'Access denied to policy settings. It needs the ROLE_ADMIN role.', [], { role: 'ROLE_ADMIN' }));
    expect(alert).toHaveTextContent('Access denied: this needs the ROLE_ADMIN role. Log in as a user who has it.');
    expect(screen.getByRole('link', { name: 'Log in as another user' })).toHaveAttribute('href', '/login');
  });

  it('lists the roles the login has beside the one a 403 lacked', () => {
    const alert = show(new AppError(apperr.Code.ACCESS_DENIED, 'Access denied.', [], { role: 'ROLE_ADMIN', roles: ['ROLE_READ', 'ROLE_DROPCLIENT'] }));
    expect(alert).toHaveTextContent('this needs the ROLE_ADMIN role. Your login has the roles ROLE_READ, ROLE_DROPCLIENT. Log in');
    cleanup();
    expect(show(new AppError(apperr.Code.ACCESS_DENIED, 'Access denied.', [], { role: 'ROLE_ADMIN', roles: [] }))).toHaveTextContent('Your login has no roles.');
  });

  it('never asks for a role the login already has', () => {
    const message = 'Access denied to policy settings. It needs the ROLE_ADMIN role. You are logged in as admin with the roles: ROLE_ADMIN. The server refused although the login has the role.';
    const alert = show(new AppError(apperr.Code.ACCESS_DENIED, message, [], { role: 'ROLE_ADMIN', roles: ['ROLE_ADMIN'] }));
    expect(alert).toHaveTextContent(message);
    expect(alert).not.toHaveTextContent('this needs the ROLE_ADMIN role');
  });

  it('sends a redirect to Settings, where the address is', () => {
    expect(show(new AppError(apperr.Code.REDIRECTED, 'The server redirected to http://other:8080/; check the profile.'))).toHaveTextContent('RedirectedThe server');
    expect(screen.getByRole('link', { name: 'Open Settings' })).toHaveAttribute('href', '/settings');
  });

  it('says to look before repeating a change whose answer was lost', () => {
    const alert = show(new AppError(apperr.Code.OUTCOME_UNKNOWN, 'The answer to policy settings was lost.'));
    expect(alert).toHaveTextContent('Outcome not knownThe answer to policy settings was lost. Refresh to see what the server holds before you repeat it.');
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
