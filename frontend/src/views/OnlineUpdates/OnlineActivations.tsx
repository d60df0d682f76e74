import Add from '@mui/icons-material/Add';
import CheckCircle from '@mui/icons-material/CheckCircle';
import DeleteOutlined from '@mui/icons-material/DeleteOutlined';
import ErrorOutlined from '@mui/icons-material/ErrorOutlined';
import PlayArrow from '@mui/icons-material/PlayArrow';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useRef, useState, type FormEvent } from 'react';
import { backOfficeApi, toAppError, type ActivationOutcome, type ActivationRow, type AppError, type ProblemItem } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';

interface Row extends ActivationRow {
  /** Stable across deletes, so results and errors stay with the row they belong to. */
  key: number;
}

type RowField = keyof ActivationRow;
type RowErrors = Partial<Record<RowField, string>>;

const emptyRow = (key: number): Row => ({ key, activationId: '', count: '' });

function forget<T>(map: ReadonlyMap<number, T>, key: number): ReadonlyMap<number, T> {
  const next = new Map(map);
  next.delete(key);
  return next;
}

const sameId = (a: string, b: string) => a.trim().toUpperCase() === b.trim().toUpperCase();

/** Go names a row's problems by the row's position in the request. */
function errorsByRow(sent: readonly Row[], problems: readonly ProblemItem[]): Map<number, RowErrors> {
  const out = new Map<number, RowErrors>();
  for (const p of problems) {
    const row = p.item === '' ? undefined : sent[Number(p.item)];
    if (!row || (p.field !== 'activationId' && p.field !== 'count')) continue;
    out.set(row.key, { [p.field]: p.message, ...out.get(row.key) });
  }
  return out;
}

/** The back office answers per activation ID, not per position. */
function outcomesByRow(sent: readonly Row[], outcomes: readonly ActivationOutcome[]): Map<number, ActivationOutcome> {
  return new Map(
    sent.map((row) => [
      row.key,
      outcomes.find((o) => sameId(o.activationId, row.activationId)) ?? {
        activationId: row.activationId,
        ok: false,
        message: 'The server sent no result for this activation ID. Check the Features view to see whether it was activated.',
      },
    ]),
  );
}

function Summary({ outcomes }: { outcomes: ReadonlyMap<number, ActivationOutcome> }) {
  const all = [...outcomes.values()];
  const activated = all.filter((o) => o.ok).length;
  const failed = all.length - activated;
  const ids = (n: number) => (n === 1 ? '1 activation ID' : `${n} activation IDs`);
  if (failed === 0) {
    return <Alert severity="success">{all.length === 1 ? 'The activation ID was activated.' : `All ${ids(all.length)} were activated.`}</Alert>;
  }
  if (activated === 0) {
    return <Alert severity="error">{all.length === 1 ? 'The activation failed; see the row above.' : `None of the ${ids(all.length)} was activated; see each row above.`}</Alert>;
  }
  return <Alert severity="warning">{`${ids(activated)} activated, ${failed} failed; see each row above.`}</Alert>;
}

function OutcomeLine({ outcome }: { outcome: ActivationOutcome }) {
  return (
    <Box sx={{ display: 'flex', alignItems: 'flex-start', gap: 1, color: outcome.ok ? 'success.main' : 'error.main' }}>
      {outcome.ok ? (
        <CheckCircle fontSize="small" titleAccess="Activated" />
      ) : (
        <ErrorOutlined fontSize="small" titleAccess="Failed" />
      )}
      <Typography variant="body2" sx={{ pt: 0.125 }}>
        {outcome.message}
      </Typography>
    </Box>
  );
}

/**
 * The Online Activations tab: activation IDs and counts in rows, activated
 * in one request. Each row gets its own result, and the rows stay as typed
 * after any failure so that a fix is one edit away.
 */
