import * as FeaturesService from '../wailsjs/go/app/FeaturesService';
import { call } from './call';
import type { ListQuery } from './listing';
import type { FeatureDetail, FeatureDetailsPage, FeatureSummaryPage } from './types';

export const featuresApi = {
  /**
   * One page of the Summary tab; refresh fetches the list from the server
   * again under the operation op (progress, cancel), otherwise the app's
   * copy is paged.
   */
  summary: (q: ListQuery, refresh: boolean, op = ''): Promise<FeatureSummaryPage> => call(() => FeaturesService.Summary(q, refresh, op)),
  details: (q: ListQuery, refresh: boolean, op = ''): Promise<FeatureDetailsPage> => call(() => FeaturesService.Details(q, refresh, op)),
  feature: (id: number): Promise<FeatureDetail> => call(() => FeaturesService.Feature(id)),
  /** Saves the whole filtered, sorted list with these columns through a save dialog; '' when the user cancelled. */
  exportSummary: (q: ListQuery, columns: string[]): Promise<string> => call(() => FeaturesService.ExportSummary(q, columns)),
  exportDetails: (q: ListQuery, columns: string[]): Promise<string> => call(() => FeaturesService.ExportDetails(q, columns)),
};
