import Box from '@mui/material/Box';
import { alpha, useTheme } from '@mui/material/styles';
import { LineChart, lineClasses, type LineSeries } from '@mui/x-charts/LineChart';
import { useMemo } from 'react';
import type { UsageSeries } from '../../api';
import { formatDate, formatDateTime } from '../../components/format';

const seats = (n: number | null) => (n === null ? '' : `${Math.round(n * 10) / 10}`);

/**
 * A feature's seats in use against its seats over the range: the mean use
 * per point as a line, the least and most in use as a band around it (for
 * hourly and daily points), the seats as a dashed step line. The chart is
 * one keyboard stop; the arrow keys step through the points.
 */
export function UsageChart({ series, title }: { series: UsageSeries; title: string }) {
  const theme = useTheme();
  const band = series.resolution !== 'raw';
  const daily = series.resolution === 'daily';

  const { times, chartSeries } = useMemo(() => {
    const points = series.points;
    const min = points.map((p) => p.min);
    const max = points.map((p) => p.max);
    const list: LineSeries[] = [];
    if (band) {
      // The band is two stacked areas: an invisible one up to the least in
      // use, and the span from least to most on top of it.
      list.push(
        { id: 'least', data: min, stack: 'band', area: true, showMark: false, color: 'transparent', valueFormatter: () => null, disableHighlight: true },
        {
          id: 'range',
          data: points.map((p) => p.max - p.min),
          stack: 'band',
          area: true,
          showMark: false,
          label: 'Least–most in use',
          color: alpha(theme.palette.primary.main, 0.22),
          valueFormatter: (_, { dataIndex }) => `${min[dataIndex]}–${max[dataIndex]}`,
          disableHighlight: true,
        },
      );
    }
    list.push(
      {
        id: 'used',
        data: points.map((p) => p.mean),
        label: band ? 'In use (mean)' : 'In use',
        showMark: false,
        curve: 'linear',
        color: theme.palette.primary.main,
        valueFormatter: seats,
      },
      {
        id: 'total',
        data: points.map((p) => p.total),
        label: 'Seats',
        showMark: false,
        curve: 'stepAfter',
        color: theme.palette.error.main,
        valueFormatter: seats,
      },
    );
    return { times: points.map((p) => new Date(p.at)), chartSeries: list };
  }, [series, band, theme]);

  return (
    <Box role="figure" aria-label={title}>
      <LineChart
        height={300}
        title={title}
        skipAnimation
        xAxis={[
          {
            scaleType: 'time',
            data: times,
            valueFormatter: (value: Date, context) =>
              context.location === 'tick' ? context.defaultTickLabel : daily ? formatDate(value.toISOString()) : formatDateTime(value.toISOString()),
          },
        ]}
        yAxis={[{ min: 0, label: 'Seats', tickMinStep: 1 }]}
        series={chartSeries}
        grid={{ horizontal: true }}
        sx={{ [`& .${lineClasses.line}[data-series="total"]`]: { strokeDasharray: '6 4' } }}
      />
    </Box>
  );
}
