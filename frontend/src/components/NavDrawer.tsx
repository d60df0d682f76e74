import ChevronLeft from '@mui/icons-material/ChevronLeft';
import ChevronRight from '@mui/icons-material/ChevronRight';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Divider from '@mui/material/Divider';
import Drawer from '@mui/material/Drawer';
import IconButton from '@mui/material/IconButton';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import ListSubheader from '@mui/material/ListSubheader';
import Snackbar from '@mui/material/Snackbar';
import type { Theme } from '@mui/material/styles';
import Toolbar from '@mui/material/Toolbar';
import Tooltip from '@mui/material/Tooltip';
import { useState } from 'react';
import { NavLink, useLocation } from 'react-router';
import { toAppError } from '../api';
import { navSections } from '../nav/model';
import { useAppSettings } from '../state/AppSettings';
import { useBranding } from '../state/Branding';

/** Wide enough for the guide's longest group name, "License Manager Configuration". */
export const DRAWER_WIDTH = 240;
/** The collapsed drawer: the items' icons, centred. */
export const RAIL_WIDTH = 64;

const NAV_ID = 'app-navigation';

// Out of sight but still read out and still the links' text.
const visuallyHidden = {
  position: 'absolute',
  width: 1,
  height: 1,
  margin: '-1px',
  padding: 0,
  border: 0,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
} as const;

const widthTransition = (theme: Theme) =>
  theme.transitions.create('width', { easing: theme.transitions.easing.sharp, duration: theme.transitions.duration.shorter });

/**
 * The permanent menu, built from the nav model. It collapses to a rail of
 * icons so that wide lists get the room; the labels then show as tooltips
 * and stay the links' accessible names (the text is only hidden from view).
 */
export function NavDrawer() {
  const { pathname } = useLocation();
  const branding = useBranding();
  const { view, setNavCollapsed } = useAppSettings();
  const collapsed = view.navCollapsed;
  const [error, setError] = useState('');
  // Closed on each toggle: the drawer's width animation would leave it pointing where the button was.
  const [toggleTip, setToggleTip] = useState(false);
  const width = collapsed ? RAIL_WIDTH : DRAWER_WIDTH;
  const toggleLabel = collapsed ? 'Expand navigation' : 'Collapse navigation';

  const toggle = () => {
    setToggleTip(false);
    setNavCollapsed(!collapsed).catch((e: unknown) => setError(`The menu setting was not saved: ${toAppError(e).message}`));
  };

  return (
    <>
      <Drawer
        variant="permanent"
        sx={{
          width,
          flexShrink: 0,
          transition: widthTransition,
          '& .MuiDrawer-paper': { width, boxSizing: 'border-box', overflowX: 'hidden', transition: widthTransition },
        }}
      >
        <Toolbar />
        <Box component="nav" id={NAV_ID} aria-label="Views" sx={{ flex: 1, overflowY: 'auto', overflowX: 'hidden', py: 1 }}>
          {navSections(branding.items, branding.groups).map(({ group, items, showHeader }, index) => (
            <List
              key={group.id}
              dense
              aria-labelledby={showHeader ? `nav-group-${group.id}` : undefined}
              subheader={
                <>
                  {collapsed && index > 0 && <Divider sx={{ mx: 1.5, my: 0.5 }} />}
                  {showHeader && (
                    <ListSubheader
                      id={`nav-group-${group.id}`}
                      disableSticky
                      sx={
                        collapsed
                          ? visuallyHidden
                          : { lineHeight: '32px', fontSize: '0.6875rem', fontWeight: 600, letterSpacing: '0.06em', textTransform: 'uppercase' }
                      }
                    >
                      {group.label}
                    </ListSubheader>
                  )}
                </>
              }
            >
              {items.map((item) => {
                const Icon = branding.icon(item.icon);
                return (
                  // The tooltip stays mounted when expanded (only its listeners
                  // are off), so toggling does not remount the links.
                  <Tooltip
                    key={item.id}
                    title={item.label}
                    placement="right"
                    disableHoverListener={!collapsed}
                    disableFocusListener={!collapsed}
                    disableTouchListener={!collapsed}
                  >
                    <ListItemButton
                      component={NavLink}
                      to={item.route}
                      selected={pathname === item.route || pathname.startsWith(`${item.route}/`)}
                      sx={collapsed ? { justifyContent: 'center', px: 0 } : undefined}
                    >
                      <ListItemIcon sx={{ minWidth: collapsed ? 0 : 36 }}>
                        <Icon fontSize="small" />
                      </ListItemIcon>
                      <ListItemText primary={item.label} sx={collapsed ? visuallyHidden : undefined} />
                    </ListItemButton>
                  </Tooltip>
                );
              })}
            </List>
          ))}
        </Box>
        <Divider />
        <Box sx={{ display: 'flex', justifyContent: collapsed ? 'center' : 'flex-end', px: 1, py: 0.5 }}>
          <Tooltip title={toggleLabel} placement="right" open={toggleTip} onOpen={() => setToggleTip(true)} onClose={() => setToggleTip(false)}>
            <IconButton aria-label={toggleLabel} aria-controls={NAV_ID} aria-expanded={!collapsed} onClick={toggle}>
              {collapsed ? <ChevronRight /> : <ChevronLeft />}
            </IconButton>
          </Tooltip>
        </Box>
      </Drawer>
      <Snackbar open={error !== ''} onClose={() => setError('')} anchorOrigin={{ vertical: 'top', horizontal: 'center' }}>
        <Alert severity="error" onClose={() => setError('')} variant="filled">
          {error}
        </Alert>
      </Snackbar>
    </>
  );
}
