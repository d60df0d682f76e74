// Login, remembered passwords, roles and Reset Password, on the demo server
// and on a saved profile that points at the standalone simulator.
export const SIM_PROFILE = 'Sim server';
export const NEW_ADMIN_PASSWORD = 'Admin456!';

export async function switchProfile(page, name) {
  await page.getByRole('button', { name: 'Server profile' }).click();
  await page.getByRole('menuitem', { name }).click();
}

export async function sessionText(page) {
  return (await page.getByRole('button', { name: 'Session' }).textContent()) ?? '';
}

export async function login(page, nav, field, user, password, remember = false) {
  await nav('Login').click();
  await field('User Name').fill(user);
  await field('Password').fill(password);
  const box = page.getByLabel('Remember on this computer');
  if ((await box.isChecked()) !== remember) await box.click();
  await page.getByRole('main').getByRole('button', { name: 'Login', exact: true }).click();
}

export default function sessionTests({ page, nav, field, assert, shot }) {
  return [
    ['a wrong password is refused with a clear message', async () => {
      await login(page, nav, field, 'admin', 'wrong-password');
      await page.getByText('The user name or password is incorrect.').waitFor();
      assert((await field('User Name').inputValue()) === 'admin', 'the user name typed was lost');
      await shot(page, '10-login-wrong-password');
    }],

    ['a reader logs in and is denied an admin action', async () => {
      await login(page, nav, field, 'reader', 'Reader123!');
      await page.getByRole('button', { name: 'Session' }).getByText('reader').waitFor();
      await nav('Reset Password').click();
      assert(await page.getByLabel('Current Password', { exact: true }).count() === 0, 'logged in: no Current Password field');
      await field('User Name').fill('admin');
      await field('New Password').fill('Another1!');
      await field('Confirm New Password').fill('Another1!');
      await page.getByRole('button', { name: 'Reset Password' }).click();
      await page.getByText(/Access denied/).first().waitFor();
      await page.getByText(/ROLE_ADMIN/).first().waitFor();
      await shot(page, '11-reader-access-denied');
    }],

    ['reset password while logged out needs the current password', async () => {
      await page.getByRole('button', { name: 'Session' }).click();
      await page.getByRole('menuitem', { name: 'Logout', exact: true }).click();
      await page.getByRole('button', { name: 'Session' }).getByText(/Not logged in/).waitFor();
      await nav('Reset Password').click();
      await field('Current Password').waitFor();
      await field('User Name').fill('reader');
      await field('Current Password').fill('Reader123!');
      await field('New Password').fill('short');
      await field('Confirm New Password').fill('different');
      await page.getByRole('button', { name: 'Reset Password' }).click();
      await page.getByText('The passwords do not match.').waitFor();
      await field('New Password').fill('Reader456!');
      await field('Confirm New Password').fill('Reader456!');
      await page.getByRole('button', { name: 'Reset Password' }).click();
      await page.getByText(/The password was changed/).waitFor();
      await shot(page, '12-reset-password');
    }],

    ['a saved profile remembers the admin password in the keyring', async () => {
      await page.getByRole('button', { name: 'Server profile' }).click();
      await page.getByRole('menuitem', { name: /Add profile/ }).click();
      await page.getByRole('dialog').getByLabel(/name/i).fill(SIM_PROFILE);
      await page.getByRole('dialog').getByRole('button', { name: /Add/ }).click();
      await page.getByRole('dialog').waitFor({ state: 'detached' });
      await field('FlexNet License Server Host Name').fill('127.0.0.1');
      await field('FlexNet License Server Listen Port').fill(String(process.env.SIM_PORT));
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await page.getByTestId('connection-state').getByText(/Connected/).waitFor({ timeout: 30000 });
      await login(page, nav, field, 'admin', 'Admin123!', true);
      await page.getByRole('button', { name: 'Session' }).getByText('admin').waitFor();
      await shot(page, '13-login-remembered');
    }],

    ['changing the password while logged in updates the saved copy', async () => {
      await nav('Reset Password').click();
      await field('New Password').fill(NEW_ADMIN_PASSWORD);
      await field('Confirm New Password').fill(NEW_ADMIN_PASSWORD);
      await page.getByRole('button', { name: 'Reset Password' }).click();
      await page.getByText(/The password was changed/).waitFor();
      await shot(page, '14-reset-password-logged-in');
    }],
  ];
}
