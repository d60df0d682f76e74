import Add from '@mui/icons-material/Add';
import DeleteOutline from '@mui/icons-material/DeleteOutlined';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Divider from '@mui/material/Divider';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import IconButton from '@mui/material/IconButton';
import InputAdornment from '@mui/material/InputAdornment';
import Paper from '@mui/material/Paper';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { historyApi, START_VIEW, toAppError, type AlertRules, type AppError, type HistoryInput, type HistoryStatus } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { monospace } from '../../components/format';
import { PolicyNote } from '../../components/PolicyNote';
import { usePolicies } from '../../state/Policies';
import { wholeNumber } from './numbers';

/** One per-feature rule as its inputs hold it; key keeps a row's inputs while rows above it go. */
interface FeatureRow {
  key: number;
  feature: string;
  off: boolean;
  percent: string;
  minutes: string;
}

interface RulesForm {
  busyOn: boolean;
  busyPercent: string;
  busyMinutes: string;
  fullOn: boolean;
  expiryOn: boolean;
  expiryDays: string;
  unreachableOn: boolean;
  unreachableMinutes: string;
  overdraftOn: boolean;
  features: FeatureRow[];
}

interface HistoryForm {
  intervalMinutes: string;
  retentionDays: string;
  startView: string;
  /** Null when the settings hold no rules, which Go fills in on every read: shown, not made up. */
  rules: RulesForm | null;
}

let rowKeys = 0;

function rulesForm(r: AlertRules | undefined): RulesForm | null {
  if (!r) return null;
  return {
    busyOn: r.busy.on,
    busyPercent: String(r.busy.percent),
    busyMinutes: String(r.busy.minutes),
    fullOn: r.full.on,
    expiryOn: r.expiry.on,
    expiryDays: String(r.expiry.days),
    unreachableOn: r.unreachable.on,
    unreachableMinutes: String(r.unreachable.minutes),
    overdraftOn: r.overdraft.on,
    features: (r.features ?? []).map((f) => ({ key: ++rowKeys, feature: f.feature, off: f.off, percent: String(f.percent), minutes: String(f.minutes) })),
  };
}

function formFrom(status: HistoryStatus): HistoryForm {
  const h = status.input.history;
  return {
    intervalMinutes: String(h.intervalMinutes),
    retentionDays: String(h.retentionDays),
    startView: status.input.startView,
    rules: rulesForm(h.rules),
  };
}

function rulesFrom(r: RulesForm): AlertRules {
  return {
    busy: { on: r.busyOn, percent: wholeNumber(r.busyPercent), minutes: wholeNumber(r.busyMinutes) },
    full: { on: r.fullOn },
    expiry: { on: r.expiryOn, days: wholeNumber(r.expiryDays) },
    unreachable: { on: r.unreachableOn, minutes: wholeNumber(r.unreachableMinutes) },
    overdraft: { on: r.overdraftOn },
    features: r.features.map((f) => ({ feature: f.feature.trim(), off: f.off, percent: wholeNumber(f.percent), minutes: wholeNumber(f.minutes) })),
  };
}

function inputFrom(f: HistoryForm): HistoryInput {
  return {
    history: { intervalMinutes: wholeNumber(f.intervalMinutes), retentionDays: wholeNumber(f.retentionDays), rules: f.rules ? rulesFrom(f.rules) : undefined },
    startView: f.startView,
  };
}

type Loadable = { kind: 'loading' } | { kind: 'ready'; status: HistoryStatus } | { kind: 'failed'; error: AppError };
type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'failed'; message: string };

/** Go's field names (settings.ValidateHistory) keyed to their message. */
type FieldErrors = Record<string, string>;

const featureField = (index: number, field: 'feature' | 'percent' | 'minutes') => `rules.features.${index}.${field}`;

/** A number input of the form; its error comes from Go by the field's name. */
function NumberField({
  label,
  field,
  value,
  errors,
  onChange,
  unit,
  width = 130,
  disabled = false,
  help,
}: {
  label: string;
  field: string;
  value: string;
  errors: FieldErrors;
  onChange: (value: string) => void;
  unit?: string;
  width?: number;
  disabled?: boolean;
  help?: string;
}) {
  const error = errors[field];
  return (
    <TextField
      label={label}
      type="number"
      size="small"
      value={value}
      onChange={(e) => onChange(e.target.value)}
      error={error !== undefined}
      helperText={error ?? help ?? ' '}
      disabled={disabled}
      sx={{ width }}
      slotProps={{
        htmlInput: { name: field, inputMode: 'numeric' },
        input: unit ? { endAdornment: <InputAdornment position="end">{unit}</InputAdornment> } : undefined,
      }}
    />
  );
}

