// A small sequential test harness for the end-to-end suite: named steps,
// a screenshot after each, and a closing "N passed, N failed" line.
import { chromium } from 'playwright-core';
import path from 'node:path';

export const BASE_URL = process.env.E2E_URL ?? 'http://localhost:34115';
export const ARTIFACTS = process.env.E2E_ARTIFACTS ?? path.resolve('e2e/artifacts');

export async function launch() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
  page.setDefaultTimeout(15000);
  const consoleErrors = [];
  page.on('pageerror', (err) => consoleErrors.push(String(err)));
  return { browser, page, consoleErrors };
}

export async function runSuite(tests, page) {
  let passed = 0;
  let failed = 0;
  for (const [name, fn] of tests) {
    const started = Date.now();
    try {
      await fn();
      passed++;
      console.log(`ok   ${name} (${Date.now() - started} ms)`);
    } catch (err) {
      failed++;
      console.log(`FAIL ${name}\n     ${String(err?.stack ?? err).split('\n').slice(0, 6).join('\n     ')}`);
      await page.screenshot({ path: path.join(ARTIFACTS, `FAILED-${slug(name)}.png`) }).catch(() => {});
      // A failed step may leave a dialog or menu open over the page, which
      // would fail every later step for a reason of its own.
      for (let i = 0; i < 2; i++) await page.keyboard.press('Escape').catch(() => {});
    }
  }
  console.log(`e2e: ${passed} passed, ${failed} failed`);
  return failed;
}

export function slug(s) {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

export async function shot(page, name) {
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}

export function assert(cond, msg) {
  if (!cond) throw new Error(msg);
}
