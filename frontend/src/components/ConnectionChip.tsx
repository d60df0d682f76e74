import CheckCircle from '@mui/icons-material/CheckCircle';
import ErrorOutline from '@mui/icons-material/ErrorOutlineOutlined';
import HelpOutline from '@mui/icons-material/HelpOutlineOutlined';
import Chip from '@mui/material/Chip';
import CircularProgress from '@mui/material/CircularProgress';
import Tooltip from '@mui/material/Tooltip';
import type { ReactElement, ReactNode } from 'react';
import { useAppSettings, type ConnectionState } from '../state/AppSettings';
import { connectionFailureLabel } from './connectionLabels';

interface ChipLook {
  label: string;
  color: 'default' | 'success' | 'error' | 'warning';
  icon: ReactElement;
  tooltip: ReactNode;
}

function look(state: ConnectionState): ChipLook {
  switch (state.kind) {
    case 'checking':
      return { label: 'Checking…', color: 'default', icon: <CircularProgress size={14} />, tooltip: 'Checking the license server…' };
    case 'connected': {
      const { info } = state;
      return {
        label: `Connected · ${info.version}`,
        color: 'success',
        icon: <CheckCircle />,
        tooltip: (
          <>
            {info.url}
            <br />
            Instance ID: {info.instanceId || '—'}
            <br />
            Security {info.securityEnabled ? 'enabled' : 'disabled'}
            <br />
            Proxy: {info.proxy}
          </>
        ),
      };
    }
    case 'failed': {
      const { error } = state;
      const notConfigured = error.code === 'not_configured';
      return {
        label: connectionFailureLabel(error.code),
        color: notConfigured ? 'warning' : 'error',
        icon: notConfigured ? <HelpOutline /> : <ErrorOutline />,
        tooltip: error.message,
      };
    }
  }
}

/** The header's view of the active server's health; a click checks again. */
export function ConnectionChip() {
  const { connection, refreshConnection } = useAppSettings();
  const { label, color, icon, tooltip } = look(connection);
  return (
    <Tooltip title={tooltip} describeChild>
      <Chip
        data-testid="connection-state"
        label={label}
        color={color}
        icon={icon}
        variant="outlined"
        onClick={refreshConnection}
        sx={{ fontWeight: 500, maxWidth: 260 }}
      />
    </Tooltip>
  );
}
