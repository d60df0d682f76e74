import ExpandMore from '@mui/icons-material/ExpandMore';
import Refresh from '@mui/icons-material/Refresh';
import Accordion from '@mui/material/Accordion';
import AccordionDetails from '@mui/material/AccordionDetails';
import AccordionSummary from '@mui/material/AccordionSummary';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import LinearProgress from '@mui/material/LinearProgress';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { poolsApi, toAppError, type AppError, type LicensePool, type PoolFeature, type PoolsView } from '../../api';
import { countText, DataTable, ExpiryText, type Column } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../components/format';
import { modelTabSearch } from './links';
import { plural } from './text';

type Loadable =
  | { kind: 'loading' }
  | { kind: 'ready'; value: PoolsView; refreshing: boolean }
  | { kind: 'failed'; error: AppError };

const featureColumns: Column<PoolFeature>[] = [
  { key: 'feature', label: 'Feature Name', render: (f) => f.feature, sortable: true, sortValue: (f) => f.feature.toLowerCase() },
  { key: 'version', label: 'Version', render: (f) => f.version, sortable: true, sortValue: (f) => f.version },
  {
    key: 'expiry',
    label: 'Expiration Date',
    render: (f) => <ExpiryText expiry={f.expiry} expiringSoon={false} />,
    sortable: true,
    sortValue: (f) => f.expiry,
  },
  {
    key: 'allocated',
    label: 'Allocated',
    align: 'right',
    render: (f) => countText(f.allocated, f.uncounted),
    sortable: true,
    sortValue: (f) => (f.uncounted ? Number.MAX_SAFE_INTEGER : f.allocated),
  },
  { key: 'used', label: 'Used', align: 'right', render: (f) => f.used, sortable: true, sortValue: (f) => f.used },
  { key: 'status', label: 'Status', render: (f) => f.status, sortable: true, sortValue: (f) => f.status },
];

const poolTitle = (p: LicensePool) => `ID: ${p.id} / Name: ${p.name}`;

function PoolFeatures({ pool }: { pool: LicensePool }) {
  return (
    <DataTable
      id="pool-features"
      label={`Features of pool ${pool.name}`}
      columns={featureColumns}
      rowKey={(f) => `${f.feature}\u0000${f.version}\u0000${f.expiry}`}
      rowLabel={(f) => `${f.feature} ${f.version}`}
      rows={pool.features}
      emptyText={() => 'This pool holds no features.'}
    />
  );
}

function PoolAccordion({ pool, expanded, onToggle }: { pool: LicensePool; expanded: boolean; onToggle: () => void }) {
  return (
    <Accordion
      variant="outlined"
      disableGutters
      expanded={expanded}
      onChange={onToggle}
      slotProps={{ transition: { unmountOnExit: true } }}
      sx={{ '&:not(:last-of-type)': { borderBottom: 0 }, '&::before': { display: 'none' } }}
    >
      <AccordionSummary expandIcon={<ExpandMore />}>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.5, flexWrap: 'wrap' }}>
          <Typography sx={{ fontWeight: 500, overflowWrap: 'anywhere' }}>{poolTitle(pool)}</Typography>
          {pool.default && <Chip size="small" label="Default" />}
          <Typography variant="body2" sx={{ color: 'text.secondary' }}>
            {plural(pool.features.length, 'feature')}
            {pool.lastModified && ` · last modified ${formatDateTime(pool.lastModified)}`}
          </Typography>
        </Box>
      </AccordionSummary>
      <AccordionDetails sx={{ pt: 0 }}>
        <PoolFeatures pool={pool} />
      </AccordionDetails>
    </Accordion>
  );
}

/**
 * The Named License Pools tab: every pool, the default one first, each
 * expanding to its features. version changes when the model did, so the
 * list is fetched again.
 */
export function PoolList({ version }: { version: number }) {
  const [pools, setPools] = useState<Loadable>({ kind: 'loading' });
  // Until the user opens or closes one, a lone default pool is shown open: there is nothing else to click.
  const [expanded, setExpanded] = useState<ReadonlySet<number> | null>(null);
  const loads = useRef(0);

  const load = useCallback(() => {
    const mine = ++loads.current;
    // A refresh keeps the pools on screen, so expanded ones stay open.
    setPools((prev) => (prev.kind === 'ready' ? { ...prev, refreshing: true } : { kind: 'loading' }));
    poolsApi.pools().then(
      (value) => mine === loads.current && setPools({ kind: 'ready', value, refreshing: false }),
      (e: unknown) => mine === loads.current && setPools({ kind: 'failed', error: toAppError(e) }),
    );
  }, []);

  useEffect(() => {
    load();
    return () => {
      loads.current++;
    };
  }, [load, version]);

  const view = pools.kind === 'ready' ? pools.value : null;
  const busy = pools.kind === 'loading' || (pools.kind === 'ready' && pools.refreshing);
  const open = expanded ?? new Set(view && view.pools.length === 1 ? view.pools.map((p) => p.id) : []);
  const toggle = (id: number) => {
    const next = new Set(open);
    if (!next.delete(id)) next.add(id);
    setExpanded(next);
  };

  return (
    <Stack spacing={2}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2 }}>
        <Typography variant="body2" sx={{ flex: 1 }}>
          Click a named license pool name for further details.
        </Typography>
        <Button variant="outlined" startIcon={<Refresh />} onClick={load} disabled={busy}>
          Refresh
        </Button>
      </Box>

      {pools.kind === 'ready' && pools.refreshing && <LinearProgress aria-label="Refreshing the pools" />}
      {pools.kind === 'failed' && <ErrorAlert error={pools.error} />}

      {view && !view.modelActive && (
        <Alert
          severity="info"
          action={
            <Button component={RouterLink} to={{ search: modelTabSearch }} color="inherit" size="small" sx={{ whiteSpace: 'nowrap' }}>
              Open the Model tab
            </Button>
          }
        >
          Only the default license pool exists: no model definition is active on this server, so every license is served first come,
          first served. To create named license pools, upload a model definition on the Model tab.
        </Alert>
      )}

      {pools.kind === 'loading' && (
        <Stack spacing={1} aria-label="Loading the pools">
          {[0, 1, 2].map((i) => (
            <Skeleton key={i} variant="rounded" height={48} />
          ))}
        </Stack>
      )}

      {view && (
        <Box>
          {view.pools.map((pool) => (
            <PoolAccordion key={pool.id} pool={pool} expanded={open.has(pool.id)} onToggle={() => toggle(pool.id)} />
          ))}
        </Box>
      )}
    </Stack>
  );
}
