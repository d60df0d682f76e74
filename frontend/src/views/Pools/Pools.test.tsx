import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  apperr,
  AppError,
  diagnosticsOf,
  modeldef,
  poolsApi,
  sessionApi,
  settingsApi,
  type LicensePool,
  type ModelCheck,
  type ModelDiagnostic,
  type PoolsView,
} from '../../api';
import { connectionInfo, sessionState, settingsView } from '../../test/fixtures';
import { policiesOf, renderWithSettings } from '../../test/render';
import { exampleModel } from './example';
import { Pools } from './Pools';

vi.mock('../../api/session');
vi.mock('../../api/settings');
vi.mock('../../api/pools');

// MUI tables and the debounced check take a while in jsdom; a busy machine needs more than the 1 s default.
configure({ asyncUtilTimeout: 5000 });

const defaultPool: LicensePool = {
  id: 1,
  name: 'default',
  default: true,
  lastModified: '',
  features: [
    { feature: '3D_Rendering', version: '3.2', expiry: 'permanent', allocated: 40, used: 35, uncounted: false, requested: 'remainder', status: 'Normal' },
    { feature: 'Export_to_CSV', version: '4.8', expiry: '2027-11-01', allocated: 0, used: 3, uncounted: true, requested: '', status: 'Normal' },
  ],
};

const pune: LicensePool = {
  id: 45,
  name: 'Pune',
  default: false,
  lastModified: '2025-11-20T12:00:00Z',
  features: [{ feature: '3D_Rendering', version: '3.2', expiry: '2027-11-01', allocated: 60, used: 40, uncounted: false, requested: '60%', status: 'Overused' }],
};

const onlyDefault: PoolsView = { pools: [defaultPool], modelActive: false };
const withPune: PoolsView = { pools: [defaultPool, pune], modelActive: true };

const brokenModel = `model "split" {
    partitions {
        partition "engineering" {
            "3D_Rendering" 3.2 ten
        }
    }
}`;

const amountError: ModelDiagnostic = {
  line: 4,
  column: 32,
  endColumn: 35,
  severity: modeldef.Severity.ERROR,
  message: 'expected an amount (a count such as 10, a percentage such as 60% or remainder), found "ten"',
};

const valid = (overrides: Partial<ModelCheck> = {}): ModelCheck => ({
  valid: true,
  modelName: 'engineering-split',
  diagnostics: [],
  previewNote: '',
  preview: [
    { pool: 'engineering', default: false, features: [{ name: '3D_Rendering', version: '3.2', vendor: '', requested: '60%', count: 60, uncounted: false, short: false, shortfall: 0, missing: false, higher: false }] },
    { pool: 'default', default: true, features: [{ name: '3D_Rendering', version: '3.2', vendor: '', requested: '', count: 40, uncounted: false, short: false, shortfall: 0, missing: false, higher: false }] },
  ],
  ...overrides,
});

const invalid = (diagnostics: ModelDiagnostic[]): ModelCheck => ({ valid: false, modelName: '', diagnostics, preview: [], previewNote: '' });

/** Checks the way Go does for the texts of these tests: "ten" is not an amount. */
const checkLikeGo = (text: string) => Promise.resolve(text.includes(' ten') ? invalid([amountError]) : valid());

const editor = () => screen.getByRole('textbox', { name: 'Model definition' });
const uploadButton = () => screen.getByRole('button', { name: 'Upload' });
const gutterLine = (line: number) => {
  const gutter = screen.getByTestId('model-editor-gutter');
  return gutter.children[line - 1];
};

async function renderPools(route = '/pools', policies = policiesOf({})) {
  renderWithSettings(<Pools />, { route, policies });
  await screen.findByRole('heading', { name: 'Named License Pools', level: 1 });
}

async function openModelTab(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole('tab', { name: 'Model' }));
  return screen.findByRole('textbox', { name: 'Model definition' });
}

async function replaceText(user: ReturnType<typeof userEvent.setup>, text: string) {
  await user.clear(editor());
  await user.click(editor());
  await user.paste(text);
}

