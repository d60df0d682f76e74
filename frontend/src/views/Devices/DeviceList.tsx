import Alert from '@mui/material/Alert';
import { useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { devicesApi, type Device } from '../../api';
import { DataTable, ExpiryText, RowLink, useUrlTableState, type BackState, type Column } from '../../components/DataTable';
import { PageHeader } from '../../components/PageHeader';
import { deletedDevice, deviceDetailsPath, deviceTypeLabel } from './links';

function DeviceLink({ device }: { device: Device }) {
  const { search } = useLocation();
  const state: BackState = { back: search };
  return (
    <RowLink to={deviceDetailsPath(device.id)} state={state}>
      {device.deviceId}
    </RowLink>
  );
}

const columns: Column<Device>[] = [
  { key: 'deviceId', label: 'Device ID', sortable: true, render: (d) => <DeviceLink device={d} /> },
  { key: 'idType', label: 'ID Type', sortable: true, render: (d) => d.idType },
  { key: 'deviceType', label: 'Device Type', sortable: true, render: (d) => deviceTypeLabel(d.deviceType) },
  { key: 'alias', label: 'Alias', sortable: true, render: (d) => d.alias },
  { key: 'status', label: 'Status', sortable: true, render: (d) => d.status },
  // A device's expiry is its borrow expiration, renewed all the time and
  // nearly always within 30 days, so it is not flagged like a feature's.
  { key: 'expiry', label: 'Expiry', sortable: true, render: (d) => <ExpiryText expiry={d.expiry} expiringSoon={false} /> },
];

/** The client devices the license server has served. */
export function DeviceList() {
  const [state, setState] = useUrlTableState();
  const navigate = useNavigate();
  const location = useLocation();
  const [deleted, setDeleted] = useState(() => deletedDevice(location.state));

  return (
    <>
      <PageHeader
        navId="devices"
        description="The client devices the license server has served from its shared pool or from their reservations. Open a device to see the features it holds."
      />
      {deleted && (
        <Alert severity="success" onClose={() => setDeleted('')} sx={{ mb: 2 }}>
          The record of device {deleted} was deleted.
        </Alert>
      )}
      <DataTable<Device>
        id="devices"
        label="Devices"
        columns={columns}
        rowKey={(d) => d.id}
        rowLabel={(d) => d.deviceId}
        fetchPage={devicesApi.list}
        state={state}
        onStateChange={setState}
        search={{ label: 'Search by device ID or alias', help: 'Part of a device ID or alias, then press Enter or the magnifying glass.' }}
        emptyText={(search) => (search ? `No device ID or alias contains "${search}".` : 'No records')}
        onExport={devicesApi.export}
        onRowOpen={(d) => navigate(deviceDetailsPath(d.id), { state: { back: location.search } satisfies BackState })}
      />
    </>
  );
}
