import Send from '@mui/icons-material/Send';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link as RouterLink, useNavigate } from 'react-router';
import {
  apperr,
  operations,
  recover,
  reservationsApi,
  stoppedError,
  toAppError,
  type AppError,
  type PendingReservation,
  type ReservableFeature,
  type ReservationSubmitReport,
} from '../../api';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { OperationProgress, useLongOperation } from '../../components/OperationProgress';
import { Section } from '../../components/Section';
import { routes } from '../../nav/routes';
import {
  clearDraft,
  errorsByIndex,
  errorsByRow,
  hasErrors,
  otherProblems,
  saveDraft,
  withGroups,
  type Draft,
  type DraftId,
  type EditTarget,
  type FieldErrors,
  type PendingRow,
} from './draft';
import { EntryForm, type EntryFields } from './EntryForm';
import { GroupResults } from './GroupResults';
import type { DoneState } from './links';
import { type KeptDefinition, OriginalJsonDialog } from './OriginalJson';
import { PendingTable } from './PendingTable';

const emptyFields = (groupName: string, idType: string): EntryFields => ({
  groupName,
  deviceId: '',
  idType,
  featureName: '',
  version: '',
  count: '1',
});

const wholeNumber = /^\d+$/;
const groupCount = (n: number) => (n === 1 ? '1 group' : `${n} groups`);

interface Outcome {
  severity: 'warning' | 'error';
  text: string;
}

interface LostGroup extends KeptDefinition {
  outcome: operations.Outcome;
  message: string;
}

/**
 * The Add Reservation page, and the same page editing a group. Entries are
 * checked one by one as they are added, collected in the pending table and
 * submitted together. The table is kept in sessionStorage and survives any
 * failure: only the entries of groups the server created leave it.
 */
