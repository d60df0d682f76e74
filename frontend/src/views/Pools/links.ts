export type PoolsTab = 'pools' | 'model';

/** The Model tab, as a link's search. */
export const modelTabSearch = `?${new URLSearchParams({ tab: 'model' }).toString()}`;
