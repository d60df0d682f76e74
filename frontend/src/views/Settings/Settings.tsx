import NetworkCheck from '@mui/icons-material/NetworkCheck';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import InputAdornment from '@mui/material/InputAdornment';
import Paper from '@mui/material/Paper';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useState, type ChangeEvent, type FormEvent } from 'react';
import { settings, settingsApi, toAppError, type AppError, type ConnectionInfo, type ServerInput, type SettingsView } from '../../api';
import { connectionFailureLabel } from '../../components/connectionLabels';
import { HelpTip } from '../../components/HelpTip';
import { PageHeader } from '../../components/PageHeader';
import { PolicyNote } from '../../components/PolicyNote';
import { useAppSettings } from '../../state/AppSettings';
import { usePolicies } from '../../state/Policies';
import { CertificatesSection } from './CertificatesSection';
import { HistorySection } from './HistorySection';
import { ProxySection } from './ProxySection';
import { wholeNumber } from './numbers';

// Help texts are the guide's own descriptions of the fields.
const help = {
  pageSize: 'The number of records to display per page.',
  host:
    'For a local license server, enter the host name of the machine the license server is running on. ' +
    'For a CLS instance, enter the base URL in the format siteID.compliance.flexnetoperations.com, ' +
    'for example flex1234.compliance.flexnetoperations.com. Ask your producer to provide the site ID.',
  serverType:
    'The type of server that is being monitored. Depending on your selection, fill out the listen port ' +
    '(local license server) or the instance ID (Cloud License Server).',
  port: 'The port number for the license server. (The default port for the server is 7070.)',
  instanceId: 'The instance ID that uniquely identifies this CLS instance.',
  https:
    'Which protocol, HTTP or HTTPS, the License Server Manager uses to communicate with the license server. ' +
    'Yes: use HTTPS. No: use HTTP. Communication to a Cloud License Server is always over HTTPS.',
};

/** The guide's default listen port, offered when a profile has none yet. */
const DEFAULT_PORT = 7070;

type FieldKey = 'pageSize' | 'host' | 'serverType' | 'port' | 'instanceId';
type FieldErrors = Partial<Record<FieldKey, string>>;

interface FormValues {
  pageSize: string;
  host: string;
  serverType: settings.ServerType;
  port: string;
  instanceId: string;
  https: boolean;
}

type TestState =
  | { kind: 'idle' }
  | { kind: 'testing' }
  | { kind: 'ok'; info: ConnectionInfo }
  | { kind: 'failed'; title: string; message: string };

type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'failed'; message: string };

function valuesFrom(view: SettingsView): FormValues {
  const p = view.active;
  return {
    pageSize: String(view.pageSize),
    host: p.host,
    serverType: p.serverType,
    port: String(p.port > 0 ? p.port : DEFAULT_PORT),
    instanceId: p.instanceId,
    https: p.https,
  };
}

function inputFrom(v: FormValues): ServerInput {
  return {
    pageSize: wholeNumber(v.pageSize),
    host: v.host,
    serverType: v.serverType,
    port: wholeNumber(v.port),
    instanceId: v.instanceId,
    https: v.serverType === settings.ServerType.CLS ? true : v.https,
  };
}

function fieldErrorsFrom(error: AppError): FieldErrors {
  const out: FieldErrors = {};
  for (const key of ['pageSize', 'host', 'serverType', 'port', 'instanceId'] as const) {
    const message = error.fields[key];
    if (message) out[key] = message;
  }
  return out;
}

export function Settings() {
  const appSettings = useAppSettings();
  // A new profile gets a fresh form; a rename or save of the same one does
  // not. The history settings are the app's, whichever profile is active.
  return (
    <>
      <SettingsForm key={appSettings.view.activeProfileId} />
      <HistorySection />
    </>
  );
}

