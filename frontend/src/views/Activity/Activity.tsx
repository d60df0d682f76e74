import Download from '@mui/icons-material/Download';
import Refresh from '@mui/icons-material/Refresh';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import IconButton from '@mui/material/IconButton';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Skeleton from '@mui/material/Skeleton';
import TextField from '@mui/material/TextField';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { history, historyApi, toAppError, type AppError, type AuditEntry, type AuditFilter, type AuditList, type ProfileHistory } from '../../api';
import { DataTable, type Column } from '../../components/DataTable';
import { SearchField } from '../../components/DataTable/SearchField';
import { fromLocalInput, toRfc3339 } from '../../components/dateInput';
import { DateTimeField } from '../../components/DateTimeField';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { useCsvExport } from '../../components/useCsvExport';

type Loadable<T> = { kind: 'loading' } | { kind: 'ready'; value: T } | { kind: 'failed'; error: AppError };

/** The filter as the inputs hold it. */
interface Filters {
  from: string;
  to: string;
  profileId: string;
  outcome: string;
  text: string;
}

const noFilters: Filters = { from: '', to: '', profileId: '', outcome: '', text: '' };

/** Go's audit outcomes, as the filter and the table name them. */
const outcomes = [
  { value: history.Outcome.DONE, label: 'Done', color: 'success' },
  { value: history.Outcome.FAILED, label: 'Failed', color: 'error' },
  { value: history.Outcome.UNKNOWN, label: 'Outcome unknown', color: 'warning' },
] as const;

const toolLabels: Record<string, string> = { app: 'App', lsm: 'lsm (console)' };

interface FilterCheck {
  filter: AuditFilter | null;
  fromError: string;
  toError: string;
}

/** The filter Go gets; null while the date range is not one. */
function checkFilters(f: Filters): FilterCheck {
  const from = f.from ? fromLocalInput(f.from) : null;
  const to = f.to ? fromLocalInput(f.to) : null;
  const fromError = f.from && !from ? 'Enter a complete date and time.' : '';
  const toError = f.to && !to ? 'Enter a complete date and time.' : from && to && to.getTime() <= from.getTime() ? 'The end must be after the start.' : '';
  if (fromError || toError) return { filter: null, fromError, toError };
  return {
    filter: { from: from ? toRfc3339(from) : null, to: to ? toRfc3339(to) : null, profileId: f.profileId, outcome: f.outcome, text: f.text },
    fromError,
    toError,
  };
}

function OutcomeCell({ entry }: { entry: AuditEntry }) {
  const o = outcomes.find((x) => x.value === entry.outcome);
  return (
    <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.75, flexWrap: 'wrap' }}>
      <Chip label={o?.label ?? entry.outcome} size="small" color={o?.color ?? 'default'} variant="outlined" sx={{ height: 22 }} />
      {entry.code && (
        <Typography variant="caption" component="span" sx={{ color: 'text.secondary' }}>
          {entry.code}
        </Typography>
      )}
    </Box>
  );
}

const columns: readonly Column<AuditEntry>[] = [
  { key: 'at', label: 'Time', render: (e) => formatDateTime(e.at), sortValue: (e) => e.at },
  { key: 'profile', label: 'Profile', render: (e) => e.profile, sortValue: (e) => e.profile.toLowerCase(), wrap: 'words' },
  { key: 'server', label: 'Server', render: (e) => e.server, sortValue: (e) => e.server, wrap: 'anywhere' },
  { key: 'user', label: 'User', render: (e) => e.user || '—', sortValue: (e) => e.user.toLowerCase() },
  { key: 'operation', label: 'Operation', render: (e) => e.operation, sortValue: (e) => e.operation.toLowerCase(), wrap: 'words' },
  { key: 'summary', label: 'Summary', render: (e) => e.summary, wrap: 'words' },
  { key: 'outcome', label: 'Outcome', render: (e) => <OutcomeCell entry={e} />, sortValue: (e) => e.outcome },
  { key: 'tool', label: 'Tool', render: (e) => toolLabels[e.tool] ?? e.tool, sortValue: (e) => e.tool },
];

/**
 * The audit log: every change made to a server through the app or lsm on
 * this computer, newest first, with who made it and how it ended.
 */
