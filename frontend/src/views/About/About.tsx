import FolderOpen from '@mui/icons-material/FolderOpen';
import Refresh from '@mui/icons-material/Refresh';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import IconButton from '@mui/material/IconButton';
import Skeleton from '@mui/material/Skeleton';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useCallback, useEffect, useRef, useState } from 'react';
import { settingsApi, systemApi, toAppError, type AboutInfo, type AppError, type ConnectionInfo } from '../../api';
import { connectionFailureLabel } from '../../components/connectionLabels';
import { monospace } from '../../components/format';
import { InfoList } from '../../components/InfoList';
import { PageHeader } from '../../components/PageHeader';
import { Section } from '../../components/Section';
import { useAppSettings } from '../../state/AppSettings';
import { DiagnosticsSection } from './DiagnosticsSection';

type Loadable<T> = { kind: 'loading' } | { kind: 'ready'; value: T } | { kind: 'failed'; error: AppError };

export function About() {
  const { view } = useAppSettings();
  const [about, setAbout] = useState<Loadable<AboutInfo>>({ kind: 'loading' });
  const [server, setServer] = useState<Loadable<ConnectionInfo>>({ kind: 'loading' });
  const [openError, setOpenError] = useState('');

  useEffect(() => {
    let live = true;
    systemApi.about().then(
      (value) => live && setAbout({ kind: 'ready', value }),
      (e: unknown) => live && setAbout({ kind: 'failed', error: toAppError(e) }),
    );
    return () => {
      live = false;
    };
  }, []);

  // Go logs the first view painted with the time since the process started.
  useEffect(() => {
    if (about.kind !== 'ready') return;
    const frame = requestAnimationFrame(() => setTimeout(() => void systemApi.painted('about'), 0));
    return () => cancelAnimationFrame(frame);
  }, [about.kind]);

  // Only the newest check may fill the section: an answer about the previous
  // profile can arrive after a switch.
  const serverSeq = useRef(0);
  const checkServer = useCallback(() => {
    const seq = ++serverSeq.current;
    setServer({ kind: 'loading' });
    settingsApi.status().then(
      (value) => seq === serverSeq.current && setServer({ kind: 'ready', value }),
      (e: unknown) => seq === serverSeq.current && setServer({ kind: 'failed', error: toAppError(e) }),
    );
  }, []);

  // The server section describes the active profile, so it follows a switch.
  const activeProfileId = view.activeProfileId;
  useEffect(() => {
    checkServer();
    return () => {
      serverSeq.current++;
    };
  }, [checkServer, activeProfileId]);

  const openFolder = (open: () => Promise<void>) => () => {
    setOpenError('');
    open().catch((e: unknown) => setOpenError(toAppError(e).message));
  };

  return (
    <>
      <PageHeader
        navId="about"
        description="Build, system and browser information, and the license server this profile connects to."
        actions={about.kind === 'ready' && about.value.demoMode ? <Chip label="Demo mode" color="secondary" variant="outlined" /> : undefined}
      />
      {about.kind === 'failed' && (
        <Alert severity="error" sx={{ mb: 3 }}>
          The application information could not be read: {about.error.message}
        </Alert>
      )}
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', lg: '1fr 1fr' }, gap: 2.5 }}>
        <Section title="Application">
          {about.kind === 'ready' ? (
            <>
              <InfoList
                rows={[
                  { label: 'Name', value: about.value.build.productName },
                  { label: 'Version', value: about.value.build.version },
                  { label: 'Commit', value: <Box component="span" sx={monospace}>{about.value.build.commit}</Box> },
                  { label: 'Build date', value: about.value.build.buildDate },
                ]}
              />
              {about.value.build.comments && (
                <Typography variant="body2" sx={{ color: 'text.secondary', mt: 2 }}>
                  {about.value.build.comments}
                </Typography>
              )}
            </>
          ) : (
            <Placeholder failed={about.kind === 'failed'} />
          )}
        </Section>

        <Section title="System">
          {about.kind === 'ready' ? (
            <InfoList
              rows={[
                { label: 'Go version', value: about.value.build.goVersion },
                { label: 'OS / architecture', value: `${about.value.build.os} / ${about.value.build.arch}` },
                {
                  label: 'WebView',
                  value: [about.value.webViewEngine, about.value.webViewVersion].filter(Boolean).join(' ') || 'Unknown',
                },
                { label: 'Browser', value: <Box component="span" sx={monospace}>{navigator.userAgent}</Box> },
              ]}
            />
          ) : (
            <Placeholder failed={about.kind === 'failed'} />
          )}
        </Section>

        <Section
          title="License server"
          action={
            <Tooltip title="Check again">
              <span>
                <IconButton size="small" aria-label="Check the license server again" onClick={checkServer} disabled={server.kind === 'loading'}>
                  <Refresh fontSize="small" />
                </IconButton>
              </span>
            </Tooltip>
          }
        >
          <ServerDetails state={server} profileName={view.active.name} />
        </Section>

        <Section title="Files">
          {about.kind === 'ready' ? (
            <>
              <InfoList
                rows={[
                  { label: 'Settings file', value: <Box component="span" sx={monospace}>{about.value.settingsFile}</Box> },
                  { label: 'Log folder', value: <Box component="span" sx={monospace}>{about.value.logFolder}</Box> },
                  { label: 'Kept reservation groups', value: <Box component="span" sx={monospace}>{about.value.keptFolder}</Box> },
                ]}
              />
              <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1.5, mt: 2.5 }}>
                <Button variant="outlined" startIcon={<FolderOpen />} onClick={openFolder(systemApi.openLogFolder)}>
                  Open log folder
                </Button>
                <Button variant="outlined" startIcon={<FolderOpen />} onClick={openFolder(systemApi.openKeptFolder)}>
                  Open kept groups folder
                </Button>
              </Box>
              {openError && (
                <Alert severity="error" sx={{ mt: 2 }} onClose={() => setOpenError('')}>
                  {openError}
                </Alert>
              )}
            </>
          ) : (
            <Placeholder failed={about.kind === 'failed'} />
          )}
        </Section>

        <Box sx={{ gridColumn: '1 / -1' }}>
          <DiagnosticsSection profileId={view.activeProfileId} />
        </Box>
      </Box>

      {about.kind === 'ready' && (
        <Typography variant="body2" sx={{ color: 'text.secondary', mt: 3 }}>
          {about.value.build.companyName}
          {about.value.build.companyName && about.value.build.copyright && ' · '}
          {about.value.build.copyright}
        </Typography>
      )}
    </>
  );
}

function Placeholder({ failed }: { failed: boolean }) {
  if (failed) {
    return (
      <Typography variant="body2" sx={{ color: 'text.secondary' }}>
        Not available.
      </Typography>
    );
  }
  return (
    <>
      <Skeleton width="70%" />
      <Skeleton width="55%" />
      <Skeleton width="60%" />
    </>
  );
}

function ServerDetails({ state, profileName }: { state: Loadable<ConnectionInfo>; profileName: string }) {
  switch (state.kind) {
    case 'loading':
      return <Placeholder failed={false} />;
    case 'ready':
      return (
        <InfoList
          rows={[
            { label: 'Profile', value: profileName },
            { label: 'Server version', value: state.value.version },
            { label: 'Instance ID', value: state.value.instanceId || '—' },
            { label: 'Address', value: state.value.url },
            { label: 'Security', value: state.value.securityEnabled ? 'Enabled' : 'Disabled' },
          ]}
        />
      );
    case 'failed':
      return (
        <Alert severity={state.error.code === 'not_configured' ? 'info' : 'warning'}>
          <AlertTitle>{connectionFailureLabel(state.error.code)}</AlertTitle>
          {state.error.message}
        </Alert>
      );
  }
}
