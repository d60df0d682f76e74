import DeleteOutlined from '@mui/icons-material/DeleteOutlined';
import Box from '@mui/material/Box';
import IconButton from '@mui/material/IconButton';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { Fragment } from 'react';
import { fieldLabels, groupRows, hasErrors, pendingFields, type FieldErrors, type PendingRow } from './draft';

const columnCount = 6;
const entryCount = (n: number) => (n === 1 ? '1 entry' : `${n} entries`);

/** Names the entry, since every row has a Remove button. */
const removeLabel = (row: PendingRow) => `Remove ${row.entry.featureName} ${row.entry.version} for ${row.entry.deviceId}`;

/**
 * The "Reservations (Pending Submission)" table, one block per group as
 * Submit will create them. A row the server or the checks refused shows why
 * right under it, naming the field.
 */
export function PendingTable({
  rows,
  errors,
  disabled,
  onRemove,
}: {
  rows: readonly PendingRow[];
  errors: ReadonlyMap<number, FieldErrors>;
  disabled: boolean;
  onRemove: (row: PendingRow) => void;
}) {
  if (rows.length === 0) {
    return (
      <Typography variant="body2" sx={{ color: 'text.secondary', py: 2 }}>
        No entries yet. Fill in the fields above and click Add; entries with the same group name form one group.
      </Typography>
    );
  }
  return (
    <TableContainer>
      <Table size="small" aria-label="Reservations (Pending Submission)">
        <TableHead>
          <TableRow>
            {(['deviceId', 'idType', 'featureName', 'version', 'count'] as const).map((f) => (
              <TableCell key={f} align={f === 'count' ? 'right' : undefined} sx={{ fontWeight: 600, whiteSpace: 'nowrap' }}>
                {fieldLabels[f]}
              </TableCell>
            ))}
            <TableCell sx={{ width: 56 }}>
              <Box component="span" sx={visuallyHidden}>
                Remove
              </Box>
            </TableCell>
          </TableRow>
        </TableHead>
        {groupRows(rows).map((group) => (
          <TableBody key={group.name.toLowerCase()}>
            <TableRow sx={{ bgcolor: 'action.hover' }}>
              <TableCell component="th" scope="rowgroup" colSpan={columnCount} sx={{ fontWeight: 600, overflowWrap: 'anywhere' }}>
                {group.name}{' '}
                <Box component="span" sx={{ fontWeight: 400, color: 'text.secondary' }}>
                  — {entryCount(group.rows.length)}
                </Box>
              </TableCell>
            </TableRow>
            {group.rows.map((row) => {
              const rowErrors = errors.get(row.key);
              const invalid = hasErrors(rowErrors);
              const errorId = `pending-${row.key}-errors`;
              return (
                <Fragment key={row.key}>
                  <TableRow aria-describedby={invalid ? errorId : undefined} sx={invalid ? { '& > td': { borderBottom: 0 } } : undefined}>
                    <TableCell sx={{ overflowWrap: 'anywhere', color: rowErrors?.deviceId ? 'error.main' : undefined }}>{row.entry.deviceId}</TableCell>
                    <TableCell sx={{ color: rowErrors?.idType ? 'error.main' : undefined }}>{row.entry.idType}</TableCell>
                    <TableCell sx={{ overflowWrap: 'anywhere', color: rowErrors?.featureName ? 'error.main' : undefined }}>
                      {row.entry.featureName}
                    </TableCell>
                    <TableCell sx={{ color: rowErrors?.version ? 'error.main' : undefined }}>{row.entry.version}</TableCell>
                    <TableCell align="right" sx={{ color: rowErrors?.count ? 'error.main' : undefined }}>
                      {row.entry.count.toLocaleString()}
                    </TableCell>
                    <TableCell padding="none" align="center">
                      <Tooltip title="Remove this entry">
                        <span>
                          <IconButton size="small" aria-label={removeLabel(row)} onClick={() => onRemove(row)} disabled={disabled}>
                            <DeleteOutlined fontSize="small" />
                          </IconButton>
                        </span>
                      </Tooltip>
                    </TableCell>
                  </TableRow>
                  {invalid && rowErrors && (
                    <TableRow>
                      <TableCell colSpan={columnCount} sx={{ pt: 0 }}>
                        <Box component="ul" id={errorId} sx={{ m: 0, pl: 2.5, color: 'error.main', typography: 'body2' }}>
                          {pendingFields
                            .filter((f) => rowErrors[f])
                            .map((f) => (
                              <li key={f}>
                                {fieldLabels[f]}: {rowErrors[f]}
                              </li>
                            ))}
                        </Box>
                      </TableCell>
                    </TableRow>
                  )}
                </Fragment>
              );
            })}
          </TableBody>
        ))}
      </Table>
    </TableContainer>
  );
}

const visuallyHidden = {
  position: 'absolute',
  width: 1,
  height: 1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
} as const;
