import PlayArrow from '@mui/icons-material/PlayArrow';
import SaveAlt from '@mui/icons-material/SaveAlt';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip, { type ChipProps } from '@mui/material/Chip';
import CircularProgress from '@mui/material/CircularProgress';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { Fragment, useEffect, useRef, useState } from 'react';
import { fne, systemApi, toAppError, type AppError, type Diagnostics } from '../../api';
import { CertificateDetails } from '../../components/CertificateDetails';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime, monospace } from '../../components/format';
import { InfoList } from '../../components/InfoList';
import { Section } from '../../components/Section';

type Run = { kind: 'idle' } | { kind: 'running' } | { kind: 'ready'; value: Diagnostics } | { kind: 'failed'; error: AppError };

type Save = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; path: string } | { kind: 'failed'; error: AppError };

const outcomeLooks: Record<fne.ProbeOutcome, { label: string; color: ChipProps['color'] }> = {
  supported: { label: 'Supported', color: 'success' },
  not_supported: { label: 'Not offered', color: 'default' },
  access_denied: { label: 'Access denied', color: 'warning' },
  login_required: { label: 'Login required', color: 'warning' },
  not_found: { label: 'Not found', color: 'info' },
  error: { label: 'Error', color: 'error' },
  skipped: { label: 'Skipped', color: 'default' },
};

const outcomeOrder = Object.keys(outcomeLooks) as fne.ProbeOutcome[];

const evidenceLabels: Record<fne.Evidence, string> = {
  documented: 'Documented',
  observed: 'Observed',
  assumed: 'Assumed',
};

