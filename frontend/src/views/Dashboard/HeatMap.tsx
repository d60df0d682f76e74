import Box from '@mui/material/Box';
import { alpha, useTheme, type Theme } from '@mui/material/styles';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { HeatCell } from '../../api';
import { formatPercent } from '../../components/format';

/** Go's day 0 is Monday. */
export const DAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;
const DAYS = 7;
const HOURS = 24;

const hourText = (hour: number) => `${String(hour % 24).padStart(2, '0')}:00`;

/** What a cell says to a screen reader and in its tooltip. */
export function cellLabel(day: number, hour: number, cell: HeatCell | undefined): string {
  const when = `${DAY_NAMES[day]} ${hourText(hour)}–${hourText(hour + 1)}`;
  return cell?.covered ? `${when}: ${formatPercent(cell.utilisation)} of seats in use on average` : `${when}: no samples`;
}

function cellColour(theme: Theme, cell: HeatCell | undefined): string {
  if (!cell?.covered) return 'transparent';
  const share = Math.min(Math.max(cell.utilisation, 0), 1);
  // Full hours stand out in the palette's error colour; the rest shade the primary one.
  return share >= 1 ? theme.palette.error.main : alpha(theme.palette.primary.main, 0.1 + 0.85 * share);
}

/**
 * The mean utilisation of each hour of the week over the chosen range: 7
 * rows of 24 cells, one keyboard stop, the arrow keys move between cells and
 * each cell names its hour and value.
 */
export function HeatMap({ cells }: { cells: readonly HeatCell[] }) {
  const theme = useTheme();
  const byIndex = useMemo(() => {
    const map = new Map<number, HeatCell>();
    for (const c of cells) map.set(c.day * HOURS + c.hour, c);
    return map;
  }, [cells]);
  const [focus, setFocus] = useState(0);
  const grid = useRef<HTMLDivElement>(null);

  const move = (event: KeyboardEvent<HTMLDivElement>, index: number) => {
    const day = Math.floor(index / HOURS);
    const hour = index % HOURS;
    const targets: Record<string, number> = {
      ArrowRight: day * HOURS + Math.min(hour + 1, HOURS - 1),
      ArrowLeft: day * HOURS + Math.max(hour - 1, 0),
      ArrowDown: Math.min(day + 1, DAYS - 1) * HOURS + hour,
      ArrowUp: Math.max(day - 1, 0) * HOURS + hour,
      Home: day * HOURS,
      End: day * HOURS + HOURS - 1,
    };
    const next = targets[event.key];
    if (next === undefined) return;
    event.preventDefault();
    setFocus(next);
    grid.current?.querySelector<HTMLElement>(`[data-cell="${next}"]`)?.focus();
  };

  return (
    <Box>
      <Box
        ref={grid}
        role="grid"
        aria-label="Mean use by hour of the week"
        sx={{ display: 'grid', gridTemplateColumns: `88px repeat(${HOURS}, minmax(12px, 1fr))`, gap: '3px', alignItems: 'center' }}
      >
        <Box role="row" sx={{ display: 'contents' }}>
          <Box role="columnheader" aria-label="Day" />
          {Array.from({ length: HOURS }, (_, hour) => (
            <Typography
              key={hour}
              role="columnheader"
              aria-label={hourText(hour)}
              variant="caption"
              sx={{ color: 'text.secondary', textAlign: 'center', lineHeight: 1.2 }}
            >
              {hour % 3 === 0 ? hour : ''}
            </Typography>
          ))}
        </Box>
        {DAY_NAMES.map((name, day) => (
          <Box key={name} role="row" sx={{ display: 'contents' }}>
            <Typography role="rowheader" variant="caption" sx={{ color: 'text.secondary', pr: 1 }}>
              {name}
            </Typography>
            {Array.from({ length: HOURS }, (_, hour) => {
              const index = day * HOURS + hour;
              const cell = byIndex.get(index);
              const label = cellLabel(day, hour, cell);
              return (
                <Tooltip key={hour} title={label} disableInteractive>
                  <Box
                    role="gridcell"
                    aria-label={label}
                    data-cell={index}
                    tabIndex={index === focus ? 0 : -1}
                    onFocus={() => setFocus(index)}
                    onKeyDown={(e) => move(e, index)}
                    sx={{
                      height: 22,
                      borderRadius: 0.5,
                      bgcolor: cellColour(theme, cell),
                      border: 1,
                      borderColor: cell?.covered ? 'transparent' : 'divider',
                      borderStyle: cell?.covered ? 'solid' : 'dashed',
                      '&:focus-visible': { outline: `2px solid ${theme.palette.text.primary}`, outlineOffset: 1 },
                    }}
                  />
                </Tooltip>
              );
            })}
          </Box>
        ))}
      </Box>
      <Box aria-hidden sx={{ display: 'flex', alignItems: 'center', gap: 1, mt: 1.5, color: 'text.secondary', flexWrap: 'wrap' }}>
        <Typography variant="caption">0%</Typography>
        <Box
          sx={{
            width: 140,
            height: 10,
            borderRadius: 0.5,
            background: `linear-gradient(to right, ${alpha(theme.palette.primary.main, 0.1)}, ${alpha(theme.palette.primary.main, 0.95)})`,
          }}
        />
        <Typography variant="caption">99%</Typography>
        <Box sx={{ width: 14, height: 10, borderRadius: 0.5, bgcolor: 'error.main', ml: 1 }} />
        <Typography variant="caption">full</Typography>
        <Box sx={{ width: 14, height: 10, borderRadius: 0.5, border: 1, borderStyle: 'dashed', borderColor: 'divider', ml: 1 }} />
        <Typography variant="caption">no samples</Typography>
      </Box>
    </Box>
  );
}
