// Scripted UI timings on the simulator's large dataset (tools/perf.sh starts
// `wails dev --demo --security off --dataset large`). Figures, not tests:
// each action is timed from the click to the table showing its new rows,
// five times, and the median is printed.
import { BASE_URL, launch, shot } from './harness.mjs';

const { browser, page } = await launch();
page.setDefaultTimeout(120000);
const table = () => page.getByRole('table', { name: 'Feature records' });
const settled = () => page.waitForFunction(() => document.querySelector('table[aria-label="Feature records"][aria-busy="false"]') !== null);
const firstCell = async () => table().locator('tbody tr td:first-child').first().textContent();

async function timed(label, runs, action) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await action(i);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  console.log(`${label}: median ${times[Math.floor(times.length / 2)].toFixed(0)} ms (min ${times[0].toFixed(0)}, max ${times[times.length - 1].toFixed(0)}, ${runs} runs)`);
}

await page.goto(BASE_URL, { waitUntil: 'networkidle' });
await page.getByRole('navigation').getByRole('link', { name: 'Features', exact: true }).click();

await timed('open Features Details (fetch and decode 100,000 records, first page)', 3, async () => {
  await page.goto(`${BASE_URL}/#/features?tab=details&refresh=${Date.now()}`);
  await page.getByRole('button', { name: 'Refresh' }).click();
  await settled();
  await table().locator('tbody tr').first().waitFor();
});
const total = await page.getByText(/^Total number of records: [\d,]+$/).textContent();
console.log(`  ${total}`);

// In-page latency, free of Playwright's own round trips: from the Enter
// keydown to the moment the table's first cell shows the new page.
async function inPage(label, runs, prepare, key) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const target = await prepare(i);
    await page.evaluate(() => {
      const w = window;
      w.__perf = { start: 0, end: 0 };
      const cell = () => document.querySelector('table[aria-label="Feature records"] tbody tr td')?.textContent;
      const before = cell();
      document.addEventListener('keydown', (e) => { if (e.key === 'Enter') w.__perf.start = performance.now(); }, { capture: true, once: true });
      const obs = new MutationObserver(() => {
        const busy = document.querySelector('table[aria-label="Feature records"]')?.getAttribute('aria-busy');
        if (busy === 'false' && cell() !== before && w.__perf.start) { w.__perf.end = performance.now(); obs.disconnect(); }
      });
      obs.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    });
    await target.press(key);
    await page.waitForFunction(() => window.__perf.end > 0);
    times.push(await page.evaluate(() => window.__perf.end - window.__perf.start));
  }
  times.sort((a, b) => a - b);
  console.log(`${label}: median ${times[Math.floor(times.length / 2)].toFixed(0)} ms in the page (min ${times[0].toFixed(0)}, max ${times[times.length - 1].toFixed(0)}, ${runs} runs)`);
}

await timed('switch page (Go to page N), as Playwright sees it', 5, async (i) => {
  const before = await firstCell();
  const input = page.getByLabel('Go to page', { exact: true });
  await input.fill(String(100 + i * 37));
  await input.press('Enter');
  await settled();
  await page.waitForFunction((b) => document.querySelector('table[aria-label="Feature records"] tbody tr td')?.textContent !== b, before);
});
await inPage('switch page (Go to page N)', 7, async (i) => {
  const input = page.getByLabel('Go to page', { exact: true });
  await input.fill(String(300 + i * 53));
  return input;
}, 'Enter');

await timed('search an exact feature name', 5, async (i) => {
  const search = page.getByLabel('Search by feature name', { exact: true });
  await search.fill(i % 2 ? 'Feature_0017' : 'Feature_0042');
  await search.press('Enter');
  await settled();
});
await shot(page, 'perf-large-details');
await browser.close();
