import AutoFixHigh from '@mui/icons-material/AutoFixHigh';
import CheckCircleOutlined from '@mui/icons-material/CheckCircleOutlined';
import DeleteOutlined from '@mui/icons-material/DeleteOutlined';
import Description from '@mui/icons-material/DescriptionOutlined';
import FileOpen from '@mui/icons-material/FileOpenOutlined';
import Refresh from '@mui/icons-material/Refresh';
import Upload from '@mui/icons-material/Upload';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import LinearProgress from '@mui/material/LinearProgress';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { diagnosticsOf, poolsApi, toAppError, type AppError, type ModelCheck, type ModelDiagnostic } from '../../api';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { OperationProgress, useLongOperation } from '../../components/OperationProgress';
import { PolicyNote } from '../../components/PolicyNote';
import { Section } from '../../components/Section';
import { usePolicies } from '../../state/Policies';
import { DiagnosticList } from './DiagnosticList';
import { applyFix } from './fix';
import { exampleModel } from './example';
import { ModelEditor, type ModelEditorHandle } from './ModelEditor';
import { PoolPreview } from './PoolPreview';
import { ReservationsConflict } from './ReservationsConflict';
import { plural } from './text';

/** Long enough not to check on every keystroke, short enough to feel immediate. */
const CHECK_DELAY_MS = 300;

const noDiagnostics: readonly ModelDiagnostic[] = [];

type Loading = { kind: 'loading' } | { kind: 'ready' } | { kind: 'failed'; error: AppError };

type Outcome =
  | { kind: 'none' }
  | { kind: 'uploaded'; modelName: string }
  | { kind: 'deleted' }
  | { kind: 'conflict'; error: AppError }
  | { kind: 'failed'; error: AppError };

/** A check result and the text it belongs to, so a result for older text is never taken for the current one. */
interface Checked {
  text: string;
  result: ModelCheck;
}

/** Text the editor held before Browse or Format replaced it, for Undo. */
interface Replaced {
  previous: string;
  message: string;
}

const refusedCheck = (diagnostics: ModelDiagnostic[]): ModelCheck => ({ valid: false, modelName: '', diagnostics, preview: [], previewNote: '' });

function ServerState({ active, edited, empty }: { active: boolean; edited: boolean; empty: boolean }) {
  if (empty && !active) return null;
  if (active && !edited) return <Chip size="small" color="success" variant="outlined" label="Active on the server" />;
  return <Chip size="small" color="warning" variant="outlined" label={active ? 'Edited, not uploaded' : 'Not uploaded'} />;
}

function CheckSummary({ checked, checking, errors, warnings }: { checked: Checked | null; checking: boolean; errors: number; warnings: number }) {
  let summary: ReactNode = null;
  if (checking) summary = 'Checking…';
  else if (errors > 0 || warnings > 0) {
    const counts = [errors > 0 && plural(errors, 'error'), warnings > 0 && plural(warnings, 'warning')].filter(Boolean).join(', ');
    summary = `${counts}. Click a problem to select its line.`;
  } else if (checked) {
    summary = (
      <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.75 }}>
        <CheckCircleOutlined fontSize="small" color="success" />
        No problems found{checked.result.modelName && ` in model "${checked.result.modelName}"`}.
      </Box>
    );
  }
  return (
    <Typography variant="body2" aria-live="polite" sx={{ color: 'text.secondary', minHeight: 20 }}>
      {summary}
    </Typography>
  );
}

/**
 * The Model tab: the active model definition in an editor that checks it as
 * the user types, Browse and Upload as the guide describes, Format, Delete,
 * and a preview of what each pool would receive. Nothing the user typed is
 * replaced by a failed upload, a login on the way, or a refused file.
 */
