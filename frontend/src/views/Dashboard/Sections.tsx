import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import LinearProgress from '@mui/material/LinearProgress';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TablePagination from '@mui/material/TablePagination';
import TableRow from '@mui/material/TableRow';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useState, type ReactNode } from 'react';
import type { FeatureUsage, ProfileUsage, UsageExpiry } from '../../api';
import { formatDate, formatDateTime, formatDuration, formatPercent } from '../../components/format';
import { Section } from '../../components/Section';
import { daysText } from './times';

/** A feature of a profile, as the chart panel is asked to show it. */
export interface FeaturePick {
  profileId: string;
  name: string;
  version: string;
}

/** Rows a dashboard table shows at a time: a large server has thousands of expiring increments. */
export const SMALL_TABLE_ROWS = 10;

function SmallTable<T>({
  label,
  headers,
  empty,
  rows,
  row,
}: {
  label: string;
  headers: readonly (readonly [string, 'left' | 'right'])[];
  empty: string;
  rows: readonly T[];
  row: (r: T) => ReactNode;
}) {
  const [page, setPage] = useState(0);
  // Fewer rows after a reload or a filter keep the page within them.
  const shownPage = Math.min(page, Math.max(0, Math.ceil(rows.length / SMALL_TABLE_ROWS) - 1));
  const shown = rows.slice(shownPage * SMALL_TABLE_ROWS, (shownPage + 1) * SMALL_TABLE_ROWS);
  return (
    <>
      <TableContainer>
        <Table size="small" aria-label={label}>
          <TableHead>
            <TableRow>
              {headers.map(([h, align]) => (
                <TableCell key={h} align={align} sx={{ fontWeight: 600, whiteSpace: 'nowrap' }}>
                  {h}
                </TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.length === 0 ? (
              <TableRow>
                <TableCell colSpan={headers.length} sx={{ py: 3, textAlign: 'center', color: 'text.secondary', borderBottom: 0 }}>
                  {empty}
                </TableCell>
              </TableRow>
            ) : (
              shown.map(row)
            )}
          </TableBody>
        </Table>
      </TableContainer>
      {rows.length > SMALL_TABLE_ROWS && (
        <TablePagination
          component="div"
          aria-label={`Pages of ${label}`}
          count={rows.length}
          page={shownPage}
          rowsPerPage={SMALL_TABLE_ROWS}
          rowsPerPageOptions={[]}
          onPageChange={(_, p) => setPage(p)}
          sx={{ borderTop: 0 }}
        />
      )}
    </>
  );
}

const secondary = { color: 'text.secondary' } as const;

function ServerState({ p }: { p: ProfileUsage }) {
  if (!p.lastSample) return <Box component="span" sx={secondary}>No sample yet</Box>;
  if (p.reachable) return <Chip label="Reachable" size="small" color="success" variant="outlined" />;
  return (
    <Stack spacing={0.5} sx={{ alignItems: 'flex-start' }}>
      <Chip label="Unreachable" size="small" color="error" variant="outlined" />
      {p.problem && (
        <Typography variant="caption" sx={{ ...secondary, whiteSpace: 'normal' }}>
          {p.problem}
        </Typography>
      )}
      <Typography variant="caption" sx={secondary}>
        {p.lastReached ? `Last answered ${formatDateTime(p.lastReached)}` : 'Never answered'}
      </Typography>
    </Stack>
  );
}

/** Every profile's server as its latest sample found it. */
export function ProfilesSection({ profiles }: { profiles: readonly ProfileUsage[] }) {
  return (
    <Section title="Servers">
      <SmallTable
        label="Server profiles"
        headers={[
          ['Profile', 'left'],
          ['Server', 'left'],
          ['Version', 'left'],
          ['Last sample', 'left'],
          ['Response time', 'right'],
          ['Open alerts', 'right'],
        ]}
        empty="There are no server profiles."
        rows={profiles}
        row={(p) => (
          <TableRow key={p.profileId} data-profile={p.profileId}>
            <TableCell sx={{ verticalAlign: 'top' }}>
              <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
                <Typography variant="body2" component="span" sx={{ fontWeight: 500 }}>
                  {p.name}
                </Typography>
                {p.active && <Chip label="Active" size="small" color="primary" variant="outlined" sx={{ height: 20 }} />}
                {!p.collecting && <Chip label="Not collecting" size="small" color="warning" variant="outlined" sx={{ height: 20 }} />}
              </Box>
              {p.note && (
                <Typography variant="caption" component="div" sx={{ color: p.collecting ? 'warning.main' : 'text.secondary', mt: 0.5, maxWidth: 420 }}>
                  {p.note}
                </Typography>
              )}
            </TableCell>
            <TableCell sx={{ verticalAlign: 'top' }}>
              <ServerState p={p} />
            </TableCell>
            <TableCell sx={{ verticalAlign: 'top' }}>{p.lastSample && p.version ? p.version : '—'}</TableCell>
            <TableCell sx={{ verticalAlign: 'top', whiteSpace: 'nowrap' }}>{p.lastSample ? formatDateTime(p.lastSample) : '—'}</TableCell>
            <TableCell align="right" sx={{ verticalAlign: 'top', whiteSpace: 'nowrap' }}>
              {p.lastSample && p.reachable ? responseText(p.responseMs) : '—'}
            </TableCell>
            <TableCell align="right" sx={{ verticalAlign: 'top' }}>
              {p.openAlerts > 0 ? <Chip label={p.openAlerts} size="small" color="warning" aria-label={`${p.openAlerts} open alerts`} /> : '0'}
            </TableCell>
          </TableRow>
        )}
      />
    </Section>
  );
}

/** Go counts whole milliseconds: a server on this computer answers in less than one. */
function responseText(ms: number): string {
  return ms < 1 ? '< 1 ms' : `${ms} ms`;
}

/** A feature's name and version, which opens its chart. */
function FeatureLink({ row, onPick }: { row: { profileId: string; name: string; version: string }; onPick: (pick: FeaturePick) => void }) {
  return (
    <Tooltip title="Show in the chart below" describeChild>
      <Link
        component="button"
        type="button"
        variant="body2"
        onClick={() => onPick({ profileId: row.profileId, name: row.name, version: row.version })}
        sx={{ textAlign: 'left', verticalAlign: 'baseline', whiteSpace: 'nowrap' }}
      >
        {row.name} {row.version}
      </Link>
    </Tooltip>
  );
}

function UtilisationBar({ share }: { share: number }) {
  const clamped = Math.min(Math.max(share, 0), 1);
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, justifyContent: 'flex-end' }}>
      <LinearProgress
        variant="determinate"
        value={clamped * 100}
        color={clamped >= 1 ? 'error' : 'warning'}
        aria-label="Utilisation"
        sx={{ width: 64, height: 6, borderRadius: 3 }}
      />
      <Box component="span" sx={{ minWidth: 40, textAlign: 'right' }}>
        {formatPercent(share)}
      </Box>
    </Box>
  );
}

