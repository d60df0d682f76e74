import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Pagination from '@mui/material/Pagination';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState, type FormEvent } from 'react';

interface PagerProps {
  total: number;
  page: number;
  pages: number;
  onPage: (page: number) => void;
}

/** The guide's navigation tool: the record count, the pages, and a jump to any page. */
export function Pager({ total, page, pages, onPage }: PagerProps) {
  const [target, setTarget] = useState('');
  const [problem, setProblem] = useState('');

  const jump = (event: FormEvent) => {
    event.preventDefault();
    const n = Number(target);
    if (!Number.isInteger(n) || n < 1 || n > pages) {
      setProblem(`Enter 1 to ${pages}`);
      return;
    }
    setProblem('');
    setTarget('');
    onPage(n);
  };

  return (
    <Box
      sx={{ display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: 2, px: 2, py: 1.25, borderTop: 1, borderColor: 'divider' }}
    >
      <Typography variant="body2" sx={{ color: 'text.secondary', minWidth: 200 }} role="status">
        Total number of records: {total.toLocaleString()}
      </Typography>
      <Pagination
        count={pages}
        page={page}
        onChange={(_, p) => onPage(p)}
        showFirstButton
        showLastButton
        siblingCount={1}
        size="small"
        shape="rounded"
        color="primary"
        sx={{ flex: 1, display: 'flex', justifyContent: 'center' }}
      />
      <Box component="form" onSubmit={jump} noValidate sx={{ display: 'flex', alignItems: 'flex-start', gap: 1 }}>
        <TextField
          label="Go to page"
          type="number"
          size="small"
          value={target}
          onChange={(e) => {
            setTarget(e.target.value);
            setProblem('');
          }}
          error={problem !== ''}
          helperText={problem || undefined}
          disabled={pages < 2}
          slotProps={{ htmlInput: { min: 1, max: pages, step: 1 } }}
          sx={{ width: 120 }}
        />
        <Button type="submit" variant="outlined" disabled={pages < 2} sx={{ minWidth: 0, height: 40 }}>
          Go
        </Button>
      </Box>
    </Box>
  );
}
