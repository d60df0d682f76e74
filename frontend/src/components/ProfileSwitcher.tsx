import AddIcon from '@mui/icons-material/Add';
import ArrowDropDown from '@mui/icons-material/ArrowDropDown';
import Check from '@mui/icons-material/Check';
import DeleteOutline from '@mui/icons-material/DeleteOutlineOutlined';
import Dns from '@mui/icons-material/Dns';
import Edit from '@mui/icons-material/Edit';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Divider from '@mui/material/Divider';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import ListSubheader from '@mui/material/ListSubheader';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import Snackbar from '@mui/material/Snackbar';
import { useState } from 'react';
import { toAppError, type Profile } from '../api';
import { useAppSettings } from '../state/AppSettings';
import { usePolicies } from '../state/Policies';
import { ConfirmDialog } from './ConfirmDialog';
import { NameDialog } from './NameDialog';

type OpenDialog = 'add' | 'rename' | 'delete' | null;

function serverSummary(p: Profile): string {
  if (p.demo) return 'Built-in demo server';
  if (!p.host) return 'Not configured';
  return p.serverType === 'cls' ? `${p.host} (CLS ${p.instanceId})` : `${p.host}:${p.port}`;
}

/** The header's server profile menu: switch, add, rename and delete profiles. */
export function ProfileSwitcher() {
  const { view, switchProfile, addProfile, renameProfile, deleteProfile } = useAppSettings();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [switchError, setSwitchError] = useState('');
  const active = view.active;
  const { notice } = usePolicies();

  const pick = (id: string) => {
    setAnchor(null);
    if (id === view.activeProfileId) return;
    switchProfile(id).catch((e: unknown) => setSwitchError(toAppError(e).message));
  };

  const openDialog = (which: OpenDialog) => {
    setAnchor(null);
    setDialog(which);
  };

  return (
    <>
      <Button
        aria-label="Server profile"
        aria-haspopup="menu"
        aria-expanded={anchor ? 'true' : undefined}
        onClick={(e) => setAnchor(e.currentTarget)}
        color="inherit"
        startIcon={<Dns />}
        endIcon={<ArrowDropDown />}
        sx={{ maxWidth: 280, px: 1.5, border: 1, borderColor: 'divider', borderRadius: 2 }}
      >
        <span style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>{active.name}</span>
      </Button>
      <Menu
        anchorEl={anchor}
        open={anchor !== null}
        onClose={() => setAnchor(null)}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}
        transformOrigin={{ vertical: 'top', horizontal: 'right' }}
        slotProps={{ paper: { sx: { minWidth: 300 } } }}
      >
        <ListSubheader sx={{ lineHeight: '32px' }}>Server profiles</ListSubheader>
        {view.profiles.map((p) => (
          <MenuItem key={p.id} selected={p.id === view.activeProfileId} onClick={() => pick(p.id)}>
            <ListItemIcon>{p.id === view.activeProfileId && <Check fontSize="small" />}</ListItemIcon>
            <ListItemText primary={p.name} secondary={serverSummary(p)} />
          </MenuItem>
        ))}
        <Divider />
        <MenuItem onClick={() => openDialog('add')}>
          <ListItemIcon>
            <AddIcon fontSize="small" />
          </ListItemIcon>
          Add profile…
        </MenuItem>
        <MenuItem onClick={() => openDialog('rename')} disabled={active.demo || active.managed}>
          <ListItemIcon>
            <Edit fontSize="small" />
          </ListItemIcon>
          <ListItemText primary="Rename profile…" secondary={active.managed ? notice : undefined} />
        </MenuItem>
        <MenuItem onClick={() => openDialog('delete')} disabled={active.demo || active.managed}>
          <ListItemIcon>
            <DeleteOutline fontSize="small" />
          </ListItemIcon>
          <ListItemText primary="Delete profile…" secondary={active.managed ? notice : undefined} />
        </MenuItem>
      </Menu>

      {dialog === 'add' && (
        <NameDialog title="Add profile" submitLabel="Add" onSubmit={addProfile} onClose={() => setDialog(null)} />
      )}
      {dialog === 'rename' && (
        <NameDialog
          title="Rename profile"
          submitLabel="Rename"
          initialName={active.name}
          onSubmit={(name) => renameProfile(active.id, name)}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === 'delete' && (
        <ConfirmDialog
          title="Delete profile"
          message={
            <>
              Delete the server profile <strong>{active.name}</strong>? This cannot be undone.
            </>
          }
          confirmLabel="Delete"
          destructive
          onConfirm={() => deleteProfile(active.id)}
          onClose={() => setDialog(null)}
        />
      )}
      <Snackbar open={switchError !== ''} onClose={() => setSwitchError('')} anchorOrigin={{ vertical: 'top', horizontal: 'center' }}>
        <Alert severity="error" onClose={() => setSwitchError('')} variant="filled">
          {switchError}
        </Alert>
      </Snackbar>
    </>
  );
}