export function Activity() {
  const [filters, setFilters] = useState<Filters>(noFilters);
  const [profiles, setProfiles] = useState<ProfileHistory[]>([]);
  const [entries, setEntries] = useState<Loadable<AuditList>>({ kind: 'loading' });
  const [reloads, setReloads] = useState(0);

  useEffect(() => {
    let live = true;
    historyApi.status().then(
      (s) => live && setProfiles(s.profiles),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);

  const check = checkFilters(filters);
  const key = JSON.stringify(check.filter);
  // The filter by its value: a new object with the same value asks nothing again.
  const filter = useMemo(() => check.filter, [key]);

  const seq = useRef(0);
  useEffect(() => {
    if (!filter) return;
    const mine = ++seq.current;
    setEntries((e) => (e.kind === 'ready' ? e : { kind: 'loading' }));
    historyApi.audit(filter).then(
      (value) => mine === seq.current && setEntries({ kind: 'ready', value }),
      (e: unknown) => mine === seq.current && setEntries({ kind: 'failed', error: toAppError(e) }),
    );
  }, [filter, reloads]);
  useEffect(
    () => () => {
      seq.current++;
    },
    [],
  );

  const set = useCallback(<K extends keyof Filters>(k: K, value: Filters[K]) => setFilters((f) => ({ ...f, [k]: value })), []);

  const { exporting, exportCsv, toast } = useCsvExport(async () => (filter ? historyApi.exportAudit(filter) : ''));

  const filtered = JSON.stringify(filters) !== JSON.stringify(noFilters);
  const rows = entries.kind === 'ready' ? entries.value.entries : [];
  // Profiles no longer in the settings still have their entries.
  const profileOptions = useMemo(() => {
    const known = new Map(profiles.map((p) => [p.profileId, p.name]));
    for (const e of rows) if (e.profileId && !known.has(e.profileId)) known.set(e.profileId, e.profile);
    return [...known].map(([id, name]) => ({ id, name }));
  }, [profiles, rows]);

  return (
    <>
      <PageHeader
        navId="activity"
        description="Every change made to a license server through this app or the lsm console tool on this computer, newest first: logins, saved settings, reservations, uploads and back-office operations, with the user and how each ended."
        actions={
          <Tooltip title="Read the log again">
            <IconButton aria-label="Reload" onClick={() => setReloads((n) => n + 1)}>
              <Refresh />
            </IconButton>
          </Tooltip>
        }
      />
      <Paper variant="outlined" component="form" aria-label="Filter the activity" onSubmit={(e) => e.preventDefault()} sx={{ p: 2, mb: 2.5, display: 'flex', flexWrap: 'wrap', gap: 2, alignItems: 'flex-start' }}>
        <DateTimeField label="From" value={filters.from} error={check.fromError} onChange={(v) => set('from', v)} />
        <DateTimeField label="To" value={filters.to} error={check.toError} onChange={(v) => set('to', v)} />
        <TextField
          select
          size="small"
          label="Profile"
          value={filters.profileId}
          onChange={(e) => set('profileId', e.target.value)}
          sx={{ minWidth: 180 }}
          helperText=" "
          slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
        >
          <MenuItem value="">All profiles</MenuItem>
          {profileOptions.map((p) => (
            <MenuItem key={p.id} value={p.id}>
              {p.name}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          select
          size="small"
          label="Outcome"
          value={filters.outcome}
          onChange={(e) => set('outcome', e.target.value)}
          sx={{ minWidth: 170 }}
          helperText=" "
          slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
        >
          <MenuItem value="">All outcomes</MenuItem>
          {outcomes.map((o) => (
            <MenuItem key={o.value} value={o.value}>
              {o.label}
            </MenuItem>
          ))}
        </TextField>
        <SearchField label="Search text" help="Operation, summary, user, server or profile" value={filters.text} onSearch={(text) => set('text', text)} />
        {filtered && (
          <Button onClick={() => setFilters(noFilters)} sx={{ mt: 0.5 }}>
            Clear filters
          </Button>
        )}
      </Paper>

      {entries.kind === 'failed' ? (
        <>
          <ErrorAlert error={entries.error} sx={{ mb: 2 }} />
          <Button variant="outlined" startIcon={<Refresh />} onClick={() => setReloads((n) => n + 1)}>
            Retry
          </Button>
        </>
      ) : entries.kind === 'loading' ? (
        <Skeleton variant="rounded" height={320} aria-label="Loading the activity" />
      ) : (
        <>
          {entries.value.more && (
            <Alert severity="info" sx={{ mb: 2 }}>
              Showing the newest {entries.value.limit.toLocaleString()} entries that match; older ones match too. Narrow the filter to see them, or export CSV, which has them all.
            </Alert>
          )}
          <DataTable
            id="activity-log"
            label="Activity log"
            columns={columns}
            rowKey={(e) => e.id}
            rowLabel={(e) => `${e.operation} ${formatDateTime(e.at)}`}
            rows={rows}
            rowHighlight={(e) => (e.outcome === history.Outcome.FAILED ? 'error' : e.outcome === history.Outcome.UNKNOWN ? 'warning' : undefined)}
            emptyText={() => (filtered ? 'No entry matches the filter.' : 'No changes have been made through the app or lsm yet.')}
            actions={
              <Button variant="outlined" startIcon={<Download />} onClick={exportCsv} disabled={exporting || !filter || rows.length === 0}>
                Export CSV
              </Button>
            }
          />
        </>
      )}
      {toast}
    </>
  );
}
