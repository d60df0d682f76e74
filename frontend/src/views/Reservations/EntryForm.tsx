import Add from '@mui/icons-material/Add';
import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import type { FormEvent, RefObject } from 'react';
import type { ReservableFeature } from '../../api';
import { fieldLabels, type FieldErrors } from './draft';

/** The Add page's fields as typed; Count becomes a number only once it is a whole one. */
export interface EntryFields {
  groupName: string;
  deviceId: string;
  idType: string;
  featureName: string;
  version: string;
  count: string;
}

interface EntryFormProps {
  fields: EntryFields;
  errors: FieldErrors;
  features: readonly ReservableFeature[];
  idTypes: readonly string[];
  disabled: boolean;
  onChange: (field: keyof EntryFields, value: string) => void;
  onAdd: (event: FormEvent) => void;
  onClear: () => void;
  /** Where the focus goes after an entry is added: the next entry usually differs from here on. */
  featureRef: RefObject<HTMLInputElement | null>;
}

/** The guide's Add Reservation fields, with Add and Clear. */
export function EntryForm({ fields, errors, features, idTypes, disabled, onChange, onAdd, onClear, featureRef }: EntryFormProps) {
  const versions = features.find((f) => f.name === fields.featureName.trim())?.versions ?? [];
  const text = (field: 'groupName' | 'deviceId') => (
    <TextField
      label={fieldLabels[field]}
      value={fields[field]}
      onChange={(e) => onChange(field, e.target.value)}
      error={errors[field] !== undefined}
      helperText={errors[field]}
      disabled={disabled}
      size="small"
      fullWidth
      slotProps={{ htmlInput: { spellCheck: false, autoComplete: 'off' } }}
    />
  );

  return (
    <Box component="form" onSubmit={onAdd} noValidate aria-label="Reservation entry">
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr', md: '2fr 2fr 1.2fr' }, gap: 2, alignItems: 'start' }}>
        {text('groupName')}
        {text('deviceId')}
        <TextField
          select
          label={fieldLabels.idType}
          value={idTypes.includes(fields.idType) ? fields.idType : ''}
          onChange={(e) => onChange('idType', e.target.value)}
          error={errors.idType !== undefined}
          helperText={errors.idType ?? (fields.idType === 'USER' ? 'A user-based reservation' : undefined)}
          disabled={disabled || idTypes.length === 0}
          size="small"
          fullWidth
        >
          {idTypes.map((t) => (
            <MenuItem key={t} value={t}>
              {t}
            </MenuItem>
          ))}
        </TextField>
        <Autocomplete
          freeSolo
          options={features.map((f) => f.name)}
          value={fields.featureName || null}
          inputValue={fields.featureName}
          onInputChange={(_, value) => onChange('featureName', value)}
          onChange={(_, value) => onChange('featureName', value ?? '')}
          disabled={disabled}
          size="small"
          renderInput={(params) => (
            <TextField
              {...params}
              label={fieldLabels.featureName}
              inputRef={featureRef}
              error={errors.featureName !== undefined}
              helperText={errors.featureName}
            />
          )}
        />
        <Autocomplete
          freeSolo
          options={versions}
          value={fields.version || null}
          inputValue={fields.version}
          onInputChange={(_, value) => onChange('version', value)}
          onChange={(_, value) => onChange('version', value ?? '')}
          disabled={disabled}
          size="small"
          renderInput={(params) => (
            <TextField
              {...params}
              label={fieldLabels.version}
              error={errors.version !== undefined}
              helperText={errors.version ?? 'Numeric a.b, such as 1.0; later versions satisfy it too'}
            />
          )}
        />
        <TextField
          label={fieldLabels.count}
          type="number"
          value={fields.count}
          onChange={(e) => onChange('count', e.target.value)}
          error={errors.count !== undefined}
          helperText={errors.count}
          disabled={disabled}
          size="small"
          fullWidth
          slotProps={{ htmlInput: { min: 1, step: 1, inputMode: 'numeric' } }}
        />
      </Box>
      <Box sx={{ display: 'flex', gap: 1, mt: 2 }}>
        <Button type="submit" variant="contained" startIcon={<Add />} disabled={disabled}>
          Add
        </Button>
        <Button onClick={onClear} disabled={disabled}>
          Clear
        </Button>
      </Box>
    </Box>
  );
}
