import Download from '@mui/icons-material/Download';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import MenuItem from '@mui/material/MenuItem';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { forwardRef, useEffect, useMemo, useRef, useState } from 'react';
import { historyApi, toAppError, type AppError, type FeatureKey, type ProfileUsage, type SeriesQuery, type UsageSeries, type UsageStats } from '../../api';
import { DateTimeField } from '../../components/DateTimeField';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDuration } from '../../components/format';
import { Section } from '../../components/Section';
import { HeatMap } from './HeatMap';
import { noSamplesText } from './times';
import { checkCustom, defaultCustom, presetRange, presets, type CustomRange, type RangeKey, type TimeRange } from './ranges';
import type { FeaturePick } from './Sections';
import { UsageChart } from './UsageChart';
import { useCsvExport } from '../../components/useCsvExport';

type Loadable<T> = { kind: 'idle' } | { kind: 'loading' } | { kind: 'ready'; value: T } | { kind: 'failed'; error: AppError };

const keyOf = (f: { name: string; version: string }) => `${f.name}\u0000${f.version}`;

const resolutionText: Record<string, string> = {
  raw: 'Each point is one sample.',
  hourly: 'Each point is an hour: its mean use, with the least and most in use as a band.',
  daily: 'Each point is a day: its mean use, with the least and most in use as a band.',
};

function Stat({ label, value, note }: { label: string; value: string; note?: string }) {
  return (
    <Box sx={{ minWidth: 120 }}>
      <Typography variant="caption" component="dt" sx={{ color: 'text.secondary' }}>
        {label}
      </Typography>
      <Typography variant="h6" component="dd" sx={{ m: 0, fontWeight: 500, lineHeight: 1.4 }}>
        {value}
      </Typography>
      {note && (
        <Typography variant="caption" component="dd" sx={{ m: 0, color: 'text.secondary' }}>
          {note}
        </Typography>
      )}
    </Box>
  );
}

function Stats({ stats, exact, range }: { stats: UsageStats; exact: boolean; range: TimeRange }) {
  const spanSeconds = Math.max(0, (new Date(range.to).getTime() - new Date(range.from).getTime()) / 1000);
  return (
    <Box component="dl" aria-label="Statistics of the range" sx={{ display: 'flex', flexWrap: 'wrap', columnGap: 4, rowGap: 2, m: 0 }}>
      <Stat label="Peak in use" value={String(stats.peak)} />
      <Stat label="Mean in use" value={String(Math.round(stats.mean * 10) / 10)} />
      <Stat
        label="95th percentile"
        value={exact ? String(stats.p95) : `≈ ${stats.p95}`}
        note={exact ? undefined : 'Approximate: from hourly peaks'}
      />
      <Stat label="Time at 100%" value={formatDuration(stats.fullSeconds)} />
      <Stat label="Covered by samples" value={formatDuration(stats.coveredSeconds)} note={`of ${formatDuration(spanSeconds)}`} />
    </Box>
  );
}

export interface UsagePanelProps {
  profiles: readonly ProfileUsage[];
  intervalMinutes: number;
  /** A feature picked in one of the Dashboard's lists, with a number that changes on each pick. */
  pick: (FeaturePick & { seq: number }) | null;
  /** Changes after every collection round: preset ranges then end at the new now. */
  refreshKey: number;
}

/**
 * One feature's use over a range: profile and feature pickers, the range
 * (24 h to a year, or custom), the chart, the range's statistics, the
 * hour-of-week heat map and the CSV export.
 */
