import CheckCircle from '@mui/icons-material/CheckCircle';
import ErrorOutlined from '@mui/icons-material/ErrorOutlined';
import HelpOutline from '@mui/icons-material/HelpOutlineOutlined';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import type { ReservationGroupResult } from '../../api';

const groups = (n: number) => (n === 1 ? '1 group' : `${n} groups`);

/**
 * "2 groups created, 1 not known, 1 failed", or the whole story in one
 * phrase when nothing failed or nothing worked. A group whose answer was lost
 * and which the server could not be asked about is neither done nor failed.
 */
function resultTitle(results: readonly ReservationGroupResult[], done: string): string {
  const ok = results.filter((r) => r.ok).length;
  const unknown = results.filter((r) => r.unknown).length;
  const failed = results.length - ok - unknown;
  const kinds = ([
    [ok, done],
    [unknown, 'not known'],
    [failed, 'failed'],
  ] as const).filter(([n]) => n > 0);
  return kinds.map(([n, what], i) => `${i === 0 ? groups(n) : n} ${what}`).join(', ') || `${groups(0)} ${done}`;
}

function ResultIcon({ result }: { result: ReservationGroupResult }) {
  if (result.ok) return <CheckCircle fontSize="small" color="success" titleAccess="Done" />;
  if (result.unknown) return <HelpOutline fontSize="small" color="warning" titleAccess="Not known" />;
  return <ErrorOutlined fontSize="small" color="error" titleAccess="Failed" />;
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
  const failed = results.filter((r) => !r.ok && !r.unknown).length;
  const unknown = results.filter((r) => r.unknown).length;
  const severity = failed + unknown === 0 ? 'success' : failed === results.length ? 'error' : 'warning';
  return (
    <Alert severity={severity} onClose={onClose}>
      <AlertTitle>{resultTitle(results, done)}</AlertTitle>
      <Box component="ul" sx={{ m: 0, p: 0, listStyle: 'none', display: 'grid', gap: 0.5 }}>
        {results.map((r, i) => (
          <Box component="li" key={`${r.id}-${r.group}-${i}`} sx={{ display: 'flex', alignItems: 'flex-start', gap: 1 }}>
            <ResultIcon result={r} />
            <Typography variant="body2" sx={{ overflowWrap: 'anywhere' }}>
              <strong>{r.group || `Group ${r.id}`}</strong>: {r.ok ? r.message || done : r.message}
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
