import type { operations } from '../../api';
import { routes } from '../../nav/routes';

export const deviceDetailsPath = (id: number) => `${routes.devices}/${id}`;

const typeLabels: Record<operations.DeviceType, string> = { physical: 'Physical', virtual: 'Virtual', unknown: 'Unknown' };
export const deviceTypeLabel = (type: operations.DeviceType) => typeLabels[type];

/** What the list gets in its location state after a deletion. */
export interface DeletedState {
  deleted: string;
}

export function deletedDevice(state: unknown): string {
  if (typeof state !== 'object' || state === null || !('deleted' in state)) return '';
  const { deleted } = state as { deleted: unknown };
  return typeof deleted === 'string' ? deleted : '';
}
