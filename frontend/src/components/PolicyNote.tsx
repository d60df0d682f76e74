import BusinessIcon from '@mui/icons-material/Business';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { usePolicies } from '../state/Policies';

/**
 * "Set by your organisation" beside a control a machine policy locks, with
 * what the policy does when there is more to say.
 */
export function PolicyNote({ children }: { children?: ReactNode }) {
  const { notice } = usePolicies();
  return (
    <Stack direction="row" spacing={0.75} sx={{ alignItems: 'flex-start', color: 'text.secondary' }}>
      <BusinessIcon fontSize="small" sx={{ mt: '1px' }} aria-hidden />
      <Typography variant="body2">
        <strong>{notice}</strong>
        {children ? <>: {children}</> : null}
      </Typography>
    </Stack>
  );
}
