import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import { alpha } from '@mui/material/styles';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useId } from 'react';
import type { FeatureAllocation, PoolAllocation } from '../../api';
import { plural } from './text';

function receives(f: FeatureAllocation): string {
  if (f.missing) return '0';
  return f.uncounted ? 'uncounted' : String(f.count);
}

const chip = { display: 'flex', width: 'fit-content', mt: 0.5, height: 20, fontSize: '0.6875rem' } as const;

/** Under the feature's name, so the table stays narrow enough for two pools side by side. */
function Problem({ feature }: { feature: FeatureAllocation }) {
  if (feature.missing) return <Chip size="small" color="error" variant="outlined" label="Not on the server" sx={chip} />;
  if (feature.short) return <Chip size="small" color="warning" variant="outlined" label={`Short by ${feature.shortfall}`} sx={chip} />;
  if (feature.higher) return <Chip size="small" variant="outlined" label="Partly from a higher version" sx={chip} />;
  return null;
}

function PoolCard({ pool }: { pool: PoolAllocation }) {
  const titleId = useId();
  return (
    <Paper variant="outlined" sx={{ bgcolor: 'transparent', overflow: 'hidden' }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, px: 2, py: 1.25, borderBottom: 1, borderColor: 'divider' }}>
        <Typography id={titleId} variant="subtitle2" component="h3" sx={{ overflowWrap: 'anywhere' }}>
          {pool.pool}
        </Typography>
        {pool.default && <Chip size="small" label="Default" />}
      </Box>
      {pool.default && (
        <Typography variant="caption" component="p" sx={{ color: 'text.secondary', px: 2, pt: 1 }}>
          Keeps whatever the named pools do not take.
        </Typography>
      )}
      {pool.features.length === 0 ? (
        <Typography variant="body2" sx={{ color: 'text.secondary', px: 2, py: 1.5 }}>
          No features.
        </Typography>
      ) : (
        <Table size="small" aria-labelledby={titleId}>
          <TableHead>
            <TableRow>
              <TableCell>Feature</TableCell>
              <TableCell>Version</TableCell>
              {!pool.default && <TableCell>Requested</TableCell>}
              <TableCell align="right">Receives</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {pool.features.map((f, i) => {
              const problem = f.missing ? 'error' : f.short ? 'warning' : undefined;
              return (
                <TableRow
                  key={`${f.name}\u0000${f.version}\u0000${f.vendor}\u0000${i}`}
                  data-problem={problem}
                  sx={problem ? { bgcolor: (t) => alpha(t.palette[problem].main, 0.08) } : undefined}
                >
                  <TableCell sx={{ overflowWrap: 'anywhere' }}>
                    {f.name}
                    {f.vendor && (
                      <Typography variant="caption" component="div" sx={{ color: 'text.secondary' }}>
                        vendor string {f.vendor}
                      </Typography>
                    )}
                    <Problem feature={f} />
                  </TableCell>
                  <TableCell>{f.version}</TableCell>
                  {!pool.default && <TableCell>{f.requested}</TableCell>}
                  <TableCell align="right">{receives(f)}</TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
    </Paper>
  );
}

/**
 * What each pool would receive from the server's current features if the
 * model were uploaded now; a pool that asks for more than is left, or for a
 * feature the server does not have, is pointed out before it surprises anyone.
 */
export function PoolPreview({ preview }: { preview: readonly PoolAllocation[] }) {
  const features = preview.flatMap((p) => p.features);
  const short = features.filter((f) => f.short && !f.missing).length;
  const missing = features.filter((f) => f.missing).length;
  return (
    <>
      {(short > 0 || missing > 0) && (
        <Alert severity="warning" sx={{ mb: 2 }}>
          {[
            short > 0 && `${plural(short, 'feature')} would get less than the model asks for`,
            missing > 0 && `${plural(missing, 'feature')} ${missing === 1 ? 'is' : 'are'} not on the server`,
          ]
            .filter(Boolean)
            .join('; ')}
          .
        </Alert>
      )}
      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: 'repeat(auto-fill, minmax(340px, 1fr))', alignItems: 'start' }}>
        {preview.map((p, i) => (
          <PoolCard key={`${p.default ? 'default' : 'named'}:${p.pool}:${i}`} pool={p} />
        ))}
      </Box>
    </>
  );
}
