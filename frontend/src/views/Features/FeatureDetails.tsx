import Alert from '@mui/material/Alert';
import ArrowBack from '@mui/icons-material/ArrowBack';
import Refresh from '@mui/icons-material/Refresh';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router';
import { AppError, apperr, featuresApi, toAppError, type FeatureDetail, type ServedDevice } from '../../api';
import { backSearch, countText, DataTable, ExpiryText, type Column } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { InfoList } from '../../components/InfoList';
import { Section } from '../../components/Section';
import { routes } from '../../nav/routes';

type Loadable = { kind: 'loading' } | { kind: 'ready'; value: FeatureDetail; loads: number } | { kind: 'failed'; error: AppError };

const servedColumns: Column<ServedDevice>[] = [
  { key: 'deviceId', label: 'Device ID', render: (d) => d.deviceId, sortable: true, sortValue: (d) => d.deviceId.toLowerCase() },
  { key: 'idType', label: 'Device ID Type', render: (d) => d.idType, sortable: true, sortValue: (d) => d.idType },
  { key: 'deviceType', label: 'Device Type', render: (d) => d.deviceType, sortable: true, sortValue: (d) => d.deviceType },
  { key: 'alias', label: 'Device Alias', render: (d) => d.alias, sortable: true, sortValue: (d) => d.alias.toLowerCase() },
  { key: 'served', label: 'Total Count Served', align: 'right', render: (d) => d.served, sortable: true, sortValue: (d) => d.served },
  { key: 'expiry', label: 'Expiry', render: (d) => <ExpiryText expiry={d.expiry} expiringSoon={false} />, sortable: true, sortValue: (d) => d.expiry },
];

/** The guide's Feature Details page: one record and the devices it currently serves. */
export function FeatureDetails() {
  const { id } = useParams();
  const location = useLocation();
  const navigate = useNavigate();
  const recordId = Number(id);
  const [detail, setDetail] = useState<Loadable>({ kind: 'loading' });
  const loads = useRef(0);

  const load = useCallback(() => {
    if (!Number.isInteger(recordId) || recordId < 0) {
      setDetail({ kind: 'failed', error: new AppError(apperr.Code.NOT_FOUND, `There is no feature record ${id ?? ''}.`) });
      return;
    }
    const mine = ++loads.current;
    setDetail({ kind: 'loading' });
    featuresApi.feature(recordId).then(
      (value) => mine === loads.current && setDetail({ kind: 'ready', value, loads: mine }),
      (e: unknown) => mine === loads.current && setDetail({ kind: 'failed', error: toAppError(e) }),
    );
  }, [id, recordId]);

  useEffect(() => {
    load();
    return () => {
      loads.current++;
    };
  }, [load]);

  const back = () => navigate({ pathname: routes.features, search: backSearch(location.state) ?? '?tab=details' });
  const name = detail.kind === 'ready' ? detail.value.feature : '';
  const served = detail.kind === 'ready' ? detail.value.servedDevices : null;

  return (
    <>
      <Box sx={{ display: 'flex', alignItems: 'flex-start', gap: 2, mb: 3 }}>
        <Typography variant="h1" sx={{ flex: 1, minWidth: 0, overflowWrap: 'anywhere' }}>
          Feature Details{name && `: ${name}`}
        </Typography>
        <Stack direction="row" spacing={1}>
          <Button variant="outlined" startIcon={<Refresh />} onClick={load} disabled={detail.kind === 'loading'}>
            Refresh
          </Button>
          <Button variant="contained" startIcon={<ArrowBack />} onClick={back}>
            Back to list
          </Button>
        </Stack>
      </Box>

      {detail.kind === 'failed' && <ErrorAlert error={detail.error} sx={{ mb: 3 }} />}

      {detail.kind !== 'failed' && (
        <Stack spacing={2.5}>
          <Section title="Feature">
            {detail.kind === 'ready' ? (
              <InfoList
                rows={[
                  { label: 'Feature Name', value: detail.value.feature },
                  { label: 'Version', value: detail.value.version },
                  { label: 'Start Date', value: detail.value.startDate },
                  { label: 'Total Count', value: countText(detail.value.totalCount, detail.value.uncounted) },
                  { label: 'Available', value: countText(detail.value.available, detail.value.uncounted) },
                  { label: 'Used Count', value: detail.value.used },
                  { label: 'Reserved Count', value: detail.value.reserved },
                  { label: 'Vendor String', value: detail.value.vendorString },
                  {
                    label: 'Feature Expiry',
                    value: <ExpiryText expiry={detail.value.expiry} permanent={detail.value.permanent} expiringSoon={detail.value.expiringSoon} />,
                  },
                ]}
              />
            ) : (
              <Stack spacing={1.25} aria-label="Loading the feature">
                {Array.from({ length: 9 }, (_, i) => (
                  <Skeleton key={i} variant="text" width={i % 2 ? '45%' : '60%'} />
                ))}
              </Stack>
            )}
          </Section>

          <Section title="Served Device">
            <Typography variant="body2" sx={{ color: 'text.secondary', mt: -1, mb: 2 }}>
              The client devices that currently have count of this feature checked out.
            </Typography>
            {detail.kind === 'ready' && detail.value.servedNote ? (
              <Alert severity="info">{detail.value.servedNote}</Alert>
            ) : detail.kind === 'ready' && served ? (
              <DataTable
                // A reload brings a new list, which a fresh table pages from its start.
                key={detail.loads}
                id="feature-served-devices"
                label="Served devices"
                columns={servedColumns}
                rowKey={(d) => `${d.idType}\u0000${d.deviceId}`}
                rowLabel={(d) => d.deviceId}
                rows={served}
                emptyText={() => 'No device has this feature checked out.'}
              />
            ) : (
              <Skeleton variant="rounded" height={120} />
            )}
          </Section>
        </Stack>
      )}
    </>
  );
}
