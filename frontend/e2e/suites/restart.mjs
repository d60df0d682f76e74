// After a restart of the app: what a license administrator expects to find.
import { SIM_PROFILE, switchProfile } from './session.mjs';

export default function restartTests({ page, assert, shot, BASE_URL }) {
  return [
    ['the remembered password logs in by itself after a restart', async () => {
      await page.goto(BASE_URL, { waitUntil: 'networkidle' });
      await page.getByRole('heading', { name: 'Login', exact: true }).waitFor();
      await switchProfile(page, SIM_PROFILE);
      await page.getByTestId('connection-state').getByText(/Connected/).waitFor({ timeout: 30000 });
      await page.getByRole('button', { name: 'Session' }).getByText('admin').waitFor({ timeout: 30000 });
      const fileText = (await import('node:fs')).readFileSync(`${process.env.E2E_SETTINGS_DIR}/settings.json`, 'utf8');
      assert(!fileText.includes('Admin456!') && !fileText.includes('Admin123!') && !fileText.includes('eyJ'), 'a secret reached settings.json');
      await shot(page, '20-restart-logged-in');
    }],
  ];
}
