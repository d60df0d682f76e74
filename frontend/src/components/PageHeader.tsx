import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import type { ViewId } from '../nav/routes';
import { useBranding } from '../state/Branding';

/**
 * A view's title. It takes the nav item's id rather than a text, so a label
 * changed by producer branding shows the same in the menu and the heading.
 */
export function PageHeader({ navId, description, actions }: { navId: ViewId; description?: ReactNode; actions?: ReactNode }) {
  const { item } = useBranding();
  return (
    <Box sx={{ display: 'flex', alignItems: 'flex-start', gap: 2, mb: 3 }}>
      <Box sx={{ flex: 1, minWidth: 0 }}>
        <Typography variant="h1">{item(navId).label}</Typography>
        {description && (
          <Typography variant="body2" sx={{ color: 'text.secondary', mt: 0.75, maxWidth: 760 }}>
            {description}
          </Typography>
        )}
      </Box>
      {actions}
    </Box>
  );
}
