import type { SvgIconComponent } from '@mui/icons-material';
import CloudSync from '@mui/icons-material/CloudSync';
import Dashboard from '@mui/icons-material/Dashboard';
import Devices from '@mui/icons-material/Devices';
import EventSeat from '@mui/icons-material/EventSeat';
import History from '@mui/icons-material/History';
import Info from '@mui/icons-material/Info';
import Inventory2 from '@mui/icons-material/Inventory2';
import LockReset from '@mui/icons-material/LockReset';
import Login from '@mui/icons-material/Login';
import Settings from '@mui/icons-material/Settings';
import SyncAlt from '@mui/icons-material/SyncAlt';
import Tune from '@mui/icons-material/Tune';
import VpnKey from '@mui/icons-material/VpnKey';
import Workspaces from '@mui/icons-material/Workspaces';

/**
 * Nav icons by Material UI name. An explicit map, because importing the whole
 * icon package to look names up would add megabytes to start-up. A view that
 * needs a new icon adds it here; the NavIconName type then accepts it.
 */
export const navIcons = {
  CloudSync,
  Dashboard,
  Devices,
  EventSeat,
  History,
  Info,
  Inventory2,
  LockReset,
  Login,
  Settings,
  SyncAlt,
  Tune,
  VpnKey,
  Workspaces,
} satisfies Record<string, SvgIconComponent>;

export type NavIconName = keyof typeof navIcons;
