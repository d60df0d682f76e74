import { routes } from '../../nav/routes';

export const addReservationPath = `${routes.reservations}/add`;

export const editGroupPath = (groupId: number) => `${routes.reservations}/groups/${groupId}/edit`;

/** What the list gets in its location state when the Add page is done. */
export interface DoneState {
  done: string;
}

export function doneMessage(state: unknown): string {
  if (typeof state !== 'object' || state === null || !('done' in state)) return '';
  const { done } = state as { done: unknown };
  return typeof done === 'string' ? done : '';
}
