import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { apperr, AppError, backOfficeApi, exchanges, sessionApi, settingsApi, type ChosenFile, type ExchangeEntry, type SavedFile } from '../../api';
import { formatDateTime } from '../../components/format';
import { connectionInfo, fieldProblems, sessionState, settingsView } from '../../test/fixtures';
import { renderWithSettings } from '../../test/render';
import { OfflineUpdates } from './OfflineUpdates';

vi.mock('../../api/session');
vi.mock('../../api/settings');
vi.mock('../../api/backoffice');

const section = (name: string) => screen.getByRole('region', { name });
const capability = () => section('Download Capability/Confirmation Request');
const generate = () => section('Generate Offline Request');
const uploadSection = () => section('Upload Response');
const field = (label: string) => within(generate()).getByLabelText(label, { selector: 'input' }) as HTMLInputElement;

const saved: SavedFile = { path: '/home/ada/requests/capability-request-20260304-101500.bin', bytes: 512, digest: '0123456789abcdef' };
const response: ChosenFile = {
  path: '/home/ada/from-back-office/response.bin',
  name: 'response.bin',
  bytes: 2048,
  digest: 'fedcba9876543210',
  note: '2048 bytes, SHA-256 fedcba9876543210…',
};

function entry(overrides: Partial<ExchangeEntry>): ExchangeEntry {
  return {
    time: '2026-03-04T10:15:00Z',
    kind: exchanges.Kind.CAPABILITY_REQUEST,
    file: saved.path,
    bytes: 512,
    digest: saved.digest,
    activationId: '',
    count: 0,
    ok: true,
    result: 'Saved',
    confirmationNeeded: false,
    pending: false,
    ...overrides,
  };
}

async function renderOffline() {
  renderWithSettings(<OfflineUpdates />, { route: '/offline-updates' });
  await screen.findByRole('heading', { name: 'Offline Server Updates', level: 1 });
  await waitFor(() => expect(screen.queryByRole('progressbar', { name: 'Loading the exchange history' })).not.toBeInTheDocument());
}

async function chooseResponse(user: ReturnType<typeof userEvent.setup>) {
  vi.mocked(backOfficeApi.chooseResponseFile).mockResolvedValue(response);
  await user.click(within(uploadSection()).getByRole('button', { name: 'Choose File' }));
  await within(uploadSection()).findByRole('group', { name: 'Chosen file' });
}

