import ArrowBack from '@mui/icons-material/ArrowBack';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { Navigate, useNavigate, useParams } from 'react-router';
import { reservationsApi, toAppError, type AppError, type EditableGroup } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { routes } from '../../nav/routes';
import { loadDraft, type Draft } from './draft';
import { ReservationEditor } from './ReservationEditor';

/** The Add Reservation page, with the pending table it had before a reload. */
export function AddReservation() {
  const [initial] = useState<Draft>(() => loadDraft('add') ?? { rows: [], edit: null });
  return <ReservationEditor draftId="add" initial={initial} />;
}

/** A group on the server as the pending table edits it: one row per entry, Go's grouping kept. */
const toDraft = (g: EditableGroup): Draft => ({
  rows: g.entries.map((entry, i) => ({ key: i + 1, entry, group: g.name })),
  edit: { groupId: g.id, name: g.name },
});

type Loaded = { kind: 'loading' } | { kind: 'ready'; draft: Draft } | { kind: 'failed'; error: AppError };

/**
 * The Add page editing one group: its entries in the pending table, and
 * Submit replacing the group. An edit under way is resumed after a reload.
 */
export function EditReservationGroup() {
  const { id } = useParams();
  const groupId = Number(id);
  const valid = Number.isSafeInteger(groupId) && groupId > 0;
  const navigate = useNavigate();
  const [loaded, setLoaded] = useState<Loaded>(() => {
    const draft = valid ? loadDraft(groupId) : null;
    return draft ? { kind: 'ready', draft } : { kind: 'loading' };
  });

  const loading = loaded.kind === 'loading';
  useEffect(() => {
    if (!valid || !loading) return;
    let live = true;
    reservationsApi.group(groupId).then(
      (group) => live && setLoaded({ kind: 'ready', draft: toDraft(group) }),
      (e: unknown) => live && setLoaded({ kind: 'failed', error: toAppError(e) }),
    );
    return () => {
      live = false;
    };
  }, [valid, loading, groupId]);

  if (!valid) return <Navigate to={routes.reservations} replace />;
  if (loaded.kind === 'ready') return <ReservationEditor key={groupId} draftId={groupId} initial={loaded.draft} />;
  return (
    <>
      <Typography variant="h1" sx={{ mb: 3 }}>
        Edit Reservation Group
      </Typography>
      {loaded.kind === 'loading' ? (
        <LinearProgress aria-label="Loading the group" />
      ) : (
        <Box>
          <ErrorAlert error={loaded.error} />
          <Button variant="outlined" startIcon={<ArrowBack />} onClick={() => navigate(routes.reservations)} sx={{ mt: 2 }}>
            Back to list
          </Button>
        </Box>
      )}
    </>
  );
}
