import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes, useLocation } from 'react-router';
import { apperr, AppError, devicesApi, operations, settingsApi, type Device, type DeviceDetail, type ListPage, type ListQuery } from '../../api';
import { connectionInfo, settingsView } from '../../test/fixtures';
import { renderWithSettings } from '../../test/render';
import { navItems } from '../../nav/items';
import { navSections } from '../../nav/model';
import { Devices } from './Devices';

vi.mock('../../api/settings');
vi.mock('../../api/devices');

// Pages of MUI tables render slowly in jsdom; a busy machine needs more than the 1 s default.
configure({ asyncUtilTimeout: 5000 });

function device(overrides: Partial<Device> = {}): Device {
  return {
    id: 41,
    deviceId: '0A1B2C3D4E01',
    idType: 'ETHERNET',
    deviceType: operations.DeviceType.PHYSICAL,
    alias: 'render-node-01',
    status: 'ACTIVE',
    expiry: '2027-01-01',
    expiringSoon: false,
    updated: '2026-01-01T09:00:00Z',
    ...overrides,
  };
}

const page = (rows: Device[], more: Partial<ListPage<Device>> = {}): ListPage<Device> => ({
  rows,
  total: rows.length,
  page: 1,
  pages: 1,
  loadedAt: '2026-01-01T10:00:00Z',
  ...more,
});

const renderNode: DeviceDetail = {
  ...device(),
  hostType: 'Client',
  serverHostId: '0A1B2C3D4E5F',
  correlationId: 'corr-77',
  consumedNote: '',
  trusted: true,
  requestOperation: 'REQUEST',
  deviceExpiry: '2026-02-01T00:00:00Z',
  consumed: [
    { feature: '3D_Rendering', version: '3.2', count: 2, expiry: '2027-03-31' },
    { feature: 'Mesh_Repair', version: '1.5', count: 1, expiry: 'permanent' },
  ],
};

const query = (overrides: Partial<ListQuery> = {}): ListQuery => ({ page: 1, pageSize: 50, search: '', sortBy: '', sortDesc: false, ...overrides });

function Where() {
  const { pathname, search } = useLocation();
  return <output data-testid="where">{pathname + search}</output>;
}

function renderDevices(route = '/devices') {
  return renderWithSettings(
    <>
      <Routes>
        <Route path="/devices/*" element={<Devices />} />
      </Routes>
      <Where />
    </>,
    { route },
  );
}

const rowOf = (text: string) => screen.getByText(text).closest('tr') as HTMLElement;

