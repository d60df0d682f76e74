import CheckCircle from '@mui/icons-material/CheckCircle';
import ErrorOutlined from '@mui/icons-material/ErrorOutlined';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import type { ReservationGroupResult } from '../../api';

const groups = (n: number) => (n === 1 ? '1 group' : `${n} groups`);

/** "2 groups created, 1 failed", or the whole story in one phrase when nothing failed or nothing worked. */
function resultTitle(results: readonly ReservationGroupResult[], done: string): string {
  const ok = results.filter((r) => r.ok).length;
  const failed = results.length - ok;
  if (failed === 0) return `${groups(ok)} ${done}`;
  if (ok === 0) return `${groups(failed)} failed`;
  return `${groups(ok)} ${done}, ${failed} failed`;
}

/**
 * A submit's or delete's outcome, one line per group: which went through
 * and, for the others, the server's own reason.
 */
export function GroupResults({
  results,
  done,
  footer,
  onClose,
}: {
  results: readonly ReservationGroupResult[];
  /** What happened to a group that went through: "created", "deleted". */
  done: string;
  footer?: ReactNode;
  onClose?: () => void;
}) {
  const failed = results.filter((r) => !r.ok).length;
  const severity = failed === 0 ? 'success' : failed === results.length ? 'error' : 'warning';
  return (
    <Alert severity={severity} onClose={onClose}>
      <AlertTitle>{resultTitle(results, done)}</AlertTitle>
      <Box component="ul" sx={{ m: 0, p: 0, listStyle: 'none', display: 'grid', gap: 0.5 }}>
        {results.map((r, i) => (
          <Box component="li" key={`${r.id}-${r.group}-${i}`} sx={{ display: 'flex', alignItems: 'flex-start', gap: 1 }}>
            {r.ok ? (
              <CheckCircle fontSize="small" color="success" titleAccess="Done" />
            ) : (
              <ErrorOutlined fontSize="small" color="error" titleAccess="Failed" />
            )}
            <Typography variant="body2" sx={{ overflowWrap: 'anywhere' }}>
              <strong>{r.group || `Group ${r.id}`}</strong>: {r.ok ? done : r.message}
            </Typography>
          </Box>
        ))}
      </Box>
      {footer && (
        <Typography variant="body2" sx={{ mt: 1 }}>
          {footer}
        </Typography>
      )}
    </Alert>
  );
}
