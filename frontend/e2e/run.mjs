// End-to-end runner (tools/e2e.sh starts `wails dev --demo` first). The
// argument picks the phase: "first" walks through every view; "legacy"
// walks the main views again on a saved profile of a 2018-era server (the
// legacy-dialect simulator); "restart" runs after the app was started
// again on the same settings and keyring.
import { BASE_URL, launch, runSuite, shot, assert } from './harness.mjs';
import settingsTests from './suites/settings.mjs';
import sessionTests from './suites/session.mjs';
import dashboardTests from './suites/dashboard.mjs';
import restartTests from './suites/restart.mjs';
import monitoringTests from './suites/monitoring.mjs';
import poolsTests from './suites/pools.mjs';
import reservationsTests from './suites/reservations.mjs';
import backofficeTests from './suites/backoffice.mjs';
import legacyTests, { LEGACY_ADMIN_PASSWORD, legacyDiagnosticsTests } from './suites/legacy.mjs';

// The views' suites run after the session suite logged the admin in, in the
// navigation's order: the Dashboard's first, as its group leads the menu (its
// Activity step finds the changes the session suite made). The legacy pass
// names its steps and screenshots apart, so that they sit beside the first
// pass's.
const phases = {
  first: (h) => [settingsTests, sessionTests, dashboardTests, monitoringTests, poolsTests, reservationsTests, backofficeTests].flatMap((s) => s(h)),
  legacy: (h) => {
    const legacy = { ...h, shot: (p, name) => shot(p, `legacy-${name}`) };
    return [
      ...legacyTests(legacy),
      ...monitoringTests(legacy, { adminPassword: LEGACY_ADMIN_PASSWORD }),
      ...poolsTests(legacy),
      ...reservationsTests(legacy),
      ...legacyDiagnosticsTests(legacy),
    ].map(([name, fn]) => [`legacy: ${name}`, fn]);
  },
  restart: (h) => restartTests(h),
};
const phase = process.argv[2] ?? 'first';
if (!phases[phase]) throw new Error(`unknown phase ${phase}: use ${Object.keys(phases).join(', ')}`);

const { browser, page, consoleErrors } = await launch();
const tests = phases[phase]({
  page, assert, shot, BASE_URL,
  nav: (label) => page.getByRole('navigation').getByRole('link', { name: label, exact: true }),
  field: (label) => page.getByLabel(label, { exact: true }),
});
tests.push(['no uncaught errors in the page', async () => {
  assert(consoleErrors.length === 0, `page errors: ${consoleErrors.join('; ')}`);
}]);

const failed = await runSuite(tests, page);
await browser.close();
process.exit(failed ? 1 : 0);
