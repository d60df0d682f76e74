// What the benchmark scripts (perf.mjs, perf-memory.mjs) share: the Features
// Details table of the page, and how a page switch is driven and awaited.

/** The feature records table of page and the ways to wait on it. */
export function featureTable(page) {
  const table = () => page.getByRole('table', { name: 'Feature records' });
  const settled = () => page.waitForFunction(() => document.querySelector('table[aria-label="Feature records"][aria-busy="false"]') !== null);
  const firstCell = async () => table().locator('tbody tr td:first-child').first().textContent();
  /** Opens Features Details afresh: the 100,000 records fetched and decoded, the first page drawn. */
  const open = async (baseUrl) => {
    await page.goto(`${baseUrl}/#/features?tab=details&refresh=${Date.now()}`);
    await page.getByRole('button', { name: 'Refresh' }).click();
    await settled();
    await table().locator('tbody tr').first().waitFor();
    // Off the Refresh button: its tooltip, left open under the pointer, would
    // be placed again at every page switch (a forced layout a user at the
    // keyboard does not pay).
    await page.mouse.move(0, 0);
    await page.getByRole('tooltip').waitFor({ state: 'hidden' });
  };
  /** Goes to pages from, from + 1, ... (n of them), each until its rows are shown. */
  const switchPages = async (n, from) => {
    const input = page.getByLabel('Go to page', { exact: true });
    for (let i = 0; i < n; i++) {
      const before = await firstCell();
      await input.fill(String(from + i));
      await input.press('Enter');
      await page.waitForFunction((b) => document.querySelector('table[aria-label="Feature records"] tbody tr td')?.textContent !== b, before);
    }
  };
  return { table, settled, firstCell, open, switchPages };
}

export const median = (a) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
