import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import { useId } from 'react';
import { usePolicies } from '../state/Policies';
import { PolicyNote } from './PolicyNote';

/**
 * Whether a login asks to be remembered: never while the
 * DisableRememberPassword policy is in force, whatever was ticked before.
 */
export function useRemember(chosen: boolean): boolean {
  return chosen && !usePolicies().policies.disableRememberPassword;
}

/** "Remember on this computer", with where the password goes and what unticking does. */
export function RememberCheckbox({ checked, onChange }: { checked: boolean; onChange: (checked: boolean) => void }) {
  const noteId = useId();
  if (usePolicies().policies.disableRememberPassword) {
    return (
      <div>
        <FormControlLabel
          control={<Checkbox checked={false} disabled name="remember" slotProps={{ input: { 'aria-describedby': noteId } }} />}
          label="Remember on this computer"
        />
        <FormHelperText id={noteId} component="div" sx={{ mt: -0.5, ml: 4 }}>
          <PolicyNote>passwords are not saved on this computer; you log in each time the app starts.</PolicyNote>
        </FormHelperText>
      </div>
    );
  }
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
