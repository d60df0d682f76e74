import Check from '@mui/icons-material/Check';
import DarkMode from '@mui/icons-material/DarkMode';
import LightMode from '@mui/icons-material/LightMode';
import SettingsBrightness from '@mui/icons-material/SettingsBrightness';
import Alert from '@mui/material/Alert';
import IconButton from '@mui/material/IconButton';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import Snackbar from '@mui/material/Snackbar';
import Tooltip from '@mui/material/Tooltip';
import { useState } from 'react';
import { settings, toAppError } from '../api';
import { useAppSettings } from '../state/AppSettings';

const choices: { value: settings.Theme; label: string; icon: typeof LightMode }[] = [
  { value: settings.Theme.SYSTEM, label: 'System', icon: SettingsBrightness },
  { value: settings.Theme.LIGHT, label: 'Light', icon: LightMode },
  { value: settings.Theme.DARK, label: 'Dark', icon: DarkMode },
];

/** Picks light, dark or the system's theme; the choice is saved in the settings. */
export function ThemeMenu() {
  const { view, setTheme } = useAppSettings();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [error, setError] = useState('');
  const current = choices.find((c) => c.value === view.theme) ?? choices[0];
  const CurrentIcon = current.icon;

  const choose = (theme: settings.Theme) => {
    setAnchor(null);
    setTheme(theme).catch((e: unknown) => setError(toAppError(e).message));
  };

  return (
    <>
      <Tooltip title={`Theme: ${current.label}`} describeChild>
        <IconButton aria-label="Theme" aria-haspopup="menu" onClick={(e) => setAnchor(e.currentTarget)} color="inherit">
          <CurrentIcon />
        </IconButton>
      </Tooltip>
      <Menu
        anchorEl={anchor}
        open={anchor !== null}
        onClose={() => setAnchor(null)}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}
        transformOrigin={{ vertical: 'top', horizontal: 'right' }}
      >
        {choices.map(({ value, label, icon: Icon }) => (
          <MenuItem key={value} role="menuitemradio" aria-checked={value === view.theme} onClick={() => choose(value)}>
            <ListItemIcon>
              <Icon fontSize="small" />
            </ListItemIcon>
            <ListItemText>{label}</ListItemText>
            {value === view.theme && <Check fontSize="small" sx={{ ml: 2, color: 'primary.main' }} />}
          </MenuItem>
        ))}
      </Menu>
      <Snackbar open={error !== ''} onClose={() => setError('')} anchorOrigin={{ vertical: 'top', horizontal: 'center' }}>
        <Alert severity="error" onClose={() => setError('')} variant="filled">
          {error}
        </Alert>
      </Snackbar>
    </>
  );
}
