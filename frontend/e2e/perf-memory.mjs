// Memory of the app on the large dataset (tools/perf.sh starts the simulator
// in a process of its own and the app against it, so what is measured is the
// app alone): resident memory after Features Details is opened and ten
// pages are switched, and its growth over fifty more switches, a leak check.
// The app is its Go process (PERF_APP_PID) and the web view showing the
// page, here the renderer process of this browser that holds it (the
// largest: the others are Chromium's spares). Each is its proportional set
// size, resident memory with the pages it shares (Chromium's own code, say)
// divided among the processes sharing them, so that the browser's code is
// not counted once per process; read after a garbage collection of the
// page, beside the page's JavaScript heap.
import { readFileSync } from 'node:fs';
import { BASE_URL, launch } from './harness.mjs';
import { featureTable } from './perfkit.mjs';

const { browser, page } = await launch();
page.setDefaultTimeout(120000);
const { leave, open, switchPages } = featureTable(page);
const goPid = Number(process.env.PERF_APP_PID);
if (!goPid) throw new Error('PERF_APP_PID is not set: run this through tools/perf.sh');

const pssMB = (pid) => Number(/^Pss:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1] ?? NaN) / 1024;
const cdp = await page.context().newCDPSession(page);
const browserCdp = await browser.newBrowserCDPSession();
await cdp.send('Performance.enable');
async function measure() {
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const { processInfo } = await browserCdp.send('SystemInfo.getProcessInfo');
  const view = Math.max(...processInfo.filter((p) => p.type === 'renderer').map((p) => pssMB(p.id)));
  const go = pssMB(goPid);
  return { go, view, total: go + view, heap: metrics.find((m) => m.name === 'JSHeapUsedSize').value / 1024 / 1024 };
}

await page.goto(BASE_URL, { waitUntil: 'networkidle' });
await leave(BASE_URL);
await open(BASE_URL);
await switchPages(10, 700);
const m10 = await measure();
await switchPages(50, 800);
const m60 = await measure();
const mb = (v) => `${v.toFixed(0)} MB`;
console.log(`memory after Features Details and 10 page switches: ${mb(m10.total)} proportional set size (Go ${mb(m10.go)}, the page's renderer ${mb(m10.view)}), page heap ${m10.heap.toFixed(1)} MB; target 350 MB`);
console.log(`  growth over 50 more page switches: ${(m60.total - m10.total).toFixed(1)} MB (Go ${(m60.go - m10.go).toFixed(1)}, renderer ${(m60.view - m10.view).toFixed(1)}), page heap ${(m60.heap - m10.heap).toFixed(1)} MB`);
await browser.close();
