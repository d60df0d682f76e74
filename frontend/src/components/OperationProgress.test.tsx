import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { operationApi } from '../api';
import { emitProgress, lastOperation, progressListeners } from '../test/progress';
import { OperationProgress, progressAmount, useLongOperation } from './OperationProgress';

/** A view that runs one long operation: work gets the operation's name and settles when the test says. */
function Runner({ work }: { work: (op: string) => Promise<string> }) {
  const operation = useLongOperation('export');
  const [result, setResult] = useState('');
  return (
    <>
      <button onClick={() => operation.run(work).then(setResult, (e: unknown) => setResult(`failed: ${String(e)}`))}>Start</button>
      <OperationProgress operation={operation} label="Exporting the list" cancelLabel="Stop" />
      <p>{result}</p>
    </>
  );
}

function deferred() {
  let resolve: (value: string) => void = () => undefined;
  const promise = new Promise<string>((r) => (resolve = r));
  return { promise, resolve };
}

const step = (message: string, done: number, total: number, unit: string) => ({ message, done, total, unit });

describe('a long operation’s progress', () => {
  beforeEach(() => {
    vi.mocked(operationApi.cancel).mockResolvedValue(true);
  });

  it('shows nothing until it runs, then the label on an indeterminate bar until Go reports a step', async () => {
    const user = userEvent.setup();
    const answer = deferred();
    const work = vi.fn(() => answer.promise);
    render(<Runner work={work} />);
    expect(screen.queryByRole('status')).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Start' }));
    const op = lastOperation('export');
    expect(op).toMatch(/^export-/);
    expect(work).toHaveBeenCalledWith(op);
    const bar = screen.getByRole('progressbar', { name: 'Exporting the list' });
    expect(bar).not.toHaveAttribute('aria-valuenow');
    expect(screen.getByRole('status')).toHaveTextContent('Exporting the list');

    await act(async () => answer.resolve('saved'));
    expect(await screen.findByText('saved')).toBeInTheDocument();
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
    // Its listener is gone with it.
    expect([...progressListeners].some((l) => l.op === op)).toBe(false);
  });

  it('fills the bar with the steps of its own operation only, and keeps the last step when Go reports the end', async () => {
    const user = userEvent.setup();
    const answer = deferred();
    render(<Runner work={() => answer.promise} />);
    await user.click(screen.getByRole('button', { name: 'Start' }));
    const op = lastOperation('export');
    const bar = screen.getByRole('progressbar', { name: 'Exporting the list' });
    const status = bar.closest('[role="status"]') as HTMLElement;

    act(() => emitProgress({ op, running: true, step: step('Reading page 3 of 4', 2, 4, 'pages') }));
    expect(status).toHaveTextContent('Reading page 3 of 4 · 2 of 4 pages');
    expect(bar).toHaveAttribute('aria-valuenow', '50');

    act(() => emitProgress({ op: 'export-elsewhere-9', running: true, step: step('Not this one', 9, 10, 'pages') }));
    expect(status).toHaveTextContent('Reading page 3 of 4 · 2 of 4 pages');

    act(() => emitProgress({ op, running: false, step: step('Done', 4, 4, 'pages') }));
    expect(status).toHaveTextContent('Reading page 3 of 4 · 2 of 4 pages');

    await act(async () => answer.resolve('saved'));
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
  });

  it('cancels the operation by its name, and says so until it ends', async () => {
    const user = userEvent.setup();
    const answer = deferred();
    render(<Runner work={() => answer.promise} />);
    await user.click(screen.getByRole('button', { name: 'Start' }));
    const op = lastOperation('export');
    act(() => emitProgress({ op, running: true, step: step('Writing', 1 << 20, 4 << 20, 'bytes') }));
    expect(screen.getByRole('status')).toHaveTextContent('Writing · 1 of 4 MB');

    await user.click(screen.getByRole('button', { name: 'Stop' }));
    expect(operationApi.cancel).toHaveBeenCalledTimes(1);
    expect(operationApi.cancel).toHaveBeenCalledWith(op);
    expect(screen.getByRole('status')).toHaveTextContent('Cancelling…');
    expect(screen.getByRole('button', { name: 'Stop' })).toBeDisabled();

    await act(async () => answer.resolve('cancelled'));
    expect(await screen.findByText('cancelled')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Stop' })).not.toBeInTheDocument();
  });

  it('gives each run a name of its own', async () => {
    const user = userEvent.setup();
    const names: string[] = [];
    render(<Runner work={(op) => (names.push(op), Promise.resolve(op))} />);
    await user.click(screen.getByRole('button', { name: 'Start' }));
    await screen.findByText(names[0]);
    await user.click(screen.getByRole('button', { name: 'Start' }));
    await screen.findByText(names[1]);
    expect(names).toHaveLength(2);
    expect(names[0]).not.toBe(names[1]);
    expect(names.every((n) => n.startsWith('export-'))).toBe(true);
  });
});

describe('progressAmount', () => {
  it('says how much a step has done in its unit, megabytes for bytes', () => {
    expect(progressAmount(step('', 3, 12, 'groups'))).toBe('3 of 12 groups');
    expect(progressAmount(step('', 5 << 19, 23 << 19, 'bytes'))).toBe('2.5 of 11.5 MB');
    expect(progressAmount(step('', 3 << 20, 0, 'bytes'))).toBe('3 MB');
    expect(progressAmount(step('', 2, 0, 'pages'))).toBe('');
    expect(progressAmount(step('', 0, 0, ''))).toBe('');
  });
});