function SettingsForm() {
  const { view, save } = useAppSettings();
  const [values, setValues] = useState<FormValues>(() => valuesFrom(view));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'idle' });
  const [test, setTest] = useState<TestState>({ kind: 'idle' });
  const demo = view.active.demo === true;
  // The installer's profile under the LockedProfiles policy keeps its server.
  const managed = view.active.managed === true;
  const serverLocked = demo || managed;
  const { allowedServers } = usePolicies().policies;
  const cls = values.serverType === settings.ServerType.CLS;

  const update = <K extends keyof FormValues>(key: K, value: FormValues[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors((e) => ({ ...e, [key]: undefined }));
    // Results that describe the values before this edit would mislead.
    setSaveState((s) => (s.kind === 'saving' ? s : { kind: 'idle' }));
    setTest((t) => (t.kind === 'testing' ? t : { kind: 'idle' }));
  };
  const onText = (key: 'pageSize' | 'host' | 'port' | 'instanceId') => (e: ChangeEvent<HTMLInputElement>) =>
    update(key, e.target.value);

  const showFailure = (error: AppError) => {
    const fields = fieldErrorsFrom(error);
    setErrors(fields);
    return Object.keys(fields).length > 0;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaveState({ kind: 'saving' });
    setTest({ kind: 'idle' });
    try {
      const next = await save(inputFrom(values));
      setValues(valuesFrom(next));
      setErrors({});
      setSaveState({ kind: 'saved' });
    } catch (e) {
      const error = toAppError(e);
      const highlighted = showFailure(error);
      setSaveState({ kind: 'failed', message: highlighted ? 'Please correct the highlighted fields.' : error.message });
    }
  };

  const testConnection = async () => {
    setTest({ kind: 'testing' });
    setSaveState({ kind: 'idle' });
    try {
      const info = await settingsApi.testConnection(inputFrom(values));
      setErrors({});
      setTest({ kind: 'ok', info });
    } catch (e) {
      const error = toAppError(e);
      if (showFailure(error)) {
        setTest({ kind: 'failed', title: 'Check the settings', message: 'Please correct the highlighted fields.' });
      } else {
        setTest({ kind: 'failed', title: connectionFailureLabel(error.code), message: error.message });
      }
    }
  };

  const textField = (key: 'pageSize' | 'host' | 'port' | 'instanceId', label: string, numeric: boolean, locked: boolean) => (
    <TextField
      id={`settings-${key}`}
      label={label}
      value={values[key]}
      onChange={onText(key)}
      type={numeric ? 'number' : 'text'}
      disabled={locked}
      error={errors[key] !== undefined}
      helperText={errors[key] ?? ' '}
      fullWidth
      slotProps={{
        htmlInput: { name: key, ...(numeric ? { inputMode: 'numeric' } : { spellCheck: false, autoCapitalize: 'off' }) },
        input: {
          endAdornment: (
            <InputAdornment position="end">
              <HelpTip topic={label} text={help[key]} />
            </InputAdornment>
          ),
        },
      }}
    />
  );

  return (
    <>
      <PageHeader
        navId="settings"
        description="Specify configuration settings for the license server. These settings can be modified even when the license server is inaccessible."
      />
      {!view.complete && (
        <Alert severity="info" sx={{ mb: 3 }}>
          Fill in all fields on this page before you can use the other views.
        </Alert>
      )}
      {demo && (
        <Alert severity="info" sx={{ mb: 3 }}>
          This profile points at the built-in demo server. Add a profile to configure your own server.
        </Alert>
      )}
      <Paper variant="outlined" sx={{ p: { xs: 2.5, md: 3.5 }, maxWidth: 680 }}>
        <Box component="form" onSubmit={submit} noValidate aria-label="Server settings">
          {(managed || allowedServers.length > 0) && (
            <Stack spacing={1} sx={{ mb: 2.5 }}>
              {managed && <PolicyNote>your organisation manages this profile’s server, so only the page size can change here.</PolicyNote>}
              {!managed && allowedServers.length > 0 && (
                <PolicyNote>only these license servers can be used: {allowedServers.join(', ')}.</PolicyNote>
              )}
            </Stack>
          )}
          <Stack spacing={1}>
            {textField('pageSize', 'Page Size', true, false)}
            {textField('host', 'FlexNet License Server Host Name', false, serverLocked)}

            <FormControl error={errors.serverType !== undefined} disabled={serverLocked}>
              <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
                <RadioGroup
                  row
                  name="serverType"
                  aria-label="License server type"
                  value={values.serverType}
                  onChange={(e) => update('serverType', e.target.value === settings.ServerType.CLS ? settings.ServerType.CLS : settings.ServerType.LOCAL)}
                >
                  <FormControlLabel value={settings.ServerType.LOCAL} control={<Radio />} label="Local License Server" />
                  <FormControlLabel value={settings.ServerType.CLS} control={<Radio />} label="Cloud License Server" />
                </RadioGroup>
                <HelpTip topic="License server type" text={help.serverType} />
              </Box>
              <FormHelperText sx={{ mx: 0 }}>{errors.serverType ?? ' '}</FormHelperText>
            </FormControl>

            {cls
              ? textField('instanceId', 'Cloud License Server Instance ID', false, serverLocked)
              : textField('port', 'FlexNet License Server Listen Port', true, serverLocked)}

            <FormControl disabled={serverLocked || cls}>
              <Box sx={{ display: 'flex', alignItems: 'center', gap: 0.5 }}>
                <FormLabel id="settings-https-label">Connect Using HTTPS</FormLabel>
                <HelpTip topic="Connect Using HTTPS" text={help.https} />
              </Box>
              <RadioGroup
                row
                name="https"
                aria-labelledby="settings-https-label"
                aria-describedby={cls ? 'settings-https-note' : undefined}
                value={cls || values.https ? 'yes' : 'no'}
                onChange={(e) => update('https', e.target.value === 'yes')}
              >
                <FormControlLabel value="yes" control={<Radio />} label="Yes" />
                <FormControlLabel value="no" control={<Radio />} label="No" />
              </RadioGroup>
              {cls && (
                <FormHelperText id="settings-https-note" sx={{ mx: 0 }}>
                  Communication to a Cloud License Server is always over HTTPS.
                </FormHelperText>
              )}
            </FormControl>
          </Stack>

          <Stack direction="row" spacing={1.5} sx={{ mt: 3 }}>
            <Button type="submit" variant="contained" disabled={saveState.kind === 'saving'} sx={{ minWidth: 104 }}>
              Save
            </Button>
            <Button
              variant="outlined"
              onClick={testConnection}
              disabled={test.kind === 'testing'}
              startIcon={test.kind === 'testing' ? <CircularProgress size={16} /> : <NetworkCheck />}
            >
              Test connection
            </Button>
          </Stack>

          <Box sx={{ mt: 2.5 }} aria-live="polite">
            {saveState.kind === 'saved' && <Alert severity="success">Settings saved.</Alert>}
            {saveState.kind === 'failed' && <Alert severity="error">{saveState.message}</Alert>}
            <TestResult state={test} />
          </Box>
        </Box>
      </Paper>
      {!demo && <CertificatesSection />}
      {!demo && <ProxySection />}
    </>
  );
}

function TestResult({ state }: { state: TestState }) {
  switch (state.kind) {
    case 'idle':
    case 'testing':
      return null;
    case 'ok': {
      const { info } = state;
      return (
        <Alert severity="success" sx={{ mt: 1 }}>
          <AlertTitle>Connected to {info.url}</AlertTitle>
          Version {info.version} · Instance ID {info.instanceId || '—'} · Security{' '}
          {info.securityEnabled ? 'enabled' : 'disabled'}
        </Alert>
      );
    }
    case 'failed':
      return (
        <Alert severity="error" sx={{ mt: 1 }}>
          <AlertTitle>{state.title}</AlertTitle>
          {state.message}
        </Alert>
      );
  }
}
