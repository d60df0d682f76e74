import { navItem } from '../../nav/items';

/** Where the Reservations view lives; taken from the nav item so both always agree. */
export const reservationsRoute = () => navItem('reservations').route;

export const addReservationPath = () => `${reservationsRoute()}/add`;

export const editGroupPath = (groupId: number) => `${reservationsRoute()}/groups/${groupId}/edit`;

/** The Named License Pools view, where an active model definition is deleted. */
export const poolsRoute = () => navItem('pools').route;

/** What the list gets in its location state when the Add page is done. */
export interface DoneState {
  done: string;
}

export function doneMessage(state: unknown): string {
  if (typeof state !== 'object' || state === null || !('done' in state)) return '';
  const { done } = state as { done: unknown };
  return typeof done === 'string' ? done : '';
}

/** What the edit page gets from the list: the group's name, to find its entries quickly. */
export interface EditState {
  name: string;
}

export function editedName(state: unknown): string {
  if (typeof state !== 'object' || state === null || !('name' in state)) return '';
  const { name } = state as { name: unknown };
  return typeof name === 'string' ? name : '';
}
