import Add from '@mui/icons-material/Add';
import DeleteOutlined from '@mui/icons-material/DeleteOutlined';
import Edit from '@mui/icons-material/Edit';
import FileDownload from '@mui/icons-material/FileDownload';
import FileUpload from '@mui/icons-material/FileUpload';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useCallback, useMemo, useState, type ReactElement } from 'react';
import { Link as RouterLink, useLocation, useNavigate } from 'react-router';
import {
  recover,
  reservationsApi,
  stoppedError,
  toAppError,
  type AppError,
  type ReservationDeleteReport,
  type ReservationGroupRef,
  type ReservationImportPreview,
  type ReservationRow,
  type ReservationsPage,
} from '../../api';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { DataTable, useUrlTableState, type Column, type RowKey, type RowSelection } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { OperationProgress, useLongOperation } from '../../components/OperationProgress';
import { PageHeader } from '../../components/PageHeader';
import { routes } from '../../nav/routes';
import { GroupResults } from './GroupResults';
import { ImportDialog } from './ImportDialog';
import { addReservationPath, doneMessage, editGroupPath } from './links';
import { PendingDeletions } from './PendingDeletions';
import { StatusIcon } from './StatusIcon';

const columns: Column<ReservationRow>[] = [
  { key: 'status', label: 'Status', sortable: true, render: (r) => <StatusIcon row={r} /> },
  { key: 'deviceId', label: 'Device ID', sortable: true, render: (r) => r.deviceId },
  { key: 'idType', label: 'ID Type', sortable: true, render: (r) => r.idType },
  { key: 'group', label: 'Reservation Group', sortable: true, render: (r) => r.group },
  { key: 'feature', label: 'Feature Name', sortable: true, render: (r) => r.feature },
  { key: 'version', label: 'Version', sortable: true, render: (r) => r.version },
  { key: 'count', label: 'Count', sortable: true, align: 'right', render: (r) => r.count.toLocaleString() },
];

const rowKey = (r: ReservationRow): RowKey => `${r.groupId}:${r.entryId}`;
const rowLabel = (r: ReservationRow) => `${r.feature} ${r.version} for ${r.deviceId} in group ${r.group}`;
const groupCount = (n: number) => (n === 1 ? '1 group' : `${n} groups`);

interface Notice {
  severity: 'success' | 'info';
  text: string;
}

/** A toolbar button with a reason in its tooltip, which also shows while the button is disabled. */
function ToolbarButton({ tip, children }: { tip: string; children: ReactElement }) {
  return (
    <Tooltip title={tip}>
      <span>{children}</span>
    </Tooltip>
  );
}

/**
 * The reservations on the server, one row per entry. Ticking a row ticks
 * its whole group, since groups are what Delete, Export and Edit act on.
 */
