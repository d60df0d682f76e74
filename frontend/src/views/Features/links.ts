import { navItem } from '../../nav/items';

export type FeaturesTab = 'summary' | 'details';

/** Where the Features view lives; taken from the nav item so both always agree. */
export const featuresRoute = () => navItem('features').route;

export const featureDetailsPath = (id: number) => `${featuresRoute()}/${id}`;

/** The Details tab showing the records of exactly this feature name (the guide's search). */
export const recordsOfFeature = (name: string) => `?${new URLSearchParams({ tab: 'details', q: name }).toString()}`;
