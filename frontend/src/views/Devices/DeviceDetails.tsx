import Alert from '@mui/material/Alert';
import ArrowBack from '@mui/icons-material/ArrowBack';
import DeleteOutlined from '@mui/icons-material/DeleteOutlined';
import Refresh from '@mui/icons-material/Refresh';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router';
import { AppError, apperr, devicesApi, toAppError, type ConsumedFeature, type DeviceDetail } from '../../api';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { backSearch, DataTable, ExpiryText, yesNo, type BackState, type Column } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { HelpTip } from '../../components/HelpTip';
import { InfoList } from '../../components/InfoList';
import { Section } from '../../components/Section';
import { routes } from '../../nav/routes';
import { deviceTypeLabel, type DeletedState } from './links';

type Loadable = { kind: 'loading' } | { kind: 'ready'; value: DeviceDetail; loads: number } | { kind: 'failed'; error: AppError };

const consumedColumns: Column<ConsumedFeature>[] = [
  { key: 'feature', label: 'Feature', render: (f) => f.feature, sortable: true, sortValue: (f) => f.feature.toLowerCase() },
  { key: 'version', label: 'Version', render: (f) => f.version, sortable: true, sortValue: (f) => f.version },
  { key: 'count', label: 'Count', align: 'right', render: (f) => f.count, sortable: true, sortValue: (f) => f.count },
  { key: 'expiry', label: 'Expiry', render: (f) => <ExpiryText expiry={f.expiry} expiringSoon={false} />, sortable: true, sortValue: (f) => f.expiry },
];

const DEVICE_EXPIRY_HELP =
  'When all features currently checked out on the device expire: the borrow expiration of checked-out concurrent features, or the final expiration date set in the back office for checked-out metered features.';

/** The guide's Device Details page: the device, the features it holds, and deleting its record. */
export function DeviceDetails() {
  const { id } = useParams();
  const location = useLocation();
  const navigate = useNavigate();
  const deviceId = Number(id);
  const [detail, setDetail] = useState<Loadable>({ kind: 'loading' });
  const [confirming, setConfirming] = useState(false);
  const [actionError, setActionError] = useState<AppError | null>(null);
  const loads = useRef(0);

  const load = useCallback(() => {
    if (!Number.isInteger(deviceId) || deviceId < 0) {
      setDetail({ kind: 'failed', error: new AppError(apperr.Code.NOT_FOUND, `There is no device ${id ?? ''}.`) });
      return;
    }
    const mine = ++loads.current;
    setDetail({ kind: 'loading' });
    devicesApi.get(deviceId).then(
      (value) => mine === loads.current && setDetail({ kind: 'ready', value, loads: mine }),
      (e: unknown) => mine === loads.current && setDetail({ kind: 'failed', error: toAppError(e) }),
    );
  }, [id, deviceId]);

  useEffect(() => {
    load();
    return () => {
      loads.current++;
    };
  }, [load]);

  const listSearch = backSearch(location.state) ?? '';
  const back = () => navigate({ pathname: routes.devices, search: listSearch });

  const device = detail.kind === 'ready' ? detail.value : null;
  const consumed = device?.consumed;

  // The dialog closes whatever happens: a refusal is shown on the page,
  // where an access_denied names the role the user lacks.
  const deleteDevice = async () => {
    if (!device) return;
    setActionError(null);
    try {
      await devicesApi.delete(device.id);
      const state: DeletedState & BackState = { deleted: device.deviceId, back: listSearch };
      navigate({ pathname: routes.devices, search: listSearch }, { state });
    } catch (e) {
      setActionError(toAppError(e));
    }
  };

  return (
    <>
      <Box sx={{ display: 'flex', alignItems: 'flex-start', gap: 2, mb: 3 }}>
        <Typography variant="h1" sx={{ flex: 1, minWidth: 0, overflowWrap: 'anywhere' }}>
          Device Details{device && `: ${device.deviceId}`}
        </Typography>
        <Stack direction="row" spacing={1}>
          <Button variant="outlined" startIcon={<Refresh />} onClick={load} disabled={detail.kind === 'loading'}>
            Refresh
          </Button>
          <Button variant="contained" startIcon={<ArrowBack />} onClick={back}>
            Back
          </Button>
        </Stack>
      </Box>

      {detail.kind === 'failed' && <ErrorAlert error={detail.error} sx={{ mb: 3 }} />}
      {actionError && <ErrorAlert error={actionError} onClose={() => setActionError(null)} sx={{ mb: 3 }} />}

      {detail.kind !== 'failed' && (
        <Stack spacing={2.5}>
          <Section
            title="Device Details"
            action={
              device && (
                <Button color="error" variant="outlined" startIcon={<DeleteOutlined />} onClick={() => setConfirming(true)}>
                  Delete device record
                </Button>
              )
            }
          >
            {device ? (
              <InfoList
                rows={[
                  { label: 'Device ID', value: device.deviceId },
                  { label: 'ID Type', value: device.idType },
                  { label: 'Device Type', value: deviceTypeLabel(device.deviceType) },
                  { label: 'Alias', value: device.alias || '—' },
                  { label: 'Status', value: device.status },
                  { label: 'Host Type', value: device.hostType },
                  { label: 'Server Host ID', value: device.serverHostId },
                  { label: 'Correlation ID', value: device.correlationId || '—' },
                  { label: 'Trusted', value: yesNo(device.trusted) },
                  { label: 'Request Operation', value: device.requestOperation || '—' },
                  { label: 'Last Updated', value: device.updated },
                  {
                    label: 'Device Expiry',
                    value: (
                      <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5 }}>
                        <ExpiryText expiry={device.deviceExpiry} expiringSoon={false} />
                        <HelpTip topic="Device Expiry" text={DEVICE_EXPIRY_HELP} />
                      </Box>
                    ),
                  },
                ]}
              />
            ) : (
              <Stack spacing={1.25} aria-label="Loading the device">
                {Array.from({ length: 8 }, (_, i) => (
                  <Skeleton key={i} variant="text" width={i % 2 ? '45%' : '60%'} />
                ))}
              </Stack>
            )}
          </Section>

          <Section title="Consumed Features">
            <Typography variant="body2" sx={{ color: 'text.secondary', mt: -1, mb: 2 }}>
              The features currently served to this device. Expiry is the final expiration date set in the back office.
            </Typography>
            {detail.kind === 'ready' && detail.value.consumedNote ? (
              <Alert severity="info">{detail.value.consumedNote}</Alert>
            ) : detail.kind === 'ready' && consumed ? (
              <DataTable
                // A reload brings a new list, which a fresh table pages from its start.
                key={detail.loads}
                id="device-consumed-features"
                label="Consumed features"
                columns={consumedColumns}
                rowKey={(f) => `${f.feature}\u0000${f.version}\u0000${f.expiry}`}
                rowLabel={(f) => `${f.feature} ${f.version}`}
                rows={consumed}
                emptyText={() => 'The device holds no features.'}
              />
            ) : (
              <Skeleton variant="rounded" height={120} />
            )}
          </Section>
        </Stack>
      )}

      {confirming && device && (
        <ConfirmDialog
          title="Delete device record"
          message={`Delete the record of device ${device.deviceId}${device.alias ? ` (${device.alias})` : ''} from the license server?`}
          confirmLabel="Delete"
          destructive
          onConfirm={deleteDevice}
          onClose={() => setConfirming(false)}
        />
      )}
    </>
  );
}
