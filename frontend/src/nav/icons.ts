import type { SvgIconComponent } from '@mui/icons-material';
import Info from '@mui/icons-material/Info';
import Settings from '@mui/icons-material/Settings';

/**
 * Nav icons by Material UI name. An explicit map, because importing the whole
 * icon package to look names up would add megabytes to start-up. A view that
 * needs a new icon adds it here; the NavIconName type then accepts it.
 */
export const navIcons = {
  Info,
  Settings,
} satisfies Record<string, SvgIconComponent>;

export type NavIconName = keyof typeof navIcons;
