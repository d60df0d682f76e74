import Clear from '@mui/icons-material/Clear';
import Search from '@mui/icons-material/Search';
import IconButton from '@mui/material/IconButton';
import InputAdornment from '@mui/material/InputAdornment';
import TextField from '@mui/material/TextField';
import { useEffect, useState } from 'react';

interface SearchFieldProps {
  label: string;
  help?: string;
  /** The search in force, which the field shows when it changes elsewhere (Back, a link). */
  value: string;
  onSearch: (text: string) => void;
  disabled?: boolean;
}

/**
 * Searches on Enter or the magnifying glass only: each search makes the app
 * go through the whole list, so typing alone must not start one.
 */
export function SearchField({ label, help, value, onSearch, disabled }: SearchFieldProps) {
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);

  return (
    <TextField
      label={label}
      helperText={help}
      size="small"
      value={text}
      disabled={disabled}
      onChange={(e) => setText(e.target.value)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          onSearch(text.trim());
        } else if (e.key === 'Escape' && text) {
          e.preventDefault();
          setText('');
          onSearch('');
        }
      }}
      sx={{ flex: '1 1 280px', maxWidth: 440 }}
      slotProps={{
        htmlInput: { spellCheck: false, autoComplete: 'off' },
        input: {
          endAdornment: (
            <InputAdornment position="end">
              {text && (
                <IconButton
                  size="small"
                  aria-label="Clear search"
                  onClick={() => {
                    setText('');
                    if (value) onSearch('');
                  }}
                  edge="end"
                  sx={{ mr: 0.25 }}
                >
                  <Clear fontSize="small" />
                </IconButton>
              )}
              <IconButton size="small" aria-label="Search" onClick={() => onSearch(text.trim())} edge="end" disabled={disabled}>
                <Search fontSize="small" />
              </IconButton>
            </InputAdornment>
          ),
        },
      }}
    />
  );
}
