import ArrowBack from '@mui/icons-material/ArrowBack';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { Navigate, useLocation, useNavigate, useParams } from 'react-router';
import { AppError, reservationsApi, toAppError, type ReservationRow } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { loadDraft, type Draft, type PendingRow } from './draft';
import { editedName, reservationsRoute } from './links';
import { ReservationEditor } from './ReservationEditor';

/** The Add Reservation page, with the pending table it had before a reload. */
export function AddReservation() {
  const [initial] = useState<Draft>(() => loadDraft('add') ?? { rows: [], edit: null });
  return <ReservationEditor draftId="add" initial={initial} />;
}

/** Rows fetched per request while collecting a group's entries. */
const PAGE = 500;

/** Every entry of one group, read through the list (searching by its name narrows it). */
async function groupEntries(groupId: number, name: string): Promise<ReservationRow[]> {
  const out: ReservationRow[] = [];
  for (let page = 1; ; page++) {
    const served = await reservationsApi.list({ page, pageSize: PAGE, search: name, sortBy: '', sortDesc: false }, page === 1);
    out.push(...served.rows.filter((r) => r.groupId === groupId));
    if (served.page >= served.pages) return out;
  }
}

const toPending = (r: ReservationRow, key: number): PendingRow => ({
  key,
  entry: { groupName: r.group, deviceId: r.deviceId, idType: r.idType, featureName: r.feature, version: r.version, count: r.count },
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
  const name = editedName(useLocation().state);
  const navigate = useNavigate();
  const [loaded, setLoaded] = useState<Loaded>(() => {
    const draft = valid ? loadDraft(groupId) : null;
    return draft ? { kind: 'ready', draft } : { kind: 'loading' };
  });

  const loading = loaded.kind === 'loading';
  useEffect(() => {
    if (!valid || !loading) return;
    let live = true;
    groupEntries(groupId, name).then(
      (rows) => {
        if (!live) return;
        if (rows.length === 0) {
          setLoaded({ kind: 'failed', error: new AppError('not_found', `Reservation group ${groupId} is no longer on the server.`) });
        } else {
          setLoaded({ kind: 'ready', draft: { rows: rows.map((r, i) => toPending(r, i + 1)), edit: { groupId, name: rows[0].group } } });
        }
      },
      (e: unknown) => live && setLoaded({ kind: 'failed', error: toAppError(e) }),
    );
    return () => {
      live = false;
    };
  }, [valid, loading, groupId, name]);

  if (!valid) return <Navigate to={reservationsRoute()} replace />;
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
          <Button variant="outlined" startIcon={<ArrowBack />} onClick={() => navigate(reservationsRoute())} sx={{ mt: 2 }}>
            Back to list
          </Button>
        </Box>
      )}
    </>
  );
}
