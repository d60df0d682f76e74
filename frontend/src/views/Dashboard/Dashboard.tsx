import PlayArrow from '@mui/icons-material/PlayArrow';
import Refresh from '@mui/icons-material/Refresh';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import IconButton from '@mui/material/IconButton';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { collect, historyApi, onHistory, toAppError, type AppError, type CollectResult, type HistoryStatus, type UsageOverview } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { routes } from '../../nav/routes';
import { ExpiriesSection, FullLastWeekSection, NearCapacitySection, ProfilesSection, type FeaturePick } from './Sections';
import { noSamplesText } from './times';
import { UsagePanel } from './UsagePanel';

type Loadable<T> = { kind: 'loading' } | { kind: 'ready'; value: T } | { kind: 'failed'; error: AppError };

/** What Collect now did for a profile. */
const outcomeText: Record<collect.Outcome, string> = {
  [collect.Outcome.WRITTEN]: 'sample taken',
  [collect.Outcome.TAKEN]: 'sample already taken by another collector',
  [collect.Outcome.UNREACHABLE]: 'server unreachable',
  [collect.Outcome.NEEDS_LOGIN]: 'needs a login',
  [collect.Outcome.FAILED]: 'failed',
  [collect.Outcome.OFF]: 'history off',
};
const fine = new Set([collect.Outcome.WRITTEN, collect.Outcome.TAKEN, collect.Outcome.OFF]);

function CollectReport({ results, onClose }: { results: CollectResult[]; onClose: () => void }) {
  const ok = results.every((r) => fine.has(r.outcome));
  return (
    <Alert severity={ok ? 'success' : 'warning'} onClose={onClose} sx={{ mb: 3 }}>
      <AlertTitle>{ok ? 'Samples taken' : 'Not every sample was taken'}</AlertTitle>
      <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
        {results.map((r) => (
          <li key={r.profileId}>
            {r.profileName}: {outcomeText[r.outcome]}
            {r.message && r.outcome !== collect.Outcome.WRITTEN ? ` (${r.message})` : ''}
          </li>
        ))}
      </Box>
    </Alert>
  );
}

/**
 * The usage history of every profile at a glance: each server's state,
 * the features near or at capacity, the next expiries, and one feature's use
 * over time. It reads this computer's history file, which the app fills at
 * start and every few minutes, and follows each round as it ends.
 */
