import Box from '@mui/material/Box';
import Drawer from '@mui/material/Drawer';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import ListSubheader from '@mui/material/ListSubheader';
import Toolbar from '@mui/material/Toolbar';
import { NavLink, useLocation } from 'react-router';
import { navSections } from '../nav/model';
import { useBranding } from '../state/Branding';

export const DRAWER_WIDTH = 272;

/** The permanent menu, built from the nav model. */
export function NavDrawer() {
  const { pathname } = useLocation();
  const branding = useBranding();
  return (
    <Drawer
      variant="permanent"
      sx={{
        width: DRAWER_WIDTH,
        flexShrink: 0,
        '& .MuiDrawer-paper': { width: DRAWER_WIDTH, boxSizing: 'border-box' },
      }}
    >
      <Toolbar />
      <Box component="nav" aria-label="Views" sx={{ overflowY: 'auto', py: 1 }}>
        {navSections(branding.items, branding.groups).map(({ group, items, showHeader }) => (
          <List
            key={group.id}
            dense
            aria-labelledby={showHeader ? `nav-group-${group.id}` : undefined}
            subheader={
              showHeader ? (
                <ListSubheader
                  id={`nav-group-${group.id}`}
                  disableSticky
                  sx={{ lineHeight: '32px', fontSize: '0.6875rem', fontWeight: 600, letterSpacing: '0.06em', textTransform: 'uppercase' }}
                >
                  {group.label}
                </ListSubheader>
              ) : undefined
            }
          >
            {items.map((item) => {
              const Icon = branding.icon(item.icon);
              return (
                <ListItemButton
                  key={item.id}
                  component={NavLink}
                  to={item.route}
                  selected={pathname === item.route || pathname.startsWith(`${item.route}/`)}
                >
                  <ListItemIcon sx={{ minWidth: 36 }}>
                    <Icon fontSize="small" />
                  </ListItemIcon>
                  <ListItemText primary={item.label} />
                </ListItemButton>
              );
            })}
          </List>
        ))}
      </Box>
    </Drawer>
  );
}
