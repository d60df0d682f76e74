import { navItem } from '../../nav/items';
import type { DeviceType } from '../../api';

/** Where the Devices view lives; taken from the nav item so both always agree. */
export const devicesRoute = () => navItem('devices').route;

export const deviceDetailsPath = (id: number) => `${devicesRoute()}/${id}`;

const typeLabels: Record<DeviceType, string> = { physical: 'Physical', virtual: 'Virtual', unknown: 'Unknown' };
export const deviceTypeLabel = (type: DeviceType) => typeLabels[type];

/** What the list gets in its location state after a deletion. */
export interface DeletedState {
  deleted: string;
}

export function deletedDevice(state: unknown): string {
  if (typeof state !== 'object' || state === null || !('deleted' in state)) return '';
  const { deleted } = state as { deleted: unknown };
  return typeof deleted === 'string' ? deleted : '';
}
