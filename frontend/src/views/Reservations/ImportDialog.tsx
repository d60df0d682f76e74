import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import Typography from '@mui/material/Typography';
import { useId, useState } from 'react';
import {
  recover,
  reservations,
  reservationsApi,
  stoppedError,
  toAppError,
  type AppError,
  type ReservationGroupMessage,
  type ReservationImportPlan,
  type ReservationImportPreview,
  type ReservationImportProblem,
  type ReservationImportReport,
  type ReservationImportStep,
} from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { OperationProgress, useLongOperation } from '../../components/OperationProgress';
import { OriginalJson } from './OriginalJson';

const count = (n: number, one: string, many: string) => `${n.toLocaleString()} ${n === 1 ? one : many}`;

/** Where a problem is: LINE:COL in the file, then the value's path. */
function Place({ problem }: { problem: ReservationImportProblem }) {
  return (
    <>
      <Box component="code" sx={{ fontFamily: 'monospace', fontWeight: 600 }}>
        {`${problem.line}:${problem.column}`}
      </Box>
      {problem.location && (
        <>
          {' '}
          <Box component="code" sx={{ fontFamily: 'monospace' }}>
            {problem.location}
          </Box>
        </>
      )}
    </>
  );
}

function Problems({ problems, severity, title }: { problems: readonly ReservationImportProblem[]; severity: 'error' | 'warning'; title: string }) {
  if (problems.length === 0) return null;
  return (
    <Alert severity={severity}>
      <AlertTitle>{title}</AlertTitle>
      <Box component="ul" sx={{ m: 0, pl: 2.5, maxHeight: 200, overflowY: 'auto' }}>
        {problems.map((p, i) => (
          <li key={i}>
            <Typography variant="body2" component="span" sx={{ overflowWrap: 'anywhere' }}>
              <Place problem={p} />: {p.message}
            </Typography>
          </li>
        ))}
      </Box>
    </Alert>
  );
}

function planText({ summary }: ReservationImportPlan): string {
  return `${count(summary.toImport, 'new group', 'new groups')} to import, ${count(summary.toReplace, 'group', 'groups')} to replace, ${count(summary.skipped, 'group', 'groups')} skipped.`;
}

/** What the server would be asked to do with one group of the file. */
function stepText(step: ReservationImportStep): string {
  switch (step.action) {
    case reservations.Action.CREATE:
      return step.name ? 'will be created.' : 'will be created; the server will name this group.';
    case reservations.Action.REPLACE:
      return 'will replace the server’s group of this name.';
    default:
      return `skipped: ${step.reason}`;
  }
}

function Plan({ plan }: { plan: ReservationImportPlan }) {
  return (
    <Box role="status" aria-live="polite">
      <Typography variant="body2" sx={{ fontWeight: 600 }}>
        {planText(plan)}
      </Typography>
      {plan.actions.length > 0 && (
        <Box component="ul" aria-label="Groups of the file" sx={{ m: 0, mt: 0.5, pl: 2.5, maxHeight: 240, overflowY: 'auto' }}>
          {plan.actions.map((a) => (
            <li key={a.index}>
              <Typography variant="body2" sx={{ overflowWrap: 'anywhere' }}>
                <strong>{a.label}</strong> {stepText(a)}
              </Typography>
            </li>
          ))}
        </Box>
      )}
    </Box>
  );
}

/** A list of groups of the report, each with what it says about them unless only the names tell. */
function GroupList({ title, groups, namesOnly = false }: { title: string; groups: readonly ReservationGroupMessage[]; namesOnly?: boolean }) {
  if (groups.length === 0) return null;
  return (
    <Box>
      <Typography variant="subtitle2">{title}</Typography>
      <Box component="ul" aria-label={title} sx={{ m: 0, pl: 2.5 }}>
        {groups.map((g, i) => (
          <li key={i}>
            <Typography variant="body2" sx={{ overflowWrap: 'anywhere' }}>
              <strong>{g.group}</strong>
              {!namesOnly && `: ${g.message}`}
            </Typography>
          </li>
        ))}
      </Box>
    </Box>
  );
}

