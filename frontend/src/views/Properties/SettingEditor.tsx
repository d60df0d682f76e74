import LockOutlined from '@mui/icons-material/LockOutlined';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import FormHelperText from '@mui/material/FormHelperText';
import InputAdornment from '@mui/material/InputAdornment';
import MenuItem from '@mui/material/MenuItem';
import Select from '@mui/material/Select';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { memo, useId } from 'react';
import type { PolicySetting } from '../../api';
import { monospace } from '../../components/format';
import { formatHint } from './checks';

interface SettingEditorProps {
  setting: PolicySetting;
  /** The value shown: the edit, or the server's value. */
  value: string;
  levels: readonly string[];
  /** Why nothing can be changed (a Cloud License Server); '' otherwise. */
  readOnlyReason: string;
  changed: boolean;
  error: string;
  onChange: (name: string, value: string) => void;
}

/**
 * One policy setting: its internal name and description on the left, the
 * editor its kind calls for on the right.
 */
export const SettingEditor = memo(function SettingEditor({
  setting,
  value,
  levels,
  readOnlyReason,
  changed,
  error,
  onChange,
}: SettingEditorProps) {
  const inputId = useId();
  const labelId = useId();
  const descriptionId = useId();
  const lockedReason = setting.lockedReason || readOnlyReason;
  const locked = lockedReason !== '';
  // A format hint helps only someone who can type.
  const hint = error || (locked ? '' : formatHint[setting.kind]);
  const set = (next: string) => onChange(setting.name, next);

  let editor;
  switch (setting.kind) {
    case 'boolean':
      editor = (
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
          <Switch
            id={inputId}
            checked={value.trim() === 'true'}
            onChange={(e) => set(String(e.target.checked))}
            disabled={locked}
            slotProps={{ input: { 'aria-describedby': descriptionId } }}
          />
          <Typography variant="body2" aria-hidden sx={{ color: 'text.secondary' }}>
            {value.trim() === 'true' ? 'true' : 'false'}
          </Typography>
        </Box>
      );
      break;
    case 'level': {
      const options = levels.some((l) => l === value) ? levels : [value, ...levels];
      editor = (
        <>
          <Select
            labelId={labelId}
            value={value}
            onChange={(e) => set(e.target.value)}
            disabled={locked}
            size="small"
            fullWidth
            error={error !== ''}
            inputProps={{ 'aria-describedby': descriptionId }}
          >
            {options.map((l) => (
              <MenuItem key={l} value={l}>
                {l}
              </MenuItem>
            ))}
          </Select>
          {error && <FormHelperText error>{error}</FormHelperText>}
        </>
      );
      break;
    }
    default:
      editor = (
        <TextField
          id={inputId}
          value={value}
          onChange={(e) => set(e.target.value)}
          size="small"
          fullWidth
          error={error !== ''}
          helperText={hint || undefined}
          slotProps={{
            htmlInput: { readOnly: locked, spellCheck: false, 'aria-describedby': descriptionId, sx: monospace },
            input: locked
              ? {
                  endAdornment: (
                    <InputAdornment position="end">
                      <LockOutlined fontSize="small" sx={{ color: 'text.disabled' }} />
                    </InputAdornment>
                  ),
                }
              : undefined,
          }}
          inputMode={setting.kind === 'number' ? 'numeric' : undefined}
        />
      );
  }

  return (
    <Box
      data-setting={setting.name}
      sx={{
        display: 'grid',
        gridTemplateColumns: { xs: '1fr', md: 'minmax(0, 1fr) minmax(220px, 340px)' },
        columnGap: 3,
        rowGap: 1,
        py: 1.75,
        pl: 1.5,
        borderLeft: 3,
        borderColor: changed ? 'primary.main' : 'transparent',
      }}
    >
      <Box sx={{ minWidth: 0 }}>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
          <Typography
            id={labelId}
            component={setting.kind === 'level' ? 'span' : 'label'}
            htmlFor={setting.kind === 'level' ? undefined : inputId}
            sx={{ ...monospace, fontWeight: 500, overflowWrap: 'anywhere' }}
          >
            {setting.name}
          </Typography>
          {locked && (
            <Tooltip title={lockedReason} describeChild>
              <LockOutlined fontSize="small" titleAccess="Locked" sx={{ color: 'text.secondary' }} />
            </Tooltip>
          )}
          {changed && <Chip label="Changed" size="small" color="primary" variant="outlined" sx={{ height: 20, fontSize: '0.6875rem' }} />}
        </Box>
        <Typography id={descriptionId} variant="body2" sx={{ color: 'text.secondary', mt: 0.25 }}>
          {setting.description}
          {locked && (
            <Box component="span" sx={{ display: 'block', fontStyle: 'italic', mt: 0.25 }}>
              Read-only: {lockedReason}
            </Box>
          )}
        </Typography>
      </Box>
      <Box>{editor}</Box>
    </Box>
  );
});
