import { render, screen, within } from '@testing-library/react';
import type { ReservationGroupResult } from '../../api';
import { GroupResults } from './GroupResults';

const result = (group: string, over: Partial<ReservationGroupResult> = {}): ReservationGroupResult => ({
  group,
  id: 0,
  rows: [],
  ok: false,
  notSent: false,
  unknown: false,
  message: '',
  ...over,
});

describe('GroupResults', () => {
  it.each([
    [[result('A', { ok: true }), result('B', { ok: true })], '2 groups created', 'success'],
    [[result('A', { message: 'refused' })], '1 group failed', 'error'],
    [[result('A', { ok: true }), result('B', { message: 'refused' })], '1 group created, 1 failed', 'warning'],
    [[result('A', { ok: true }), result('B', { unknown: true, message: 'lost' }), result('C', { notSent: true, message: 'Not sent' })], '1 group created, 1 not known, 1 failed', 'warning'],
    [[result('A', { unknown: true, message: 'lost' })], '1 group not known', 'warning'],
  ] as const)('titles results %#', (results, title, severity) => {
    render(<GroupResults results={results} done="created" />);
    const alert = screen.getByRole('alert');
    expect(within(alert).getByText(title)).toBeInTheDocument();
    expect(alert).toHaveClass(`MuiAlert-color${severity[0].toUpperCase()}${severity.slice(1)}`);
  });

  it('marks a group whose fate is not known, and shows what Go learned of a done one', () => {
    render(
      <GroupResults
        results={[
          result('A', { ok: true, message: 'The server’s answer was lost, but it has the group: it was created.' }),
          result('B', { unknown: true, message: 'The server could not be asked again.' }),
        ]}
        done="created"
      />,
    );
    const items = screen.getAllByRole('listitem');
    expect(items[0]).toHaveTextContent('A: The server’s answer was lost, but it has the group: it was created.');
    expect(within(items[1]).getByTitle('Not known')).toBeInTheDocument();
    expect(items[1]).toHaveTextContent('B: The server could not be asked again.');
  });
});
