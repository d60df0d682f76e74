import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import Typography from '@mui/material/Typography';
import { useCallback, useMemo, useState } from 'react';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import { featuresApi, operations, type FeatureDetailsPage, type FeatureRecord, type FeatureSummary, type FeatureSummaryPage } from '../../api';
import {
  CommaList,
  countText,
  DataTable,
  ExpiryText,
  isPermanent,
  RowLink,
  SegmentedId,
  useUrlTableState,
  yesNo,
  type BackState,
  type Column,
} from '../../components/DataTable';
import { PageHeader } from '../../components/PageHeader';
import { routes } from '../../nav/routes';
import { featureDetailsPath, recordsOfFeature, type FeaturesTab } from './links';

const searchBox = {
  label: 'Search by feature name',
  help: 'Enter the exact and complete feature name, then press Enter or the magnifying glass.',
};

const noFeature = (search: string) => (search ? `No feature is named "${search}".` : 'No records');

/** A Summary row groups the records of one name, so its link shows them on the Details tab. */
function RecordsLink({ name }: { name: string }) {
  return (
    <RowLink to={{ pathname: routes.features, search: recordsOfFeature(name) }} title={`Show the records of ${name}`}>
      {name}
    </RowLink>
  );
}

function FeatureLink({ record }: { record: FeatureRecord }) {
  const { search } = useLocation();
  const state: BackState = { back: search };
  return (
    <RowLink to={featureDetailsPath(record.id)} state={state}>
      {record.feature}
    </RowLink>
  );
}

const summaryColumns: Column<FeatureSummary>[] = [
  { key: 'feature', label: 'Feature', sortable: true, render: (r) => <RecordsLink name={r.name} /> },
  { key: 'version', label: 'Version', sortable: true, render: (r) => r.version },
  { key: 'totalCount', label: 'Total Count', sortable: true, align: 'right', render: (r) => countText(r.totalCount, !r.counted) },
  { key: 'totalUsed', label: 'Total Used', sortable: true, align: 'right', render: (r) => r.totalUsed },
  {
    key: 'totalAvailable',
    label: 'Total Available',
    sortable: true,
    align: 'right',
    render: (r) => countText(r.totalAvailable, !r.counted),
  },
  {
    key: 'firstExpiration',
    label: 'First Expiration',
    sortable: true,
    render: (r) => <ExpiryText expiry={r.firstExpiration} expiringSoon={r.expiringSoon} />,
  },
  { key: 'lastExpiration', label: 'Last Expiration', sortable: true, render: (r) => <ExpiryText expiry={r.lastExpiration} expiringSoon={false} /> },
  { key: 'totalOverdraft', label: 'Total Overdraft', sortable: true, align: 'right', render: (r) => r.totalOverdraft },
  { key: 'metered', label: 'Metered', render: (r) => yesNo(r.metered) },
  { key: 'counted', label: 'Counted', render: (r) => yesNo(r.counted) },
];

function detailsColumns(productInfo: boolean): Column<FeatureRecord>[] {
  // Servers before 2024.10 send no product fields; blank says "unknown", not "none".
  const product = (value: string) => (productInfo ? value : '');
  return [
    { key: 'feature', label: 'Feature', sortable: true, render: (r) => <FeatureLink record={r} /> },
    { key: 'version', label: 'Version', sortable: true, render: (r) => r.version },
    { key: 'count', label: 'Count', sortable: true, align: 'right', render: (r) => countText(r.count, r.uncounted) },
    { key: 'available', label: 'Available', sortable: true, align: 'right', render: (r) => countText(r.available, r.uncounted) },
    {
      key: 'expiry',
      label: 'Expiry',
      sortable: true,
      render: (r) => <ExpiryText expiry={r.expiry} permanent={r.permanent} expiringSoon={r.expiringSoon} />,
    },
    { key: 'startDate', label: 'Start Date', sortable: true, render: (r) => r.startDate },
    { key: 'vendorString', label: 'Vendor String', sortable: true, render: (r) => <CommaList text={r.vendorString} />, wrap: 'anywhere' },
    { key: 'productName', label: 'Product Name', sortable: true, render: (r) => product(r.productName), wrap: 'words' },
    { key: 'activationId', label: 'Activation ID', sortable: true, render: (r) => <SegmentedId text={product(r.activationId)} />, wrap: 'words' },
    { key: 'entitlementId', label: 'Entitlement ID', sortable: true, render: (r) => <SegmentedId text={product(r.entitlementId)} />, wrap: 'words' },
    { key: 'productVersion', label: 'Product Version', sortable: true, render: (r) => product(r.productVersion) },
  ];
}