/** A rule: its switch and name, and the numbers it takes. */
function RuleRow({ label, description, on, onToggle, children }: { label: string; description: string; on: boolean; onToggle: (on: boolean) => void; children?: ReactNode }) {
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '220px 1fr' }, columnGap: 2, alignItems: 'start' }}>
      <Box>
        <FormControlLabel control={<Switch checked={on} onChange={(e) => onToggle(e.target.checked)} />} label={label} />
        <Typography variant="caption" component="div" sx={{ color: 'text.secondary', ml: 5.75, mt: -0.5, mb: 1 }}>
          {description}
        </Typography>
      </Box>
      {children && <Stack direction="row" spacing={1.5} sx={{ pt: 0.5, flexWrap: 'wrap' }}>{children}</Stack>}
    </Box>
  );
}

/**
 * The usage history and its alerts, for the whole app: how often samples
 * are taken and how long they are kept, the view the app opens on, the alert
 * rules with per-feature overrides, and which profiles are recorded. Kept
 * apart from the guide's fields, which are per profile.
 */
export function HistorySection() {
  const titleId = useId();
  const [load, setLoad] = useState<Loadable>({ kind: 'loading' });
  const [form, setForm] = useState<HistoryForm | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const [recording, setRecording] = useState('');
  const { policies } = usePolicies();
  const [recordError, setRecordError] = useState<AppError | null>(null);
  const live = useRef(true);

  useEffect(() => {
    live.current = true;
    historyApi.status().then(
      (status) => {
        if (!live.current) return;
        setLoad({ kind: 'ready', status });
        setForm(formFrom(status));
      },
      (e: unknown) => live.current && setLoad({ kind: 'failed', error: toAppError(e) }),
    );
    return () => {
      live.current = false;
    };
  }, []);

  const edited = (...fields: string[]) => {
    setErrors((e) => {
      if (!fields.some((f) => f in e)) return e;
      const next = { ...e };
      for (const f of fields) delete next[f];
      return next;
    });
    setSave((s) => (s.kind === 'saving' ? s : { kind: 'idle' }));
  };
  const setField = <K extends keyof HistoryForm>(key: K, value: HistoryForm[K]) => {
    setForm((f) => f && { ...f, [key]: value });
    edited(key);
  };
  const setRule = <K extends keyof RulesForm>(key: K, value: RulesForm[K], field: string) => {
    setForm((f) => f && f.rules && { ...f, rules: { ...f.rules, [key]: value } });
    edited(field);
  };
  const setFeatureRow = (index: number, change: Partial<FeatureRow>, field: 'feature' | 'percent' | 'minutes' | 'off') => {
    setForm((f) => f && f.rules && { ...f, rules: { ...f.rules, features: f.rules.features.map((r, i) => (i === index ? { ...r, ...change } : r)) } });
    edited(...(field === 'off' ? [featureField(index, 'percent'), featureField(index, 'minutes')] : [featureField(index, field)]));
  };
  // Go names a feature rule's problems by its place: once rows move, those names point elsewhere.
  const dropFeatureErrors = () => setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !k.startsWith('rules.features.'))));
  const addFeatureRow = () => {
    setForm((f) => f && f.rules && { ...f, rules: { ...f.rules, features: [...f.rules.features, { key: ++rowKeys, feature: '', off: false, percent: f.rules.busyPercent, minutes: f.rules.busyMinutes }] } });
    setSave((s) => (s.kind === 'saving' ? s : { kind: 'idle' }));
  };
  const removeFeatureRow = (index: number) => {
    setForm((f) => f && f.rules && { ...f, rules: { ...f.rules, features: f.rules.features.filter((_, i) => i !== index) } });
    dropFeatureErrors();
    setSave((s) => (s.kind === 'saving' ? s : { kind: 'idle' }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!form) return;
    setSave({ kind: 'saving' });
    try {
      const status = await historyApi.saveSettings(inputFrom(form));
      if (!live.current) return;
      setLoad({ kind: 'ready', status });
      setForm(formFrom(status));
      setErrors({});
      setSave({ kind: 'saved' });
    } catch (e) {
      if (!live.current) return;
      const error = toAppError(e);
      const fields = error.fields;
      setErrors(fields);
      // Every edit stays: the user corrects what Go named and saves again.
      setSave({ kind: 'failed', message: Object.keys(fields).some((k) => k !== 'rules') ? 'Please correct the highlighted fields.' : (fields.rules ?? error.message) });
    }
  };

  const setRecord = async (profileId: string, on: boolean) => {
    setRecording(profileId);
    setRecordError(null);
    try {
      const status = await historyApi.setRecord(profileId, on);
      // Only the switches follow: the form may hold edits not saved yet.
      if (live.current) setLoad({ kind: 'ready', status });
    } catch (e) {
      if (live.current) setRecordError(toAppError(e));
    } finally {
      if (live.current) setRecording('');
    }
  };

  let content: ReactNode;
  if (load.kind === 'loading' || (load.kind === 'ready' && !form)) {
    content = <Skeleton variant="rounded" height={240} aria-label="Loading the history settings" />;
  } else if (load.kind === 'failed') {
    content = <ErrorAlert error={load.error} />;
  } else if (form) {
    const { status } = load;
    const rules = form.rules;
    content = (
      <>
        {!status.available && (
          <Alert severity="warning" sx={{ mb: 2.5 }}>
            <AlertTitle>Usage history is not available</AlertTitle>
            {status.problem}
          </Alert>
        )}
        <Box component="form" onSubmit={submit} noValidate aria-label="Usage history settings">
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
            <NumberField label="Sample every" field="intervalMinutes" unit="min" value={form.intervalMinutes} errors={errors} onChange={(v) => setField('intervalMinutes', v)} width={170} help={`${status.bounds.minIntervalMinutes} to ${status.bounds.maxIntervalMinutes} minutes`} />
            <NumberField label="Keep samples for" field="retentionDays" unit="days" value={form.retentionDays} errors={errors} onChange={(v) => setField('retentionDays', v)} width={190} help={`${status.bounds.minRetentionDays} to ${status.bounds.maxRetentionDays} days`} disabled={policies.historyRetentionDays > 0} />
          </Stack>
          {policies.historyRetentionDays > 0 && <PolicyNote>usage history is kept for {form.retentionDays} days.</PolicyNote>}

          <FormControl error={errors.startView !== undefined} sx={{ mt: 1 }}>
            <FormLabel id={`${titleId}-start`}>Open the app on</FormLabel>
            <RadioGroup row aria-labelledby={`${titleId}-start`} name="startView" value={form.startView} onChange={(e) => setField('startView', e.target.value)}>
              <FormControlLabel value={START_VIEW.about} control={<Radio />} label="About" />
              <FormControlLabel value={START_VIEW.dashboard} control={<Radio />} label="Dashboard" />
            </RadioGroup>
            <FormHelperText sx={{ mx: 0 }}>{errors.startView ?? 'From the next start. A secured server without a login still opens on Login.'}</FormHelperText>
          </FormControl>

          <Typography variant="subtitle2" component="h3" sx={{ mt: 3, mb: 1 }}>
            Alerts
          </Typography>
          {rules ? (
            <Stack spacing={0.5}>
              <RuleRow label="Near capacity" description="Seats in use at or above a share for a time." on={rules.busyOn} onToggle={(on) => setRule('busyOn', on, 'rules.busy.on')}>
                <NumberField label="At least" field="rules.busy.percent" unit="%" value={rules.busyPercent} errors={errors} onChange={(v) => setRule('busyPercent', v, 'rules.busy.percent')} width={120} />
                <NumberField label="For" field="rules.busy.minutes" unit="min" value={rules.busyMinutes} errors={errors} onChange={(v) => setRule('busyMinutes', v, 'rules.busy.minutes')} width={120} />
              </RuleRow>
              <RuleRow label="Every seat in use" description="A counted feature has no seat left: requests may be denied." on={rules.fullOn} onToggle={(on) => setRule('fullOn', on, 'rules.full.on')} />
              <RuleRow label="Expiry" description="An increment of a feature ends soon." on={rules.expiryOn} onToggle={(on) => setRule('expiryOn', on, 'rules.expiry.on')}>
                <NumberField label="Within" field="rules.expiry.days" unit="days" value={rules.expiryDays} errors={errors} onChange={(v) => setRule('expiryDays', v, 'rules.expiry.days')} width={130} />
              </RuleRow>
              <RuleRow label="Server unreachable" description="The server has not answered for a time." on={rules.unreachableOn} onToggle={(on) => setRule('unreachableOn', on, 'rules.unreachable.on')}>
                <NumberField label="For" field="rules.unreachable.minutes" unit="min" value={rules.unreachableMinutes} errors={errors} onChange={(v) => setRule('unreachableMinutes', v, 'rules.unreachable.minutes')} width={120} />
              </RuleRow>
              <RuleRow label="Overdraft" description="Seats beyond a feature's count are in use." on={rules.overdraftOn} onToggle={(on) => setRule('overdraftOn', on, 'rules.overdraft.on')} />

              <Typography variant="subtitle2" component="h3" sx={{ pt: 2 }}>
                Per-feature rules
              </Typography>
              <Typography variant="body2" sx={{ color: 'text.secondary', mb: 1 }}>
                A feature's own near-capacity threshold (for every version of it), or no alerts about it at all.
              </Typography>
              {rules.features.map((row, i) => (
                <Box key={row.key} role="group" aria-label={`Feature rule ${i + 1}`} sx={{ display: 'flex', gap: 1.5, alignItems: 'flex-start', flexWrap: 'wrap' }}>
                  <TextField
                    label="Feature"
                    size="small"
                    value={row.feature}
                    onChange={(e) => setFeatureRow(i, { feature: e.target.value }, 'feature')}
                    error={errors[featureField(i, 'feature')] !== undefined}
                    helperText={errors[featureField(i, 'feature')] ?? ' '}
                    sx={{ flex: '1 1 180px' }}
                    slotProps={{ htmlInput: { name: featureField(i, 'feature'), spellCheck: false, autoCapitalize: 'off' } }}
                  />
                  <FormControlLabel
                    control={<Checkbox checked={row.off} onChange={(e) => setFeatureRow(i, { off: e.target.checked }, 'off')} />}
                    label="No alerts"
                    sx={{ mt: 0.25, mr: 0 }}
                  />
                  <NumberField label="At least" field={featureField(i, 'percent')} unit="%" value={row.percent} errors={errors} onChange={(v) => setFeatureRow(i, { percent: v }, 'percent')} width={110} disabled={row.off} />
                  <NumberField label="For" field={featureField(i, 'minutes')} unit="min" value={row.minutes} errors={errors} onChange={(v) => setFeatureRow(i, { minutes: v }, 'minutes')} width={110} disabled={row.off} />
                  <Tooltip title="Remove this rule">
                    <IconButton aria-label={`Remove feature rule ${i + 1}`} onClick={() => removeFeatureRow(i)} sx={{ mt: 0.25 }}>
                      <DeleteOutline />
                    </IconButton>
                  </Tooltip>
                </Box>
              ))}
              <Box>
                <Button startIcon={<Add />} onClick={addFeatureRow} size="small">
                  Add feature rule
                </Button>
              </Box>
            </Stack>
          ) : (
            <Alert severity="info">The settings hold no alert rules; they are read again at the next start.</Alert>
          )}

          <Stack direction="row" spacing={1.5} sx={{ mt: 3 }}>
            <Button type="submit" variant="contained" disabled={save.kind === 'saving'}>
              Save history settings
            </Button>
          </Stack>
          <Box sx={{ mt: 2 }} aria-live="polite">
            {save.kind === 'saved' && <Alert severity="success">History settings saved.</Alert>}
            {save.kind === 'failed' && <Alert severity="error">{save.message}</Alert>}
          </Box>
        </Box>

        <Divider sx={{ my: 3 }} />
        <Typography variant="subtitle2" component="h3" id={`${titleId}-record`}>
          Record usage history
        </Typography>
        <Typography variant="body2" sx={{ color: 'text.secondary', mb: 1 }}>
          Which server profiles are sampled. A secured server is sampled with the password remembered for it.
        </Typography>
        {policies.disableHistoryCollection && <PolicyNote>usage history is turned off on this computer.</PolicyNote>}
        <Stack role="group" aria-labelledby={`${titleId}-record`}>
          {status.profiles.map((p) => (
            <FormControlLabel
              key={p.profileId}
              control={
                <Switch
                  checked={p.record && !policies.disableHistoryCollection}
                  disabled={recording !== '' || policies.disableHistoryCollection}
                  onChange={(e) => void setRecord(p.profileId, e.target.checked)}
                  slotProps={{ input: { 'aria-label': `Record usage history of ${p.name}` } }}
                />
              }
              label={p.name}
            />
          ))}
        </Stack>
        {recordError && <ErrorAlert error={recordError} onClose={() => setRecordError(null)} sx={{ mt: 1.5 }} />}

        <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '170px 1fr' }, gap: { xs: 0.5, sm: 2 }, mt: 3 }}>
          <Typography variant="body2" sx={{ color: 'text.secondary' }}>
            History file
          </Typography>
          <Typography variant="body2" component="div" sx={{ ...monospace, overflowWrap: 'anywhere' }} data-testid="history-file">
            {status.file || '—'}
          </Typography>
        </Box>
      </>
    );
  }

  return (
    <Paper component="section" aria-labelledby={titleId} variant="outlined" sx={{ p: { xs: 2, md: 2.5 }, maxWidth: 680, mt: 3, bgcolor: 'transparent' }}>
      <Typography id={titleId} variant="subtitle1" component="h2" sx={{ fontWeight: 500 }}>
        Usage history and alerts
      </Typography>
      <Typography variant="body2" sx={{ color: 'text.secondary', mt: 0.5, mb: 2.5 }}>
        This computer samples the seats in use on each server, keeps the history for the Dashboard and raises alerts. These settings apply to every profile.
      </Typography>
      {content}
    </Paper>
  );
}
