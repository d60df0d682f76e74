import TextField from '@mui/material/TextField';

/**
 * A date and time in this computer's clock, as a datetime-local input
 * holds it (dateInput.ts reads it); error says what is wrong with it, ''
 * when nothing is, and keeps its line when empty so the row does not jump.
 */
export function DateTimeField({ label, value, error, onChange }: { label: string; value: string; error: string; onChange: (value: string) => void }) {
  return (
    <TextField
      type="datetime-local"
      size="small"
      label={label}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      error={error !== ''}
      helperText={error || ' '}
      slotProps={{ inputLabel: { shrink: true } }}
    />
  );
}
