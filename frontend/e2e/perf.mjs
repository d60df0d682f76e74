// Scripted UI timings on the simulator's large dataset (tools/perf.sh starts
// `wails dev --demo --security off --dataset large`). Figures, not tests:
// each action is timed from the click to the table showing its new rows,
// five times, and the median is printed.
import { ARTIFACTS, BASE_URL, launch, shot } from './harness.mjs';

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

// The Dashboard on a year of history (tools/perf.sh passes the benchmarks'
// store with --history): from loading the page at its route to the last of
// its sections painted, the chart of its first feature included. The
// baseline is the same page load at the About view, which reads nothing
// but the server's version.
const main = () => page.getByRole('main');
const loads = { about: [], dashboard: [] };
const pageLoad = async (route, ready) => {
  const t0 = performance.now();
  await page.goto(`${BASE_URL}/#/${route}`);
  await ready();
  return performance.now() - t0;
};
const aboutReady = async () => {
  await page.getByRole('heading', { name: 'About', level: 1 }).waitFor();
  await page.getByText(/^Version/).first().waitFor();
};
const dashboardReady = async () => {
  await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
  for (const name of ['Near capacity now', 'Full in the last 7 days', 'Next expiries']) {
    await main().getByRole('region', { name, exact: true }).waitFor();
  }
  await main().getByRole('region', { name: 'Usage over time', exact: true }).getByRole('figure').first().waitFor();
  await page.waitForFunction(() => !document.querySelector('main [aria-label^="Loading"]'));
};
for (let i = 0; i < 5; i++) {
  loads.about.push(await pageLoad('about', aboutReady));
  loads.dashboard.push(await pageLoad('dashboard', dashboardReady));
}
const median = (a) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
const about = median(loads.about);
const dashboard = median(loads.dashboard);
console.log(`Dashboard first paint on a year of history: median ${dashboard.toFixed(0)} ms, ${(dashboard / about).toFixed(2)}x the About view's page load (${about.toFixed(0)} ms), 5 runs each`);
// The viewport only: the page of a large server is too long for one image.
await page.screenshot({ path: `${ARTIFACTS}/perf-dashboard-year.png` });
await browser.close();
