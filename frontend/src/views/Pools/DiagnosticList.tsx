import AutoFixHigh from '@mui/icons-material/AutoFixHigh';
import ErrorOutlined from '@mui/icons-material/ErrorOutlined';
import WarningAmber from '@mui/icons-material/WarningAmber';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import type { ModelDiagnostic, modeldef } from '../../api';
import { monospace } from '../../components/format';

/** "4:21: message", the way compilers and editors report a problem. */
export const diagnosticText = (d: ModelDiagnostic) => `${d.line}:${d.column}: ${d.message}`;

/**
 * The problems of the model, in the order of the text; choosing one selects
 * its line in the editor, and a problem Go knows the one correction of offers
 * it as a button.
 */
export function DiagnosticList({
  id,
  diagnostics,
  onSelect,
  onFix,
}: {
  id: string;
  diagnostics: readonly ModelDiagnostic[];
  onSelect: (d: ModelDiagnostic) => void;
  onFix: (fix: modeldef.Fix) => void;
}) {
  const sorted = [...diagnostics].sort((a, b) => a.line - b.line || a.column - b.column);
  return (
    <List id={id} dense disablePadding aria-label="Problems in the model definition" sx={{ mx: -1 }}>
      {sorted.map((d, i) => (
        <Box component="li" key={`${d.line}:${d.column}:${i}`} sx={{ display: 'flex', alignItems: 'flex-start', gap: 1 }}>
          <ListItemButton onClick={() => onSelect(d)} sx={{ alignItems: 'flex-start', py: 0.25, mx: 0, flex: 1 }}>
            <ListItemIcon sx={{ minWidth: 30, mt: 0.5 }}>
              {d.severity === 'error' ? (
                <ErrorOutlined fontSize="small" color="error" titleAccess="Error" />
              ) : (
                <WarningAmber fontSize="small" color="warning" titleAccess="Warning" />
              )}
            </ListItemIcon>
            <ListItemText
              primary={diagnosticText(d)}
              slotProps={{ primary: { sx: { ...monospace, overflowWrap: 'anywhere' } } }}
            />
          </ListItemButton>
          {d.fix && (
            <Button
              size="small"
              variant="outlined"
              startIcon={<AutoFixHigh />}
              onClick={() => d.fix && onFix(d.fix)}
              aria-label={`${d.fix.label} (line ${d.line})`}
              sx={{ mt: 0.25, flexShrink: 0, whiteSpace: 'nowrap' }}
            >
              {d.fix.label}
            </Button>
          )}
        </Box>
      ))}
    </List>
  );
}
