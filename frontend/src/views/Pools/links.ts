import { navItem } from '../../nav/items';

export type PoolsTab = 'pools' | 'model';

/** Where the view lives; taken from the nav item so both always agree. */
export const poolsRoute = () => navItem('pools').route;

/** The Model tab, as a link's search. */
export const modelTabSearch = `?${new URLSearchParams({ tab: 'model' }).toString()}`;

/** Where reservation groups are deleted to make way for a model (the Reservations view). */
export const reservationsRoute = '/reservations';
