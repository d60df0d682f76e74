import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import Typography from '@mui/material/Typography';
import { useId, useState } from 'react';
import {
  reservationsApi,
  toAppError,
  type AppError,
  type ReservationImportPlan,
  type ReservationImportPreview,
  type ReservationImportProblem,
  type ReservationImportReport,
} from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { OriginalJson } from './OriginalJson';

const count = (n: number, one: string, many: string) => `${n.toLocaleString()} ${n === 1 ? one : many}`;

function Problems({ problems, severity, title }: { problems: readonly ReservationImportProblem[]; severity: 'error' | 'warning'; title: string }) {
  if (problems.length === 0) return null;
  return (
    <Alert severity={severity}>
      <AlertTitle>{title}</AlertTitle>
      <Box component="ul" sx={{ m: 0, pl: 2.5, maxHeight: 200, overflowY: 'auto' }}>
        {problems.map((p, i) => (
          <li key={i}>
            <Typography variant="body2" component="span" sx={{ overflowWrap: 'anywhere' }}>
              <Box component="code" sx={{ fontFamily: 'monospace', fontWeight: 600 }}>
                {p.location}
              </Box>
              : {p.message}
            </Typography>
          </li>
        ))}
      </Box>
    </Alert>
  );
}

function planText(plan: ReservationImportPlan): string {
  return `${count(plan.toImport, 'new group', 'new groups')} to import, ${count(plan.toReplace, 'group', 'groups')} to replace, ${count(plan.skipped, 'group', 'groups')} skipped.`;
}

function Plan({ plan }: { plan: ReservationImportPlan }) {
  const skipped = plan.actions.filter((a) => a.action === 'skip');
  return (
    <Box role="status" aria-live="polite">
      <Typography variant="body2" sx={{ fontWeight: 600 }}>
        {planText(plan)}
      </Typography>
      {skipped.length > 0 && (
        <Box component="ul" sx={{ m: 0, mt: 0.5, pl: 2.5 }}>
          {skipped.map((a, i) => (
            <li key={i}>
              <Typography variant="body2" sx={{ overflowWrap: 'anywhere' }}>
                {a.name ? <strong>{a.name}</strong> : 'A group without a name'}: {a.reason}
              </Typography>
            </li>
          ))}
        </Box>
      )}
    </Box>
  );
}

function Report({ report }: { report: ReservationImportReport }) {
  const severity = report.failed.length > 0 ? (report.imported + report.replaced > 0 ? 'warning' : 'error') : 'success';
  return (
    <Stack spacing={2}>
      <Alert severity={severity}>
        <AlertTitle>
          {count(report.imported, 'group', 'groups')} imported, {report.replaced.toLocaleString()} replaced, {report.skipped.toLocaleString()} skipped,{' '}
          {report.failed.length.toLocaleString()} failed
        </AlertTitle>
        {report.failed.length === 0 ? 'The reservations list now shows the imported groups.' : 'The groups that failed are listed below with the server’s reason.'}
      </Alert>
      {report.failed.map((f, i) => (
        <Box key={i}>
          <Typography variant="body2" sx={{ overflowWrap: 'anywhere' }}>
            <strong>{f.group}</strong> failed: {f.message}
          </Typography>
          {f.originalJson && (
            <Box sx={{ mt: 1.5 }}>
              <OriginalJson json={f.originalJson} label={`Definition of ${f.group}`} />
            </Box>
          )}
        </Box>
      ))}
      {report.skippedGroups.length > 0 && (
        <Box>
          <Typography variant="subtitle2">Skipped</Typography>
          <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
            {report.skippedGroups.map((s, i) => (
              <li key={i}>
                <Typography variant="body2" sx={{ overflowWrap: 'anywhere' }}>
                  <strong>{s.group}</strong>: {s.message}
                </Typography>
              </li>
            ))}
          </Box>
        </Box>
      )}
    </Stack>
  );
}

/**
 * The import file as Go read it: what it holds, every problem with its
 * place in the file, and what importing would do, both when groups of the
 * same name on the server are kept and when they are replaced. Import
 * applies the checked file, then the dialog shows what happened.
 */
export function ImportDialog({ preview, onClose }: { preview: ReservationImportPreview; onClose: (changed: boolean) => void }) {
  const titleId = useId();
  const [replace, setReplace] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [report, setReport] = useState<ReservationImportReport | null>(null);
  const plan = replace ? preview.replace : preview.keep;
  const changed = report !== null && (report.imported > 0 || report.replaced > 0 || report.failed.length > 0);

  const apply = async () => {
    setBusy(true);
    setError(null);
    try {
      setReport(await reservationsApi.applyImport(preview.token, replace));
    } catch (e) {
      setError(toAppError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open onClose={busy ? undefined : () => onClose(changed)} aria-labelledby={titleId} maxWidth="md" fullWidth>
      <DialogTitle id={titleId}>Import reservations</DialogTitle>
      <DialogContent>
        {report ? (
          <Report report={report} />
        ) : (
          <Stack spacing={2}>
            <Box>
              <Typography variant="body2" sx={{ overflowWrap: 'anywhere' }}>
                File: <strong>{preview.fileName}</strong>
              </Typography>
              <Typography variant="body2">
                {count(preview.groupCount, 'group', 'groups')}, {count(preview.reservationCount, 'reservation', 'reservations')},{' '}
                {count(preview.entryCount, 'entry', 'entries')}
              </Typography>
            </Box>
            <Problems
              problems={preview.errors}
              severity="error"
              title={`${count(preview.errors.length, 'problem', 'problems')}: groups with problems are skipped`}
            />
            <Problems problems={preview.warnings} severity="warning" title={count(preview.warnings.length, 'warning', 'warnings')} />
            <FormControlLabel
              control={<Switch checked={replace} onChange={(e) => setReplace(e.target.checked)} disabled={busy} />}
              label="Replace existing groups with the same name"
            />
            <Plan plan={plan} />
            {error && <ErrorAlert error={error} />}
          </Stack>
        )}
        {busy && <LinearProgress aria-label="Importing" sx={{ mt: 2 }} />}
      </DialogContent>
      <DialogActions>
        {report ? (
          <Button variant="contained" onClick={() => onClose(changed)}>
            Close
          </Button>
        ) : (
          <>
            <Button onClick={() => onClose(false)} disabled={busy}>
              Cancel
            </Button>
            <Button variant="contained" onClick={apply} disabled={busy || plan.toImport + plan.toReplace === 0}>
              Import
            </Button>
          </>
        )}
      </DialogActions>
    </Dialog>
  );
}
