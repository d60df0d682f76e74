import Alert, { type AlertProps } from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import { Link } from 'react-router';
import type { AppError, ErrorCode } from '../api';
import { routes } from '../nav/routes';
import { connectionFailureLabel } from './connectionLabels';

const titles: Partial<Record<ErrorCode, string>> = {
  login_required: 'Login required',
  invalid_input: 'Check the input',
  conflict: 'Conflict',
  not_found: 'Not found',
  cancelled: 'Cancelled',
  internal: 'Unexpected error',
  outcome_unknown: 'Outcome not known',
};

/** A short heading for a failure, by its code. */
function errorTitle(code: ErrorCode): string {
  return titles[code] ?? connectionFailureLabel(code);
}

/** The role a 403 lacked, as Go names it in details.role. */
function missingRole(error: AppError): string {
  return typeof error.details.role === 'string' ? error.details.role : '';
}

/** The roles the login has, as Go lists them in details.roles; null when Go did not know them. */
function heldRoles(error: AppError): string[] | null {
  const roles = error.details.roles;
  return Array.isArray(roles) ? roles.filter((r): r is string => typeof r === 'string') : null;
}

/** What a 403 means: the role missing, and the roles the login has; the server's words when it has the role anyway. */
function accessDeniedText(error: AppError): string {
  const role = missingRole(error);
  const held = heldRoles(error);
  if (!role || held?.includes(role)) return error.message;
  const has = held === null ? '' : ` Your login has ${held.length ? `the roles ${held.join(', ')}` : 'no roles'}.`;
  return `Access denied: this needs the ${role} role.${has} Log in as a user who has it.`;
}

interface Explanation {
  severity: AlertProps['severity'];
  title?: string;
  text: string;
  action?: { label: string; to: string };
}

function explain(error: AppError): Explanation {
  switch (error.code) {
    case 'access_denied': {
      if (error.details.passwordChangeRequired === true) {
        return {
          severity: 'warning',
          text: 'Access denied: the server wants a new password first. Set one in Reset Password.',
          action: { label: 'Reset Password', to: routes.resetPassword },
        };
      }
      return { severity: 'warning', text: accessDeniedText(error), action: { label: 'Log in as another user', to: routes.login } };
    }
    case 'login_required':
      return { severity: 'warning', title: errorTitle(error.code), text: error.message, action: { label: 'Log in', to: routes.login } };
    case 'not_configured':
      return { severity: 'info', title: errorTitle(error.code), text: error.message, action: { label: 'Open Settings', to: routes.settings } };
    case 'redirected':
      return { severity: 'error', title: errorTitle(error.code), text: error.message, action: { label: 'Open Settings', to: routes.settings } };
    case 'not_supported':
      // Go names the operation when the server lacks one; without it the
      // address is no license server at all.
      if (typeof error.details.operation === 'string') {
        return {
          severity: 'info',
          title: 'Not offered by this server',
          text: error.message,
          action: { label: 'Run diagnostics', to: routes.about },
        };
      }
      return { severity: 'error', title: errorTitle(error.code), text: error.message };
    case 'outcome_unknown':
      return {
        severity: 'warning',
        title: errorTitle(error.code),
        text: `${error.message} Refresh to see what the server holds before you repeat it.`,
      };
    default:
      return { severity: 'error', title: errorTitle(error.code), text: error.message };
  }
}

/**
 * Any failure of a bound call, the same way in every view: a 403 names the
 * missing role, a 401, a redirect or a missing setting offers the way out,
 * and a change whose answer was lost says to look before repeating it.
 */
export function ErrorAlert({ error, onClose, sx }: { error: AppError; onClose?: () => void; sx?: AlertProps['sx'] }) {
  const { severity, title, text, action } = explain(error);
  return (
    <Alert
      severity={severity}
      onClose={onClose}
      sx={sx}
      action={
        action && (
          <Button component={Link} to={action.to} color="inherit" size="small" sx={{ whiteSpace: 'nowrap' }}>
            {action.label}
          </Button>
        )
      }
    >
      {title && <AlertTitle>{title}</AlertTitle>}
      {text}
    </Alert>
  );
}
