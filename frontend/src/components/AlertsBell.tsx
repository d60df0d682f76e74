import type { SvgIconComponent } from '@mui/icons-material';
import Block from '@mui/icons-material/Block';
import Close from '@mui/icons-material/Close';
import CloudOff from '@mui/icons-material/CloudOff';
import EventBusy from '@mui/icons-material/EventBusy';
import Notifications from '@mui/icons-material/Notifications';
import NotificationsNone from '@mui/icons-material/NotificationsNone';
import ReportProblemOutlined from '@mui/icons-material/ReportProblemOutlined';
import TrendingUp from '@mui/icons-material/TrendingUp';
import Alert from '@mui/material/Alert';
import Badge from '@mui/material/Badge';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Divider from '@mui/material/Divider';
import IconButton from '@mui/material/IconButton';
import LinearProgress from '@mui/material/LinearProgress';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import Popover from '@mui/material/Popover';
import Snackbar from '@mui/material/Snackbar';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { historyApi, onHistory, toAppError, usage, useUnseenAlerts, type AlertRow, type AppError } from '../api';
import { routes } from '../nav/routes';
import { ErrorAlert } from './ErrorAlert';
import { formatDateTime } from './format';

type Loadable<T> = { kind: 'loading' } | { kind: 'ready'; value: T } | { kind: 'failed'; error: AppError };

interface Rule {
  label: string;
  icon: SvgIconComponent;
  color: 'warning' | 'error';
}

/** Go's alert rules, as the list names them. */
const rules: Record<usage.RuleKind, Rule> = {
  [usage.RuleKind.BUSY]: { label: 'Near capacity', icon: TrendingUp, color: 'warning' },
  [usage.RuleKind.FULL]: { label: 'Every seat in use', icon: Block, color: 'error' },
  [usage.RuleKind.EXPIRY]: { label: 'Expiry', icon: EventBusy, color: 'warning' },
  [usage.RuleKind.UNREACHABLE]: { label: 'Server unreachable', icon: CloudOff, color: 'error' },
  [usage.RuleKind.OVERDRAFT]: { label: 'Overdraft', icon: ReportProblemOutlined, color: 'warning' },
};

function AlertItem({ row }: { row: AlertRow }) {
  const { alert, profile } = row;
  const rule = rules[alert.rule];
  const Icon = rule.icon;
  return (
    <ListItem alignItems="flex-start" data-alert={alert.id} sx={{ py: 1 }}>
      <ListItemIcon sx={{ minWidth: 34, mt: 0.25 }}>
        <Icon fontSize="small" color={rule.color} titleAccess={rule.label} />
      </ListItemIcon>
      <ListItemText
        disableTypography
        primary={
          <Box sx={{ display: 'flex', alignItems: 'flex-start', gap: 1 }}>
            <Typography variant="body2" sx={{ flex: 1, minWidth: 0, overflowWrap: 'anywhere' }}>
              {alert.message}
            </Typography>
            {!alert.seen && <Chip label="New" size="small" color="primary" sx={{ height: 20, fontSize: '0.6875rem' }} />}
          </Box>
        }
        secondary={
          <Typography variant="caption" component="div" sx={{ color: 'text.secondary', mt: 0.25 }}>
            {[profile || alert.profileId, `Opened ${formatDateTime(alert.openedAt)}`, alert.clearedAt ? `Cleared ${formatDateTime(alert.clearedAt)}` : '']
              .filter(Boolean)
              .join(' · ')}
          </Typography>
        }
      />
    </ListItem>
  );
}

function AlertList({ title, rows }: { title: string; rows: readonly AlertRow[] }) {
  const id = `alerts-${title.toLowerCase().replace(/\W+/g, '-')}`;
  return (
    <>
      <Typography id={id} variant="overline" component="h3" sx={{ display: 'block', px: 2, pt: 1, color: 'text.secondary', lineHeight: 2 }}>
        {title}
      </Typography>
      <List dense aria-labelledby={id} sx={{ py: 0 }}>
        {rows.map((r) => (
          <AlertItem key={r.alert.id} row={r} />
        ))}
      </List>
    </>
  );
}

/**
 * The header's bell: the number of open alerts not seen yet, and the list
 * of open and recently cleared alerts, which opening marks as seen. A round
 * that opens alerts says so in a message the user can open the list from.
 */
