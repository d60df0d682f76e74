// Settings and About on the demo server: the first walk of a new user.
import fs from 'node:fs';
import path from 'node:path';

const settingsFile = path.join(process.env.E2E_SETTINGS_DIR ?? '', 'settings.json');
const readSettingsFile = () => (fs.existsSync(settingsFile) ? fs.readFileSync(settingsFile, 'utf8') : '');

export default function settingsTests({ page, nav, field, assert, shot, BASE_URL }) {
  return [
  ['opens on Login (the demo server is secured) and About shows the build', async () => {
    await page.goto(BASE_URL, { waitUntil: 'networkidle' });
    // The guide: the app opens on About, or on Login when the server is
    // secured and no credentials were given yet.
    await page.getByRole('heading', { name: 'Login', exact: true }).waitFor();
    await nav('About').click();
    await page.getByRole('heading', { name: 'About', exact: true }).waitFor();
    await page.getByTestId('connection-state').getByText(/Connected/).waitFor({ timeout: 30000 });
    const profile = await page.getByRole('button', { name: 'Server profile' }).textContent();
    assert(/Demo server/.test(profile ?? ''), `header shows profile ${profile}`);
    const body = await page.locator('main').textContent();
    for (const text of ['0.1.0', 'e2e', 'go1.', 'linux', 'WebKitGTK', '2025.10.0']) {
      assert(body?.includes(text), `About does not show ${text}`);
    }
    await shot(page, '01-about');
  }],

  ['the demo profile has fixed server fields', async () => {
    await nav('Settings').click();
    await page.getByRole('heading', { name: 'Settings', exact: true }).waitFor();
    assert(await field('FlexNet License Server Host Name').isDisabled(), 'demo host must be read-only');
    assert((await field('FlexNet License Server Host Name').inputValue()) === '127.0.0.1', 'demo host');
    await page.getByRole('button', { name: 'Test connection' }).click();
    await page.getByText(/2025\.10\.0/).first().waitFor();
    await shot(page, '02-settings-demo');
  }],

  ['a new profile must be configured before other views', async () => {
    await page.getByRole('button', { name: 'Server profile' }).click();
    await page.getByRole('menuitem', { name: /Add profile/ }).click();
    await page.getByRole('dialog').getByLabel(/name/i).fill('Lab server');
    await page.getByRole('dialog').getByRole('button', { name: /Add/ }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    const profile = await page.getByRole('button', { name: 'Server profile' }).textContent();
    assert(/Lab server/.test(profile ?? ''), `header shows ${profile}`);
    await page.getByTestId('connection-state').getByText(/Not configured/).waitFor();
    await shot(page, '03-settings-new-profile');
  }],

  ['bad input shows an error per field and saves nothing', async () => {
    const before = readSettingsFile();
    await field('Page Size').fill('0');
    await field('FlexNet License Server Host Name').fill('bad host!');
    await field('FlexNet License Server Listen Port').fill('70000');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Page size must be a whole number from 5 to 500.').waitFor();
    await page.getByText(/is not a valid host name/).waitFor();
    await page.getByText(/Listen port must be a number from 1 to 65535/).waitFor();
    assert((await field('FlexNet License Server Host Name').inputValue()) === 'bad host!', 'typed host was lost');
    assert(readSettingsFile() === before, 'invalid input changed settings.json');
    assert(!readSettingsFile().includes('bad host!'), 'invalid host written');
    await shot(page, '04-settings-errors');
  }],

  ['cloud license server always uses HTTPS', async () => {
    await page.getByLabel('Cloud License Server', { exact: true }).check();
    await field('Cloud License Server Instance ID').waitFor();
    const yes = page.getByRole('radiogroup', { name: 'Connect Using HTTPS' }).getByLabel('Yes');
    assert(await yes.isChecked(), 'CLS must show HTTPS Yes');
    assert(await yes.isDisabled(), 'CLS HTTPS must be locked');
    await shot(page, '05-settings-cls');
    await page.getByLabel('Local License Server', { exact: true }).check();
  }],

  ['valid settings are saved, survive a reload and reach the file', async () => {
    await field('Page Size').fill('25');
    await field('FlexNet License Server Host Name').fill('lls01.corp.example');
    await field('FlexNet License Server Listen Port').fill('7071');
    await page.getByRole('radiogroup', { name: 'Connect Using HTTPS' }).getByLabel('Yes').check();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText(/saved/i).first().waitFor();
    const file = JSON.parse(readSettingsFile());
    const lab = file.profiles.find((p) => p.name === 'Lab server');
    assert(lab && lab.host === 'lls01.corp.example' && lab.port === 7071 && lab.https === true, `file: ${JSON.stringify(file)}`);
    assert(file.preferences.pageSize === 25, 'page size not saved');
    assert(!JSON.stringify(file).includes('"demo"'), 'the demo profile must not be written');
    await page.reload({ waitUntil: 'networkidle' });
    await nav('Settings').click();
    await field('FlexNet License Server Host Name').waitFor();
    assert((await field('FlexNet License Server Host Name').inputValue()) === 'lls01.corp.example', 'host not kept');
    assert((await field('FlexNet License Server Listen Port').inputValue()) === '7071', 'port not kept');
    assert((await field('Page Size').inputValue()) === '25', 'page size not kept');
    await page.getByTestId('connection-state').getByText(/Unreachable|Timeout/).waitFor({ timeout: 30000 });
    await shot(page, '06-settings-saved');
  }],

  ['switching back to the demo server reconnects', async () => {
    await page.getByRole('button', { name: 'Server profile' }).click();
    await page.getByRole('menuitem', { name: /Demo server/ }).click();
    await page.getByTestId('connection-state').getByText(/Connected/).waitFor({ timeout: 30000 });
    await nav('About').click();
    await page.getByRole('heading', { name: 'About', exact: true }).waitFor();
    await shot(page, '07-about-demo');
  }],
  ];
}