export function OnlineActivations() {
  const nextKey = useRef(1);
  const addButton = useRef<HTMLButtonElement>(null);
  const [rows, setRows] = useState<Row[]>([emptyRow(0)]);
  const [errors, setErrors] = useState<ReadonlyMap<number, RowErrors>>(new Map());
  const [outcomes, setOutcomes] = useState<ReadonlyMap<number, ActivationOutcome>>(new Map());
  const [failure, setFailure] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  // Only a row the user adds takes the focus; the first one waits to be clicked.
  const [addedKey, setAddedKey] = useState<number | null>(null);

  const edit = (key: number, field: RowField, value: string) => {
    setRows((rs) => rs.map((r) => (r.key === key ? { ...r, [field]: value } : r)));
    setErrors((all) => {
      const own = all.get(key);
      if (!own?.[field]) return all;
      const next = new Map(all);
      next.set(key, { ...own, [field]: undefined });
      return next;
    });
    // A result describes what was sent, not what is typed now.
    setOutcomes((all) => forget(all, key));
  };

  const addRow = () => {
    const key = nextKey.current++;
    setRows((rs) => [...rs, emptyRow(key)]);
    setAddedKey(key);
  };

  const deleteRow = (key: number) => {
    setRows((rs) => rs.filter((r) => r.key !== key));
    setErrors((all) => forget(all, key));
    setOutcomes((all) => forget(all, key));
    // The clicked button is gone; the add button is the nearest control that stays.
    addButton.current?.focus();
  };

  const activate = async (event: FormEvent) => {
    event.preventDefault();
    const sent = rows;
    setBusy(true);
    setErrors(new Map());
    setOutcomes(new Map());
    setFailure(null);
    try {
      const answer = await backOfficeApi.activate(sent.map(({ activationId, count }) => ({ activationId, count })));
      setOutcomes(outcomesByRow(sent, answer));
    } catch (e) {
      const error = toAppError(e);
      const byRow = errorsByRow(sent, error.items);
      setErrors(byRow);
      if (byRow.size === 0) setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box component="form" onSubmit={activate} noValidate aria-label="Online Activations">
      <Typography variant="body2" sx={{ color: 'text.secondary', mb: 2.5 }}>
        Enter each activation ID from your welcome email with the count to activate. All rows are activated in one request, and
        each gets its own result.
      </Typography>
      <Stack spacing={2}>
        {rows.map((row, index) => {
          const n = index + 1;
          const rowErrors = errors.get(row.key) ?? {};
          const outcome = outcomes.get(row.key);
          return (
            <Box key={row.key} role="group" aria-label={`Row ${n}`}>
              <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr 110px auto', sm: '1fr 150px auto' }, gap: 1.5, alignItems: 'start' }}>
                <TextField
                  label="Activation ID"
                  value={row.activationId}
                  onChange={(e) => edit(row.key, 'activationId', e.target.value)}
                  error={rowErrors.activationId !== undefined}
                  helperText={rowErrors.activationId}
                  disabled={busy}
                  autoFocus={row.key === addedKey}
                  size="small"
                  fullWidth
                  slotProps={{ htmlInput: { spellCheck: false, autoCapitalize: 'off', autoComplete: 'off' } }}
                />
                <TextField
                  label="Count"
                  type="number"
                  value={row.count}
                  onChange={(e) => edit(row.key, 'count', e.target.value)}
                  error={rowErrors.count !== undefined}
                  helperText={rowErrors.count}
                  disabled={busy}
                  size="small"
                  slotProps={{ htmlInput: { min: 1, step: 1, inputMode: 'numeric' } }}
                />
                <Tooltip title={rows.length === 1 ? '' : 'Delete this row'}>
                  <span>
                    <IconButton aria-label={`Delete row ${n}`} onClick={() => deleteRow(row.key)} disabled={busy || rows.length === 1}>
                      <DeleteOutlined />
                    </IconButton>
                  </span>
                </Tooltip>
              </Box>
              {outcome && (
                <Box sx={{ mt: 1 }}>
                  <OutcomeLine outcome={outcome} />
                </Box>
              )}
            </Box>
          );
        })}
      </Stack>
      <Box sx={{ mt: 1.5 }}>
        <Tooltip title="Add a row for another activation ID">
          <IconButton ref={addButton} aria-label="Add activation ID" onClick={addRow} disabled={busy} color="primary">
            <Add />
          </IconButton>
        </Tooltip>
      </Box>
      <Box sx={{ mt: 2.5 }}>
        <Button type="submit" variant="contained" startIcon={<PlayArrow />} disabled={busy}>
          Activate
        </Button>
      </Box>
      {busy && <LinearProgress aria-label="Activating" sx={{ mt: 2.5 }} />}
      <Box aria-live="polite" sx={{ mt: 2.5, '&:empty': { display: 'none' } }}>
        {outcomes.size > 0 && <Summary outcomes={outcomes} />}
        {failure && <ErrorAlert error={failure} onClose={() => setFailure(null)} />}
      </Box>
    </Box>
  );
}