export function Dashboard() {
  const [status, setStatus] = useState<HistoryStatus | null>(null);
  const [overview, setOverview] = useState<Loadable<UsageOverview>>({ kind: 'loading' });
  const [refreshKey, setRefreshKey] = useState(0);
  const [pick, setPick] = useState<(FeaturePick & { seq: number }) | null>(null);
  const [collecting, setCollecting] = useState(false);
  const [collected, setCollected] = useState<CollectResult[] | null>(null);
  const [collectError, setCollectError] = useState<AppError | null>(null);
  const panel = useRef<HTMLElement>(null);

  // Only the newest read may fill the view.
  const seq = useRef(0);
  const load = useCallback(() => {
    const mine = ++seq.current;
    historyApi.status().then(
      (value) => mine === seq.current && setStatus(value),
      () => undefined,
    );
    historyApi.overview().then(
      (value) => mine === seq.current && setOverview({ kind: 'ready', value }),
      (e: unknown) => mine === seq.current && setOverview({ kind: 'failed', error: toAppError(e) }),
    );
  }, []);

  useEffect(() => {
    load();
    return () => {
      seq.current++;
    };
  }, [load]);

  // Every round brings new samples: the view follows without a reload by hand.
  useEffect(
    () =>
      onHistory(() => {
        load();
        setRefreshKey((k) => k + 1);
      }),
    [load],
  );

  const collectNow = async () => {
    setCollecting(true);
    setCollectError(null);
    setCollected(null);
    try {
      setCollected(await historyApi.collectNow());
      load();
      setRefreshKey((k) => k + 1);
    } catch (e) {
      setCollectError(toAppError(e));
    } finally {
      setCollecting(false);
    }
  };

  const showInChart = (p: FeaturePick) => {
    setPick((prev) => ({ ...p, seq: (prev?.seq ?? 0) + 1 }));
    panel.current?.scrollIntoView?.({ behavior: 'smooth', block: 'start' });
  };

  const unavailable = status !== null && !status.available;
  const interval = status?.input.history.intervalMinutes ?? 0;

  const header = (
    <PageHeader
      navId="dashboard"
      description="The usage history of every server profile, from the samples this computer takes at start and at every interval. Times at 100% show where requests may have been denied."
      actions={
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <Tooltip title="Read the history again">
            <span>
              <IconButton aria-label="Reload" onClick={load}>
                <Refresh />
              </IconButton>
            </span>
          </Tooltip>
          <Button
            variant="contained"
            onClick={collectNow}
            disabled={collecting || unavailable}
            startIcon={collecting ? <CircularProgress size={16} color="inherit" /> : <PlayArrow />}
            sx={{ whiteSpace: 'nowrap' }}
          >
            Collect now
          </Button>
        </Stack>
      }
    />
  );

  const notices = (
    <>
      {unavailable && (
        <Alert severity="warning" sx={{ mb: 3 }} action={<Button component={Link} to={routes.settings} color="inherit" size="small">Open Settings</Button>}>
          <AlertTitle>Usage history is not available</AlertTitle>
          {status.problem}
          {status.file && (
            <Typography variant="body2" sx={{ mt: 0.5 }}>
              History file: {status.file}
            </Typography>
          )}
        </Alert>
      )}
      {collectError && <ErrorAlert error={collectError} onClose={() => setCollectError(null)} sx={{ mb: 3 }} />}
      {collected && <CollectReport results={collected} onClose={() => setCollected(null)} />}
    </>
  );

  if (overview.kind === 'failed') {
    return (
      <>
        {header}
        {notices}
        {/* The status said it already when the file cannot be used; the same words twice help no one. */}
        {!(unavailable && overview.error.message === status.problem) && <ErrorAlert error={overview.error} sx={{ mb: 2 }} />}
        <Button variant="outlined" startIcon={<Refresh />} onClick={load}>
          Retry
        </Button>
      </>
    );
  }

  if (overview.kind === 'loading') {
    return (
      <>
        {header}
        {notices}
        <Stack spacing={2.5} aria-label="Loading the dashboard">
          <Skeleton variant="rounded" height={140} />
          <Skeleton variant="rounded" height={180} />
          <Skeleton variant="rounded" height={320} />
        </Stack>
      </>
    );
  }

  const o = overview.value;
  const noSamples = o.profiles.length > 0 && o.profiles.every((p) => !p.lastSample);
  return (
    <>
      {header}
      {notices}
      {noSamples && (
        <Alert severity="info" sx={{ mb: 3 }}>
          {noSamplesText(interval)}
        </Alert>
      )}
      <Stack spacing={2.5}>
        <ProfilesSection profiles={o.profiles} />
        {/* Side by side only where both tables fit: a column is at least as wide as their widest rows. */}
        <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 540px), 1fr))', gap: 2.5 }}>
          <NearCapacitySection rows={o.nearCapacity} threshold={o.threshold} onPick={showInChart} />
          <FullLastWeekSection rows={o.fullLastWeek} onPick={showInChart} />
        </Box>
        <ExpiriesSection rows={o.expiries} />
        <UsagePanel ref={panel} profiles={o.profiles} intervalMinutes={interval} pick={pick} refreshKey={refreshKey} />
      </Stack>
      <Typography variant="caption" component="p" sx={{ color: 'text.secondary', mt: 2 }}>
        Read {formatDateTime(o.generatedAt)}.
      </Typography>
    </>
  );
}