/** The features at or above the busy threshold now. */
export function NearCapacitySection({ rows, threshold, onPick }: { rows: readonly FeatureUsage[]; threshold: number; onPick: (pick: FeaturePick) => void }) {
  return (
    <Section title="Near capacity now">
      <SmallTable
        label="Near capacity now"
        headers={[
          ['Feature', 'left'],
          ['Profile', 'left'],
          ['In use', 'right'],
          ['Utilisation', 'right'],
        ]}
        empty={`No feature is at or above ${threshold}% of its seats now.`}
        rows={rows}
        row={(r) => (
          <TableRow key={`${r.profileId}\u0000${r.name}\u0000${r.version}`}>
            <TableCell>
              <FeatureLink row={r} onPick={onPick} />
            </TableCell>
            <TableCell>{r.profile}</TableCell>
            <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
              {r.used} of {r.total}
            </TableCell>
            <TableCell align="right">
              <UtilisationBar share={r.utilisation} />
            </TableCell>
          </TableRow>
        )}
      />
    </Section>
  );
}

/** The features that had every seat in use in the last 7 days, longest first: where requests may have been denied. */
export function FullLastWeekSection({ rows, onPick }: { rows: readonly FeatureUsage[]; onPick: (pick: FeaturePick) => void }) {
  return (
    <Section title="Full in the last 7 days">
      <SmallTable
        label="Full in the last 7 days"
        headers={[
          ['Feature', 'left'],
          ['Profile', 'left'],
          ['Time at 100%', 'right'],
          ['In use now', 'right'],
        ]}
        empty="No feature had every seat in use in the last 7 days."
        rows={rows}
        row={(r) => (
          <TableRow key={`${r.profileId}\u0000${r.name}\u0000${r.version}`}>
            <TableCell>
              <FeatureLink row={r} onPick={onPick} />
            </TableCell>
            <TableCell>{r.profile}</TableCell>
            <TableCell align="right" sx={{ whiteSpace: 'nowrap', fontWeight: 500 }}>
              {formatDuration(r.fullSeconds)}
            </TableCell>
            <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
              {r.used} of {r.total}
            </TableCell>
          </TableRow>
        )}
      />
    </Section>
  );
}

