import { configure, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes, useLocation } from 'react-router';
import { apperr, AppError, featuresApi, settingsApi, type FeatureDetail } from '../../api';
import { connectionInfo, settingsView } from '../../test/fixtures';
import { renderWithSettings } from '../../test/render';
import { Features } from './Features';

vi.mock('../../api/settings');
vi.mock('../../api/features');

// Pages of MUI tables render slowly in jsdom; a busy machine needs more than the 1 s default.
configure({ asyncUtilTimeout: 5000 });

const vrMode: FeatureDetail = {
  id: 12,
  servedNote: '',
  feature: 'VR_MODE',
  version: '1.0',
  startDate: '2023-03-10',
  totalCount: 10,
  available: 8,
  used: 2,
  reserved: 10,
  uncounted: false,
  vendorString: 'India:Bangalore,group:Eng,group:Sup',
  expiry: '2025-03-31',
  permanent: false,
  expiringSoon: false,
  servedDevices: [
    { deviceId: 'Controller1', idType: 'STRING', deviceType: 'Unknown', alias: '', served: 0, expiry: '2023-06-12' },
    { deviceId: 'Controller0', idType: 'STRING', deviceType: 'Unknown', alias: 'lab-pc-3', served: 0, expiry: '2023-06-12' },
    { deviceId: 'Controller2', idType: 'STRING', deviceType: 'Unknown', alias: '', served: 2, expiry: 'permanent' },
  ],
};

function Where() {
  const { pathname, search } = useLocation();
  return <output data-testid="where">{pathname + search}</output>;
}

function renderDetails(id = 12) {
  return renderWithSettings(
    <>
      <Routes>
        <Route path="/features/*" element={<Features />} />
      </Routes>
      <Where />
    </>,
    { route: `/features/${id}` },
  );
}

/** The InfoList's label/value pairs in their order. */
function facts(): [string, string][] {
  const terms = screen.getAllByRole('term');
  return terms.map((t) => [t.textContent ?? '', t.nextElementSibling?.textContent ?? '']);
}

describe('Feature Details page', { timeout: 20_000 }, () => {
  beforeEach(() => {
    vi.resetAllMocks();
    localStorage.clear();
    vi.mocked(settingsApi.get).mockResolvedValue(settingsView());
    vi.mocked(settingsApi.status).mockResolvedValue(connectionInfo());
    vi.mocked(featuresApi.details).mockResolvedValue({
      rows: [],
      total: 0,
      page: 1,
      pages: 1,
      loadedAt: '',
      productInfo: true,
      serverVersion: '2025.10.0',
    });
  });

  it('shows the guide’s fields in the guide’s order', async () => {
    vi.mocked(featuresApi.feature).mockResolvedValue(vrMode);
    renderDetails();
    expect(await screen.findByRole('heading', { name: 'Feature Details: VR_MODE', level: 1 })).toBeInTheDocument();
    expect(featuresApi.feature).toHaveBeenCalledWith(12);
    expect(facts()).toEqual([
      ['Feature Name', 'VR_MODE'],
      ['Version', '1.0'],
      ['Start Date', '2023-03-10'],
      ['Total Count', '10'],
      ['Available', '8'],
      ['Used Count', '2'],
      ['Reserved Count', '10'],
      ['Vendor String', 'India:Bangalore,group:Eng,group:Sup'],
      ['Feature Expiry', '2025-03-31'],
    ]);
  });

  it('lists the served devices with the guide’s columns', async () => {
    vi.mocked(featuresApi.feature).mockResolvedValue(vrMode);
    renderDetails();
    const table = await screen.findByRole('table', { name: 'Served devices' });
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual([
      'Device ID',
      'Device ID Type',
      'Device Type',
      'Device Alias',
      'Total Count Served',
      'Expiry',
    ]);
    await within(table).findByText('Controller2');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell')[0].textContent)).toEqual(['Controller1', 'Controller0', 'Controller2']);
    expect(within(rows[2]).getAllByRole('cell').map((c) => c.textContent)).toEqual(['Controller2', 'STRING', 'Unknown', '', '2', 'permanent']);
    expect(screen.getByText('Total number of records: 3')).toBeInTheDocument();
  });

  it('says in place of the served devices when the server does not list them, and shows the rest', async () => {
    const note = 'This server does not offer the devices served by a feature (server version 2018.11.0).';
    vi.mocked(featuresApi.feature).mockResolvedValue({ ...vrMode, servedDevices: [], servedNote: note });
    renderDetails();
    expect(await screen.findByText(note)).toBeInTheDocument();
    expect(screen.queryByRole('table', { name: 'Served devices' })).not.toBeInTheDocument();
    expect(facts()).toContainEqual(['Feature Name', 'VR_MODE']);
  });

  it('shows uncounted and permanent features in words', async () => {
    vi.mocked(featuresApi.feature).mockResolvedValue({ ...vrMode, uncounted: true, totalCount: 0, available: 0, expiry: 'permanent', permanent: true, servedDevices: [] });
    renderDetails();
    await screen.findByRole('heading', { name: 'Feature Details: VR_MODE' });
    const byLabel = Object.fromEntries(facts());
    expect(byLabel['Total Count']).toBe('uncounted');
    expect(byLabel.Available).toBe('uncounted');
    expect(byLabel['Feature Expiry']).toBe('permanent');
    expect(await screen.findByText('No device has this feature checked out.')).toBeInTheDocument();
  });

  it('returns to the Details tab when it was opened directly', async () => {
    const user = userEvent.setup();
    vi.mocked(featuresApi.feature).mockResolvedValue(vrMode);
    renderDetails();
    await screen.findByRole('heading', { name: 'Feature Details: VR_MODE' });
    await user.click(screen.getByRole('button', { name: 'Back to list' }));
    expect(await screen.findByRole('tab', { name: 'Details' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByTestId('where')).toHaveTextContent('/features?tab=details');
  });

  it('says when the record is gone, and still offers the way back', async () => {
    vi.mocked(featuresApi.feature).mockRejectedValue(new AppError(apperr.Code.NOT_FOUND, 'The server has no feature record 12.'));
    renderDetails();
    expect(await screen.findByText('The server has no feature record 12.')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Feature Details', level: 1 })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Back to list' })).toBeEnabled();
  });
});