export function ModelTab({ onModelChanged, onShowPools }: { onModelChanged: () => void; onShowPools: () => void }) {
  const [loading, setLoading] = useState<Loading>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [server, setServer] = useState({ active: false, text: '' });
  const [text, setText] = useState('');
  const [chosen, setChosen] = useState<{ name: string; text: string } | null>(null);
  const [checked, setChecked] = useState<Checked | null>(null);
  const [checkFailure, setCheckFailure] = useState('');
  const [refreshingPreview, setRefreshingPreview] = useState(false);
  const [busy, setBusy] = useState<'choosing' | 'uploading' | 'formatting' | null>(null);
  const uploadOperation = useLongOperation('upload');
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'none' });
  const [replaced, setReplaced] = useState<Replaced | null>(null);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const locked = usePolicies().policies.disableModelUpload;
  const editor = useRef<ModelEditorHandle>(null);
  const problemsId = useId();

  useEffect(() => {
    let live = true;
    poolsApi.model().then(
      (model) => {
        if (!live) return;
        setServer(model);
        setText(model.text);
        setLoading({ kind: 'ready' });
      },
      (e: unknown) => live && setLoading({ kind: 'failed', error: toAppError(e) }),
    );
    return () => {
      live = false;
    };
  }, [attempt]);

  useEffect(() => {
    if (!text.trim() || checked?.text === text) return;
    let live = true;
    const timer = setTimeout(() => {
      poolsApi.check(text, false).then(
        (result) => {
          if (!live) return;
          setChecked({ text, result });
          setCheckFailure('');
        },
        (e: unknown) => live && setCheckFailure(toAppError(e).message),
      );
    }, CHECK_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [text, checked]);

  const empty = text.trim() === '';
  const diagnostics = !empty && checked ? checked.result.diagnostics : noDiagnostics;
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  const checking = !empty && checked?.text !== text && !checkFailure;
  const current = checked?.text === text ? checked.result : null;

  const edit = (next: string) => {
    setText(next);
    setReplaced(null);
  };

  const replaceText = (next: string, message: string) => {
    setReplaced(next !== text && text.trim() !== '' ? { previous: text, message } : null);
    setText(next);
  };

  const browse = async () => {
    setBusy('choosing');
    try {
      const file = await poolsApi.chooseModelFile();
      // A cancelled dialog changes nothing.
      if (file.path) {
        setChosen({ name: file.name, text: file.text });
        setChecked({ text: file.text, result: file.check });
        replaceText(file.text, `The editor now holds ${file.name}.`);
        setOutcome({ kind: 'none' });
      }
    } catch (e) {
      setOutcome({ kind: 'failed', error: toAppError(e) });
    } finally {
      setBusy(null);
    }
  };

  const upload = async () => {
    const uploading = text;
    setBusy('uploading');
    setOutcome({ kind: 'none' });
    try {
      const result = await uploadOperation.run((op) => poolsApi.upload(uploading, op));
      setServer({ active: true, text: uploading });
      setChecked({ text: uploading, result });
      setOutcome({ kind: 'uploaded', modelName: result.modelName });
      onModelChanged();
    } catch (e) {
      const error = toAppError(e);
      const refused = diagnosticsOf(error);
      if (refused.length > 0) setChecked({ text: uploading, result: refusedCheck(refused) });
      setOutcome(error.code === 'conflict' ? { kind: 'conflict', error } : { kind: 'failed', error });
    } finally {
      setBusy(null);
    }
  };

  const format = async () => {
    setBusy('formatting');
    try {
      replaceText(await poolsApi.format(text), 'Formatted the model definition; its comments were removed.');
    } catch (e) {
      const error = toAppError(e);
      const refused = diagnosticsOf(error);
      if (refused.length > 0) setChecked({ text, result: refusedCheck(refused) });
      else setOutcome({ kind: 'failed', error });
    } finally {
      setBusy(null);
    }
  };

  const deleteModel = async () => {
    await poolsApi.deleteModel();
    setServer({ active: false, text: '' });
    setOutcome({ kind: 'deleted' });
    onModelChanged();
  };

  const refreshPreview = async () => {
    const previewed = text;
    setRefreshingPreview(true);
    try {
      setChecked({ text: previewed, result: await poolsApi.check(previewed, true) });
      setCheckFailure('');
    } catch (e) {
      setCheckFailure(toAppError(e).message);
    } finally {
      setRefreshingPreview(false);
    }
  };

  if (loading.kind === 'failed') {
    return (
      <Stack spacing={2} sx={{ alignItems: 'flex-start' }}>
        <ErrorAlert error={loading.error} sx={{ alignSelf: 'stretch' }} />
        <Button
          variant="outlined"
          startIcon={<Refresh />}
          onClick={() => {
            setLoading({ kind: 'loading' });
            setAttempt((a) => a + 1);
          }}
        >
          Try again
        </Button>
      </Stack>
    );
  }
  if (loading.kind === 'loading') {
    return (
      <Stack spacing={2} aria-label="Loading the model definition">
        <Skeleton variant="rounded" height={88} />
        <Skeleton variant="rounded" height={320} />
      </Stack>
    );
  }

  const fileLabel = chosen ? `${chosen.name}${chosen.text === text ? '' : ' (edited)'}` : 'No file chosen';

  return (
    <Stack spacing={2.5}>
      <Typography variant="body2">
        A model definition consists of named license pools (partitions) and rules of access. Browse for your model definition file and
        then click <b>Upload</b>.
      </Typography>

      <Section title="Model Definition File">
        {locked && (
          <Box sx={{ mb: 1.5 }}>
            <PolicyNote>the model definition cannot be uploaded or deleted from this computer; you can still check and format one.</PolicyNote>
          </Box>
        )}
        <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
          <Button variant="outlined" startIcon={<FileOpen />} onClick={browse} disabled={busy !== null}>
            Browse
          </Button>
          <Typography
            variant="body2"
            aria-label="Chosen file"
            sx={{ flex: 1, minWidth: 160, color: chosen ? 'text.primary' : 'text.secondary', overflowWrap: 'anywhere' }}
          >
            {fileLabel}
          </Typography>
          <Tooltip title={errors > 0 && !locked ? 'Fix the errors in the model definition first' : ''}>
            <span>
              <Button variant="contained" startIcon={<Upload />} onClick={upload} disabled={busy !== null || empty || errors > 0 || locked}>
                Upload
              </Button>
            </span>
          </Tooltip>
        </Stack>
        {busy === 'uploading' && uploadOperation.running && (
          <Box sx={{ mt: 2 }}>
            <OperationProgress operation={uploadOperation} label="Uploading the model" />
          </Box>
        )}
        {busy && busy !== 'uploading' && (
          <LinearProgress
            sx={{ mt: 2 }}
            aria-label={{ choosing: 'Reading the file', uploading: 'Uploading the model', formatting: 'Formatting the model' }[busy]}
          />
        )}
        <Box aria-live="polite" sx={{ '&:empty': { display: 'none' }, mt: 2 }}>
          {outcome.kind === 'uploaded' && (
            <Alert
              severity="success"
              onClose={() => setOutcome({ kind: 'none' })}
              action={
                <Button color="inherit" size="small" onClick={onShowPools} sx={{ whiteSpace: 'nowrap' }}>
                  View pools
                </Button>
              }
            >
              <AlertTitle>Uploaded</AlertTitle>
              Model{outcome.modelName && ` "${outcome.modelName}"`} is now active on the server.
            </Alert>
          )}
          {outcome.kind === 'deleted' && (
            <Alert severity="success" onClose={() => setOutcome({ kind: 'none' })}>
              <AlertTitle>Model deleted</AlertTitle>
              Every license is back in the default pool. The text stays in the editor, so it can be uploaded again.
            </Alert>
          )}
          {outcome.kind === 'conflict' && <ReservationsConflict error={outcome.error} onClose={() => setOutcome({ kind: 'none' })} />}
          {outcome.kind === 'failed' && <ErrorAlert error={outcome.error} onClose={() => setOutcome({ kind: 'none' })} />}
        </Box>
      </Section>

      <Section
        title="Current Model Definition"
        action={
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
            <ServerState active={server.active} edited={text !== server.text} empty={empty} />
            <Tooltip title="Lays the model out the standard way. Comments are removed.">
              <span>
                <Button size="small" startIcon={<AutoFixHigh />} onClick={format} disabled={busy !== null || empty || errors > 0}>
                  Format
                </Button>
              </span>
            </Tooltip>
            {server.active && (
              <Button size="small" color="error" startIcon={<DeleteOutlined />} onClick={() => setConfirmingDelete(true)} disabled={busy !== null || locked}>
                Delete model
              </Button>
            )}
          </Stack>
        }
      >
        <Stack spacing={1.5}>
          {empty && (
            <Alert
              severity="info"
              action={
                <Button color="inherit" size="small" startIcon={<Description />} onClick={() => setText(exampleModel)} sx={{ whiteSpace: 'nowrap' }}>
                  Start from an example
                </Button>
              }
            >
              {server.active ? 'The editor is empty.' : 'No model definition is active on the server, so only the default pool exists.'} Type a
              model definition, browse for a file, or start from an example.
            </Alert>
          )}
          {replaced && (
            <Alert
              severity="info"
              onClose={() => setReplaced(null)}
              action={
                <Button
                  color="inherit"
                  size="small"
                  onClick={() => {
                    setText(replaced.previous);
                    setReplaced(null);
                  }}
                >
                  Undo
                </Button>
              }
            >
              {replaced.message}
            </Alert>
          )}
          <ModelEditor
            ref={editor}
            value={text}
            onChange={edit}
            diagnostics={diagnostics}
            label="Model definition"
            describedBy={diagnostics.length > 0 ? problemsId : undefined}
            placeholder={'model "name" {\n    partitions { … }\n}'}
            readOnly={busy === 'formatting'}
          />
          <CheckSummary checked={empty ? null : checked} checking={checking} errors={errors} warnings={warnings} />
          {checkFailure && !empty && (
            <Typography variant="body2" sx={{ color: 'error.main' }}>
              The model could not be checked: {checkFailure}
            </Typography>
          )}
          {diagnostics.length > 0 && (
            <DiagnosticList
              id={problemsId}
              diagnostics={diagnostics}
              onSelect={(d) => editor.current?.revealLine(d.line)}
              onFix={(fix) => edit(applyFix(text, fix))}
            />
          )}
        </Stack>
      </Section>

      <Section
        title="Pool Preview"
        action={
          <Button size="small" startIcon={<Refresh />} onClick={refreshPreview} disabled={refreshingPreview || !current?.valid}>
            Refresh
          </Button>
        }
      >
        <Typography variant="body2" sx={{ color: 'text.secondary', mt: -1, mb: 2 }}>
          What each pool would receive from the server’s current features with this model: exact counts first, then percentages of the
          total, then remainders. The server does its own arithmetic, so its counts may differ slightly.
        </Typography>
        {refreshingPreview && <LinearProgress aria-label="Refreshing the preview" sx={{ mb: 2 }} />}
        {empty ? (
          <Typography variant="body2" sx={{ color: 'text.secondary' }}>
            There is no model to preview.
          </Typography>
        ) : errors > 0 ? (
          <Typography variant="body2" sx={{ color: 'text.secondary' }}>
            Fix the errors to see the preview.
          </Typography>
        ) : checked && checked.result.preview.length > 0 ? (
          <PoolPreview preview={checked.result.preview} />
        ) : checked && !checking ? (
          <Typography variant="body2" sx={{ color: 'text.secondary' }}>
            {checked.result.previewNote || 'The server’s features could not be read, so there is no preview.'} Refresh to try again.
          </Typography>
        ) : (
          <Skeleton variant="rounded" height={120} />
        )}
      </Section>

      {confirmingDelete && (
        <ConfirmDialog
          title="Delete the model definition?"
          message="The named license pools are removed and all their licenses return to the default pool, where any client can get them. The text stays in the editor."
          confirmLabel="Delete model"
          destructive
          onConfirm={deleteModel}
          onClose={() => setConfirmingDelete(false)}
        />
      )}
    </Stack>
  );
}
