import Download from '@mui/icons-material/Download';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState, type FormEvent } from 'react';
import { backOfficeApi, toAppError, type ActivationRow, type AppError, type SavedFile } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Section } from '../../components/Section';
import { SavedAlert } from './files';

type Field = keyof ActivationRow;
type Outcome = { kind: 'none' } | { kind: 'saved'; file: SavedFile } | { kind: 'failed'; error: AppError };

/** The guide's "Generate Offline Request": an activation request for one activation ID and count. */
export function ActivationRequestSection({ onSaved }: { onSaved: () => void }) {
  const [input, setInput] = useState<ActivationRow>({ activationId: '', count: '' });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'none' });

  const edit = (field: Field, value: string) => {
    setInput((i) => ({ ...i, [field]: value }));
    setErrors((e) => ({ ...e, [field]: undefined }));
  };

  const download = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setErrors({});
    setOutcome({ kind: 'none' });
    try {
      const file = await backOfficeApi.downloadActivationRequest(input);
      if (file.path) {
        setOutcome({ kind: 'saved', file });
        onSaved();
      }
    } catch (e) {
      const error = toAppError(e);
      const fields: Partial<Record<Field, string>> = {};
      for (const key of ['activationId', 'count'] as const) {
        if (error.fields[key]) fields[key] = error.fields[key];
      }
      setErrors(fields);
      if (Object.keys(fields).length === 0) setOutcome({ kind: 'failed', error });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Section title="Generate Offline Request">
      <Stack spacing={2} component="form" onSubmit={download} noValidate aria-label="Generate Offline Request">
        <Typography variant="body2" sx={{ color: 'text.secondary' }}>
          Obtains license rights through an activation ID your producer gave you: save an activation request for it and take the
          file to the back office.
        </Typography>
        <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr 110px', sm: '1fr 150px' }, gap: 1.5, alignItems: 'start' }}>
          <TextField
            label="Activation ID"
            value={input.activationId}
            onChange={(e) => edit('activationId', e.target.value)}
            error={errors.activationId !== undefined}
            helperText={errors.activationId}
            disabled={busy}
            size="small"
            fullWidth
            slotProps={{ htmlInput: { spellCheck: false, autoCapitalize: 'off', autoComplete: 'off' } }}
          />
          <TextField
            label="Count"
            type="number"
            value={input.count}
            onChange={(e) => edit('count', e.target.value)}
            error={errors.count !== undefined}
            helperText={errors.count}
            disabled={busy}
            size="small"
            slotProps={{ htmlInput: { min: 1, step: 1, inputMode: 'numeric' } }}
          />
        </Box>
        <Box>
          <Button type="submit" variant="contained" startIcon={<Download />} disabled={busy}>
            Download
          </Button>
        </Box>
        {busy && <LinearProgress aria-label="Preparing the activation request" />}
        <Box aria-live="polite" sx={{ '&:empty': { display: 'none' } }}>
          {outcome.kind === 'saved' && <SavedAlert file={outcome.file} />}
          {outcome.kind === 'failed' && <ErrorAlert error={outcome.error} />}
        </Box>
      </Stack>
    </Section>
  );
}
