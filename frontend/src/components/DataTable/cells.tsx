import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Tooltip from '@mui/material/Tooltip';

/** The server writes an expiry that never comes as "permanent". */
export const isPermanent = (expiry: string) => expiry.trim().toLowerCase() === 'permanent';

/**
 * An expiry date, "permanent" for one that never comes (which is never
 * expiring), and an "Expires soon" chip within the 30 days Go flags.
 */
export function ExpiryText({ expiry, expiringSoon, permanent = false }: { expiry: string; expiringSoon: boolean; permanent?: boolean }) {
  if (permanent || isPermanent(expiry)) return <>permanent</>;
  return (
    <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center', gap: 1, whiteSpace: 'nowrap' }}>
      {expiry}
      {expiringSoon && expiry && (
        <Tooltip title="Expires within 30 days">
          <Chip label="Expires soon" size="small" color="warning" variant="outlined" sx={{ height: 20, fontSize: '0.6875rem' }} />
        </Tooltip>
      )}
    </Box>
  );
}

/** A count means nothing for an uncounted feature, so it never shows as 0. */
export function countText(value: number, uncounted: boolean): string {
  return uncounted ? 'uncounted' : String(value);
}

export const yesNo = (value: boolean) => (value ? 'Yes' : 'No');