/** Go's labels read as phrases ("a feature list"); as a column they read better as names ("Feature list"). */
function operationName(label: string): string {
  const name = label.replace(/^(a|an|the|its)\s+/i, '');
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/**
 * How an endpoint answered, as "200 · application/json"; a dash when nothing
 * came back. The line may break after the status, never inside the type, so
 * the column stays narrow and the message beside it readable.
 */
function AnswerText({ answer: a }: { answer: fne.Observation | undefined }) {
  if (!a) return <>—</>;
  const type = a.contentType.split(';')[0]?.trim();
  if (!type) return <>{a.status}</>;
  return (
    <>
      {a.status} · <Box component="span" sx={{ whiteSpace: 'nowrap' }}>{type}</Box>
    </>
  );
}

/** A path that may break after a slash, and only there. */
function PathText({ path }: { path: string }) {
  const parts = path.split('/');
  return (
    <>
      {parts.map((part, i) => (
        <Fragment key={i}>
          {i > 0 && (
            <>
              /<wbr />
            </>
          )}
          {part}
        </Fragment>
      ))}
    </>
  );
}

function OutcomeChip({ outcome }: { outcome: fne.ProbeOutcome }) {
  const { label, color } = outcomeLooks[outcome];
  return <Chip label={label} color={color} size="small" variant={outcome === fne.ProbeOutcome.SKIPPED ? 'outlined' : 'filled'} />;
}

/** Asks the active server for everything the app uses and shows how it answered. */
export function DiagnosticsSection({ profileId }: { profileId: string }) {
  const [run, setRun] = useState<Run>({ kind: 'idle' });
  const [save, setSave] = useState<Save>({ kind: 'idle' });
  // Results describe one profile; a switch makes them stale, and a late
  // answer about the previous profile must not show.
  const runSeq = useRef(0);
  useEffect(() => {
    setRun({ kind: 'idle' });
    setSave({ kind: 'idle' });
    return () => {
      runSeq.current++;
    };
  }, [profileId]);

  const start = () => {
    const seq = ++runSeq.current;
    setRun({ kind: 'running' });
    setSave({ kind: 'idle' });
    systemApi.diagnostics().then(
      (value) => seq === runSeq.current && setRun({ kind: 'ready', value }),
      (e: unknown) => seq === runSeq.current && setRun({ kind: 'failed', error: toAppError(e) }),
    );
  };

  const saveReport = () => {
    const seq = runSeq.current;
    setSave({ kind: 'saving' });
    systemApi.saveCompatibilityReport().then(
      (path) => seq === runSeq.current && setSave(path ? { kind: 'saved', path } : { kind: 'idle' }),
      (e: unknown) => seq === runSeq.current && setSave({ kind: 'failed', error: toAppError(e) }),
    );
  };

  return (
    <Section
      title="Server diagnostics"
      action={
        <Stack direction="row" spacing={1}>
          <Button
            variant="outlined"
            size="small"
            onClick={saveReport}
            disabled={run.kind !== 'ready' || save.kind === 'saving'}
            startIcon={save.kind === 'saving' ? <CircularProgress size={14} /> : <SaveAlt />}
          >
            Save compatibility report
          </Button>
          <Button
            variant="outlined"
            size="small"
            onClick={start}
            disabled={run.kind === 'running'}
            startIcon={run.kind === 'running' ? <CircularProgress size={14} /> : <PlayArrow />}
          >
            Run diagnostics
          </Button>
        </Stack>
      }
    >
      <Typography variant="body2" sx={{ color: 'text.secondary', mb: 2, maxWidth: 820 }}>
        Diagnostics try every read this app uses against the active server and record how it answered, so an administrator can
        tell where a documented or assumed API path differs on a real server. The compatibility report holds the server&apos;s
        version, the traits seen and how each endpoint answered (status, content type and field names), never a value, an
        address or a password, so it can be sent to the producer.
      </Typography>
      {save.kind === 'saved' && (
        <Alert severity="success" sx={{ mb: 2 }} onClose={() => setSave({ kind: 'idle' })}>
          The compatibility report was saved to <Box component="span" sx={monospace}>{save.path}</Box>.
        </Alert>
      )}
      {save.kind === 'failed' && <ErrorAlert error={save.error} />}
      {run.kind === 'failed' && <ErrorAlert error={run.error} />}
      {run.kind === 'ready' && <Results value={run.value} />}
    </Section>
  );
}

function Results({ value: d }: { value: Diagnostics }) {
  const login = d.loggedInAs
    ? `${d.loggedInAs} (${d.roles.join(', ') || 'no roles'})`
    : d.securityEnabled
      ? 'Not logged in: reads that need a role answer “Login required”.'
      : 'Not needed';
  const counts = outcomeOrder
    .map((outcome) => ({ outcome, count: d.endpoints.filter((e) => e.outcome === outcome).length }))
    .filter(({ count }) => count > 0);

  return (
    <Stack spacing={2.5}>
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', lg: '1fr 1fr' }, gap: 3, alignItems: 'start' }}>
        <InfoList
          rows={[
            { label: 'Profile', value: d.profileName },
            { label: 'Address', value: d.url },
            { label: 'Proxy', value: d.proxy },
            { label: 'Health', value: d.reachable ? `Reachable · version ${d.version}` : `Not reachable: ${d.problem}` },
            { label: 'Instance ID', value: d.instanceId || '—' },
            { label: 'Security', value: d.securityEnabled ? 'Enabled' : 'Disabled' },
            { label: 'Login', value: login },
            { label: 'Checked', value: formatDateTime(d.checkedAt) },
          ]}
        />
        <Box>
          <Typography variant="subtitle2" component="h3" sx={{ mb: 1 }}>
            Certificate
          </Typography>
          {d.certificate ? (
            <CertificateDetails certificate={d.certificate} />
          ) : (
            <Typography variant="body2" sx={{ color: 'text.secondary' }}>
              None checked: the profile does not use HTTPS, or the server presented no certificate.
            </Typography>
          )}
        </Box>
      </Box>

      {d.endpoints.length === 0 ? (
        !d.reachable && <Alert severity="warning">The endpoints were not probed because the server could not be reached.</Alert>
      ) : (
        <>
          {d.traits.length > 0 && (
            <Box>
              <Typography variant="subtitle2" component="h3" id="diagnostics-traits" sx={{ mb: 0.5 }}>
                Traits of this server
              </Typography>
              <Box component="ul" aria-labelledby="diagnostics-traits" sx={{ m: 0, pl: 3, typography: 'body2' }}>
                {d.traits.map((t) => (
                  <li key={t}>{t}</li>
                ))}
              </Box>
            </Box>
          )}
          <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', rowGap: 1 }} aria-label="Outcome summary">
            {counts.map(({ outcome, count }) => (
              <Chip key={outcome} size="small" variant="outlined" label={`${outcomeLooks[outcome].label}: ${count}`} />
            ))}
          </Stack>
          <TableContainer sx={{ border: 1, borderColor: 'divider', borderRadius: 2 }}>
            <Table size="small" aria-label="Endpoint results">
              <TableHead>
                <TableRow>
                  <TableCell>Operation</TableCell>
                  <TableCell>Method</TableCell>
                  <TableCell>Path</TableCell>
                  <TableCell>Evidence</TableCell>
                  <TableCell>Outcome</TableCell>
                  <TableCell>Answer</TableCell>
                  {/* The longest text of a row: never squeezed to a word per line. */}
                  <TableCell sx={{ minWidth: 180 }}>Message</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {d.endpoints.map((e) => (
                  <TableRow key={e.op}>
                    <TableCell>{operationName(e.label)}</TableCell>
                    <TableCell sx={monospace}>{e.method}</TableCell>
                    <TableCell sx={monospace}>
                      <PathText path={e.path} />
                    </TableCell>
                    <TableCell>{evidenceLabels[e.evidence]}</TableCell>
                    <TableCell>
                      <OutcomeChip outcome={e.outcome} />
                    </TableCell>
                    <TableCell sx={monospace}>
                      <AnswerText answer={e.answer} />
                    </TableCell>
                    <TableCell sx={{ color: 'text.secondary' }}>{e.message || '—'}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
        </>
      )}
    </Stack>
  );
}