export function AlertsBell() {
  const unseen = useUnseenAlerts();
  const button = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  const [list, setList] = useState<Loadable<AlertRow[]>>({ kind: 'loading' });
  const [news, setNews] = useState<AlertRow[]>([]);
  const openRef = useRef(open);
  openRef.current = open;

  const seq = useRef(0);
  const load = useCallback(async () => {
    const mine = ++seq.current;
    try {
      const rows = await historyApi.alerts(false);
      if (mine !== seq.current) return;
      setList({ kind: 'ready', value: rows });
      const newest = rows.reduce((max, r) => Math.max(max, r.alert.id), 0);
      // The list shows what is new once more; from now on it is seen.
      if (newest > 0 && rows.some((r) => !r.alert.seen)) await historyApi.markSeen(newest);
    } catch (e) {
      if (mine === seq.current) setList({ kind: 'failed', error: toAppError(e) });
    }
  }, []);

  const show = () => {
    setNews([]);
    setList((l) => (l.kind === 'ready' ? l : { kind: 'loading' }));
    setOpen(true);
    void load();
  };

  useEffect(
    () =>
      onHistory((event) => {
        if (openRef.current) void load();
        else if (event.opened.length > 0) setNews(event.opened);
      }),
    [load],
  );

  const rows = list.kind === 'ready' ? list.value : [];
  const openRows = rows.filter((r) => !r.alert.clearedAt);
  const cleared = rows.filter((r) => r.alert.clearedAt);
  const label = unseen > 0 ? `Alerts: ${unseen} new` : 'Alerts';
  const Icon = unseen > 0 ? Notifications : NotificationsNone;

  return (
    <>
      <Tooltip title={label}>
        <IconButton ref={button} aria-label={label} aria-haspopup="dialog" aria-expanded={open} onClick={show} color="inherit">
          <Badge badgeContent={unseen} color="error" max={99}>
            <Icon />
          </Badge>
        </IconButton>
      </Tooltip>
      <Popover
        open={open}
        anchorEl={button.current}
        onClose={() => setOpen(false)}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}
        transformOrigin={{ vertical: 'top', horizontal: 'right' }}
        slotProps={{ paper: { role: 'dialog', 'aria-label': 'Alerts', sx: { width: 440, maxWidth: 'calc(100vw - 32px)', maxHeight: 560, display: 'flex', flexDirection: 'column' } } }}
      >
        <Box sx={{ display: 'flex', alignItems: 'center', px: 2, py: 1.25 }}>
          <Typography variant="subtitle1" component="h2" sx={{ flex: 1, fontWeight: 500 }}>
            Alerts
          </Typography>
          <Button component={Link} to={routes.dashboard} size="small" onClick={() => setOpen(false)}>
            Open Dashboard
          </Button>
        </Box>
        <Divider />
        <Box sx={{ overflowY: 'auto', flex: 1 }}>
          {list.kind === 'loading' && <LinearProgress aria-label="Loading the alerts" />}
          {list.kind === 'failed' && <ErrorAlert error={list.error} sx={{ m: 2 }} />}
          {list.kind === 'ready' && rows.length === 0 && (
            <Typography variant="body2" sx={{ color: 'text.secondary', p: 2 }}>
              No alerts in the last 30 days.
            </Typography>
          )}
          {openRows.length > 0 && <AlertList title="Open" rows={openRows} />}
          {cleared.length > 0 && <AlertList title="Recently cleared" rows={cleared} />}
        </Box>
      </Popover>
      <Snackbar open={news.length > 0} autoHideDuration={10000} onClose={(_, reason) => reason !== 'clickaway' && setNews([])} anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}>
        {news.length > 0 ? (
          <Alert
            severity="warning"
            variant="filled"
            action={
              <>
                <Button color="inherit" size="small" onClick={show}>
                  Show
                </Button>
                <IconButton color="inherit" size="small" aria-label="Close" onClick={() => setNews([])}>
                  <Close fontSize="small" />
                </IconButton>
              </>
            }
            sx={{ maxWidth: 520, alignItems: 'center' }}
          >
            {news.length === 1 ? `${news[0].profile}: ${news[0].alert.message}` : `${news.length} new alerts, the first: ${news[0].alert.message}`}
          </Alert>
        ) : undefined}
      </Snackbar>
    </>
  );
}
