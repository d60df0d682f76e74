import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import { useId } from 'react';

/** "Remember on this computer", with where the password goes and what unticking does. */
export function RememberCheckbox({ checked, onChange }: { checked: boolean; onChange: (checked: boolean) => void }) {
  const noteId = useId();
  return (
    <div>
      <FormControlLabel
        control={
          <Checkbox
            checked={checked}
            onChange={(e) => onChange(e.target.checked)}
            name="remember"
            slotProps={{ input: { 'aria-describedby': noteId } }}
          />
        }
        label="Remember on this computer"
      />
      <FormHelperText id={noteId} sx={{ mt: -0.5, ml: 4 }}>
        The password is kept in the operating system’s credential store (Windows Credential Manager), never in the settings
        file, and used to log in when the app starts. Logging in without this option removes a saved password.
      </FormHelperText>
    </div>
  );
}
