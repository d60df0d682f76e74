// What the benchmark scripts (perf.mjs, perf-memory.mjs) share: the Features
// Details table of the page, and how a page switch is driven and awaited.

/** The feature records table of page and the ways to wait on it. */
export function featureTable(page) {
  const table = () => page.getByRole('table', { name: 'Feature records' });
  const settled = () => page.waitForFunction(() => document.querySelector('table[aria-label="Feature records"][aria-busy="false"]') !== null);
  const firstCell = async () => table().locator('tbody tr td:first-child').first().textContent();
  /** Leaves for the About view, so that the next open is a navigation to Features Details. */
  const leave = async (baseUrl) => {
    await page.goto(`${baseUrl}/#/about`);
    await page.getByRole('heading', { name: 'About', level: 1 }).waitFor();
  };
  /**
   * Navigates to Features Details, which reads the records afresh as it
   * opens (the 100,000 records fetched and decoded), until its first page
   * of records is drawn: linked feature names, not the placeholder rows.
   */
  const open = async (baseUrl) => {
    await page.goto(`${baseUrl}/#/features?tab=details`);
    await page.waitForFunction(() => {
      const t = document.querySelector('table[aria-label="Feature records"]');
      return t?.getAttribute('aria-busy') === 'false' && t.querySelector('tbody tr a') !== null;
    });
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
  return { settled, firstCell, leave, open, switchPages };
}

export const median = (a) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
