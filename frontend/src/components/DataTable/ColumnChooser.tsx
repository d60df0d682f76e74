import ViewColumn from '@mui/icons-material/ViewColumn';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import { useId, useState } from 'react';

interface ColumnChooserProps {
  columns: readonly { key: string; label: string; shown: boolean }[];
  onToggle: (key: string) => void;
}

/** The guide's View Columns button: a checklist of the table's columns. */
export function ColumnChooser({ columns, onToggle }: ColumnChooserProps) {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const menuId = useId();
  const visibleCount = columns.filter((c) => c.shown).length;

  return (
    <>
      <Button
        variant="outlined"
        startIcon={<ViewColumn />}
        onClick={(e) => setAnchor(e.currentTarget)}
        aria-haspopup="menu"
        aria-expanded={anchor ? 'true' : undefined}
        aria-controls={anchor ? menuId : undefined}
      >
        View Columns
      </Button>
      <Menu id={menuId} anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)} slotProps={{ list: { dense: true } }}>
        {columns.map((c) => {
          const shown = c.shown;
          // A table without columns would show nothing to bring them back from.
          const last = shown && visibleCount === 1;
          return (
            <MenuItem key={c.key} role="menuitemcheckbox" aria-checked={shown} disabled={last} onClick={() => onToggle(c.key)}>
              <ListItemIcon>
                <Checkbox edge="start" size="small" checked={shown} tabIndex={-1} disableRipple slotProps={{ input: { 'aria-hidden': true } }} />
              </ListItemIcon>
              <ListItemText primary={c.label} />
            </MenuItem>
          );
        })}
      </Menu>
    </>
  );
}

const storageKey = (tableId: string) => `lsm.dataTable.${tableId}.hiddenColumns`;

/** The columns the user hid in this table, as remembered in localStorage. */
export function loadHiddenColumns(tableId: string): Set<string> {
  try {
    const raw: unknown = JSON.parse(localStorage.getItem(storageKey(tableId)) ?? '[]');
    return new Set(Array.isArray(raw) ? raw.filter((k): k is string => typeof k === 'string') : []);
  } catch {
    return new Set();
  }
}

export function saveHiddenColumns(tableId: string, hidden: ReadonlySet<string>): void {
  try {
    localStorage.setItem(storageKey(tableId), JSON.stringify([...hidden]));
  } catch {
    // Storage may be full or disabled; the choice then lasts until the view closes.
  }
}
