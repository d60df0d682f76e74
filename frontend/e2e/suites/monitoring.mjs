// End-to-end steps for the monitoring views on the saved simulator profile,
// run after the admin has logged in: Features (Summary, Details, their
// columns' fit at 1280 x 820, search, Feature Details and back), Devices
// (list, Device Details and back) and Properties (a save the session ends
// midway; an invalid value refused in place, a valid one saved and reported).
// The legacy pass runs them again on a 2018-era server, whose admin still
// has the first password.
import { NEW_ADMIN_PASSWORD } from './session.mjs';

/** @param {{ page: import('playwright-core').Page, nav: (label: string) => import('playwright-core').Locator, field: (label: string) => import('playwright-core').Locator, assert: (cond: unknown, msg: string) => void, shot: (page: import('playwright-core').Page, name: string) => Promise<void> }} helpers */
export default function monitoringTests({ page, nav, field, assert, shot }, { adminPassword = NEW_ADMIN_PASSWORD } = {}) {
  const heading = (name) => page.getByRole('heading', { name, exact: true, level: 1 });
  const total = () => page.getByText(/^Total number of records: [\d,]+$/);
  const totalCount = async () => Number((await total().textContent())?.replace(/\D/g, '') ?? '0');
  const hash = () => decodeURIComponent(new URL(page.url()).hash);
  const bodyRows = (table) => table.locator('tbody tr');
  // A tab is open once it says so: a click while the page is busy (the menu
  // animating, the window resized) may take effect a moment later.
  const openTab = async (name) => {
    const tab = page.getByRole('tab', { name });
    await tab.click();
    await page.getByRole('tab', { name, selected: true }).waitFor();
  };
  let deviceName = '';

  return [
    ['Features opens on the Summary tab with the guide’s columns', async () => {
      await nav('Features').click();
      await heading('Features').waitFor();
      assert((await page.getByRole('tab', { name: 'Summary' }).getAttribute('aria-selected')) === 'true', 'Summary is not the first tab');
      const table = page.getByRole('table', { name: 'Feature summary' });
      await table.getByRole('link').first().waitFor({ timeout: 30000 });
      for (const name of ['Feature', 'Total Count', 'Total Available', 'First Expiration', 'Counted']) {
        assert(await table.getByRole('columnheader', { name, exact: true }).isVisible(), `Summary has no ${name} column`);
      }
      assert((await totalCount()) > 0, 'Summary shows no records');
      await shot(page, '11-features-summary');
    }],

    // The window opens at 1280 x 820 by default: the Summary's ten columns
    // and the Details tab's eleven fit beside the expanded menu, and more so
    // beside the menu collapsed to icons.
    ['at 1280 x 820 the guide’s columns fit without a horizontal scroll', async () => {
      const viewport = page.viewportSize();
      const drawerWidth = () => page.locator('.MuiDrawer-paper').evaluate((el) => Math.round(el.getBoundingClientRect().width));
      const setMenu = async (collapsed) => {
        const toggle = page.getByRole('button', { name: collapsed ? 'Collapse navigation' : 'Expand navigation' });
        if ((await toggle.count()) > 0) await toggle.click();
        await page.getByRole('button', { name: collapsed ? 'Expand navigation' : 'Collapse navigation' }).waitFor();
        // The drawer animates its width; measure once it has stopped.
        let last = -1;
        for (let i = 0; i < 40; i++) {
          const now = await drawerWidth();
          if (now === last) break;
          last = now;
          await page.waitForTimeout(100);
        }
        return last;
      };
      const loaded = async (name, columns) => {
        const table = page.getByRole('table', { name });
        await table.getByRole('link').first().waitFor({ timeout: 30000 });
        await page.waitForFunction((n) => document.querySelector(`table[aria-label="${n}"]`)?.getAttribute('aria-busy') === 'false', name);
        const headers = await table.getByRole('columnheader').count();
        assert(headers === columns, `${name} shows ${headers} columns, not the guide's ${columns}`);
        return table;
      };
      // The element that would scroll is the table's container.
      const fits = async (table, what) => {
        const m = await table.evaluate((t) => {
          const box = t.closest('.MuiTableContainer-root') ?? t.parentElement;
          return { scroll: box.scrollWidth, client: box.clientWidth, table: Math.ceil(t.getBoundingClientRect().width) };
        });
        assert(m.scroll <= m.client && m.table <= m.client, `${what}: the table is ${m.table} px wide (scrollWidth ${m.scroll}) in ${m.client} px`);
      };

      await page.setViewportSize({ width: 1280, height: 820 });
      try {
        const expanded = await setMenu(false);
        assert(expanded >= 200, `the expanded menu is ${expanded} px wide`);
        await openTab('Summary');
        await fits(await loaded('Feature summary', 10), 'Summary beside the menu');
        await shot(page, 'features-summary-1280');

        await openTab('Details');
        const details = await loaded('Feature records', 11);
        await fits(details, 'Details beside the menu');
        await shot(page, 'features-details-1280');
        const rail = await setMenu(true);
        assert(rail <= 80, `the collapsed menu is ${rail} px wide`);
        assert((await nav('Features').getAttribute('aria-current')) === 'page', 'the collapsed menu lost the Features link');
        await fits(details, 'Details beside the collapsed menu');
        await shot(page, 'features-details-1280-collapsed');
      } finally {
        await setMenu(false).catch(() => {});
        await openTab('Summary').catch(() => {});
        if (viewport) await page.setViewportSize(viewport);
      }
    }],

    ['the Details tab pages through every record', async () => {
      await openTab('Details');
      const table = page.getByRole('table', { name: 'Feature records' });
      await table.getByRole('link').first().waitFor({ timeout: 30000 });
      assert((await table.getByRole('columnheader', { name: 'Entitlement ID', exact: true }).count()) === 1, 'Details has no Entitlement ID column');
      const shown = await bodyRows(table).count();
      const records = await totalCount();
      if (records > shown) {
        const first = await table.getByRole('link').first().textContent();
        await page.getByRole('button', { name: 'Go to page 2', exact: true }).click();
        await page.getByRole('button', { name: 'page 2', exact: true }).and(page.locator('[aria-current="page"]')).waitFor();
        assert(hash().includes('page=2'), `page 2 is not in the URL: ${hash()}`);
        await page.waitForFunction(() => document.querySelector('table[aria-busy="false"]') !== null);
        assert((await table.getByRole('link').first().textContent()) !== first || records > 2 * shown, 'page 2 shows page 1');
      } else {
        assert(records === shown, `${records} records but ${shown} rows on one page`);
      }
      await shot(page, '12-features-details-page2');
    }],

    ['search takes the exact and complete feature name', async () => {
      const search = field('Search by feature name');
      await search.fill('3D_Render');
      await search.press('Enter');
      await page.getByText('No feature is named "3D_Render".').waitFor();
      await search.fill('3D_Rendering');
      await page.getByRole('button', { name: 'Search', exact: true }).click();
      const table = page.getByRole('table', { name: 'Feature records' });
      await table.getByRole('link', { name: '3D_Rendering', exact: true }).first().waitFor();
      const names = await table.locator('tbody tr td:first-child').allTextContents();
      assert(names.length > 0 && names.every((n) => n === '3D_Rendering'), `search found ${names.join(', ')}`);
      assert((await totalCount()) === names.length, 'the total is not the number of 3D_Rendering records');
      assert(hash().includes('q=3D_Rendering') && hash().includes('tab=details'), `the search is not in the URL: ${hash()}`);
      await shot(page, '13-features-search');
    }],

    ['Feature Details shows the record and Back returns to the same tab and search', async () => {
      const before = hash();
      await page.getByRole('table', { name: 'Feature records' }).getByRole('link', { name: '3D_Rendering', exact: true }).first().click();
      await heading('Feature Details: 3D_Rendering').waitFor();
      for (const label of ['Feature Name', 'Version', 'Start Date', 'Total Count', 'Available', 'Used Count', 'Reserved Count', 'Vendor String', 'Feature Expiry']) {
        assert(await page.getByRole('term').filter({ hasText: new RegExp(`^${label}$`) }).isVisible(), `Feature Details has no ${label}`);
      }
      await page.getByRole('heading', { name: 'Served Device', exact: true }).waitFor();
      const served = page.getByRole('table', { name: 'Served devices' });
      await served.getByRole('columnheader', { name: 'Total Count Served', exact: true }).waitFor();
      await shot(page, '14-feature-details');

      await page.getByRole('button', { name: 'Back to list', exact: true }).click();
      await heading('Features').waitFor();
      assert((await page.getByRole('tab', { name: 'Details' }).getAttribute('aria-selected')) === 'true', 'Back did not return to Details');
      assert((await field('Search by feature name').inputValue()) === '3D_Rendering', 'Back lost the search');
      assert(hash() === before, `Back went to ${hash()} instead of ${before}`);
    }],

    ['Devices lists the served devices', async () => {
      await nav('Devices').click();
      await heading('Devices').waitFor();
      const table = page.getByRole('table', { name: 'Devices' });
      const first = table.getByRole('link').first();
      await first.waitFor({ timeout: 30000 });
      for (const name of ['Device ID', 'ID Type', 'Device Type', 'Alias', 'Status', 'Expiry']) {
        assert(await table.getByRole('columnheader', { name, exact: true }).isVisible(), `Devices has no ${name} column`);
      }
      assert((await totalCount()) > 0, 'Devices shows no records');
      deviceName = (await first.textContent()) ?? '';
      await shot(page, '15-devices');
    }],

    ['Device Details shows the consumed features, and Back returns', async () => {
      await page.getByRole('table', { name: 'Devices' }).getByRole('link', { name: deviceName, exact: true }).first().click();
      await heading(`Device Details: ${deviceName}`).waitFor();
      await page.getByRole('term').filter({ hasText: /^Device Expiry$/ }).waitFor();
      await page.getByRole('button', { name: 'Help: Device Expiry' }).waitFor();
      await page.getByRole('heading', { name: 'Consumed Features', exact: true }).waitFor();
      const consumed = page.getByRole('table', { name: 'Consumed features' });
      await consumed.getByRole('columnheader', { name: 'Feature', exact: true }).waitFor();
      await page.getByRole('button', { name: 'Delete device record' }).waitFor();
      await shot(page, '16-device-details');
      await page.getByRole('button', { name: 'Back', exact: true }).click();
      await heading('Devices').waitFor();
      await page.getByRole('table', { name: 'Devices' }).getByRole('link', { name: deviceName, exact: true }).first().waitFor();
    }],

    // tools/e2e.sh starts the standalone simulator with the second policy
    // update of the run answered 401, as a server whose session ends
    // midway: this step's save is the first, so its second setting meets it.
    ['a save the session ends midway shows what was saved, asks for a login and sends only the rest', async () => {
      await nav('Properties').click();
      await heading('Properties').waitFor();
      await page.getByRole('heading', { name: 'General Properties' }).waitFor({ timeout: 30000 });
      await page.getByRole('button', { name: /^License Generation/ }).click();
      const first = field('licensing.borrowIntervalMax');
      const second = field('licensing.renewInterval');
      await second.waitFor();
      const [firstNext, secondNext] = [(await first.inputValue()) === '31d' ? '32d' : '31d', (await second.inputValue()) === '17' ? '18' : '17'];
      await first.fill(firstNext);
      await second.fill(secondNext);
      await page.getByText('2 changes', { exact: true }).waitFor();
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await page.getByRole('dialog', { name: 'Save 2 changes to the license server?' }).getByRole('button', { name: 'Save', exact: true }).click();

      // The report of the first run shows under the login prompt (which
      // hides the page from the accessibility tree while it is open).
      const prompt = page.getByRole('dialog', { name: 'Log in to continue' });
      await prompt.waitFor({ timeout: 30000 });
      const hiddenReport = page.getByRole('alert', { name: 'Save report', includeHidden: true });
      await hiddenReport.getByRole('list', { name: 'Saved settings', includeHidden: true }).getByText('licensing.borrowIntervalMax').waitFor();
      await hiddenReport.getByRole('list', { name: 'Settings not sent', includeHidden: true }).getByText('licensing.renewInterval').waitFor();
      assert((await second.inputValue()) === secondNext, 'the setting not sent lost its value');
      await shot(page, '18a-properties-stopped-login');

      await prompt.getByLabel('Password', { exact: true }).fill(adminPassword);
      await prompt.getByRole('button', { name: 'Login', exact: true }).click();
      await prompt.waitFor({ state: 'detached' });
      // The retry sent only the rest: both are saved now, nothing is left.
      const report = page.getByRole('alert', { name: 'Save report' });
      await report.getByRole('list', { name: 'Saved settings' }).getByText('licensing.renewInterval').waitFor({ timeout: 30000 });
      assert((await report.getByRole('list', { name: 'Settings not sent' }).count()) === 0, 'a setting is still listed as not sent');
      await page.getByText('No changes', { exact: true }).waitFor();
      assert((await first.inputValue()) === firstNext && (await second.inputValue()) === secondNext, 'the saved values do not show');
      await shot(page, '18b-properties-retried');
    }],

    ['Properties refuses an invalid duration in place and reports a valid one saved', async () => {
      await nav('Properties').click();
      await heading('Properties').waitFor();
      await page.getByRole('heading', { name: 'General Properties' }).waitFor({ timeout: 30000 });
      await page.getByRole('combobox', { name: 'Server Host ID' }).waitFor();
      await page.getByRole('button', { name: /^License Generation/ }).click();
      const renew = field('licensing.renewInterval');
      await renew.waitFor();
      const before = await renew.inputValue();

      await renew.fill('soon');
      await page.getByText(/^Enter a duration: a number with s, m, h, d or w/).waitFor();
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await page.getByText('Correct 1 setting before saving: licensing.renewInterval.').waitFor();
      assert((await page.getByRole('dialog').count()) === 0, 'an invalid value reached the confirmation');
      await shot(page, '17-properties-invalid');

      const next = before === '20' ? '25' : '20';
      await renew.fill(next);
      await page.getByText('1 change', { exact: true }).waitFor();
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: 'Save 1 change to the license server?' });
      await dialog.getByText('licensing.renewInterval').waitFor();
      await dialog.getByRole('button', { name: 'Save', exact: true }).click();
      const report = page.getByRole('alert', { name: 'Save report' });
      await report.getByRole('list', { name: 'Saved settings' }).getByText('licensing.renewInterval').waitFor();
      await page.getByText('No changes', { exact: true }).waitFor();
      assert((await renew.inputValue()) === next, `the saved value reads ${await renew.inputValue()}`);
      await shot(page, '18-properties-saved');
    }],
  ];
}
