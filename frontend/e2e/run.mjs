// End-to-end runner (tools/e2e.sh starts `wails dev --demo` first). The
// argument picks the phase: "first" walks through every view; "restart"
// runs after the app was started again on the same settings and keyring.
import { BASE_URL, launch, runSuite, shot, assert } from './harness.mjs';
import settingsTests from './suites/settings.mjs';
import sessionTests from './suites/session.mjs';
import restartTests from './suites/restart.mjs';
import monitoringTests from './suites/monitoring.mjs';
import poolsTests from './suites/pools.mjs';
import reservationsTests from './suites/reservations.mjs';
import backofficeTests from './suites/backoffice.mjs';

const phase = process.argv[2] ?? 'first';
const { browser, page, consoleErrors } = await launch();
const helpers = {
  page, assert, shot, BASE_URL,
  nav: (label) => page.getByRole('navigation').getByRole('link', { name: label, exact: true }),
  field: (label) => page.getByLabel(label, { exact: true }),
};

// The views' suites run after the session suite logged the admin in, in the
// navigation's order.
const suites = phase === 'restart'
  ? [restartTests]
  : [settingsTests, sessionTests, monitoringTests, poolsTests, reservationsTests, backofficeTests];
const tests = suites.flatMap((s) => s(helpers));
tests.push(['no uncaught errors in the page', async () => {
  assert(consoleErrors.length === 0, `page errors: ${consoleErrors.join('; ')}`);
}]);

const failed = await runSuite(tests, page);
await browser.close();
process.exit(failed ? 1 : 0);
