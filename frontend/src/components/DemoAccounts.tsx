import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import type { DemoAccount } from '../api';
import { monospace } from './format';

/**
 * The built-in demo server's accounts, which Go lists only while the demo
 * server is the active profile; Use fills them into the login form.
 */
export function DemoAccounts({ accounts, onUse }: { accounts: readonly DemoAccount[]; onUse: (account: DemoAccount) => void }) {
  if (accounts.length === 0) return null;
  return (
    <Alert severity="info" aria-label="Demo server accounts">
      <AlertTitle>Demo server accounts</AlertTitle>
      <Box component="ul" sx={{ m: 0, p: 0, listStyle: 'none', display: 'grid', gap: 0.5 }}>
        {accounts.map((a) => (
          <Box component="li" key={a.user} sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
            <Box component="span" sx={monospace}>
              {a.user} / {a.password}
            </Box>
            <Box component="span" sx={{ color: 'text.secondary' }}>
              ({a.access})
            </Box>
            <Button size="small" onClick={() => onUse(a)} aria-label={`Use ${a.user}`}>
              Use
            </Button>
          </Box>
        ))}
      </Box>
    </Alert>
  );
}
