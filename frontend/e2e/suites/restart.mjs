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

    ["a producer's logo and labels replace the defaults", async () => {
      const nav = page.getByRole('navigation');
      await nav.getByRole('link', { name: 'Licenses', exact: true }).waitFor();
      assert((await nav.getByRole('link', { name: 'Features', exact: true }).count()) === 0, 'the default label is still shown');
      // The file predates the Monitoring views, which keep their defaults.
      for (const name of ['Dashboard', 'Activity']) {
        await nav.getByRole('link', { name, exact: true }).waitFor();
      }
      await nav.getByRole('link', { name: 'Licenses', exact: true }).click();
      await page.getByRole('heading', { name: 'Licenses', exact: true, level: 1 }).waitFor();
      const logo = page.locator('header img[src^="data:image/png"]');
      await logo.first().waitFor();
      const box = await logo.first().boundingBox();
      assert(box && box.height <= 40 && box.width > 0, `the logo is not scaled into the header: ${JSON.stringify(box)}`);
      await shot(page, '21-branding');
    }],
  ];
}
