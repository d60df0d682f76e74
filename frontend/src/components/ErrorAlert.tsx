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
};

/** A short heading for a failure, by its code. */
function errorTitle(code: ErrorCode): string {
  return titles[code] ?? connectionFailureLabel(code);
}

/** The role a 403 lacked, as Go names it in details.role. */
function missingRole(error: AppError): string {
  return typeof error.details.role === 'string' ? error.details.role : '';
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
      const role = missingRole(error);
      return {
        severity: 'warning',
        text: role ? `Access denied: this needs the ${role} role. Log in as a user who has it.` : error.message,
        action: { label: 'Log in as another user', to: routes.login },
      };
    }
    case 'login_required':
      return { severity: 'warning', title: errorTitle(error.code), text: error.message, action: { label: 'Log in', to: routes.login } };
    case 'not_configured':
      return { severity: 'info', title: errorTitle(error.code), text: error.message, action: { label: 'Open Settings', to: routes.settings } };
    default:
      return { severity: 'error', title: errorTitle(error.code), text: error.message };
  }
}

/**
 * Any failure of a bound call, the same way in every view: a 403 names the
 * missing role, a 401 or a missing setting offers the way out.
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
