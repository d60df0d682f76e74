// The usage history on the demo server: the Dashboard (every profile's
// server, one feature's chart over 24 hours and 7 days with its stats and
// heat map), the header's alerts with the "full" alert of the feature
// tools/e2e.sh fills (--full), the Activity log with the changes the session
// suite made, and the history part of Settings. The demo seeds a throw-away
// history with 60 days of use (the last 3 as samples), and the app samples
// the demo server at start. The native save dialog of Export CSV
// cannot be driven from the browser: the development build answers it with
// LSM_E2E_SAVE_DIR, and the steps read the files written.
// The suite ends on the saved simulator profile with the admin logged in, as
// the session suite left it for the views' suites that follow.
import { login, NEW_ADMIN_PASSWORD, SIM_PROFILE, sessionText, switchProfile } from './session.mjs';

/** The counted demo feature whose every seat tools/e2e.sh puts in use (--full); no other suite counts its seats. */
export const FULL_FEATURE = '2D_Wireframes';
const FULL_VERSION = '14.6';
const DEMO_PROFILE = /Demo server/;

/** @param {{ page: import('playwright-core').Page, nav: (label: string) => import('playwright-core').Locator, field: (label: string) => import('playwright-core').Locator, assert: (cond: unknown, msg: string) => void, shot: (page: import('playwright-core').Page, name: string) => Promise<void> }} helpers */
export default function dashboardTests({ page, nav, field, assert, shot }) {
  const main = () => page.getByRole('main');
  const heading = (name) => page.getByRole('heading', { name, exact: true, level: 1 });
  const region = (name) => main().getByRole('region', { name, exact: true });
  const feature = `${FULL_FEATURE} ${FULL_VERSION}`;
  const bell = () => page.getByRole('banner').getByRole('button', { name: /^Alerts/ });
  const choose = async (label, option) => {
    await main().getByRole('combobox', { name: label, exact: true }).click();
    await page.getByRole('option', { name: option }).click();
    await page.getByRole('listbox').waitFor({ state: 'detached' });
  };
  const chart = (range) => main().getByRole('figure', { name: `Seats of ${feature} in use over the last ${range}`, exact: true });
  // tools/e2e.sh answers the save dialog with LSM_E2E_SAVE_DIR: the toast
  // names the file written, whose lines are returned.
  const exported = async (toast) => {
    const alert = page.getByRole('alert').filter({ hasText: toast });
    await alert.waitFor({ timeout: 30000 });
    const file = ((await alert.textContent()) ?? '').trim().match(toast)?.[1] ?? '';
    assert(file.startsWith(process.env.LSM_E2E_SAVE_DIR ?? '?'), `the export went to ${file}`);
    const text = (await import('node:fs')).readFileSync(file, 'utf8');
    await alert.getByRole('button', { name: 'Close' }).click();
    return text.replace(/^\uFEFF/, '').trimEnd().split(/\r?\n/);
  };
  const setTheme = async (label) => {
    await page.getByRole('button', { name: 'Theme', exact: true }).click();
    await page.getByRole('menuitemradio', { name: label, exact: true }).click();
    await page.getByRole('menu').waitFor({ state: 'detached' });
  };

  return [
    ['the Dashboard shows each profile’s server as its latest sample found it', async () => {
      const profile = (await page.getByRole('button', { name: 'Server profile' }).textContent()) ?? '';
      if (!DEMO_PROFILE.test(profile)) await switchProfile(page, DEMO_PROFILE);
      await page.getByTestId('connection-state').getByText(/Connected/).waitFor({ timeout: 30000 });
      await nav('Dashboard').click();
      await heading('Dashboard').waitFor();
      const servers = main().getByRole('table', { name: 'Server profiles', exact: true });
      const demo = servers.getByRole('row').filter({ hasText: DEMO_PROFILE });
      await demo.getByText('Reachable', { exact: true }).waitFor({ timeout: 30000 });
      const text = (await demo.textContent()) ?? '';
      assert(text.includes('2025.10.0'), `the demo server's row shows no version: ${text}`);
      assert(/\d+ ms/.test(text), `the demo server's row shows no response time: ${text}`);
      assert(await demo.getByText('Active', { exact: true }).isVisible(), 'the active profile is not marked');
      for (const name of ['Near capacity now', 'Full in the last 7 days', 'Next expiries', 'Usage over time']) {
        await region(name).waitFor();
      }
      // Every seat of the filled feature is in use since the app's first round.
      const near = region('Near capacity now').getByRole('row').filter({ has: page.getByRole('button', { name: feature, exact: true }) });
      await near.waitFor({ timeout: 30000 });
      assert(((await near.textContent()) ?? '').includes('100%'), `${feature} is not at 100%: ${await near.textContent()}`);
      await shot(page, '70-dashboard');
    }],

    [`the chart of ${feature} over 24 hours, then 7 days, with its stats and heat map`, async () => {
      const panel = region('Usage over time');
      await choose('Profile', DEMO_PROFILE);
      await choose('Feature', feature);
      await chart('24 h').waitFor({ timeout: 30000 });
      const stats = panel.getByLabel('Statistics of the range', { exact: true });
      for (const label of ['Peak in use', 'Mean in use', '95th percentile', 'Time at 100%', 'Covered by samples']) {
        await stats.getByText(label, { exact: true }).waitFor();
      }
      await panel.getByRole('group', { name: 'Range', exact: true }).getByRole('button', { name: '7 d', exact: true }).click();
      await chart('7 d').waitFor({ timeout: 30000 });
      await panel.getByText(/^Each point is an hour/).waitFor();
      const grid = panel.getByRole('grid', { name: 'Mean use by hour of the week', exact: true });
      const cells = await grid.getByRole('gridcell').count();
      assert(cells === 168, `the heat map has ${cells} cells, not 7 × 24`);
      const covered = await grid.getByRole('gridcell', { name: /of seats in use on average$/ }).count();
      assert(covered > 24, `only ${covered} hours of the week have samples after 60 days of them`);
      await panel.scrollIntoViewIfNeeded();
      await shot(page, '71-dashboard-chart-7d');
      // The heat map is one keyboard stop; the arrows move between its hours.
      await grid.getByRole('gridcell').first().focus();
      await page.keyboard.press('ArrowRight');
      assert(await grid.getByRole('gridcell').nth(1).evaluate((el) => el === document.activeElement), 'the arrow key did not move along the heat map');
    }],

    ['the Dashboard reads in the dark theme', async () => {
      await page.getByRole('button', { name: 'Theme', exact: true }).click();
      const current = (await page.getByRole('menuitemradio', { checked: true }).textContent())?.trim() || 'System';
      await page.keyboard.press('Escape');
      await page.getByRole('menu').waitFor({ state: 'detached' });
      await setTheme('Dark');
      try {
        await chart('7 d').waitFor();
        const background = await page.locator('body').evaluate((el) => getComputedStyle(el).backgroundColor);
        assert(background !== 'rgb(255, 255, 255)', `the dark theme has a white page: ${background}`);
        await shot(page, '72-dashboard-dark');
      } finally {
        await setTheme(current);
      }
    }],

    ['Export CSV of the chart writes the 7 days shown, hour by hour', async () => {
      await region('Usage over time').getByRole('button', { name: 'Export CSV', exact: true }).click();
      const lines = await exported(/^Exported to (.+usage-2D_Wireframes-14\.6-\d{8}-\d{8}\.csv)$/);
      assert(lines[0] === 'Time,Feature,Version,Mean used,Min used,Max used,Seats', `the CSV's header is ${lines[0]}`);
      // 7 days of hourly points, the hours without samples left out.
      assert(lines.length > 24 && lines.length <= 7 * 24 + 2, `the CSV has ${lines.length} lines`);
      assert(lines.slice(1).every((l) => l.split(',')[1] === FULL_FEATURE), 'a row of another feature');
    }],

    [`the bell lists the "full" alert of ${feature}, and opening it marks it seen`, async () => {
      await bell().click();
      const dialog = page.getByRole('dialog', { name: 'Alerts', exact: true });
      const item = dialog.getByRole('list', { name: 'Open', exact: true }).getByRole('listitem').filter({ hasText: `Every seat of ${feature} is in use` });
      await item.first().waitFor({ timeout: 30000 });
      await item.first().getByRole('img', { name: 'Every seat in use', exact: true }).waitFor();
      assert(DEMO_PROFILE.test((await item.first().textContent()) ?? ''), 'the alert does not name the demo server');
      await shot(page, '73-alerts');
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });

      await bell().click();
      await item.first().waitFor();
      assert((await item.first().getByText('New', { exact: true }).count()) === 0, 'the alert is still new after the list was opened');
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
    }],

    ['Activity lists the changes the session suite made, with their outcome', async () => {
      await nav('Activity').click();
      await heading('Activity').waitFor();
      const log = main().getByRole('table', { name: 'Activity log', exact: true });
      await log.getByRole('row').nth(1).waitFor({ timeout: 30000 });
      const search = field('Search text');
      await search.fill('Logged in as reader');
      await search.press('Enter');
      const row = log.getByRole('row').filter({ hasText: 'Logged in as reader' }).first();
      await row.waitFor();
      const text = (await row.textContent()) ?? '';
      assert(DEMO_PROFILE.test(text), `the login is not on the demo server: ${text}`);
      assert(text.includes('Done'), `the reader's login is not done: ${text}`);
      await shot(page, '74-activity');
      await main().getByRole('button', { name: 'Export CSV', exact: true }).click();
      const lines = await exported(/^Exported to (.+activity\.csv)$/);
      assert(lines[0] === 'Time,Profile,Server,User,Operation,Summary,Outcome,Code,Tool', `the CSV's header is ${lines[0]}`);
      assert(lines.length >= 2 && lines.slice(1).every((l) => l.includes('Logged in as reader')), `the CSV is not the filtered log: ${lines.join(' | ')}`);
    }],

    ['Settings shows the usage history and which profiles are recorded', async () => {
      await nav('Settings').click();
      await heading('Settings').waitFor();
      const history = region('Usage history and alerts');
      await history.getByRole('button', { name: 'Save history settings', exact: true }).waitFor();
      assert(await history.getByRole('switch', { name: /^Record usage history of Demo server/ }).isChecked(), 'the demo server is not recorded');
      await history.scrollIntoViewIfNeeded();
      await shot(page, '75-settings-history');
    }],

    ['back on the saved simulator profile with the admin logged in', async () => {
      await switchProfile(page, SIM_PROFILE);
      await page.getByTestId('connection-state').getByText(/Connected/).waitFor({ timeout: 30000 });
      await page
        .getByRole('button', { name: 'Session' })
        .getByText('admin')
        .waitFor({ timeout: 30000 })
        .catch(() => undefined);
      if (!/\badmin\b/.test(await sessionText(page))) await login(page, nav, field, 'admin', NEW_ADMIN_PASSWORD, true);
      await page.getByRole('button', { name: 'Session' }).getByText('admin').waitFor();
    }],
  ];
}
