import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { apperr, AppError, call, sessionApi, settingsApi, toAppError } from '../api';
import { certificate, connectionInfo, FINGERPRINT, profile, sessionState, settingsView } from '../test/fixtures';
import { renderWithSettings } from '../test/render';

vi.mock('../api/session');
vi.mock('../api/settings');

function untrusted(details: Record<string, unknown> = { ...certificate() }) {
  return new AppError(apperr.Code.TLS_UNTRUSTED, 'The certificate of https://lls01.corp.example:7070 is not trusted: x509: certificate signed by unknown authority', [], details);
}

function Loader({ load }: { load: () => Promise<string> }) {
  const [result, setResult] = useState('');
  return (
    <>
      <button onClick={() => call(load).then(setResult, (e: unknown) => setResult(`failed: ${toAppError(e).code}`))}>Load</button>
      <p>{result}</p>
    </>
  );
}

async function renderLoader(load: () => Promise<string>) {
  renderWithSettings(<Loader load={load} />);
  await screen.findByRole('button', { name: 'Load' });
}

describe('certificate trust prompt', () => {
  beforeEach(() => {
    vi.resetAllMocks();
    vi.mocked(settingsApi.get).mockResolvedValue(settingsView());
    vi.mocked(settingsApi.status).mockResolvedValue(connectionInfo());
    vi.mocked(sessionApi.start).mockResolvedValue(sessionState());
  });

  it('shows the certificate, pins it when trusted and runs the call again', async () => {
    const user = userEvent.setup();
    const load = vi.fn<() => Promise<string>>().mockRejectedValueOnce(untrusted()).mockResolvedValueOnce('server properties');
    vi.mocked(settingsApi.trustCertificate).mockResolvedValue(settingsView(profile({ https: true, pinnedFingerprint: FINGERPRINT })));
    await renderLoader(load);

    await user.click(screen.getByRole('button', { name: 'Load' }));
    const dialog = await screen.findByRole('dialog', { name: 'Certificate not trusted' });
    expect(dialog).toHaveTextContent('x509: certificate signed by unknown authority');
    expect(dialog).toHaveTextContent('SubjectCN=lls01.corp.example');
    expect(dialog).toHaveTextContent('IssuerCN=lls01.corp.example');
    expect(dialog).toHaveTextContent('Self-signedYes');
    expect(dialog).toHaveTextContent('Host nameslls01.corp.example');
    expect(dialog).toHaveTextContent(new Date('2027-01-01T00:00:00Z').toLocaleDateString());
    expect(within(dialog).getByTestId('certificate-fingerprint')).toHaveTextContent(FINGERPRINT);

    await user.click(within(dialog).getByRole('button', { name: 'Trust this certificate' }));

    expect(settingsApi.trustCertificate).toHaveBeenCalledWith(FINGERPRINT);
    expect(await screen.findByText('server properties')).toBeInTheDocument();
    expect(load).toHaveBeenCalledTimes(2);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    // The new trust means a new connection: its session is started before the call runs again.
    await waitFor(() => expect(sessionApi.start).toHaveBeenCalledTimes(2));
  });

  it('throws the original error when the user cancels', async () => {
    const user = userEvent.setup();
    const load = vi.fn(() => Promise.reject(untrusted()));
    await renderLoader(load);
    await user.click(screen.getByRole('button', { name: 'Load' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Cancel' }));
    expect(await screen.findByText('failed: tls_untrusted')).toBeInTheDocument();
    expect(settingsApi.trustCertificate).not.toHaveBeenCalled();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('keeps the dialog open with the reason when the certificate cannot be pinned', async () => {
    const user = userEvent.setup();
    vi.mocked(settingsApi.trustCertificate).mockRejectedValue(new AppError(apperr.Code.INTERNAL, 'The settings file could not be written: disk full'));
    await renderLoader(() => Promise.reject(untrusted()));
    await user.click(screen.getByRole('button', { name: 'Load' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Trust this certificate' }));
    expect(await within(dialog).findByText('The settings file could not be written: disk full')).toBeInTheDocument();
  });

  it('does not ask when the error names no certificate', async () => {
    const user = userEvent.setup();
    await renderLoader(() => Promise.reject(untrusted({})));
    await user.click(screen.getByRole('button', { name: 'Load' }));
    expect(await screen.findByText('failed: tls_untrusted')).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });
});