export const UsagePanel = forwardRef<HTMLElement, UsagePanelProps>(function UsagePanel({ profiles, intervalMinutes, pick, refreshKey }, ref) {
  const firstProfile = profiles.find((p) => p.active && p.lastSample) ?? profiles.find((p) => p.lastSample) ?? profiles[0];
  const [profileId, setProfileId] = useState(firstProfile?.profileId ?? '');
  const [features, setFeatures] = useState<Loadable<FeatureKey[]>>({ kind: 'idle' });
  const [feature, setFeature] = useState('');
  const [range, setRange] = useState<RangeKey>('24h');
  const [presetWindow, setPresetWindow] = useState<TimeRange>(() => presetRange('24h', new Date()));
  const [custom, setCustom] = useState<CustomRange>(() => defaultCustom(new Date()));
  const [series, setSeries] = useState<Loadable<UsageSeries>>({ kind: 'idle' });
  const [loadingSeries, setLoadingSeries] = useState(false);

  // A profile that left the list (deleted in Settings) gives way to another.
  useEffect(() => {
    if (profiles.length > 0 && !profiles.some((p) => p.profileId === profileId)) setProfileId(profiles[0].profileId);
  }, [profiles, profileId]);

  useEffect(() => {
    if (!pick) return;
    setProfileId(pick.profileId);
    setFeature(keyOf(pick));
  }, [pick]);

  const rangeRef = useRef(range);
  rangeRef.current = range;
  const firstRefresh = useRef(refreshKey);
  useEffect(() => {
    if (refreshKey === firstRefresh.current) return;
    const current = rangeRef.current;
    if (current !== 'custom') setPresetWindow(presetRange(current, new Date()));
  }, [refreshKey]);

  // The features of the profile, again after each round (a feature may be
  // new); another profile's list is not shown meanwhile.
  const featuresOf = useRef('');
  useEffect(() => {
    if (!profileId) return;
    let live = true;
    if (featuresOf.current !== profileId) setFeatures({ kind: 'loading' });
    historyApi.features(profileId).then(
      (list) => {
        if (!live) return;
        featuresOf.current = profileId;
        setFeatures({ kind: 'ready', value: list });
        setFeature((current) => (list.some((f) => keyOf(f) === current) ? current : list.length > 0 ? keyOf(list[0]) : ''));
      },
      (e: unknown) => live && setFeatures({ kind: 'failed', error: toAppError(e) }),
    );
    return () => {
      live = false;
    };
  }, [profileId, refreshKey]);

  const customCheck = checkCustom(custom);
  const span = range === 'custom' ? customCheck.range : presetWindow;
  // The ref is read in render: it changes in the same answer as the list.
  const featuresReady = features.kind === 'ready' && featuresOf.current === profileId;
  const known = featuresReady && features.kind === 'ready' ? features.value : [];
  const chosen = known.find((f) => keyOf(f) === feature);

  const query = useMemo<SeriesQuery | null>(
    () => (chosen && span ? { profileId, name: chosen.name, version: chosen.version, from: span.from, to: span.to } : null),
    [profileId, chosen, span?.from, span?.to],
  );

  useEffect(() => {
    if (!query) {
      setSeries({ kind: 'idle' });
      return;
    }
    let live = true;
    setSeries((s) => (s.kind === 'ready' ? s : { kind: 'loading' }));
    setLoadingSeries(true);
    historyApi.series(query).then(
      (value) => {
        if (!live) return;
        setSeries({ kind: 'ready', value });
        setLoadingSeries(false);
      },
      (e: unknown) => {
        if (!live) return;
        setSeries({ kind: 'failed', error: toAppError(e) });
        setLoadingSeries(false);
      },
    );
    return () => {
      live = false;
    };
  }, [query]);

  const chooseRange = (next: RangeKey | null) => {
    if (!next) return;
    setRange(next);
    if (next !== 'custom') setPresetWindow(presetRange(next, new Date()));
  };

  const { exporting, exportCsv, toast } = useCsvExport(async () => (query ? historyApi.exportSeries(query) : ''));

  const profile = profiles.find((p) => p.profileId === profileId);
  const rangeLabel = range === 'custom' ? 'the chosen range' : `the last ${presets.find((p) => p.key === range)?.label ?? ''}`;
  const shown = series.kind === 'ready' ? series.value : null;
  const title = chosen ? `Seats of ${chosen.name} ${chosen.version} in use over ${rangeLabel}` : 'Seats in use';

  let body;
  if (!profile) {
    body = <Alert severity="info">There are no server profiles.</Alert>;
  } else if (features.kind === 'failed') {
    body = <ErrorAlert error={features.error} />;
  } else if (!featuresReady) {
    body = <Skeleton variant="rounded" height={300} aria-label="Loading the features" />;
  } else if (known.length === 0) {
    body = (
      <Alert severity="info">
        {noSamplesText(intervalMinutes)}
        {!profile.collecting && profile.note ? ` ${profile.note}` : ''}
      </Alert>
    );
  } else if (range === 'custom' && !customCheck.range) {
    body = <Alert severity="info">Enter a range that ends after it starts.</Alert>;
  } else if (series.kind === 'failed') {
    body = <ErrorAlert error={series.error} />;
  } else if (!shown || !span) {
    body = <Skeleton variant="rounded" height={300} aria-label="Loading the chart" />;
  } else {
    body = (
      <Stack spacing={3}>
        {shown.points.length === 0 ? (
          <Alert severity="info">No samples of {chosen ? `${chosen.name} ${chosen.version}` : 'this feature'} in this range.</Alert>
        ) : (
          <Box>
            <UsageChart series={shown} title={title} />
            <Typography variant="caption" component="p" sx={{ color: 'text.secondary', mt: 0.5 }}>
              {resolutionText[shown.resolution] ?? ''} Focus the chart and use the arrow keys to step through the points.
            </Typography>
          </Box>
        )}
        <Stats stats={shown.stats} exact={shown.exact} range={span} />
        <Box>
          <Typography variant="subtitle2" component="h3" sx={{ mb: 1 }}>
            Hour of the week
          </Typography>
          <HeatMap cells={shown.heat} />
        </Box>
      </Stack>
    );
  }

  return (
    <Box ref={ref} component="div" sx={{ scrollMarginTop: 80 }}>
      <Section
        title="Usage over time"
        action={
          <Button variant="outlined" size="small" startIcon={<Download />} onClick={exportCsv} disabled={!query || exporting || !shown || shown.points.length === 0}>
            Export CSV
          </Button>
        }
      >
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ mb: 2.5, alignItems: { md: 'flex-start' } }}>
          <TextField
            select
            size="small"
            label="Profile"
            value={profile ? profileId : ''}
            onChange={(e) => setProfileId(e.target.value)}
            sx={{ minWidth: 200 }}
            disabled={profiles.length === 0}
          >
            {profiles.map((p) => (
              <MenuItem key={p.profileId} value={p.profileId}>
                {p.name}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            select
            size="small"
            label="Feature"
            value={chosen ? feature : ''}
            onChange={(e) => setFeature(e.target.value)}
            sx={{ minWidth: 240 }}
            disabled={known.length === 0}
          >
            {known.map((f) => (
              <MenuItem key={keyOf(f)} value={keyOf(f)}>
                {f.name} {f.version}
              </MenuItem>
            ))}
          </TextField>
          <ToggleButtonGroup exclusive size="small" value={range} onChange={(_, next: RangeKey | null) => chooseRange(next)} aria-label="Range">
            {presets.map((p) => (
              <ToggleButton key={p.key} value={p.key} sx={{ px: 1.5 }}>
                {p.label}
              </ToggleButton>
            ))}
            <ToggleButton value="custom" sx={{ px: 1.5 }}>
              Custom
            </ToggleButton>
          </ToggleButtonGroup>
        </Stack>
        {range === 'custom' && (
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ mb: 2.5 }}>
            <DateTimeField label="From" value={custom.from} error={customCheck.fromError} onChange={(from) => setCustom((c) => ({ ...c, from }))} />
            <DateTimeField label="To" value={custom.to} error={customCheck.toError} onChange={(to) => setCustom((c) => ({ ...c, to }))} />
          </Stack>
        )}
        <Box sx={{ position: 'relative' }}>
          {loadingSeries && shown && <LinearProgress aria-label="Loading the chart" sx={{ position: 'absolute', top: -8, left: 0, right: 0, height: 2 }} />}
          {body}
        </Box>
      </Section>
      {toast}
    </Box>
  );
});