describe('Named License Pools view', () => {
  beforeEach(async () => {
    vi.resetAllMocks();
    const actual = await vi.importActual<typeof import('../../api/pools')>('../../api/pools');
    vi.mocked(diagnosticsOf).mockImplementation(actual.diagnosticsOf);
    vi.mocked(sessionApi.start).mockResolvedValue(sessionState());
    vi.mocked(settingsApi.get).mockResolvedValue(settingsView());
    vi.mocked(settingsApi.status).mockResolvedValue(connectionInfo());
    vi.mocked(poolsApi.pools).mockResolvedValue(withPune);
    vi.mocked(poolsApi.model).mockResolvedValue({ active: true, text: exampleModel });
    vi.mocked(poolsApi.check).mockImplementation(checkLikeGo);
  });

  describe('the Named License Pools tab', () => {
    it('lists every pool, the default one first and marked, each expanding to its features', async () => {
      const user = userEvent.setup();
      await renderPools();
      expect(screen.getByText('Click a named license pool name for further details.')).toBeInTheDocument();

      const pools = await screen.findAllByRole('button', { name: /^ID: / });
      expect(pools.map((p) => p.textContent)).toEqual([
        expect.stringContaining('ID: 1 / Name: default'),
        expect.stringContaining('ID: 45 / Name: Pune'),
      ]);
      expect(within(pools[0]).getByText('Default')).toBeInTheDocument();
      expect(within(pools[1]).queryByText('Default')).not.toBeInTheDocument();
      expect(screen.queryByText(/Only the default license pool exists/)).not.toBeInTheDocument();

      await user.click(pools[1]);
      const table = await screen.findByRole('table', { name: 'Features of pool Pune' });
      const headers = within(table).getAllByRole('columnheader').map((h) => h.textContent);
      for (const name of ['Feature Name', 'Version', 'Expiration Date', 'Allocated', 'Used', 'Status']) {
        expect(headers).toContain(name);
      }
      const row = within(table).getByRole('row', { name: /3D_Rendering/ });
      for (const cell of ['3D_Rendering', '3.2', '2027-11-01', '60', '40', 'Overused']) {
        expect(within(row).getByRole('cell', { name: cell })).toBeInTheDocument();
      }
    });

    it('shows a permanent expiry and an uncounted allocation as words', async () => {
      const user = userEvent.setup();
      await renderPools();
      await user.click(await screen.findByRole('button', { name: /^ID: 1 \/ Name: default/ }));
      const table = await screen.findByRole('table', { name: 'Features of pool default' });
      expect(within(within(table).getByRole('row', { name: /3D_Rendering/ })).getByRole('cell', { name: 'permanent' })).toBeInTheDocument();
      expect(within(within(table).getByRole('row', { name: /Export_to_CSV/ })).getByRole('cell', { name: 'uncounted' })).toBeInTheDocument();
    });

    it('says only the default pool exists without a model, and leads to the Model tab', async () => {
      const user = userEvent.setup();
      vi.mocked(poolsApi.pools).mockResolvedValue(onlyDefault);
      vi.mocked(poolsApi.model).mockResolvedValue({ active: false, text: '' });
      await renderPools();
      expect(await screen.findByText(/Only the default license pool exists/)).toBeInTheDocument();
      expect(screen.getAllByRole('button', { name: /^ID: / })).toHaveLength(1);
      // The one pool is open already.
      expect(await screen.findByRole('table', { name: 'Features of pool default' })).toBeInTheDocument();

      await user.click(screen.getByRole('link', { name: 'Open the Model tab' }));
      expect(await screen.findByRole('tab', { name: 'Model', selected: true })).toBeInTheDocument();
      expect(await screen.findByRole('textbox', { name: 'Model definition' })).toHaveValue('');
      expect(screen.getByRole('button', { name: 'Start from an example' })).toBeInTheDocument();
      expect(uploadButton()).toBeDisabled();
    });
  });

  describe('the Model tab', () => {
    it('shows the current model with line numbers and checks it', async () => {
      await renderPools('/pools?tab=model');
      expect(await screen.findByRole('textbox', { name: 'Model definition' })).toHaveValue(exampleModel);
      expect(screen.getByText(/A model definition consists of named license pools \(partitions\) and rules of access/)).toBeInTheDocument();
      const lines = exampleModel.split('\n').length;
      expect(screen.getByTestId('model-editor-gutter').children).toHaveLength(lines);
      expect(gutterLine(1)).toHaveTextContent('1');
      expect(gutterLine(lines)).toHaveTextContent(String(lines));
      expect(screen.getByText('Active on the server')).toBeInTheDocument();
      expect(screen.getByLabelText('Chosen file')).toHaveTextContent('No file chosen');
      expect(await screen.findByText('No problems found in model "engineering-split".')).toBeInTheDocument();
      expect(poolsApi.check).toHaveBeenCalledWith(exampleModel, false);
      expect(uploadButton()).toBeEnabled();
    });

    it('lists an error typed as line:column, marks its line and disables Upload', async () => {
      const user = userEvent.setup();
      await renderPools('/pools?tab=model');
      await screen.findByRole('textbox', { name: 'Model definition' });
      await replaceText(user, brokenModel);

      const problem = await screen.findByRole('button', { name: /4:32: expected an amount/ });
      expect(problem).toHaveTextContent(`4:32: ${amountError.message}`);
      expect(screen.getByText('1 error. Click a problem to select its line.')).toBeInTheDocument();
      expect(uploadButton()).toBeDisabled();
      expect(screen.getByText('Edited, not uploaded')).toBeInTheDocument();
      expect(editor()).toHaveAttribute('aria-invalid', 'true');
      expect(gutterLine(4)).toHaveAttribute('data-severity', 'error');
      expect(gutterLine(3)).not.toHaveAttribute('data-severity');
      expect(screen.getByText('Fix the errors to see the preview.')).toBeInTheDocument();

      await user.click(problem);
      const textarea = editor() as HTMLTextAreaElement;
      const lineStart = brokenModel.split('\n').slice(0, 3).join('\n').length + 1;
      expect(textarea).toHaveFocus();
      expect(textarea.selectionStart).toBe(lineStart);
      expect(textarea.value.slice(textarea.selectionStart, textarea.selectionEnd)).toBe('            "3D_Rendering" 3.2 ten');

      await replaceText(user, brokenModel.replace(' ten', ' 10'));
      await waitFor(() => expect(uploadButton()).toBeEnabled());
      expect(screen.queryByRole('button', { name: /4:32:/ })).not.toBeInTheDocument();
    });

    it('applies the fix Go offers for a problem, and checks the fixed text', async () => {
      const user = userEvent.setup();
      const upper = 'model "m" {\n    on any() AND any() {\n        deny\n    }\n}\n';
      const fixed = upper.replace('AND', 'and');
      vi.mocked(poolsApi.check).mockImplementation((text) =>
        Promise.resolve(
          text.includes('AND')
            ? invalid([
                {
                  line: 2,
                  column: 14,
                  endColumn: 17,
                  severity: modeldef.Severity.ERROR,
                  message: 'operators are lowercase: write "and", not "AND"',
                  fix: { label: 'Write "and"', line: 2, column: 14, endColumn: 17, text: 'and' },
                },
              ])
            : valid(),
        ),
      );
      await renderPools('/pools?tab=model');
      await screen.findByRole('textbox', { name: 'Model definition' });
      await replaceText(user, upper);
      await user.click(await screen.findByRole('button', { name: 'Write "and" (line 2)' }));
      expect(editor()).toHaveValue(fixed);
      await waitFor(() => expect(poolsApi.check).toHaveBeenLastCalledWith(fixed, false));
      await waitFor(() => expect(uploadButton()).toBeEnabled());
      expect(screen.queryByRole('button', { name: /Write "and"/ })).not.toBeInTheDocument();
    });

    it('under DisableModelUpload offers no Upload or Delete, says why, and still checks the model', async () => {
      const user = userEvent.setup();
      await renderPools('/pools', policiesOf({ disableModelUpload: true }));
      await openModelTab(user);
      expect(await screen.findByText(/the model definition cannot be uploaded or deleted from this computer/)).toBeInTheDocument();
      expect(screen.getByText('Set by your organisation')).toBeInTheDocument();
      expect(screen.getByRole('button', { name: 'Upload' })).toBeDisabled();
      expect(screen.getByRole('button', { name: 'Delete model' })).toBeDisabled();
      await waitFor(() => expect(poolsApi.check).toHaveBeenCalledWith(exampleModel, false));
      expect(poolsApi.upload).not.toHaveBeenCalled();
    });

    it('uploads the model and refreshes the pools', async () => {
      const user = userEvent.setup();
      vi.mocked(poolsApi.pools).mockResolvedValue(onlyDefault);
      vi.mocked(poolsApi.model).mockResolvedValue({ active: false, text: '' });
      await renderPools();
      await screen.findByText(/Only the default license pool exists/);
      await openModelTab(user);
      await user.click(screen.getByRole('button', { name: 'Start from an example' }));
      expect(editor()).toHaveValue(exampleModel);
      await screen.findByText('No problems found in model "engineering-split".');

      vi.mocked(poolsApi.upload).mockResolvedValue(valid());
      vi.mocked(poolsApi.pools).mockResolvedValue(withPune);
      await user.click(uploadButton());
      expect(poolsApi.upload).toHaveBeenCalledWith(exampleModel, expect.stringMatching(/^upload-/));
      expect(await screen.findByText('Model "engineering-split" is now active on the server.')).toBeInTheDocument();
      expect(screen.getByText('Active on the server')).toBeInTheDocument();
      expect(screen.getByRole('button', { name: 'Delete model' })).toBeInTheDocument();
      await waitFor(() => expect(poolsApi.pools).toHaveBeenCalledTimes(2));

      await user.click(screen.getByRole('button', { name: 'View pools' }));
      expect(await screen.findByRole('button', { name: /^ID: 45 \/ Name: Pune/ })).toBeInTheDocument();
      expect(screen.queryByText(/Only the default license pool exists/)).not.toBeInTheDocument();
    });

    it('offers to export the reservations when they stop the upload, and keeps the text', async () => {
      const user = userEvent.setup();
      await renderPools('/pools?tab=model');
      await screen.findByRole('textbox', { name: 'Model definition' });
      await replaceText(user, `${exampleModel}// edited\n`);
      await waitFor(() => expect(uploadButton()).toBeEnabled());
      const message =
        'The server has 2 reservation groups. Reservations and named license pools cannot coexist: export the reservations, delete them, then upload the model.';
      vi.mocked(poolsApi.upload).mockRejectedValue(new AppError(apperr.Code.CONFLICT, message, [], { reservationGroups: 2 }));
      await user.click(uploadButton());

      const alert = await screen.findByRole('alert');
      expect(alert).toHaveTextContent('Reservations and named license pools cannot coexist');
      expect(alert).toHaveTextContent(message);
      expect(within(alert).getByRole('link', { name: 'Open Reservations to delete them' })).toHaveAttribute('href', '/reservations');
      expect(editor()).toHaveValue(`${exampleModel}// edited\n`);
      expect(screen.getByText('Edited, not uploaded')).toBeInTheDocument();

      vi.mocked(poolsApi.exportReservations).mockResolvedValue('/home/ada/reservations.json');
      await user.click(within(alert).getByRole('button', { name: 'Export reservations…' }));
      expect(await within(alert).findByText('/home/ada/reservations.json')).toBeInTheDocument();
      expect(poolsApi.pools).not.toHaveBeenCalled();
    });

    it('shows the errors of an invalid file at their lines and never uploads it', async () => {
      const user = userEvent.setup();
      await renderPools('/pools?tab=model');
      await screen.findByRole('textbox', { name: 'Model definition' });
      await screen.findByText('No problems found in model "engineering-split".');
      vi.mocked(poolsApi.check).mockClear();
      vi.mocked(poolsApi.chooseModelFile).mockResolvedValue({
        path: '/home/ada/models/split.model',
        name: 'split.model',
        text: brokenModel,
        check: invalid([amountError]),
      });
      await user.click(screen.getByRole('button', { name: 'Browse' }));

      expect(await screen.findByRole('button', { name: /4:32: expected an amount/ })).toBeInTheDocument();
      expect(screen.getByLabelText('Chosen file')).toHaveTextContent('split.model');
      expect(editor()).toHaveValue(brokenModel);
      expect(gutterLine(4)).toHaveAttribute('data-severity', 'error');
      expect(uploadButton()).toBeDisabled();
      // The check Go made while reading the file is used as it is.
      expect(poolsApi.check).not.toHaveBeenCalled();

      // What the editor held before is one click away.
      await user.click(screen.getByRole('button', { name: 'Undo' }));
      expect(editor()).toHaveValue(exampleModel);
      expect(screen.getByLabelText('Chosen file')).toHaveTextContent('split.model (edited)');
      expect(poolsApi.upload).not.toHaveBeenCalled();
    });

    it('shows the errors the server-side check refused an upload with', async () => {
      const user = userEvent.setup();
      vi.mocked(poolsApi.check).mockResolvedValue(valid());
      await renderPools('/pools?tab=model');
      await screen.findByText('No problems found in model "engineering-split".');
      vi.mocked(poolsApi.upload).mockRejectedValue(
        new AppError(apperr.Code.INVALID_INPUT, 'The model definition has errors.', [], { diagnostics: [{ ...amountError, line: 5 }] }),
      );
      await user.click(uploadButton());
      expect(await screen.findByRole('button', { name: /5:32: expected an amount/ })).toBeInTheDocument();
      expect(screen.getByRole('alert')).toHaveTextContent('The model definition has errors.');
      expect(editor()).toHaveValue(exampleModel);
      expect(uploadButton()).toBeDisabled();
    });

    it('deletes the model after a confirmation that explains where the licenses go', async () => {
      const user = userEvent.setup();
      await renderPools('/pools?tab=model');
      await screen.findByRole('textbox', { name: 'Model definition' });
      await user.click(screen.getByRole('button', { name: 'Delete model' }));

      const dialog = await screen.findByRole('dialog', { name: 'Delete the model definition?' });
      expect(dialog).toHaveTextContent('all their licenses return to the default pool');
      vi.mocked(poolsApi.deleteModel).mockResolvedValue();
      vi.mocked(poolsApi.pools).mockResolvedValue(onlyDefault);
      await user.click(within(dialog).getByRole('button', { name: 'Delete model' }));

      expect(poolsApi.deleteModel).toHaveBeenCalledTimes(1);
      expect(await screen.findByText(/Every license is back in the default pool/)).toBeInTheDocument();
      await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
      expect(screen.queryByRole('button', { name: 'Delete model' })).not.toBeInTheDocument();
      expect(screen.getByText('Not uploaded')).toBeInTheDocument();
      expect(editor()).toHaveValue(exampleModel);

      await user.click(screen.getByRole('tab', { name: 'Named License Pools' }));
      expect(await screen.findByText(/Only the default license pool exists/)).toBeInTheDocument();
    });

    it('says why a valid model has no preview', async () => {
      const note = 'No pool preview: This server does not offer a feature list (server version 2018.11.0).';
      vi.mocked(poolsApi.check).mockResolvedValue(valid({ preview: [], previewNote: note }));
      await renderPools('/pools?tab=model');
      expect(await screen.findByText(`${note} Refresh to try again.`)).toBeInTheDocument();
      expect(screen.queryByRole('table', { name: 'engineering' })).not.toBeInTheDocument();
    });

    it('previews what each pool would receive, pointing out short and missing features', async () => {
      vi.mocked(poolsApi.check).mockResolvedValue(
        valid({
          preview: [
            {
              pool: 'engineering',
              default: false,
              features: [
                { name: '3D_Rendering', version: '3.2', vendor: '', requested: '120', count: 100, uncounted: false, short: true, shortfall: 20, missing: false, higher: false },
                { name: 'Mesh_Repair', version: '1.5', vendor: '', requested: '5', count: 0, uncounted: false, short: false, shortfall: 0, missing: true, higher: false },
                { name: 'Codec', version: '1.0', vendor: 'edition=premium', requested: '4', count: 4, uncounted: false, short: false, shortfall: 0, missing: false, higher: true },
              ],
            },
            {
              pool: 'default',
              default: true,
              features: [{ name: 'Export_to_CSV', version: '4.8', vendor: '', requested: '', count: 0, uncounted: true, short: false, shortfall: 0, missing: false, higher: false }],
            },
          ],
        }),
      );
      await renderPools('/pools?tab=model');

      const engineering = await screen.findByRole('table', { name: 'engineering' });
      const short = within(engineering).getByRole('row', { name: /3D_Rendering/ });
      expect(short).toHaveAttribute('data-problem', 'warning');
      expect(within(short).getByText('Short by 20')).toBeInTheDocument();
      expect(within(short).getByRole('cell', { name: '120' })).toBeInTheDocument();
      expect(within(short).getByRole('cell', { name: '100' })).toBeInTheDocument();
      const missing = within(engineering).getByRole('row', { name: /Mesh_Repair/ });
      expect(missing).toHaveAttribute('data-problem', 'error');
      expect(within(missing).getByText('Not on the server')).toBeInTheDocument();
      const codec = within(engineering).getByRole('row', { name: /Codec/ });
      expect(codec).not.toHaveAttribute('data-problem');
      expect(codec).toHaveTextContent('vendor string edition=premium');
      expect(within(codec).getByText('Partly from a higher version')).toBeInTheDocument();

      const fallback = screen.getByRole('table', { name: 'default' });
      expect(within(fallback).getByRole('cell', { name: 'uncounted' })).toBeInTheDocument();
      expect(within(fallback).queryByRole('columnheader', { name: 'Requested' })).not.toBeInTheDocument();
      expect(screen.getByText(/1 feature would get less than the model asks for; 1 feature is not on the server/)).toBeInTheDocument();

      const user = userEvent.setup();
      await user.click(screen.getByRole('button', { name: 'Refresh' }));
      expect(poolsApi.check).toHaveBeenLastCalledWith(exampleModel, true);
    });
  });
});