describe('Offline Server Updates view', () => {
  beforeEach(() => {
    vi.resetAllMocks();
    vi.mocked(sessionApi.start).mockResolvedValue(sessionState());
    vi.mocked(settingsApi.get).mockResolvedValue(settingsView());
    vi.mocked(settingsApi.status).mockResolvedValue(connectionInfo());
    vi.mocked(backOfficeApi.history).mockResolvedValue([]);
  });

  it('has the guide’s three sections and the exchange history', async () => {
    await renderOffline();
    expect(within(capability()).getByRole('button', { name: 'Download' })).toBeEnabled();
    expect(within(generate()).getByRole('button', { name: 'Download' })).toBeEnabled();
    expect(within(uploadSection()).getByRole('button', { name: 'Upload' })).toBeDisabled();
    expect(within(section('Exchange history')).getByText('No exchanges yet for this server profile.')).toBeInTheDocument();
  });

  describe('Download Capability/Confirmation Request', () => {
    it('says nothing when the save dialog is cancelled', async () => {
      const user = userEvent.setup();
      await renderOffline();
      vi.mocked(backOfficeApi.downloadCapabilityRequest).mockResolvedValue({ path: '', bytes: 0, digest: '' });
      await user.click(within(capability()).getByRole('button', { name: 'Download' }));

      expect(backOfficeApi.downloadCapabilityRequest).toHaveBeenCalledWith(false);
      await waitFor(() => expect(within(capability()).getByRole('button', { name: 'Download' })).toBeEnabled());
      expect(within(capability()).queryByRole('alert')).not.toBeInTheDocument();
      expect(backOfficeApi.history).toHaveBeenCalledTimes(1);
    });

    it('shows where the request was saved and reloads the history', async () => {
      const user = userEvent.setup();
      await renderOffline();
      vi.mocked(backOfficeApi.downloadCapabilityRequest).mockResolvedValue(saved);
      vi.mocked(backOfficeApi.history).mockResolvedValue([entry({ pending: true })]);
      await user.click(within(capability()).getByRole('button', { name: 'Download' }));

      const alert = await within(capability()).findByRole('alert');
      expect(alert).toHaveTextContent(`Saved 512 bytes to ${saved.path}; take this file to the back office.`);
      expect(alert).toHaveTextContent('Digest 0123456789abcdef');
      expect(await within(section('Exchange history')).findByText('Waiting for response')).toBeInTheDocument();
    });

    it('saves a confirmation request when the last response asked for one', async () => {
      const user = userEvent.setup();
      vi.mocked(backOfficeApi.history).mockResolvedValue([
        entry({ kind: exchanges.Kind.RESPONSE, file: response.path, result: 'The server loaded the response.', confirmationNeeded: true }),
      ]);
      await renderOffline();
      expect(within(capability()).getByText(/asked for a confirmation request/)).toBeInTheDocument();
      vi.mocked(backOfficeApi.downloadCapabilityRequest).mockResolvedValue(saved);
      await user.click(within(capability()).getByRole('button', { name: 'Download' }));
      expect(backOfficeApi.downloadCapabilityRequest).toHaveBeenCalledWith(true);
    });
  });

  describe('Generate Offline Request', () => {
    it('shows Go’s field errors at the fields and keeps the values', async () => {
      const user = userEvent.setup();
      await renderOffline();
      vi.mocked(backOfficeApi.downloadActivationRequest).mockRejectedValue(
        new AppError(apperr.Code.INVALID_INPUT, 'Please correct the highlighted fields.', fieldProblems({
          activationId: 'Enter the activation ID from your entitlement email (letters, digits, - _ . :).',
        })),
      );
      await user.type(field('Count'), '3');
      await user.click(within(generate()).getByRole('button', { name: 'Download' }));

      expect(backOfficeApi.downloadActivationRequest).toHaveBeenCalledWith({ activationId: '', count: '3' });
      await waitFor(() =>
        expect(field('Activation ID')).toHaveAccessibleDescription('Enter the activation ID from your entitlement email (letters, digits, - _ . :).'),
      );
      expect(field('Activation ID')).toHaveAttribute('aria-invalid', 'true');
      expect(field('Count')).not.toHaveAttribute('aria-invalid', 'true');
      expect(field('Count')).toHaveValue(3);
      expect(within(generate()).queryByRole('alert')).not.toBeInTheDocument();
    });

    it('saves the activation request', async () => {
      const user = userEvent.setup();
      await renderOffline();
      const file = { path: '/home/ada/activation-request-DEMO-ACT-1001.bin', bytes: 640, digest: '00112233aabbccdd' };
      vi.mocked(backOfficeApi.downloadActivationRequest).mockResolvedValue(file);
      await user.type(field('Activation ID'), 'DEMO-ACT-1001');
      await user.type(field('Count'), '10');
      await user.click(within(generate()).getByRole('button', { name: 'Download' }));

      expect(backOfficeApi.downloadActivationRequest).toHaveBeenCalledWith({ activationId: 'DEMO-ACT-1001', count: '10' });
      expect(await within(generate()).findByRole('alert')).toHaveTextContent(`Saved 640 bytes to ${file.path}; take this file to the back office.`);
    });
  });

  describe('Upload Response', () => {
    it('shows the chosen file, then uploads it and shows the server’s answer', async () => {
      const user = userEvent.setup();
      await renderOffline();
      const upload = within(uploadSection()).getByRole('button', { name: 'Upload' });
      expect(upload).toBeDisabled();
      await chooseResponse(user);

      const chosen = within(uploadSection()).getByRole('group', { name: 'Chosen file' });
      expect(chosen).toHaveTextContent('response.bin');
      expect(chosen).toHaveTextContent('2,048 bytes');
      expect(chosen).toHaveTextContent('fedcba9876543210');
      expect(upload).toBeEnabled();

      vi.mocked(backOfficeApi.uploadResponse).mockResolvedValue({
        confirmationRequestNeeded: false,
        message: 'The server loaded the response and updated its licenses.',
      });
      await user.click(upload);
      expect(backOfficeApi.uploadResponse).toHaveBeenCalledWith(response.path);
      const alert = await within(uploadSection()).findByRole('alert');
      expect(alert).toHaveTextContent('Uploaded response.bin');
      expect(alert).toHaveTextContent('The server loaded the response and updated its licenses.');
      expect(within(uploadSection()).queryByRole('button', { name: 'Download confirmation request' })).not.toBeInTheDocument();
      expect(upload).toBeDisabled();
      expect(backOfficeApi.history).toHaveBeenCalledTimes(2);
    });

    it('keeps the chosen file when the dialog is cancelled', async () => {
      const user = userEvent.setup();
      await renderOffline();
      await chooseResponse(user);
      vi.mocked(backOfficeApi.chooseResponseFile).mockResolvedValue({ path: '', name: '', bytes: 0, digest: '', note: '' });
      await user.click(within(uploadSection()).getByRole('button', { name: 'Choose File' }));
      await waitFor(() => expect(within(uploadSection()).getByRole('button', { name: 'Choose File' })).toBeEnabled());
      expect(within(uploadSection()).getByRole('group', { name: 'Chosen file' })).toHaveTextContent('response.bin');
    });

    it('offers the confirmation request at once when the server needs one', async () => {
      const user = userEvent.setup();
      await renderOffline();
      await chooseResponse(user);
      const message =
        'The server loaded the response. The back office needs a confirmation request: download it and send it to the back office.';
      vi.mocked(backOfficeApi.uploadResponse).mockResolvedValue({ confirmationRequestNeeded: true, message });
      await user.click(within(uploadSection()).getByRole('button', { name: 'Upload' }));
      expect(await within(uploadSection()).findByText(message)).toBeInTheDocument();

      const confirmation = { path: '/home/ada/confirmation-request.bin', bytes: 512, digest: 'aa00bb11cc22dd33' };
      vi.mocked(backOfficeApi.downloadCapabilityRequest).mockResolvedValue(confirmation);
      await user.click(within(uploadSection()).getByRole('button', { name: 'Download confirmation request' }));
      expect(backOfficeApi.downloadCapabilityRequest).toHaveBeenCalledWith(true);
      expect(await within(uploadSection()).findByText(/take this file to the back office/)).toHaveTextContent(
        `Saved 512 bytes to ${confirmation.path}; take this file to the back office.`,
      );
    });

    it('shows why the server refused the file', async () => {
      const user = userEvent.setup();
      await renderOffline();
      await chooseResponse(user);
      const refusal = 'response.bin was not made for this license server: it belongs to another server or is damaged.';
      vi.mocked(backOfficeApi.uploadResponse).mockRejectedValue(new AppError(apperr.Code.INVALID_INPUT, refusal));
      await user.click(within(uploadSection()).getByRole('button', { name: 'Upload' }));

      expect(await within(uploadSection()).findByRole('alert')).toHaveTextContent(refusal);
      // Go records a refused response too, so the history is reloaded.
      await waitFor(() => expect(backOfficeApi.history).toHaveBeenCalledTimes(2));
    });

    it('shows why a chosen file cannot be used and keeps Upload disabled', async () => {
      const user = userEvent.setup();
      await renderOffline();
      vi.mocked(backOfficeApi.chooseResponseFile).mockRejectedValue(new AppError(apperr.Code.INVALID_INPUT, 'empty.bin is empty.'));
      await user.click(within(uploadSection()).getByRole('button', { name: 'Choose File' }));
      expect(await within(uploadSection()).findByRole('alert')).toHaveTextContent('empty.bin is empty.');
      expect(within(uploadSection()).getByRole('button', { name: 'Upload' })).toBeDisabled();
    });
  });

  it('lists the exchange history with the requests still waiting for a response', async () => {
    vi.mocked(backOfficeApi.history).mockResolvedValue([
      entry({
        time: '2026-03-05T08:00:00Z',
        kind: exchanges.Kind.ACTIVATION_REQUEST,
        file: '/home/ada/activation-request-DEMO-ACT-1001.bin',
        bytes: 640,
        digest: '00112233aabbccdd',
        activationId: 'DEMO-ACT-1001',
        count: 10,
        pending: true,
      }),
      entry({ kind: exchanges.Kind.RESPONSE, file: '/home/ada/bad.bin', bytes: 20, digest: '9999888877776666', ok: false, result: 'The file is not a response.' }),
    ]);
    await renderOffline();
    const table = within(section('Exchange history')).getByRole('table', { name: 'Exchange history' });
    const [header, first, second] = within(table).getAllByRole('row');
    expect(within(header).getAllByRole('columnheader').map((c) => c.textContent)).toEqual(['Time', 'Kind', 'File', 'Size', 'Digest', 'Result']);

    const cells = within(first).getAllByRole('cell');
    expect(cells[0]).toHaveTextContent(formatDateTime('2026-03-05T08:00:00Z'));
    expect(cells[1]).toHaveTextContent('Activation request');
    expect(cells[1]).toHaveTextContent('DEMO-ACT-1001 × 10');
    expect(cells[2]).toHaveTextContent('/home/ada/activation-request-DEMO-ACT-1001.bin');
    expect(cells[3]).toHaveTextContent('640 bytes');
    expect(cells[4]).toHaveTextContent('00112233aabbccdd');
    expect(cells[5]).toHaveTextContent('Saved');
    expect(within(cells[5]).getByText('Waiting for response')).toBeInTheDocument();

    expect(within(second).getByText('The file is not a response.')).toBeInTheDocument();
    expect(within(second).getByRole('img', { name: 'Failed' })).toBeInTheDocument();
    expect(within(second).queryByText('Waiting for response')).not.toBeInTheDocument();
  });
});