describe('Devices view', { timeout: 20_000 }, () => {
  beforeEach(() => {
    vi.resetAllMocks();
    localStorage.clear();
    vi.mocked(settingsApi.get).mockResolvedValue(settingsView());
    vi.mocked(settingsApi.status).mockResolvedValue(connectionInfo());
    vi.mocked(devicesApi.list).mockResolvedValue(
      page([device(), device({ id: 42, deviceId: 'VM-7', idType: 'VM_UUID', deviceType: operations.DeviceType.VIRTUAL, alias: '', expiringSoon: true, expiry: '2026-01-10' })]),
    );
    vi.mocked(devicesApi.get).mockResolvedValue(renderNode);
  });

  it('is a menu group of its own, after Features and Named License Pools', () => {
    const sections = navSections(navItems);
    const devices = sections.findIndex((s) => s.group.id === 'devices');
    expect(sections[devices].items.map((i) => [i.label, i.route])).toEqual([['Devices', '/devices']]);
    expect(devices).toBeGreaterThan(sections.findIndex((s) => s.group.id === 'features'));
  });

  it('lists the devices with the guide’s columns, fetched fresh, without flagging borrow expiries', async () => {
    renderDevices();
    expect(await screen.findByRole('heading', { name: 'Devices', level: 1 })).toBeInTheDocument();
    await screen.findByText('VM-7');
    expect(devicesApi.list).toHaveBeenCalledWith(query(), true, expect.stringMatching(/^list-/));
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Device ID', 'ID Type', 'Device Type', 'Alias', 'Status', 'Expiry']);
    expect(within(rowOf('0A1B2C3D4E01')).getAllByRole('cell').map((c) => c.textContent)).toEqual([
      '0A1B2C3D4E01',
      'ETHERNET',
      'Physical',
      'render-node-01',
      'ACTIVE',
      '2027-01-01',
    ]);
    // Borrow expirations are always near, so they are not flagged.
    expect(rowOf('VM-7')).not.toHaveAttribute('data-highlight');
    expect(within(rowOf('VM-7')).queryByText('Expires soon')).not.toBeInTheDocument();
  });

  it('searches device IDs and aliases on Enter', async () => {
    const user = userEvent.setup();
    renderDevices();
    await screen.findByText('VM-7');
    vi.mocked(devicesApi.list).mockResolvedValue(page([]));
    await user.type(screen.getByLabelText('Search by device ID or alias'), 'lab-pc{Enter}');
    expect(await screen.findByText('No device ID or alias contains "lab-pc".')).toBeInTheDocument();
    expect(devicesApi.list).toHaveBeenLastCalledWith(query({ search: 'lab-pc' }), false, '');
    expect(screen.getByTestId('where')).toHaveTextContent('/devices?q=lab-pc');
  });

  it('opens Device Details with the device, its expiry explained, the consumed features, and Back to the same list', async () => {
    const user = userEvent.setup();
    const list = '/devices?page=2&q=render&sort=alias';
    vi.mocked(devicesApi.list).mockResolvedValue(page([device()], { total: 60, page: 2, pages: 2 }));
    renderDevices(list);
    await user.click(await screen.findByRole('link', { name: '0A1B2C3D4E01' }));

    expect(await screen.findByRole('heading', { name: 'Device Details: 0A1B2C3D4E01', level: 1 })).toBeInTheDocument();
    expect(devicesApi.get).toHaveBeenCalledWith(41);
    const facts = Object.fromEntries(screen.getAllByRole('term').map((t) => [t.textContent, t.nextElementSibling?.textContent]));
    expect(facts).toMatchObject({
      'Device ID': '0A1B2C3D4E01',
      'ID Type': 'ETHERNET',
      'Device Type': 'Physical',
      Alias: 'render-node-01',
      'Host Type': 'Client',
      'Server Host ID': '0A1B2C3D4E5F',
      Trusted: 'Yes',
      'Device Expiry': '2026-02-01T00:00:00Z',
    });
    expect(screen.getByRole('button', { name: 'Help: Device Expiry' })).toHaveAccessibleDescription(
      /When all features currently checked out on the device expire/,
    );

    const consumed = screen.getByRole('table', { name: 'Consumed features' });
    expect(within(consumed).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Feature', 'Version', 'Count', 'Expiry']);
    await within(consumed).findByText('Mesh_Repair');
    expect(within(within(consumed).getByText('Mesh_Repair').closest('tr') as HTMLElement).getAllByRole('cell').map((c) => c.textContent)).toEqual([
      'Mesh_Repair',
      '1.5',
      '1',
      'permanent',
    ]);

    vi.mocked(devicesApi.list).mockClear();
    await user.click(screen.getByRole('button', { name: 'Back' }));
    expect(await screen.findByRole('heading', { name: 'Devices', level: 1 })).toBeInTheDocument();
    expect(screen.getByTestId('where')).toHaveTextContent(list);
    await waitFor(() => expect(devicesApi.list).toHaveBeenCalledWith(query({ page: 2, search: 'render', sortBy: 'alias' }), true, expect.stringMatching(/^list-/)));
  });

  it('says in place of the consumed features when the server does not list them, and shows the rest', async () => {
    const note = 'This server does not offer the features of a device (server version 2018.11.0).';
    vi.mocked(devicesApi.get).mockResolvedValue({ ...renderNode, consumed: [], consumedNote: note });
    renderDevices('/devices/41');
    expect(await screen.findByText(note)).toBeInTheDocument();
    expect(screen.queryByRole('table', { name: 'Consumed features' })).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Device Details: 0A1B2C3D4E01', level: 1 })).toBeInTheDocument();
  });

  it('deletes a device record after a confirmation naming it, then shows the list again', async () => {
    const user = userEvent.setup();
    vi.mocked(devicesApi.delete).mockResolvedValue();
    renderDevices('/devices/41');
    await screen.findByRole('heading', { name: 'Device Details: 0A1B2C3D4E01' });

    await user.click(screen.getByRole('button', { name: 'Delete device record' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete device record' });
    expect(dialog).toHaveTextContent('Delete the record of device 0A1B2C3D4E01 (render-node-01) from the license server?');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(devicesApi.delete).not.toHaveBeenCalled();

    await user.click(screen.getByRole('button', { name: 'Delete device record' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Delete' }));
    expect(devicesApi.delete).toHaveBeenCalledWith(41);
    expect(await screen.findByRole('heading', { name: 'Devices', level: 1 })).toBeInTheDocument();
    expect(screen.getByText('The record of device 0A1B2C3D4E01 was deleted.')).toBeInTheDocument();
    expect(devicesApi.list).toHaveBeenCalledWith(query(), true, expect.stringMatching(/^list-/));
  });

  it('names the missing role when the user may not delete devices', async () => {
    const user = userEvent.setup();
    vi.mocked(devicesApi.delete).mockRejectedValue(
      new AppError(apperr.Code.ACCESS_DENIED, 'Access denied: ROLE_DROPCLIENT required.', [], { role: 'ROLE_DROPCLIENT' }),
    );
    renderDevices('/devices/41');
    await screen.findByRole('heading', { name: 'Device Details: 0A1B2C3D4E01' });
    await user.click(screen.getByRole('button', { name: 'Delete device record' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Delete' }));

    expect(await screen.findByText('Access denied: this needs the ROLE_DROPCLIENT role. Log in as a user who has it.')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(screen.getByRole('heading', { name: 'Device Details: 0A1B2C3D4E01' })).toBeInTheDocument();
  });
});
