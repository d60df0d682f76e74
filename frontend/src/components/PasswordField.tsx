import Visibility from '@mui/icons-material/Visibility';
import VisibilityOff from '@mui/icons-material/VisibilityOff';
import IconButton from '@mui/material/IconButton';
import InputAdornment from '@mui/material/InputAdornment';
import TextField, { type TextFieldProps } from '@mui/material/TextField';
import Tooltip from '@mui/material/Tooltip';
import { useState } from 'react';

type PasswordFieldProps = Omit<TextFieldProps, 'type' | 'onChange' | 'value' | 'error' | 'helperText' | 'slotProps'> & {
  value: string;
  onChange: (value: string) => void;
  /** Go's message for this field; '' when there is none. */
  error: string;
  /** Shown under the field while there is no error; keeps the layout from jumping when one appears. */
  hint?: string;
  name: string;
  autoComplete: 'current-password' | 'new-password';
};

/** A password input with a show/hide button beside it, never inside the label. */
export function PasswordField({ value, onChange, error, hint = ' ', name, autoComplete, ...rest }: PasswordFieldProps) {
  const [visible, setVisible] = useState(false);
  const toggle = visible ? 'Hide password' : 'Show password';
  return (
    <TextField
      {...rest}
      type={visible ? 'text' : 'password'}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      error={error !== ''}
      helperText={error || hint}
      fullWidth
      slotProps={{
        htmlInput: { name, autoComplete, spellCheck: false, autoCapitalize: 'off' },
        input: {
          endAdornment: (
            <InputAdornment position="end">
              <Tooltip title={toggle}>
                <IconButton aria-label={toggle} onClick={() => setVisible((v) => !v)} edge="end" size="small">
                  {visible ? <VisibilityOff fontSize="small" /> : <Visibility fontSize="small" />}
                </IconButton>
              </Tooltip>
            </InputAdornment>
          ),
        },
      }}
    />
  );
}