function Report({ report }: { report: ReservationImportReport }) {
  const trouble = report.failed.length > 0 || report.stopped !== undefined;
  const severity = trouble ? (report.imported + report.replaced > 0 ? 'warning' : 'error') : 'success';
  return (
    <Stack spacing={2}>
      <Alert severity={severity}>
        <AlertTitle>
          {count(report.imported, 'group', 'groups')} imported, {report.replaced.toLocaleString()} replaced, {report.skipped.toLocaleString()} skipped,{' '}
          {report.failed.length.toLocaleString()} failed{report.notSent.length > 0 && `, ${report.notSent.length.toLocaleString()} not sent yet`}
        </AlertTitle>
        {report.stopped
          ? `The import stopped: ${report.stopped.message} Continue sends only the groups not sent yet.`
          : report.failed.length === 0
            ? 'The reservations list now shows the imported groups.'
            : 'The groups that failed are listed below with the server’s reason.'}
      </Alert>
      {report.failed.map((f, i) => (
        <Box key={i}>
          <Typography variant="body2" sx={{ overflowWrap: 'anywhere' }}>
            <strong>{f.group}</strong> failed: {f.message}
          </Typography>
          {f.originalJson && (
            <Box sx={{ mt: 1.5 }}>
              <OriginalJson group={f.group} json={f.originalJson} keptIn={f.keptIn} />
            </Box>
          )}
        </Box>
      ))}
      <GroupList title="Named by the server" groups={report.named} />
      {/* Why they were not sent is the stopped message above. */}
      <GroupList title="Not sent yet" groups={report.notSent} namesOnly />
      <GroupList title="Skipped" groups={report.skippedGroups} />
    </Stack>
  );
}

/**
 * The import file as Go read it: what it holds, every problem with its
 * place in the file (line:column and the value's path), and what importing
 * would do with each group, both when groups of the same name on the
 * server are kept and when they are replaced; a group the file gives no
 * name is created, and the server names it. Import applies the checked
 * file, then the dialog shows what happened, with the names the server
 * gave.
 */
export function ImportDialog({ preview, onClose }: { preview: ReservationImportPreview; onClose: (changed: boolean) => void }) {
  const titleId = useId();
  const file = preview.preview;
  const [replace, setReplace] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [report, setReport] = useState<ReservationImportReport | null>(null);
  const importing = useLongOperation('import');
  const plan = replace ? file.replace : file.keep;
  const changed = report !== null && (report.imported > 0 || report.replaced > 0 || report.failed.length > 0);

  // A run that stopped because the session ended asks for the login at
  // once; Go remembers what the import did, so the next run sends the rest.
  const apply = async () => {
    setBusy(true);
    setError(null);
    try {
      for (;;) {
        const next = await importing.run((op) => reservationsApi.applyImport(preview.token, replace, op));
        setReport(next);
        if (!next.stopped || !(await recover(stoppedError(next.stopped)))) break;
      }
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
          <Stack spacing={2}>
            <Report report={report} />
            {error && <ErrorAlert error={error} />}
          </Stack>
        ) : (
          <Stack spacing={2}>
            <Box>
              <Typography variant="body2" sx={{ overflowWrap: 'anywhere' }}>
                File: <strong>{preview.fileName}</strong>
              </Typography>
              <Typography variant="body2">
                {count(file.groupCount, 'group', 'groups')}, {count(file.reservationCount, 'reservation', 'reservations')},{' '}
                {count(file.entryCount, 'entry', 'entries')}
              </Typography>
            </Box>
            <Problems
              problems={file.errors}
              severity="error"
              title={`${count(file.errors.length, 'problem', 'problems')}: groups with problems are skipped`}
            />
            <Problems problems={file.warnings} severity="warning" title={count(file.warnings.length, 'warning', 'warnings')} />
            <FormControlLabel
              control={<Switch checked={replace} onChange={(e) => setReplace(e.target.checked)} disabled={busy} />}
              label="Replace existing groups with the same name"
            />
            <Plan plan={plan} />
            {error && <ErrorAlert error={error} />}
          </Stack>
        )}
        <Box sx={{ mt: 2 }}>
          <OperationProgress operation={importing} label="Importing" />
        </Box>
      </DialogContent>
      <DialogActions>
        {report ? (
          <>
            {report.stopped && (
              <Button onClick={apply} disabled={busy}>
                Continue
              </Button>
            )}
            <Button variant="contained" onClick={() => onClose(changed)} disabled={busy}>
              Close
            </Button>
          </>
        ) : (
          <>
            <Button onClick={() => onClose(false)} disabled={busy}>
              Cancel
            </Button>
            <Button variant="contained" onClick={apply} disabled={busy || plan.summary.toImport + plan.summary.toReplace === 0}>
              Import
            </Button>
          </>
        )}
      </DialogActions>
    </Dialog>
  );
}
