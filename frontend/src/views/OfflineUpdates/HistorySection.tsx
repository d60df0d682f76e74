import ErrorOutlined from '@mui/icons-material/ErrorOutlined';
import Refresh from '@mui/icons-material/Refresh';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import IconButton from '@mui/material/IconButton';
import LinearProgress from '@mui/material/LinearProgress';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import type { ExchangeEntry, exchanges } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime, monospace } from '../../components/format';
import { Section } from '../../components/Section';
import { sizeText } from './files';
import type { HistoryState } from './useExchangeHistory';

const kindLabels: Record<exchanges.Kind, string> = {
  capability_request: 'Capability request',
  activation_request: 'Activation request',
  confirmation_request: 'Confirmation request',
  response: 'Response',
};

function KindCell({ entry }: { entry: ExchangeEntry }) {
  return (
    <>
      {kindLabels[entry.kind]}
      {entry.activationId && (
        <Typography variant="caption" component="div" sx={{ color: 'text.secondary' }}>
          {entry.activationId} × {entry.count}
        </Typography>
      )}
    </>
  );
}

function ResultCell({ entry }: { entry: ExchangeEntry }) {
  return (
    <>
      <Box sx={{ display: 'flex', alignItems: 'flex-start', gap: 0.75 }}>
        {!entry.ok && <ErrorOutlined fontSize="small" color="error" titleAccess="Failed" sx={{ mt: '1px' }} />}
        <span>{entry.result}</span>
      </Box>
      {entry.pending && <Chip label="Waiting for response" size="small" color="warning" variant="outlined" sx={{ height: 22, mt: 0.5 }} />}
    </>
  );
}

const headers = ['Time', 'Kind', 'File', 'Size', 'Digest', 'Result'];

/**
 * Every request saved and response loaded for this profile. On an
 * air-gapped network the files travel by hand, often days apart; this is
 * where the administrator sees which request still waits for its answer.
 */
export function HistorySection({ history, onReload }: { history: HistoryState; onReload: () => void }) {
  return (
    <Section
      title="Exchange history"
      action={
        <Tooltip title="Reload the history">
          <IconButton aria-label="Reload history" onClick={onReload} size="small">
            <Refresh fontSize="small" />
          </IconButton>
        </Tooltip>
      }
    >
      <Typography variant="body2" sx={{ color: 'text.secondary', mb: 2 }}>
        The requests saved and responses uploaded for this server profile, newest first. When files are carried to and from an
        air-gapped network, compare the digest on both sides to be sure it is the same file; a request marked Waiting for
        response still needs its answer from the back office.
      </Typography>
      {history.kind === 'loading' && <LinearProgress aria-label="Loading the exchange history" />}
      {history.kind === 'failed' && <ErrorAlert error={history.error} />}
      {history.kind === 'ready' &&
        (history.entries.length === 0 ? (
          <Typography variant="body2" sx={{ color: 'text.secondary' }}>
            No exchanges yet for this server profile.
          </Typography>
        ) : (
          <TableContainer sx={{ maxHeight: 480 }}>
            <Table size="small" stickyHeader aria-label="Exchange history">
              <TableHead>
                <TableRow>
                  {headers.map((h) => (
                    <TableCell key={h} align={h === 'Size' ? 'right' : 'left'} sx={{ whiteSpace: 'nowrap' }}>
                      {h}
                    </TableCell>
                  ))}
                </TableRow>
              </TableHead>
              <TableBody>
                {history.entries.map((entry, i) => (
                  <TableRow key={`${entry.time}-${entry.digest}-${i}`} hover>
                    <TableCell sx={{ minWidth: 96 }}>{formatDateTime(entry.time)}</TableCell>
                    <TableCell sx={{ minWidth: 120 }}>
                      <KindCell entry={entry} />
                    </TableCell>
                    <TableCell sx={{ ...monospace, overflowWrap: 'anywhere', minWidth: 160 }}>{entry.file}</TableCell>
                    <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                      {sizeText(entry.bytes)}
                    </TableCell>
                    <TableCell sx={{ ...monospace, whiteSpace: 'nowrap' }}>{entry.digest}</TableCell>
                    <TableCell sx={{ minWidth: 180 }}>
                      <ResultCell entry={entry} />
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
        ))}
    </Section>
  );
}
