import ErrorOutlined from '@mui/icons-material/ErrorOutlined';
import ExpandMore from '@mui/icons-material/ExpandMore';
import Refresh from '@mui/icons-material/Refresh';
import Accordion from '@mui/material/Accordion';
import AccordionDetails from '@mui/material/AccordionDetails';
import AccordionSummary from '@mui/material/AccordionSummary';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Divider from '@mui/material/Divider';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { Fragment, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  apperr,
  HOST_ID_SETTING,
  propertiesApi,
  recover,
  stoppedError,
  toAppError,
  type AppError,
  type PolicySetting,
  type PropertiesView,
  type SaveReport,
} from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { monospace } from '../../components/format';
import { HelpTip } from '../../components/HelpTip';
import { InfoList } from '../../components/InfoList';
import { OperationProgress, useLongOperation } from '../../components/OperationProgress';
import { PageHeader } from '../../components/PageHeader';
import { Section } from '../../components/Section';
import { checkValue } from './checks';
import { SaveDialog, type Change } from './SaveDialog';
import { SettingEditor } from './SettingEditor';

type Loadable = { kind: 'loading' } | { kind: 'ready'; value: PropertiesView } | { kind: 'failed'; error: AppError };

const HOST_ID_LABEL = 'Server Host ID';
const HOST_ID_HELP =
  'The host ID the server uses for capability requests to the back office. With several host IDs (Ethernet addresses, dongles, a VM UUID), select the one registered with your back-office system.';

/** Every setting by name, with the section it is in. */
function indexSettings(view: PropertiesView): Map<string, { setting: PolicySetting; section: string }> {
  const index = new Map<string, { setting: PolicySetting; section: string }>();
  for (const section of view.sections) {
    for (const setting of section.settings) index.set(setting.name, { setting, section: section.name });
  }
  return index;
}

/** The server's current value of a setting, the host ID included. */
function original(view: PropertiesView, name: string): string | undefined {
  if (name === HOST_ID_SETTING) return view.selectedHostId;
  return indexSettings(view).get(name)?.setting.value;
}