/** How far ahead the expiries list looks; Go sends the next 90 days. */
export const EXPIRY_WINDOWS = [30, 60, 90] as const;
type ExpiryWindow = (typeof EXPIRY_WINDOWS)[number];

/** What a feature keeps after an increment ends: counted seats, an uncounted increment, or both. */
function restText(r: UsageExpiry): string {
  if (!r.restUncounted) return String(r.rest);
  return r.rest > 0 ? `${r.rest} + uncounted` : 'Uncounted';
}

/** The increments that end soon, with the seats each takes away and those the feature keeps. */
export function ExpiriesSection({ rows }: { rows: readonly UsageExpiry[] }) {
  const [within, setWithin] = useState<ExpiryWindow>(90);
  const shown = rows.filter((r) => r.days <= within);
  return (
    <Section
      title="Next expiries"
      action={
        <Stack direction="row" spacing={1} role="group" aria-label="Expiring within">
          {EXPIRY_WINDOWS.map((days) => (
            <Chip
              key={days}
              label={`${days} days`}
              size="small"
              clickable
              color={days === within ? 'primary' : 'default'}
              variant={days === within ? 'filled' : 'outlined'}
              aria-pressed={days === within}
              onClick={() => setWithin(days)}
            />
          ))}
        </Stack>
      }
    >
      <SmallTable
        label="Next expiries"
        headers={[
          ['Feature', 'left'],
          ['Profile', 'left'],
          ['Expires', 'left'],
          ['Seats ending', 'right'],
          ['Seats left after', 'right'],
        ]}
        empty={`Nothing expires within ${within} days.`}
        rows={shown}
        row={(r) => {
          // Nothing of the feature stays: it stops being served.
          const gone = r.rest === 0 && !r.restUncounted;
          return (
            <TableRow key={`${r.profileId}\u0000${r.name}\u0000${r.version}\u0000${r.expires}\u0000${r.seats}\u0000${r.uncounted}`} data-highlight={gone ? 'error' : undefined}>
              <TableCell>
                {r.name} {r.version}
              </TableCell>
              <TableCell>{r.profile}</TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>
                {formatDate(r.expires)}{' '}
                <Box component="span" sx={secondary}>
                  ({daysText(r.days)})
                </Box>
              </TableCell>
              <TableCell align="right">{r.uncounted ? 'Uncounted' : r.seats}</TableCell>
              <TableCell align="right" sx={gone ? { color: 'error.main', fontWeight: 500 } : undefined}>
                {restText(r)}
              </TableCell>
            </TableRow>
          );
        }}
      />
    </Section>
  );
}