const summaryHighlight = (r: FeatureSummary) => (r.expiringSoon && !isPermanent(r.firstExpiration) ? 'warning' : undefined);
const recordHighlight = (r: FeatureRecord) => (r.expiringSoon && !r.permanent && !isPermanent(r.expiry) ? 'warning' : undefined);

function SummaryTab() {
  const [state, setState] = useUrlTableState();
  const navigate = useNavigate();
  const [source, setSource] = useState<FeatureSummaryPage['source']>(operations.SummarySource.SERVER);

  return (
    <>
      <DataTable<FeatureSummary, FeatureSummaryPage>
        id="features-summary"
        label="Feature summary"
        columns={summaryColumns}
        rowKey={(r) => `${r.name}\u0000${r.version}`}
        rowLabel={(r) => `${r.name} ${r.version}`}
        fetchPage={featuresApi.summary}
        onPageLoaded={(p) => setSource(p.source)}
        state={state}
        onStateChange={setState}
        search={searchBox}
        emptyText={noFeature}
        onExport={featuresApi.exportSummary}
        onRowOpen={(r) => navigate({ pathname: routes.features, search: recordsOfFeature(r.name) })}
        rowHighlight={summaryHighlight}
      />
      {source === 'computed' && (
        <Typography variant="caption" component="p" sx={{ color: 'text.secondary', mt: 1 }}>
          This server does not sum up its features, so the app added up the feature records.
        </Typography>
      )}
    </>
  );
}

function DetailsTab() {
  const [state, setState] = useUrlTableState();
  const navigate = useNavigate();
  const { search } = useLocation();
  const [server, setServer] = useState({ productInfo: true, version: '' });
  const columns = useMemo(() => detailsColumns(server.productInfo), [server.productInfo]);
  const loaded = useCallback((p: FeatureDetailsPage) => setServer({ productInfo: p.productInfo, version: p.serverVersion }), []);

  return (
    <>
      {!server.productInfo && (
        <Alert severity="info" sx={{ mb: 2 }}>
          Product Name, Product Version, Activation ID and Entitlement ID need license server 2024.10 or later (this server:{' '}
          {server.version || 'unknown'}).
        </Alert>
      )}
      <DataTable<FeatureRecord, FeatureDetailsPage>
        id="features-details"
        label="Feature records"
        columns={columns}
        rowKey={(r) => r.id}
        rowLabel={(r) => `${r.feature} ${r.version}`}
        fetchPage={featuresApi.details}
        onPageLoaded={loaded}
        state={state}
        onStateChange={setState}
        search={searchBox}
        emptyText={noFeature}
        onExport={featuresApi.exportDetails}
        onRowOpen={(r) => navigate(featureDetailsPath(r.id), { state: { back: search } satisfies BackState })}
        rowHighlight={recordHighlight}
      />
    </>
  );
}

/** The Summary and Details tabs; the tab, page, sort and search live in the URL. */
export function FeatureList() {
  const [params, setParams] = useSearchParams();
  const tab: FeaturesTab = params.get('tab') === 'details' ? 'details' : 'summary';

  return (
    <>
      <PageHeader
        navId="features"
        description="The features on the license server: the Summary tab adds up the records of each feature, the Details tab lists every record."
      />
      <Tabs
        value={tab}
        onChange={(_, next: FeaturesTab) => setParams(next === 'details' ? { tab: 'details' } : {})}
        aria-label="Features view"
        sx={{ mb: 2, borderBottom: 1, borderColor: 'divider' }}
      >
        <Tab label="Summary" value="summary" id="features-tab-summary" aria-controls="features-tabpanel" />
        <Tab label="Details" value="details" id="features-tab-details" aria-controls="features-tabpanel" />
      </Tabs>
      <Box role="tabpanel" id="features-tabpanel" aria-labelledby={`features-tab-${tab}`}>
        {tab === 'summary' ? <SummaryTab key="summary" /> : <DetailsTab key="details" />}
      </Box>
    </>
  );
}