/** The view with saved values applied, for when it cannot be read again after a save. */
function withSaved(view: PropertiesView, values: Record<string, string>, saved: readonly string[]): PropertiesView {
  const done = new Set(saved);
  return {
    ...view,
    selectedHostId: done.has(HOST_ID_SETTING) ? values[HOST_ID_SETTING] : view.selectedHostId,
    sections: view.sections.map((s) => ({
      ...s,
      settings: s.settings.map((st) => (done.has(st.name) ? { ...st, value: values[st.name] } : st)),
    })),
  };
}

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/** The guide's License Server Properties view: general properties and the server's policy settings. */
export function Properties() {
  const [load, setLoad] = useState<Loadable>({ kind: 'loading' });
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [expanded, setExpanded] = useState<Set<string>>(new Set());
  const [blocked, setBlocked] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [saving, setSaving] = useState(false);
  const [report, setReport] = useState<SaveReport | null>(null);
  const saveOperation = useLongOperation('save');
  const [saveError, setSaveError] = useState<AppError | null>(null);

  const loads = useRef(0);
  const fetchView = useCallback(() => {
    const mine = ++loads.current;
    setLoad((l) => (l.kind === 'ready' ? l : { kind: 'loading' }));
    propertiesApi.get().then(
      (value) => mine === loads.current && setLoad({ kind: 'ready', value }),
      (e: unknown) => mine === loads.current && setLoad({ kind: 'failed', error: toAppError(e) }),
    );
  }, []);
  useEffect(() => {
    fetchView();
    return () => {
      loads.current++;
    };
  }, [fetchView]);

  const view = load.kind === 'ready' ? load.value : null;
  const index = useMemo(() => (view ? indexSettings(view) : new Map<string, { setting: PolicySetting; section: string }>()), [view]);
  const viewRef = useRef(view);
  useEffect(() => {
    viewRef.current = view;
  });

  // Stable, so one keystroke re-renders one setting rather than all of them.
  const edit = useCallback((name: string, value: string) => {
    const current = viewRef.current;
    if (!current) return;
    const was = original(current, name);
    setDrafts((d) => {
      const next = { ...d };
      if (value === was) delete next[name];
      else next[name] = value;
      return next;
    });
    setServerErrors((errors) => {
      if (!(name in errors)) return errors;
      const next = { ...errors };
      delete next[name];
      return next;
    });
    setBlocked('');
  }, []);

  const changes = useMemo<Change[]>(() => {
    if (!view) return [];
    const list: Change[] = [];
    const host = drafts[HOST_ID_SETTING];
    if (host !== undefined && host !== view.selectedHostId) {
      list.push({ name: HOST_ID_SETTING, label: `${HOST_ID_LABEL} (${HOST_ID_SETTING})`, from: view.selectedHostId, to: host });
    }
    for (const section of view.sections) {
      for (const s of section.settings) {
        const to = drafts[s.name];
        if (to !== undefined && to !== s.value) list.push({ name: s.name, label: s.name, from: s.value, to });
      }
    }
    return list;
  }, [view, drafts]);

  const errorOf = (name: string): string => {
    if (serverErrors[name]) return serverErrors[name];
    const draft = drafts[name];
    const entry = index.get(name);
    return draft !== undefined && entry && view ? checkValue(entry.setting.kind, draft, view.levels) : '';
  };

  const expandSectionsOf = (names: Iterable<string>) => {
    const sections = [...names].flatMap((n) => index.get(n)?.section ?? []);
    if (sections.length) setExpanded((e) => new Set([...e, ...sections]));
  };

  const askToSave = () => {
    const invalid = changes.filter((c) => errorOf(c.name) !== '');
    if (invalid.length > 0) {
      setBlocked(`Correct ${plural(invalid.length, 'setting')} before saving: ${invalid.map((c) => c.name).join(', ')}.`);
      expandSectionsOf(invalid.map((c) => c.name));
      return;
    }
    setBlocked('');
    setConfirming(true);
  };

  // Settings go one at a time. A save the session ended midway shows what
  // was saved, asks for the login, and sends only the settings not sent.
  const save = async () => {
    if (!view) return;
    const all = Object.fromEntries(changes.map((c) => [c.name, c.to.trim()]));
    let values = all;
    let saved: string[] = [];
    setSaving(true);
    setSaveError(null);
    setReport(null);
    try {
      for (;;) {
        const sent = values;
        const result = await saveOperation.run((op) => propertiesApi.save(sent, op));
        saved = [...saved, ...result.saved];
        const failed = Object.fromEntries(result.failed.map((f) => [f.name, f.message]));
        // What the server refused or never got stays edited, so nothing typed is lost.
        const kept = new Set([...Object.keys(failed), ...result.notSent]);
        setDrafts((d) => Object.fromEntries(Object.entries(d).filter(([name]) => kept.has(name))));
        setServerErrors(failed);
        setReport({ ...result, saved });
        expandSectionsOf(kept);
        let resume = false;
        if (result.stopped) {
          // The report shows under the login prompt, not under this dialog.
          setConfirming(false);
          resume = await recover(stoppedError(result.stopped));
        }
        // A server the app could not get back to is not asked again.
        const next = result.stopped && !resume ? withSaved(view, all, saved) : await propertiesApi.get().catch(() => withSaved(view, all, saved));
        setLoad({ kind: 'ready', value: next });
        if (!resume) break;
        values = Object.fromEntries(result.notSent.map((name) => [name, sent[name]]));
      }
    } catch (e) {
      const error = toAppError(e);
      setSaveError(error);
      if (error.code === apperr.Code.INVALID_INPUT) {
        // Go names each setting's problem by the setting.
        const bySetting = Object.fromEntries(error.items.map((p) => [p.item, p.message]));
        setServerErrors(bySetting);
        expandSectionsOf(Object.keys(bySetting));
      }
    } finally {
      setSaving(false);
      setConfirming(false);
    }
  };

  const discard = () => {
    setDrafts({});
    setServerErrors({});
    setBlocked('');
  };

  const toggleSection = (name: string) =>
    setExpanded((e) => {
      const next = new Set(e);
      if (next.has(name)) next.delete(name);
      else next.add(name);
      return next;
    });

  const header = (
    <PageHeader
      navId="properties"
      description="The policy settings the license server uses. Settings the producer locked cannot be changed; your changes take effect when you click Save at the bottom of the page."
      actions={
        <Button variant="outlined" startIcon={<Refresh />} onClick={fetchView} disabled={load.kind === 'loading' || saving}>
          Reload
        </Button>
      }
    />
  );

  if (load.kind === 'failed') {
    return (
      <>
        {header}
        <ErrorAlert error={load.error} />
        <Button variant="outlined" startIcon={<Refresh />} onClick={fetchView} sx={{ mt: 2 }}>
          Retry
        </Button>
      </>
    );
  }

  if (!view) {
    return (
      <>
        {header}
        <Stack spacing={2} aria-label="Loading the properties">
          <Skeleton variant="rounded" height={180} />
          {Array.from({ length: 7 }, (_, i) => (
            <Skeleton key={i} variant="rounded" height={48} />
          ))}
        </Stack>
      </>
    );
  }

  const readOnlyReason = view.readOnly ? view.readOnlyReason || 'The policies of this server cannot be changed here.' : '';
  const hostDraft = drafts[HOST_ID_SETTING];
  const hostValue = hostDraft ?? view.selectedHostId;
  const hostOptions = view.hostIds.some((h) => h.setting === view.selectedHostId) || !view.selectedHostId
    ? view.hostIds
    : [{ type: '', value: view.selectedHostId, setting: view.selectedHostId }, ...view.hostIds];

  return (
    <>
      {header}
      {readOnlyReason && (
        <Alert severity="info" sx={{ mb: 2.5 }}>
          {readOnlyReason}
        </Alert>
      )}

      <Stack spacing={2.5}>
        <Section title="General Properties">
          <Box sx={{ display: 'flex', alignItems: 'flex-start', gap: 1, mb: 2.5, maxWidth: 560 }}>
            <TextField
              select
              label={HOST_ID_LABEL}
              value={hostValue}
              onChange={(e) => edit(HOST_ID_SETTING, e.target.value)}
              disabled={view.readOnly || hostOptions.length === 0}
              error={Boolean(serverErrors[HOST_ID_SETTING])}
              helperText={serverErrors[HOST_ID_SETTING] || (hostDraft !== undefined ? 'Changed' : view.hostIdsNote || undefined)}
              fullWidth
              size="small"
              slotProps={{ select: { renderValue: (v) => <Box component="span" sx={monospace}>{String(v)}</Box> } }}
            >
              {hostOptions.map((h) => (
                <MenuItem key={h.setting} value={h.setting}>
                  <Box component="span" sx={monospace}>
                    {h.value}
                  </Box>
                  {h.type && (
                    <Typography component="span" variant="body2" sx={{ color: 'text.secondary', ml: 1 }}>
                      {h.type}
                    </Typography>
                  )}
                </MenuItem>
              ))}
            </TextField>
            <HelpTip topic={HOST_ID_LABEL} text={HOST_ID_HELP} />
          </Box>
          <InfoList
            rows={[
              { label: 'Server Version', value: view.serverVersion },
              { label: 'Device UUID', value: <Box component="span" sx={monospace}>{view.deviceUuid}</Box> },
              { label: 'Status', value: view.status },
            ]}
          />
        </Section>

        <Box>
          <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mb: 1 }}>
            <Typography variant="h2" sx={{ flex: 1 }}>
              Policy Settings
            </Typography>
            <Button size="small" onClick={() => setExpanded(new Set(view.sections.map((s) => s.name)))}>
              Expand all
            </Button>
            <Button size="small" onClick={() => setExpanded(new Set())}>
              Collapse all
            </Button>
          </Box>
          {view.sections.map((section) => {
            const changedHere = section.settings.filter((s) => s.name in drafts).length;
            const errorsHere = section.settings.filter((s) => errorOf(s.name) !== '').length;
            return (
              <Accordion
                key={section.name}
                expanded={expanded.has(section.name)}
                onChange={() => toggleSection(section.name)}
                variant="outlined"
                disableGutters
                sx={{ '&:not(:last-of-type)': { borderBottom: 0 }, '&::before': { display: 'none' } }}
              >
                <AccordionSummary expandIcon={<ExpandMore />}>
                  <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.5, flexWrap: 'wrap' }}>
                    <Typography sx={{ fontWeight: 500 }}>{section.name}</Typography>
                    <Typography variant="body2" sx={{ color: 'text.secondary' }}>
                      {plural(section.settings.length, 'setting')}
                    </Typography>
                    {changedHere > 0 && <Chip size="small" color="primary" label={`${changedHere} changed`} />}
                    {errorsHere > 0 && (
                      <Chip size="small" color="error" icon={<ErrorOutlined />} label={plural(errorsHere, 'problem')} />
                    )}
                  </Box>
                </AccordionSummary>
                <AccordionDetails sx={{ pt: 0 }}>
                  {section.settings.map((setting, i) => (
                    <Fragment key={setting.name}>
                      {i > 0 && <Divider />}
                      <SettingEditor
                        setting={setting}
                        value={drafts[setting.name] ?? setting.value}
                        levels={view.levels}
                        readOnlyReason={readOnlyReason}
                        changed={setting.name in drafts}
                        error={errorOf(setting.name)}
                        onChange={edit}
                      />
                    </Fragment>
                  ))}
                </AccordionDetails>
              </Accordion>
            );
          })}
        </Box>

        {saveError && <ErrorAlert error={saveError} onClose={() => setSaveError(null)} />}
        {report && <SaveReportAlert report={report} onClose={() => setReport(null)} />}
        {!confirming && <OperationProgress operation={saveOperation} label="Saving" />}
      </Stack>

      {!view.readOnly && (
        <Paper
          elevation={4}
          sx={{ position: 'sticky', bottom: 16, mt: 3, px: 2, py: 1.25, display: 'flex', alignItems: 'center', gap: 1.5, zIndex: 2 }}
        >
          <Typography variant="body2" role="status" sx={{ flex: 1, color: blocked ? 'error.main' : 'text.secondary' }}>
            {blocked || (changes.length === 0 ? 'No changes' : plural(changes.length, 'change'))}
          </Typography>
          <Button onClick={discard} disabled={Object.keys(drafts).length === 0 || saving}>
            Discard
          </Button>
          <Button variant="contained" onClick={askToSave} disabled={changes.length === 0 || saving}>
            Save
          </Button>
        </Paper>
      )}

      {confirming && <SaveDialog changes={changes} saving={saving} operation={saveOperation} onSave={save} onClose={() => setConfirming(false)} />}
    </>
  );
}

