import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes, useLocation } from 'react-router';
import {
  apperr,
  AppError,
  featuresApi,
  operations,
  settingsApi,
  type FeatureDetail,
  type FeatureDetailsPage,
  type FeatureRecord,
  type FeatureSummary,
  type FeatureSummaryPage,
  type ListQuery,
} from '../../api';
import { connectionInfo, settingsView } from '../../test/fixtures';
import { renderWithSettings } from '../../test/render';
import { navItems } from '../../nav/items';
import { navSections } from '../../nav/model';
import { Features } from './Features';

vi.mock('../../api/settings');
vi.mock('../../api/features');

// Pages of MUI tables render slowly in jsdom; a busy machine needs more than the 1 s default.
configure({ asyncUtilTimeout: 5000 });

function summary(overrides: Partial<FeatureSummary> = {}): FeatureSummary {
  return {
    name: 'f-gatting-1',
    version: '1.0',
    records: 1,
    totalCount: 1000,
    totalUsed: 1000,
    totalAvailable: 0,
    firstExpiration: 'permanent',
    lastExpiration: 'permanent',
    totalOverdraft: 0,
    metered: false,
    counted: true,
    expiringSoon: false,
    ...overrides,
  };
}

function record(overrides: Partial<FeatureRecord> = {}): FeatureRecord {
  return {
    id: 1,
    feature: '3D_Rendering',
    version: '3.2',
    count: 10,
    used: 2,
    available: 8,
    uncounted: false,
    expiry: '2027-03-31',
    permanent: false,
    expiringSoon: false,
    startDate: '2025-03-10',
    vendorString: 'region:EMEA,group:Eng',
    productName: 'Studio Suite',
    activationId: 'ACT-1',
    entitlementId: 'ENT-1',
    productVersion: '2025.1',
    metered: false,
    ...overrides,
  };
}

const summaryPage = (rows: FeatureSummary[], more: Partial<FeatureSummaryPage> = {}): FeatureSummaryPage => ({
  rows,
  total: rows.length,
  page: 1,
  pages: 1,
  loadedAt: '2026-01-01T10:00:00Z',
  source: operations.SummarySource.SERVER,
  ...more,
});

const detailsPage = (rows: FeatureRecord[], more: Partial<FeatureDetailsPage> = {}): FeatureDetailsPage => ({
  rows,
  total: rows.length,
  page: 1,
  pages: 1,
  loadedAt: '2026-01-01T10:00:00Z',
  productInfo: true,
  serverVersion: '2025.10.0',
  ...more,
});

const detail: FeatureDetail = {
  id: 7,
  servedNote: '',
  feature: '3D_Rendering',
  version: '3.2',
  startDate: '2025-03-10',
  totalCount: 10,
  available: 8,
  used: 2,
  reserved: 1,
  uncounted: false,
  vendorString: 'region:EMEA',
  expiry: '2027-03-31',
  permanent: false,
  expiringSoon: false,
  servedDevices: [],
};

const query = (overrides: Partial<ListQuery> = {}): ListQuery => ({ page: 1, pageSize: 50, search: '', sortBy: '', sortDesc: false, ...overrides });

function Where() {
  const { pathname, search } = useLocation();
  return <output data-testid="where">{pathname + search}</output>;
}

function renderFeatures(route = '/features') {
  return renderWithSettings(
    <>
      <Routes>
        <Route path="/features/*" element={<Features />} />
      </Routes>
      <Where />
    </>,
    { route },
  );
}

const headers = () => screen.getAllByRole('columnheader').map((h) => h.textContent);
const rowOf = (text: string) => screen.getByText(text).closest('tr') as HTMLElement;
const where = () => screen.getByTestId('where').textContent;

