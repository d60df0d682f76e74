import AccountCircle from '@mui/icons-material/AccountCircle';
import ArrowDropDown from '@mui/icons-material/ArrowDropDown';
import Logout from '@mui/icons-material/Logout';
import NoEncryption from '@mui/icons-material/NoEncryptionGmailerrorredOutlined';
import PersonOff from '@mui/icons-material/PersonOffOutlined';
import PersonRemove from '@mui/icons-material/PersonRemoveOutlined';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Divider from '@mui/material/Divider';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import ListSubheader from '@mui/material/ListSubheader';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import Snackbar from '@mui/material/Snackbar';
import Tooltip from '@mui/material/Tooltip';
import { useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { toAppError, type SessionState } from '../api';
import { routes } from '../nav/routes';
import { useSession } from '../state/Session';
import { formatDateTime } from './format';

const buttonSx = { maxWidth: 220, px: 1.5, border: 1, borderColor: 'divider', borderRadius: 2 } as const;

function loggedInTooltip(state: SessionState): ReactNode {
  return (
    <>
      Logged in as {state.user}
      <br />
      Roles: {state.roles.length > 0 ? state.roles.join(', ') : 'none'}
      {state.expiresAt && (
        <>
          <br />
          Expires {formatDateTime(state.expiresAt)}
        </>
      )}
    </>
  );
}

/** The header's login state, beside the profile switcher: who is logged in, with Logout at hand. */
export function SessionIndicator() {
  const { state, logout } = useSession();
  const navigate = useNavigate();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [error, setError] = useState('');

  const signOut = (forget: boolean) => {
    setAnchor(null);
    logout(forget).catch((e: unknown) => setError(toAppError(e).message));
  };

  let button: ReactNode;
  if (state === null) {
    button = (
      <Button aria-label="Session" disabled color="inherit" startIcon={<CircularProgress size={16} color="inherit" />} sx={buttonSx}>
        Checking…
      </Button>
    );
  } else if (state.loggedIn) {
    button = (
      <Tooltip title={loggedInTooltip(state)} describeChild>
        <Button
          aria-label="Session"
          aria-haspopup="menu"
          aria-expanded={anchor ? 'true' : undefined}
          onClick={(e) => setAnchor(e.currentTarget)}
          color="inherit"
          startIcon={<AccountCircle />}
          endIcon={<ArrowDropDown />}
          sx={buttonSx}
        >
          <span style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>{state.user}</span>
        </Button>
      </Tooltip>
    );
  } else if (state.securityKnown && !state.securityEnabled) {
    button = (
      <Tooltip title="Security is disabled on this server; no login is needed." describeChild>
        <Button aria-label="Session" onClick={() => navigate(routes.login)} color="inherit" startIcon={<NoEncryption />} sx={buttonSx}>
          Security off
        </Button>
      </Tooltip>
    );
  } else {
    button = (
      <Tooltip title={state.problem || 'Open the Login view'} describeChild>
        <Button aria-label="Session" onClick={() => navigate(routes.login)} color="inherit" startIcon={<PersonOff />} sx={buttonSx}>
          Not logged in
        </Button>
      </Tooltip>
    );
  }

  return (
    <>
      {button}
      <Menu
        anchorEl={anchor}
        open={anchor !== null && state?.loggedIn === true}
        onClose={() => setAnchor(null)}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}
        transformOrigin={{ vertical: 'top', horizontal: 'right' }}
        slotProps={{ paper: { sx: { minWidth: 280 } } }}
      >
        <ListSubheader sx={{ lineHeight: 1.5, py: 1, maxWidth: 320 }}>Roles: {state?.roles.join(', ') || 'none'}</ListSubheader>
        <Divider />
        <MenuItem onClick={() => signOut(false)}>
          <ListItemIcon>
            <Logout fontSize="small" />
          </ListItemIcon>
          Logout
        </MenuItem>
        <MenuItem onClick={() => signOut(true)} disabled={!state?.rememberedUser}>
          <ListItemIcon>
            <PersonRemove fontSize="small" />
          </ListItemIcon>
          <ListItemText>Logout and forget saved password</ListItemText>
        </MenuItem>
      </Menu>
      <Snackbar open={error !== ''} onClose={() => setError('')} anchorOrigin={{ vertical: 'top', horizontal: 'center' }}>
        <Alert severity="error" onClose={() => setError('')} variant="filled">
          {error}
        </Alert>
      </Snackbar>
    </>
  );
}