function SaveReportAlert({ report, onClose }: { report: SaveReport; onClose: () => void }) {
  const trouble = report.failed.length + report.notSent.length > 0;
  const severity = !trouble ? 'success' : report.saved.length === 0 ? 'error' : 'warning';
  return (
    <Alert severity={severity} onClose={onClose} aria-label="Save report">
      <AlertTitle>Save report</AlertTitle>
      {report.saved.length > 0 && (
        <>
          <Typography variant="body2">Saved:</Typography>
          <Box component="ul" aria-label="Saved settings" sx={{ mt: 0.25, mb: 1, pl: 2.5 }}>
            {report.saved.map((name) => (
              <Box component="li" key={name} sx={monospace}>
                {name}
              </Box>
            ))}
          </Box>
        </>
      )}
      {report.failed.length > 0 && (
        <>
          <Typography variant="body2">Not saved (still edited below, so you can correct them):</Typography>
          <Box component="ul" aria-label="Settings not saved" sx={{ mt: 0.25, mb: 0, pl: 2.5 }}>
            {report.failed.map((f) => (
              <li key={f.name}>
                <Box component="span" sx={monospace}>
                  {f.name}
                </Box>
                : {f.message}
              </li>
            ))}
          </Box>
        </>
      )}
      {report.notSent.length > 0 && (
        <>
          <Typography variant="body2">
            Not sent{report.stopped ? ` (${report.stopped.message})` : ''}; still edited below, save again to send them:
          </Typography>
          <Box component="ul" aria-label="Settings not sent" sx={{ mt: 0.25, mb: 0, pl: 2.5 }}>
            {report.notSent.map((name) => (
              <Box component="li" key={name} sx={monospace}>
                {name}
              </Box>
            ))}
          </Box>
        </>
      )}
      {report.saved.length === 0 && !trouble && <Typography variant="body2">Nothing needed saving.</Typography>}
    </Alert>
  );
}
