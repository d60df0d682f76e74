import Cancel from '@mui/icons-material/Cancel';
import DeleteOutlined from '@mui/icons-material/DeleteOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useId } from 'react';
import type { ReservationGroupRef } from '../../api';

const entries = (n: number) => (n === 1 ? '1 entry' : `${n} entries`);

/**
 * The guide's list of pending deletions: groups moved here by Delete stay
 * until Submit deletes them, and each can be taken back.
 */
export function PendingDeletions({
  groups,
  onRemove,
  onSubmit,
  disabled,
}: {
  groups: readonly ReservationGroupRef[];
  onRemove: (id: number) => void;
  onSubmit: () => void;
  disabled: boolean;
}) {
  const titleId = useId();
  return (
    <Paper component="section" aria-labelledby={titleId} variant="outlined" sx={{ p: 2, mb: 2, borderColor: 'error.light' }}>
      <Box sx={{ display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: 1.5 }}>
        <Typography id={titleId} variant="h2" sx={{ mr: 1 }}>
          Pending deletions
        </Typography>
        <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, flex: 1 }}>
          {groups.map((g) => (
            <Chip
              key={g.id}
              label={`${g.name} (${entries(g.entries)})`}
              onDelete={() => onRemove(g.id)}
              deleteIcon={<Cancel titleAccess={`Keep ${g.name}`} />}
              disabled={disabled}
            />
          ))}
        </Box>
        <Button variant="contained" color="error" startIcon={<DeleteOutlined />} onClick={onSubmit} disabled={disabled}>
          Submit
        </Button>
      </Box>
    </Paper>
  );
}