describe('Features view', { timeout: 20_000 }, () => {
  beforeEach(() => {
    vi.resetAllMocks();
    localStorage.clear();
    vi.mocked(settingsApi.get).mockResolvedValue(settingsView());
    vi.mocked(settingsApi.status).mockResolvedValue(connectionInfo());
    vi.mocked(featuresApi.summary).mockResolvedValue(summaryPage([summary()]));
    vi.mocked(featuresApi.details).mockResolvedValue(detailsPage([record()]));
    vi.mocked(featuresApi.feature).mockResolvedValue(detail);
  });

  it('is a menu group of its own, as in the guide', () => {
    const section = navSections(navItems).find((s) => s.group.id === 'features');
    expect(section?.items.map((i) => [i.label, i.route])).toEqual([['Features', '/features']]);
    expect(section?.showHeader).toBe(false);
  });

  it('opens on the Summary tab with the guide’s columns in the guide’s order, fetched fresh', async () => {
    renderFeatures();
    expect(await screen.findByRole('heading', { name: 'Features', level: 1 })).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Summary' })).toHaveAttribute('aria-selected', 'true');
    await screen.findByText('f-gatting-1');
    expect(headers()).toEqual([
      'Feature',
      'Version',
      'Total Count',
      'Total Used',
      'Total Available',
      'First Expiration',
      'Last Expiration',
      'Total Overdraft',
      'Metered',
      'Counted',
    ]);
    expect(featuresApi.summary).toHaveBeenCalledWith(query(), true, expect.stringMatching(/^list-/));
    expect(screen.getByText('Total number of records: 1')).toBeInTheDocument();
    const cells = within(rowOf('f-gatting-1')).getAllByRole('cell').map((c) => c.textContent);
    expect(cells).toEqual(['f-gatting-1', '1.0', '1000', '1000', '0', 'permanent', 'permanent', '0', 'No', 'Yes']);
  });

  it('shows an uncounted feature as uncounted, never 0, and a permanent one as permanent, never expiring', async () => {
    vi.mocked(featuresApi.summary).mockResolvedValue(
      summaryPage([
        summary({ name: 'Storage_GB', counted: false, totalCount: 0, totalAvailable: 0, totalUsed: 3, metered: true }),
        summary({ name: 'VR_MODE', expiringSoon: true, firstExpiration: 'permanent' }),
      ]),
    );
    renderFeatures();
    await screen.findByText('Storage_GB');
    const storage = within(rowOf('Storage_GB')).getAllByRole('cell').map((c) => c.textContent);
    expect(storage.slice(2, 5)).toEqual(['uncounted', '3', 'uncounted']);
    expect(storage.slice(8)).toEqual(['Yes', 'No']);
    expect(within(rowOf('VR_MODE')).queryByText('Expires soon')).not.toBeInTheDocument();
    expect(rowOf('VR_MODE')).not.toHaveAttribute('data-highlight');
  });

  it('highlights a feature expiring within 30 days', async () => {
    vi.mocked(featuresApi.summary).mockResolvedValue(
      summaryPage([summary({ name: 'Audio_Sync', expiringSoon: true, firstExpiration: '2026-01-15', lastExpiration: '2027-01-01' }), summary()]),
    );
    const user = userEvent.setup();
    renderFeatures();
    await screen.findByText('Audio_Sync');
    expect(rowOf('Audio_Sync')).toHaveAttribute('data-highlight', 'warning');
    expect(rowOf('f-gatting-1')).not.toHaveAttribute('data-highlight');
    const chip = within(rowOf('Audio_Sync')).getByText('Expires soon');
    await user.hover(chip);
    expect(await screen.findByRole('tooltip')).toHaveTextContent('Expires within 30 days');
  });

  it('links a Summary feature to its records on the Details tab', async () => {
    const user = userEvent.setup();
    vi.mocked(featuresApi.summary).mockResolvedValue(summaryPage([summary({ name: '3D_Rendering' })]));
    renderFeatures();
    await user.click(await screen.findByRole('link', { name: '3D_Rendering' }));
    await waitFor(() => expect(screen.getByRole('tab', { name: 'Details' })).toHaveAttribute('aria-selected', 'true'));
    expect(where()).toBe('/features?tab=details&q=3D_Rendering');
    await waitFor(() => expect(featuresApi.details).toHaveBeenCalledWith(query({ search: '3D_Rendering' }), true, expect.stringMatching(/^list-/)));
    expect(screen.getByLabelText('Search by feature name')).toHaveValue('3D_Rendering');
  });

  it('lists every record on the Details tab with the guide’s columns', async () => {
    const user = userEvent.setup();
    vi.mocked(featuresApi.details).mockResolvedValue(
      detailsPage([
        record(),
        record({ id: 2, feature: 'Cloud_Render_Minutes', uncounted: true, count: 0, available: 0, expiry: 'permanent', permanent: true }),
        record({ id: 3, feature: 'Rotation', expiry: '2026-01-20', expiringSoon: true }),
      ]),
    );
    renderFeatures();
    await user.click(await screen.findByRole('tab', { name: 'Details' }));
    await screen.findByText('Cloud_Render_Minutes');
    expect(where()).toBe('/features?tab=details');
    expect(headers()).toEqual([
      'Feature',
      'Version',
      'Count',
      'Available',
      'Expiry',
      'Start Date',
      'Vendor String',
      'Product Name',
      'Activation ID',
      'Entitlement ID',
      'Product Version',
    ]);
    expect(within(rowOf('3D_Rendering')).getAllByRole('cell').map((c) => c.textContent)).toEqual([
      '3D_Rendering',
      '3.2',
      '10',
      '8',
      '2027-03-31',
      '2025-03-10',
      'region:EMEA,group:Eng',
      'Studio Suite',
      'ACT-1',
      'ENT-1',
      '2025.1',
    ]);
    const uncounted = within(rowOf('Cloud_Render_Minutes')).getAllByRole('cell').map((c) => c.textContent);
    expect(uncounted.slice(2, 5)).toEqual(['uncounted', 'uncounted', 'permanent']);
    expect(rowOf('Rotation')).toHaveAttribute('data-highlight', 'warning');
    expect(within(rowOf('Rotation')).getByText('Expires soon')).toBeInTheDocument();
    expect(rowOf('Cloud_Render_Minutes')).not.toHaveAttribute('data-highlight');
  });

  it('leaves the product columns empty with a note on servers older than 2024.10', async () => {
    vi.mocked(featuresApi.details).mockResolvedValue(detailsPage([record()], { productInfo: false, serverVersion: '2024.06.0' }));
    renderFeatures('/features?tab=details');
    await screen.findByText('3D_Rendering');
    expect(
      screen.getByText(
        'Product Name, Product Version, Activation ID and Entitlement ID need license server 2024.10 or later (this server: 2024.06.0).',
      ),
    ).toBeInTheDocument();
    const cells = within(rowOf('3D_Rendering')).getAllByRole('cell').map((c) => c.textContent);
    expect(cells.slice(7)).toEqual(['', '', '', '']);
  });

  it('searches the exact feature name, says so, and names a feature that does not exist', async () => {
    const user = userEvent.setup();
    renderFeatures('/features?tab=details');
    await screen.findByText('3D_Rendering');
    const search = screen.getByLabelText('Search by feature name');
    expect(search).toHaveAccessibleDescription(/exact and complete feature name/);

    vi.mocked(featuresApi.details).mockResolvedValue(detailsPage([], { pages: 1 }));
    await user.type(search, '3D_Render{Enter}');
    expect(await screen.findByText('No feature is named "3D_Render".')).toBeInTheDocument();
    expect(featuresApi.details).toHaveBeenLastCalledWith(query({ search: '3D_Render' }), false, '');
    expect(where()).toBe('/features?tab=details&q=3D_Render');
  });

  it('keeps page and sort in the URL', async () => {
    const user = userEvent.setup();
    vi.mocked(featuresApi.details).mockImplementation((q) =>
      Promise.resolve(detailsPage([record({ id: q.page, feature: `F${q.page}` })], { total: 120, page: q.page, pages: 3 })),
    );
    renderFeatures('/features?tab=details');
    await screen.findByText('F1');
    await user.click(screen.getByRole('button', { name: 'Go to page 2' }));
    await screen.findByText('F2');
    expect(where()).toBe('/features?tab=details&page=2');
    await user.click(within(screen.getByRole('columnheader', { name: 'Expiry' })).getByRole('button'));
    await user.click(within(screen.getByRole('columnheader', { name: 'Expiry' })).getByRole('button'));
    await waitFor(() => expect(where()).toBe('/features?tab=details&sort=expiry&desc=1'));
    expect(featuresApi.details).toHaveBeenLastCalledWith(query({ sortBy: 'expiry', sortDesc: true }), false, '');
  });

  it('exports the tab’s list with the visible columns', async () => {
    const user = userEvent.setup();
    vi.mocked(featuresApi.exportSummary).mockResolvedValue('/home/ada/features-summary.csv');
    renderFeatures();
    await screen.findByText('f-gatting-1');
    await user.click(screen.getByRole('button', { name: 'Export CSV' }));
    expect(featuresApi.exportSummary).toHaveBeenCalledWith(query(), [
      'feature',
      'version',
      'totalCount',
      'totalUsed',
      'totalAvailable',
      'firstExpiration',
      'lastExpiration',
      'totalOverdraft',
      'metered',
      'counted',
    ]);
    expect(await screen.findByText('Exported to /home/ada/features-summary.csv')).toBeInTheDocument();
  });

  it('opens Feature Details from a record, and Back to list returns to the same tab, page, sort and search', async () => {
    const user = userEvent.setup();
    vi.mocked(featuresApi.details).mockImplementation((q) =>
      Promise.resolve(detailsPage([record({ id: 7 })], { total: 80, page: q.page, pages: 2 })),
    );
    const list = '/features?tab=details&page=2&q=3D_Rendering&sort=expiry&desc=1';
    renderFeatures(list);
    const expected = query({ page: 2, search: '3D_Rendering', sortBy: 'expiry', sortDesc: true });
    await waitFor(() => expect(featuresApi.details).toHaveBeenCalledWith(expected, true, expect.stringMatching(/^list-/)));

    await user.click(await screen.findByRole('link', { name: '3D_Rendering' }));
    expect(await screen.findByRole('heading', { name: 'Feature Details: 3D_Rendering', level: 1 })).toBeInTheDocument();
    expect(featuresApi.feature).toHaveBeenCalledWith(7);
    expect(where()).toBe('/features/7');

    vi.mocked(featuresApi.details).mockClear();
    await user.click(screen.getByRole('button', { name: 'Back to list' }));
    expect(await screen.findByRole('tab', { name: 'Details' })).toHaveAttribute('aria-selected', 'true');
    expect(where()).toBe(list);
    await waitFor(() => expect(featuresApi.details).toHaveBeenCalledWith(expected, true, expect.stringMatching(/^list-/)));
    expect(screen.getByLabelText('Search by feature name')).toHaveValue('3D_Rendering');
    expect(screen.getByRole('button', { name: 'page 2' })).toHaveAttribute('aria-current', 'page');
    expect(screen.getByRole('columnheader', { name: 'Expiry' })).toHaveAttribute('aria-sort', 'descending');
  });

  it('opens Feature Details with Enter on a focused record', async () => {
    const user = userEvent.setup();
    renderFeatures('/features?tab=details');
    await screen.findByText('3D_Rendering');
    rowOf('3D_Rendering').focus();
    await user.keyboard('{Enter}');
    expect(await screen.findByRole('heading', { name: 'Feature Details: 3D_Rendering' })).toBeInTheDocument();
  });

  it('shows a failed load with its message and a Retry', async () => {
    const user = userEvent.setup();
    vi.mocked(featuresApi.summary).mockRejectedValueOnce(
      new AppError(apperr.Code.UNREACHABLE, 'The license server did not answer.'),
    );
    renderFeatures();
    expect(await screen.findByText('The license server did not answer.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('f-gatting-1')).toBeInTheDocument();
  });
});
