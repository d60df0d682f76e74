// End-to-end steps for the Reservations view on the demo server, run after
// the admin has logged in. The demo has reservation groups and no model, so
// reservations can be added: a group of two entries is added (after the
// check refuses a version that is not a.b), found by its device ID, then
// ticked, moved to the pending deletions and deleted again.

const GROUP = 'E2E Group';
const HOST = 'E2E-HOST-1';

/** @param {{ page: import('playwright-core').Page, nav: (label: string) => import('playwright-core').Locator, field: (label: string) => import('playwright-core').Locator, assert: (cond: unknown, msg: string) => void, shot: (page: import('playwright-core').Page, name: string) => Promise<void> }} helpers */
export default function reservationsTests({ page, nav, field, assert, shot }) {
  const main = () => page.getByRole('main');
  const heading = (name) => page.getByRole('heading', { name, exact: true, level: 1 });
  const list = () => page.getByRole('table', { name: 'Reservations', exact: true });
  const pending = () => page.getByRole('table', { name: 'Reservations (Pending Submission)', exact: true });
  const total = () => page.getByText(/^Total number of records: [\d,]+$/);
  const totalCount = async () => Number((await total().textContent())?.replace(/\D/g, '') ?? '0');
  const hash = () => decodeURIComponent(new URL(page.url()).hash);

  // Feature Name and Version offer the server's values in a popup, which
  // Escape closes so that it covers nothing below; the typed text stays.
  // Once open, the popup's listbox carries the same label, so the input is
  // found by its combobox role.
  const fillFreeSolo = async (label, value) => {
    const input = page.getByRole('combobox', { name: label, exact: true });
    await input.fill(value);
    await input.press('Escape');
  };

  const addEntry = async ({ feature, version, count }) => {
    await fillFreeSolo('Feature Name', feature);
    await fillFreeSolo('Version', version);
    await field('Count').fill(count);
    await main().getByRole('button', { name: 'Add', exact: true }).click();
  };

  return [
    ['Reservations lists the demo groups with a status per entry', async () => {
      await nav('Reservations').click();
      await heading('Reservations').waitFor();
      await list().getByRole('img', { name: /^(Can|Cannot) be satisfied/ }).first().waitFor({ timeout: 30000 });
      for (const name of ['Status', 'Device ID', 'ID Type', 'Reservation Group', 'Feature Name', 'Version', 'Count']) {
        assert(await list().getByRole('columnheader', { name, exact: true }).isVisible(), `Reservations has no ${name} column`);
      }
      assert((await totalCount()) > 0, 'Reservations shows no records');
      for (const name of ['Import', 'Export', 'Add']) {
        assert(await main().getByRole('button', { name, exact: true }).isEnabled(), `${name} is disabled though no model is active`);
      }
      assert(await main().getByRole('button', { name: 'Delete', exact: true }).isDisabled(), 'Delete is enabled with nothing ticked');
      await shot(page, '41-reservations');
    }],

    ['Add refuses a version that is not a.b at the field, before anything is pending', async () => {
      await main().getByRole('button', { name: 'Add', exact: true }).click();
      await heading('Add Reservation').waitFor();
      await field('Group Name').fill(GROUP);
      await field('Device ID').fill(HOST);
      await page.getByRole('combobox', { name: 'ID Type', exact: true }).click();
      await page.getByRole('option', { name: 'STRING', exact: true }).click();
      await addEntry({ feature: '3D_Rendering', version: '3', count: '1' });
      await page.getByText('"3" is not a version in numeric a.b form (for example 1.0).').waitFor();
      assert((await page.getByRole('combobox', { name: 'Version', exact: true }).getAttribute('aria-invalid')) === 'true', 'the Version field is not marked invalid');
      assert((await pending().count()) === 0, 'the refused entry went to the pending table');
      await shot(page, '42-reservation-version-error');
    }],

    ['two entries for the same group name form one pending group', async () => {
      await fillFreeSolo('Version', '3.0');
      await main().getByRole('button', { name: 'Add', exact: true }).click();
      await pending().getByRole('cell', { name: '3D_Rendering', exact: true }).waitFor();
      assert((await field('Group Name').inputValue()) === GROUP, 'Add did not keep the group name for the next entry');
      assert((await field('Device ID').inputValue()) === HOST, 'Add did not keep the device ID for the next entry');

      await addEntry({ feature: 'Mesh_Repair', version: '1.5', count: '1' });
      await pending().getByRole('cell', { name: 'Mesh_Repair', exact: true }).waitFor();
      const groups = pending().locator('th[scope="rowgroup"]');
      assert((await groups.count()) === 1, `${await groups.count()} pending groups instead of one`);
      assert((await groups.first().textContent())?.includes(`${GROUP} — 2 entries`), 'the pending group does not hold both entries');
      assert((await pending().getByRole('cell', { name: 'STRING', exact: true }).count()) === 2, 'an entry lost its ID Type');
      await shot(page, '43-reservation-pending');
    }],

    ['Submit creates the group, and the list finds both entries by device ID', async () => {
      await main().getByRole('button', { name: 'Submit', exact: true }).click();
      await heading('Reservations').waitFor();
      await page.getByText(`Created 1 group: ${GROUP}.`).waitFor({ timeout: 30000 });
      // Search once the list has loaded, as a person would after seeing it.
      await page.waitForFunction(() => document.querySelector('table[aria-label="Reservations"][aria-busy="false"]') !== null);
      const search = field('Search by device ID, group or feature');
      await search.fill(HOST);
      await search.press('Enter');
      await page.waitForFunction((q) => decodeURIComponent(location.hash).includes(`q=${q}`), HOST);
      // The previous page stays on screen while the search runs.
      await page.getByText(/^Total number of records: 2$/).waitFor();
      await list().getByRole('cell', { name: 'Mesh_Repair', exact: true }).waitFor();
      await list().getByRole('cell', { name: '3D_Rendering', exact: true }).waitFor();
      const rows = list().locator('tbody tr');
      assert((await rows.count()) === 2, `${await rows.count()} rows for ${HOST} instead of 2`);
      assert((await totalCount()) === 2, 'the total is not the two new entries');
      assert(hash().includes(`q=${HOST}`), `the search is not in the URL: ${hash()}`);
      await list().getByRole('img', { name: /^(Can|Cannot) be satisfied/ }).first().waitFor();
      await shot(page, '44-reservations-search');
    }],

    ['ticking an entry ticks its group, which Delete and Submit remove from the server', async () => {
      await list().getByRole('checkbox', { name: new RegExp(`^Select 3D_Rendering 3\\.0 for ${HOST}`) }).check();
      assert(await list().getByRole('checkbox', { name: new RegExp(`^Select Mesh_Repair 1\\.5 for ${HOST}`) }).isChecked(), 'the other entry of the group is not ticked');
      await main().getByRole('button', { name: 'Delete', exact: true }).click();
      const deletions = page.getByRole('region', { name: 'Pending deletions', exact: true });
      await deletions.getByText(`${GROUP} (2 entries)`, { exact: true }).waitFor();
      await shot(page, '45-reservations-pending-deletion');

      await deletions.getByRole('button', { name: 'Submit', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: 'Delete reservation groups' });
      await dialog.getByText(new RegExp(`: ${GROUP}\\?$`)).waitFor();
      await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
      await page.getByText('1 group deleted', { exact: true }).waitFor({ timeout: 30000 });
      await list().getByText(`No device ID, group or feature contains "${HOST}".`).waitFor();
      assert((await deletions.count()) === 0, 'the deleted group is still pending deletion');
      await shot(page, '46-reservations-deleted');
    }],
  ];
}