export function ReservationList() {
  const [tableState, setTableState] = useUrlTableState();
  const navigate = useNavigate();
  const location = useLocation();

  const [pageRows, setPageRows] = useState<ReservationRow[]>([]);
  const [groups, setGroups] = useState<ReservationGroupRef[]>([]);
  const [model, setModel] = useState<{ active: boolean; message: string }>({ active: false, message: '' });
  const [ticked, setTicked] = useState<ReadonlySet<number>>(new Set());
  const [pendingDeletions, setPendingDeletions] = useState<ReservationGroupRef[]>([]);
  // The table fetches from the server again when it is mounted anew.
  const [tableKey, setTableKey] = useState(0);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const [deleteReport, setDeleteReport] = useState<ReservationDeleteReport | null>(null);
  const [preview, setPreview] = useState<ReservationImportPreview | null>(null);
  const [busy, setBusy] = useState(false);
  const deleting = useLongOperation('delete');
  const [failure, setFailure] = useState<AppError | null>(null);
  const [notice, setNotice] = useState<Notice | null>(() => {
    const done = doneMessage(location.state);
    return done ? { severity: 'success', text: done } : null;
  });

  const onPageLoaded = useCallback((page: ReservationsPage) => {
    setPageRows(page.rows);
    setGroups(page.groups);
    setModel({ active: page.modelActive, message: page.modelMessage });
    // Groups deleted elsewhere can be neither ticked nor deleted.
    const onServer = new Set(page.groups.map((g) => g.id));
    setTicked((prev) => new Set([...prev].filter((id) => onServer.has(id))));
    setPendingDeletions((prev) => prev.filter((g) => onServer.has(g.id)));
  }, []);

  const selection = useMemo<RowSelection>(
    () => ({
      selected: new Set(pageRows.filter((r) => ticked.has(r.groupId)).map(rowKey)),
      onChange: (next) => {
        // The table reports row keys; a group is ticked when any of its rows
        // was just ticked and unticked when any of its rows was unticked.
        const rowsByGroup = new Map<number, ReservationRow[]>();
        for (const r of pageRows) rowsByGroup.set(r.groupId, [...(rowsByGroup.get(r.groupId) ?? []), r]);
        const out = new Set(ticked);
        for (const [id, rows] of rowsByGroup) {
          const on = rows.filter((r) => next.has(rowKey(r))).length;
          if (ticked.has(id) && on < rows.length) out.delete(id);
          else if (!ticked.has(id) && on > 0) out.add(id);
        }
        setTicked(out);
      },
    }),
    [pageRows, ticked],
  );

  const tickedGroups = groups.filter((g) => ticked.has(g.id));
  const pendingIds = new Set(pendingDeletions.map((g) => g.id));

  const refresh = () => setTableKey((k) => k + 1);

  const moveToPendingDeletions = () => {
    setPendingDeletions((prev) => [...prev, ...tickedGroups.filter((g) => !pendingIds.has(g.id))]);
    setTicked(new Set());
    setDeleteReport(null);
  };

  // Each group goes on its own; a batch the session ended midway shows its
  // report, asks for the login, then deletes only the groups still pending.
  const deletePending = async () => {
    setFailure(null);
    let ids = pendingDeletions.map((g) => g.id);
    try {
      for (;;) {
        const sent = ids;
        const report = await deleting.run((op) => reservationsApi.delete(sent, op));
        const deleted = new Set(report.results.filter((r) => r.ok).map((r) => r.id));
        setDeleteReport(report);
        setPendingDeletions((prev) => prev.filter((g) => !deleted.has(g.id)));
        if (deleted.size > 0) refresh();
        if (!report.stopped || !(await recover(stoppedError(report.stopped)))) break;
        ids = report.results.filter((r) => r.notSent).map((r) => r.id);
      }
    } catch (e) {
      // Shown beside the list rather than in the dialog, where a missing role would be hard to act on.
      setFailure(toAppError(e));
    }
  };

  const exportGroups = async () => {
    setBusy(true);
    setFailure(null);
    setNotice(null);
    try {
      const path = await reservationsApi.export(tickedGroups.map((g) => g.id));
      if (path) {
        const what = tickedGroups.length > 0 ? groupCount(tickedGroups.length) : 'All groups';
        setNotice({ severity: 'success', text: `${what} exported to ${path}` });
      }
    } catch (e) {
      setFailure(toAppError(e));
    } finally {
      setBusy(false);
    }
  };

  const startImport = async () => {
    setBusy(true);
    setFailure(null);
    setNotice(null);
    try {
      const read = await reservationsApi.previewImport();
      if (!read.cancelled) setPreview(read);
    } catch (e) {
      setFailure(toAppError(e));
    } finally {
      setBusy(false);
    }
  };

  const editTicked = () => {
    const [group] = tickedGroups;
    navigate(editGroupPath(group.id));
  };

  const addBlocked = model.active ? 'Reservations cannot be added while a model definition is active' : '';
  const tickFirst = 'Tick rows to choose their groups';

  const actions = (
    <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap' }}>
      <ToolbarButton tip={addBlocked || 'Import reservation groups from a JSON file'}>
        <Button variant="outlined" startIcon={<FileUpload />} onClick={startImport} disabled={busy || model.active}>
          Import
        </Button>
      </ToolbarButton>
      <ToolbarButton tip={tickedGroups.length > 0 ? `Export the ${groupCount(tickedGroups.length)} ticked as JSON` : 'Export all groups as JSON'}>
        <Button variant="outlined" startIcon={<FileDownload />} onClick={exportGroups} disabled={busy}>
          Export
        </Button>
      </ToolbarButton>
      <ToolbarButton tip={tickedGroups.length > 0 ? 'Move the ticked groups to the pending deletions' : tickFirst}>
        <Button variant="outlined" color="error" startIcon={<DeleteOutlined />} onClick={moveToPendingDeletions} disabled={tickedGroups.length === 0}>
          Delete
        </Button>
      </ToolbarButton>
      <ToolbarButton tip={addBlocked || (tickedGroups.length === 1 ? `Edit ${tickedGroups[0].name}` : 'Tick the rows of one group to edit it')}>
        <Button variant="outlined" startIcon={<Edit />} onClick={editTicked} disabled={model.active || tickedGroups.length !== 1}>
          Edit Group
        </Button>
      </ToolbarButton>
      <ToolbarButton tip={addBlocked || 'Add reservations in a new group'}>
        <Button variant="contained" startIcon={<Add />} onClick={() => navigate(addReservationPath)} disabled={model.active}>
          Add
        </Button>
      </ToolbarButton>
    </Stack>
  );

  return (
    <>
      <PageHeader
        navId="reservations"
        description="Licenses reserved for client devices and users, by reservation group. A green circle means the server’s licenses satisfy the reservation; a red one gives the reason they do not."
      />
      <Stack spacing={2} sx={{ mb: 2, '&:empty': { display: 'none' } }}>
        {model.active && (
          <Alert severity="info">
            {model.message}{' '}
            <Link component={RouterLink} to={routes.pools}>
              Open Named License Pools
            </Link>
          </Alert>
        )}
        {notice && (
          <Alert severity={notice.severity} onClose={() => setNotice(null)} sx={{ overflowWrap: 'anywhere' }}>
            {notice.text}
          </Alert>
        )}
        {failure && <ErrorAlert error={failure} onClose={() => setFailure(null)} />}
        <OperationProgress operation={deleting} label="Deleting reservation groups" />
        {deleteReport && <GroupResults results={deleteReport.results} done="deleted" onClose={() => setDeleteReport(null)} />}
      </Stack>
      {pendingDeletions.length > 0 && (
        <PendingDeletions
          groups={pendingDeletions}
          onRemove={(id) => setPendingDeletions((prev) => prev.filter((g) => g.id !== id))}
          onSubmit={() => setConfirmingDelete(true)}
          disabled={confirmingDelete}
        />
      )}
      {tickedGroups.length > 0 && (
        <Typography variant="body2" role="status" sx={{ mb: 1, color: 'text.secondary', overflowWrap: 'anywhere' }}>
          Ticked: {tickedGroups.map((g) => g.name).join(', ')}
        </Typography>
      )}
      <DataTable<ReservationRow, ReservationsPage>
        key={tableKey}
        id="reservations"
        label="Reservations"
        columns={columns}
        rowKey={rowKey}
        rowLabel={rowLabel}
        fetchPage={reservationsApi.list}
        onPageLoaded={onPageLoaded}
        state={tableState}
        onStateChange={setTableState}
        search={{ label: 'Search by device ID, group or feature', help: 'Part of a device ID, group or feature name, then press Enter.' }}
        emptyText={(search) => (search ? `No device ID, group or feature contains "${search}".` : 'No reservations')}
        onExport={reservationsApi.exportCsv}
        selection={selection}
        actions={actions}
      />
      {confirmingDelete && (
        <ConfirmDialog
          title="Delete reservation groups"
          message={`Delete ${groupCount(pendingDeletions.length)} and all their reservations from the license server: ${pendingDeletions.map((g) => g.name).join(', ')}?`}
          confirmLabel="Delete"
          destructive
          onConfirm={deletePending}
          onClose={() => setConfirmingDelete(false)}
        />
      )}
      {preview && (
        <ImportDialog
          preview={preview}
          onClose={(changed) => {
            setPreview(null);
            if (changed) refresh();
          }}
        />
      )}
    </>
  );
}
