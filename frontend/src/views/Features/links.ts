import { routes } from '../../nav/routes';

export type FeaturesTab = 'summary' | 'details';

export const featureDetailsPath = (id: number) => `${routes.features}/${id}`;

/** The Details tab showing the records of exactly this feature name (the guide's search). */
export const recordsOfFeature = (name: string) => `?${new URLSearchParams({ tab: 'details', q: name }).toString()}`;