export function ReservationEditor({ draftId, initial }: { draftId: DraftId; initial: Draft }) {
  const navigate = useNavigate();
  const [rows, setRows] = useState<PendingRow[]>(initial.rows);
  const [edit, setEdit] = useState<EditTarget | null>(initial.edit);
  const nextKey = useRef(Math.max(0, ...initial.rows.map((r) => r.key)) + 1);
  const [fields, setFields] = useState<EntryFields>(() => emptyFields(initial.edit?.name ?? '', ''));
  const [formErrors, setFormErrors] = useState<FieldErrors>({});
  const [rowErrors, setRowErrors] = useState<ReadonlyMap<number, FieldErrors>>(new Map());
  const [features, setFeatures] = useState<ReservableFeature[]>([]);
  const [idTypes, setIdTypes] = useState<string[]>([]);
  const [busy, setBusy] = useState<'adding' | 'submitting' | null>(null);
  const [failure, setFailure] = useState<AppError | null>(null);
  const [rejected, setRejected] = useState<string[] | null>(null);
  const [modelMessage, setModelMessage] = useState('');
  const [report, setReport] = useState<ReservationSubmitReport | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [lost, setLost] = useState<LostGroup | null>(null);
  const [confirmingCancel, setConfirmingCancel] = useState(false);
  const submitting = useLongOperation('submit');
  const featureRef = useRef<HTMLInputElement>(null);
  const submitRef = useRef<HTMLButtonElement>(null);
  const focusFeature = useRef(false);

  useEffect(() => {
    let live = true;
    const failed = (e: unknown) => live && setFailure(toAppError(e));
    reservationsApi.idTypes().then((types) => {
      if (!live) return;
      setIdTypes(types);
      setFields((f) => (f.idType ? f : { ...f, idType: types[0] ?? '' }));
    }, failed);
    reservationsApi.features().then((list) => live && setFeatures(list), failed);
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    if (rows.length > 0 || edit) saveDraft(draftId, { rows, edit });
    else clearDraft(draftId);
  }, [draftId, rows, edit]);

  // The field is disabled while the entry is checked, so it takes the focus once that is over.
  useEffect(() => {
    if (busy === null && focusFeature.current) {
      focusFeature.current = false;
      featureRef.current?.focus();
    }
  }, [busy]);

  const change = (field: keyof EntryFields, value: string) => {
    setFields((f) => ({ ...f, [field]: value }));
    setFormErrors((errors) => (errors[field] ? { ...errors, [field]: undefined } : errors));
  };

  const clear = () => {
    setFields(emptyFields(edit?.name ?? '', idTypes[0] ?? ''));
    setFormErrors({});
  };

  const startCall = (kind: 'adding' | 'submitting') => {
    setBusy(kind);
    setFailure(null);
    setRejected(null);
    // What the last Submit did stays readable while entries are added; the next Submit replaces it.
    if (kind === 'submitting') {
      setReport(null);
      setOutcome(null);
    }
  };

  const add = async (event: FormEvent) => {
    event.preventDefault();
    const count = fields.count.trim();
    if (!wholeNumber.test(count) || !Number.isSafeInteger(Number(count))) {
      setFormErrors({ count: 'The count must be a positive whole number.' });
      return;
    }
    const entry: PendingReservation = {
      groupName: fields.groupName,
      deviceId: fields.deviceId,
      idType: fields.idType,
      featureName: fields.featureName,
      version: fields.version,
      count: Number(count),
    };
    const sent = rows;
    startCall('adding');
    try {
      // The pending entries go along, so a clash with one of them shows now,
      // not at Submit; an edited group's own name and hosts are no clash.
      const check = await reservationsApi.validate([...sent.map((r) => r.entry), entry], edit?.groupId ?? 0);
      const byIndex = errorsByIndex(check.problems);
      setRowErrors(errorsByRow(sent, byIndex));
      const own = byIndex.get(sent.length) ?? {};
      if (hasErrors(own)) {
        setFormErrors(own);
      } else if (check.modelActive) {
        setModelMessage(check.modelMessage);
      } else {
        setRows(withGroups([...sent, { key: nextKey.current++, entry, group: '' }], check));
        setFormErrors({});
        setFields((f) => ({ ...f, featureName: '', version: '', count: '1' }));
        focusFeature.current = true;
      }
    } catch (e) {
      setFailure(toAppError(e));
    } finally {
      setBusy(null);
    }
  };

  const remove = (row: PendingRow) => {
    setRows((all) => all.filter((r) => r.key !== row.key));
    setRowErrors((all) => {
      const next = new Map(all);
      next.delete(row.key);
      return next;
    });
    // The clicked button is gone; Submit is the nearest control that stays.
    submitRef.current?.focus();
  };

  const done = (message: string) => {
    clearDraft(draftId);
    navigate(routes.reservations, { state: { done: message } satisfies DoneState });
  };

  // A batch the session ended midway shows its report, asks for the login,
  // then sends only the groups not created; Go says which rows made each.
  const submitNew = async (first: PendingRow[]) => {
    let sent = first;
    let createdSoFar: string[] = [];
    for (;;) {
      const answer = await submitting.run((op) => reservationsApi.submit(sent.map((r) => r.entry), op));
      setRowErrors(new Map());
      const created = answer.results.filter((r) => r.ok);
      createdSoFar = [...createdSoFar, ...created.map((r) => r.group)];
      if (answer.failed === 0) {
        done(`Created ${groupCount(createdSoFar.length)}: ${createdSoFar.join(', ')}.`);
        return;
      }
      const gone = new Set(created.flatMap((r) => r.rows));
      sent = sent.filter((_, i) => !gone.has(i));
      setRows(sent);
      setReport(answer);
      if (!answer.stopped || !(await recover(stoppedError(answer.stopped)))) return;
    }
  };

  const submitEdit = async (sent: PendingRow[], target: EditTarget) => {
    const answer = await reservationsApi.editGroup(target.groupId, sent.map((r) => r.entry));
    setRowErrors(new Map());
    switch (answer.outcome) {
      case operations.Outcome.REPLACED:
        done(answer.message);
        break;
      case operations.Outcome.RESTORED:
        // The original is back under a new ID, which the next Submit must replace.
        setEdit({ groupId: answer.group.id ?? 0, name: answer.group.name || target.name });
        setOutcome({ severity: 'warning', text: answer.message });
        break;
      case operations.Outcome.UNCHANGED:
        setOutcome({ severity: 'warning', text: `${answer.message} Submit sends the pending table again.` });
        break;
      default:
        setEdit(null);
        setLost({ group: target.name, json: answer.originalJson, keptIn: answer.keptIn, outcome: answer.outcome, message: answer.message });
        setOutcome({ severity: 'error', text: `${answer.message} Submit now creates the group anew from the pending table.` });
    }
  };

  const submit = async () => {
    const sent = rows;
    startCall('submitting');
    try {
      if (edit) await submitEdit(sent, edit);
      else await submitNew(sent);
    } catch (e) {
      const error = toAppError(e);
      if (error.code === apperr.Code.INVALID_INPUT) {
        const byRow = errorsByRow(sent, errorsByIndex(error.items));
        const other = otherProblems(error.items);
        setRowErrors(byRow);
        const messages = byRow.size > 0 ? ['Fix the entries marked in the pending table.', ...other] : other;
        setRejected(messages.length > 0 ? messages : [error.message]);
      } else if (error.code === apperr.Code.CONFLICT) {
        setModelMessage(error.message);
      } else {
        setFailure(error);
      }
    } finally {
      setBusy(null);
    }
  };

  const leave = () => {
    clearDraft(draftId);
    navigate(routes.reservations);
  };

  const disabled = busy !== null;
  const title = edit ? `Edit Reservation Group: ${edit.name}` : 'Add Reservation';

  return (
    <>
      <Box sx={{ mb: 3 }}>
        <Typography variant="h1" sx={{ overflowWrap: 'anywhere' }}>
          {title}
        </Typography>
        <Typography variant="body2" sx={{ color: 'text.secondary', mt: 0.75, maxWidth: 760 }}>
          {edit
            ? 'Change, add or remove the group’s entries, then Submit: the server cannot edit a group, so it is deleted and created again, and restored as it was if the new version is refused.'
            : 'Add one entry at a time; entries with the same group name form one new group. The Device ID is a device’s or a user’s host ID: pick the matching ID Type.'}
        </Typography>
      </Box>
      <Stack spacing={3}>
        {modelMessage && (
          <Alert severity="info">
            {modelMessage}{' '}
            <Link component={RouterLink} to={routes.pools}>
              Open Named License Pools
            </Link>
          </Alert>
        )}
        {failure && <ErrorAlert error={failure} onClose={() => setFailure(null)} />}
        <Section title="Reservation Entry">
          <EntryForm
            fields={fields}
            errors={formErrors}
            features={features}
            idTypes={idTypes}
            disabled={disabled}
            onChange={change}
            onAdd={add}
            onClear={clear}
            featureRef={featureRef}
          />
          {busy === 'adding' && <LinearProgress aria-label="Checking the entry" sx={{ mt: 2 }} />}
        </Section>
        <Section title="Reservations (Pending Submission)">
          <PendingTable rows={rows} errors={rowErrors} disabled={disabled} onRemove={remove} />
        </Section>
        <Box aria-live="polite" sx={{ display: 'grid', gap: 2, '&:empty': { display: 'none' } }}>
          {rejected && (
            <Alert severity="error" onClose={() => setRejected(null)}>
              <AlertTitle>Nothing was submitted</AlertTitle>
              {rejected.map((m) => (
                <div key={m}>{m}</div>
              ))}
            </Alert>
          )}
          {report && (
            <GroupResults
              results={report.results}
              done="created"
              footer="The entries of the groups that failed stay in the pending table; fix them and submit again."
              onClose={() => setReport(null)}
            />
          )}
          {outcome && (
            <Alert severity={outcome.severity} onClose={() => setOutcome(null)}>
              {outcome.text}
            </Alert>
          )}
        </Box>
        {busy === 'submitting' &&
          (submitting.running ? <OperationProgress operation={submitting} label="Submitting" /> : <LinearProgress aria-label="Submitting" />)}
        <Box sx={{ display: 'flex', gap: 1 }}>
          <Button ref={submitRef} variant="contained" startIcon={<Send />} onClick={submit} disabled={disabled || rows.length === 0}>
            Submit
          </Button>
          <Button onClick={() => (rows.length > 0 ? setConfirmingCancel(true) : leave())} disabled={disabled}>
            Cancel
          </Button>
        </Box>
      </Stack>
      {confirmingCancel && (
        <ConfirmDialog
          title="Discard the pending entries?"
          message={`The ${rows.length === 1 ? 'entry' : `${rows.length} entries`} in Reservations (Pending Submission) ${rows.length === 1 ? 'has' : 'have'} not been submitted. Leave and discard ${rows.length === 1 ? 'it' : 'them'}?`}
          confirmLabel="Discard"
          destructive
          onConfirm={async () => leave()}
          onClose={() => setConfirmingCancel(false)}
        />
      )}
      {lost && <OriginalJsonDialog {...lost} onClose={() => setLost(null)} />}
    </>
  );
}
