// Back Office Operations on the demo server, as admin. The native save and
// open dialogs cannot be driven from the browser, so the offline steps stop
// where a dialog would open.
import { login, sessionText, switchProfile } from './session.mjs';

const DEMO_PROFILE = /Demo server/;
const DEMO_ADMIN_PASSWORD = 'Admin123!';

export default function backofficeTests({ page, nav, field, assert, shot }) {
  const main = () => page.getByRole('main');
  const row = (n) => main().getByRole('group', { name: `Row ${n}`, exact: true });
  const region = (name) => main().getByRole('region', { name, exact: true });

  return [
    ['back office: the demo server with admin logged in', async () => {
      const profile = (await page.getByRole('button', { name: 'Server profile' }).textContent()) ?? '';
      if (!DEMO_PROFILE.test(profile)) await switchProfile(page, DEMO_PROFILE);
      await page.getByTestId('connection-state').getByText(/Connected/).waitFor({ timeout: 30000 });
      if (!/\badmin\b/.test(await sessionText(page))) await login(page, nav, field, 'admin', DEMO_ADMIN_PASSWORD);
      await page.getByRole('button', { name: 'Session' }).getByText('admin').waitFor();
    }],

    ['online activation reports a result per activation ID', async () => {
      await nav('Online Server Updates').click();
      await page.getByRole('heading', { name: 'Online Server Updates', exact: true }).waitFor();
      await row(1).getByLabel('Activation ID', { exact: true }).fill('DEMO-ACT-1001');
      await row(1).getByLabel('Count', { exact: true }).fill('10');
      await main().getByRole('button', { name: 'Add activation ID' }).click();
      await row(2).getByLabel('Activation ID', { exact: true }).fill('NOPE-1');
      await row(2).getByLabel('Count', { exact: true }).fill('1');
      await main().getByRole('button', { name: 'Activate', exact: true }).click();
      await row(1).getByRole('img', { name: 'Activated' }).waitFor();
      await row(2).getByRole('img', { name: 'Failed' }).waitFor();
      const failure = (await row(2).textContent()) ?? '';
      assert(/NOPE-1|unknown|not (known|found)/i.test(failure), `row 2 gives no meaningful error: ${failure}`);
      assert((await row(2).getByLabel('Activation ID', { exact: true }).inputValue()) === 'NOPE-1', 'the failed row lost its value');
      await main().getByText('1 activation ID activated, 1 failed; see each row above.').waitFor();
      await shot(page, '30-online-activations');
    }],

    ['Update Licenses asks the server to synchronize', async () => {
      await main().getByRole('tab', { name: 'Update Licenses' }).click();
      await main().getByRole('button', { name: 'Refresh', exact: true }).click();
      const answer = main().getByRole('alert').filter({ hasText: /^Requested / });
      await answer.waitFor();
      const text = (await answer.textContent()) ?? '';
      assert(/accepted|retriev/i.test(text), `no answer from the server: ${text}`);
      await shot(page, '31-update-licenses');
    }],

    ['offline updates: an activation request needs an activation ID', async () => {
      await nav('Offline Server Updates').click();
      await page.getByRole('heading', { name: 'Offline Server Updates', exact: true }).waitFor();
      await region('Download Capability/Confirmation Request').getByRole('button', { name: 'Download', exact: true }).waitFor();
      await region('Exchange history').waitFor();
      const upload = region('Upload Response');
      await upload.getByRole('button', { name: 'Choose File' }).waitFor();
      assert(await upload.getByRole('button', { name: 'Upload', exact: true }).isDisabled(), 'Upload must wait for a chosen file');

      const generate = region('Generate Offline Request');
      await generate.getByLabel('Count', { exact: true }).fill('5');
      await generate.getByRole('button', { name: 'Download', exact: true }).click();
      await generate.getByText(/Enter the activation ID/).waitFor();
      const id = generate.getByLabel('Activation ID', { exact: true });
      assert((await id.getAttribute('aria-invalid')) === 'true', 'the Activation ID field is not marked invalid');
      assert((await generate.getByLabel('Count', { exact: true }).inputValue()) === '5', 'the count typed was lost');
      await shot(page, '32-offline-updates');
    }],

    ['client key: Choose File, and Upload waits for a key', async () => {
      await nav('Client Key Operations').click();
      await page.getByRole('heading', { name: 'Client Key Operations', exact: true }).waitFor();
      await main().getByRole('button', { name: 'Choose File' }).waitFor();
      assert(await main().getByRole('button', { name: 'Upload', exact: true }).isDisabled(), 'Upload must wait for a chosen key');
      await shot(page, '33-client-key');
    }],
  ];
}
