// The legacy pass: a saved profile on a 2018-era local server (the
// standalone simulator with --dialect legacy that tools/e2e.sh starts on
// $LEGACY_PORT), which sends every count and ID as a string, has no feature
// summaries and no product columns. These steps connect and log in; the
// monitoring, pools and reservations suites then run on it unchanged.
import { login } from './session.mjs';

export const LEGACY_PROFILE = 'Legacy server';
export const LEGACY_ADMIN_PASSWORD = 'Admin123!';
const LEGACY_VERSION = '2018.11.0';

export default function legacyTests({ page, nav, field, assert, shot, BASE_URL }) {
  const heading = (name) => page.getByRole('heading', { name, exact: true, level: 1 });

  return [
    ['a legacy server connects as a saved profile and the admin logs in', async () => {
      await page.goto(BASE_URL, { waitUntil: 'networkidle' });
      // The header re-renders as the connection comes in; a menu opened
      // before that closes again. Wait until the app has settled on its
      // server, as a user would see it.
      await page.getByTestId('connection-state').getByText(/Connected/).waitFor({ timeout: 30000 });
      await page.getByRole('button', { name: 'Server profile' }).click();
      await page.getByRole('menuitem', { name: /Add profile/ }).click();
      await page.getByRole('dialog').getByLabel(/name/i).fill(LEGACY_PROFILE);
      await page.getByRole('dialog').getByRole('button', { name: /Add/ }).click();
      await page.getByRole('dialog').waitFor({ state: 'detached' });
      // After the first pass the app may stand on any view: the new
      // profile is filled in where a user would, in Settings.
      await nav('Settings').click();
      await field('FlexNet License Server Host Name').fill('127.0.0.1');
      await field('FlexNet License Server Listen Port').fill(String(process.env.LEGACY_PORT));
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await page.getByTestId('connection-state').getByText(/Connected/).waitFor({ timeout: 30000 });
      await page.getByRole('button', { name: 'Test connection' }).click();
      await page.getByText(LEGACY_VERSION).first().waitFor();
      await login(page, nav, field, 'admin', LEGACY_ADMIN_PASSWORD);
      await page.getByRole('button', { name: 'Session' }).getByText('admin').waitFor();
      await shot(page, '60-connected');
    }],

    ['without server summaries the Summary tab adds the records up, and Details says what the release lacks', async () => {
      await nav('Features').click();
      await heading('Features').waitFor();
      const summary = page.getByRole('table', { name: 'Feature summary' });
      await summary.getByRole('link').first().waitFor({ timeout: 30000 });
      await page.getByText('This server does not sum up its features, so the app added up the feature records.').waitFor();
      const first = await summary.locator('tbody tr').first().locator('td').allTextContents();
      assert(first.some((cell) => /^\d[\d,]*$/.test(cell.trim())), `the first summary row shows no count: ${first.join(' | ')}`);
      await shot(page, '61-summary-computed');

      await page.getByRole('tab', { name: 'Details' }).click();
      await page.getByRole('tab', { name: 'Details', selected: true }).waitFor();
      await page.getByRole('table', { name: 'Feature records' }).getByRole('link').first().waitFor({ timeout: 30000 });
      await page.getByText(`need license server 2024.10 or later (this server: ${LEGACY_VERSION})`).waitFor();
      await page.getByRole('tab', { name: 'Summary' }).click();
      await page.getByRole('tab', { name: 'Summary', selected: true }).waitFor();
      await shot(page, '62-details-no-product-columns');
    }],
  ];
}

/** Last in the legacy pass: what Diagnostics make of the release, for the compatibility report. */
export function legacyDiagnosticsTests({ page, nav, shot }) {
  return [
    ['Diagnostics name the traits of a 2018-era server and what it does not offer', async () => {
      await nav('About').click();
      const diag = page.getByRole('region', { name: 'Server diagnostics' });
      await diag.getByRole('button', { name: 'Run diagnostics' }).click();
      const traits = page.getByRole('list', { name: 'Traits of this server' });
      await traits.getByText('Counts are sent as JSON strings, as 2018-era servers do.').waitFor({ timeout: 30000 });
      await traits.getByText('Feature records carry no product columns (a release before 2024.10).').waitFor();
      await traits.getByText('JSON comes pretty-printed.').waitFor();
      const summaries = page.getByRole('table', { name: 'Endpoint results' }).getByRole('row', { name: /Feature summaries/ });
      await summaries.getByText('Not offered').waitFor();
      await summaries.getByText(/This server does not offer feature summaries \(server version 2018\.11\.0\)/).waitFor();
      await page.getByRole('button', { name: 'Save compatibility report' }).waitFor();
      await shot(page, '63-diagnostics-traits');
    }],
  ];
}

