// End-to-end steps for the Named License Pools view on the demo server, run
// after the admin has logged in. The demo has reservation groups and no
// model: only the default pool shows, a model is checked line by line as it
// is typed, and a correct one is refused with the way out offered (export the
// reservations, delete them in the Reservations view).

const brokenModel = `model "e2e-split" {
    partitions {
        partition "engineering" {
            "3D_Rendering" 3.2 ten
        }
    }
    on any() {
        use "engineering", "default"
        accept
    }
}
`;

/** @param {{ page: import('playwright-core').Page, nav: (label: string) => import('playwright-core').Locator, field: (label: string) => import('playwright-core').Locator, assert: (cond: unknown, msg: string) => void, shot: (page: import('playwright-core').Page, name: string) => Promise<void> }} helpers */
export default function poolsTests({ page, nav, assert, shot }) {
  const heading = (name) => page.getByRole('heading', { name, exact: true, level: 1 });
  const editor = () => page.getByRole('textbox', { name: 'Model definition', exact: true });
  const upload = () => page.getByRole('button', { name: 'Upload', exact: true });
  const gutterLine = (line) => page.locator(`[data-testid="model-editor-gutter"] > :nth-child(${line})`);

  return [
    ['Named License Pools shows only the default pool while no model is active', async () => {
      await nav('Named License Pools').click();
      await heading('Named License Pools').waitFor();
      assert((await page.getByRole('tab', { name: 'Named License Pools' }).getAttribute('aria-selected')) === 'true', 'the pools tab is not the first');
      await page.getByText('Click a named license pool name for further details.').waitFor();
      await page.getByText(/^Only the default license pool exists/).waitFor({ timeout: 30000 });
      const pools = page.getByRole('button', { name: /^ID: \d+ \/ Name: / });
      assert((await pools.count()) === 1, `${await pools.count()} pools instead of the default one`);
      assert((await pools.first().textContent())?.includes('Default'), 'the pool is not marked Default');
      const table = page.getByRole('table', { name: /^Features of pool / });
      await table.waitFor();
      for (const name of ['Feature Name', 'Version', 'Expiration Date', 'Allocated', 'Used', 'Status']) {
        assert(await table.getByRole('columnheader', { name, exact: true }).isVisible(), `the pool has no ${name} column`);
      }
      await shot(page, '51-pools-default-only');
    }],

    ['the Model tab checks a model as it is typed and holds back Upload on an error', async () => {
      await page.getByRole('tab', { name: 'Model', exact: true }).click();
      await editor().waitFor({ timeout: 30000 });
      await page.getByText('No file chosen', { exact: true }).waitFor();
      await editor().fill(brokenModel);
      const problem = page.getByRole('button', { name: /4:\d+: expected an amount/ });
      await problem.waitFor();
      assert(await upload().isDisabled(), 'Upload is enabled with an error in the model');
      assert((await gutterLine(4).getAttribute('data-severity')) === 'error', 'line 4 is not marked in the gutter');
      await page.getByText('Fix the errors to see the preview.').waitFor();
      await problem.click();
      const selected = await editor().evaluate((el) => el.value.slice(el.selectionStart, el.selectionEnd));
      assert(selected.includes('"3D_Rendering" 3.2 ten'), `choosing the problem selected "${selected}"`);
      await shot(page, '52-model-error');
    }],

    ['a correct model is previewed, and refused while reservation groups exist with the export offered', async () => {
      const fixed = brokenModel.replace(' ten', ' 10');
      await editor().fill(fixed);
      await page.getByText('No problems found in model "e2e-split".').waitFor();
      await page.getByRole('table', { name: 'engineering', exact: true }).waitFor({ timeout: 30000 });
      assert(await upload().isEnabled(), 'Upload stays disabled for a correct model');
      await shot(page, '53-model-preview');

      await upload().click();
      const conflict = page.getByRole('alert').filter({ hasText: 'cannot coexist' });
      await conflict.waitFor({ timeout: 30000 });
      await conflict.getByRole('button', { name: /^Export reservations/ }).waitFor();
      assert(
        (await conflict.getByRole('link', { name: 'Open Reservations to delete them' }).getAttribute('href'))?.endsWith('/reservations'),
        'the conflict does not link to the Reservations view',
      );
      assert((await editor().inputValue()) === fixed, 'the refused upload changed the editor');
      await page.getByText('Not uploaded', { exact: true }).waitFor();
      await shot(page, '54-model-reservations-conflict');
    }],
  ];
}
