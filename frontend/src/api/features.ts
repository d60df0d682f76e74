import type { app } from '../wailsjs/go/models';
import * as FeaturesService from '../wailsjs/go/app/FeaturesService';
import { call } from './call';
import type { ListPage, ListQuery } from './listing';

/** One row of the Summary tab: the records of one feature name and version added up. */
export interface FeatureSummary {
  name: string;
  version: string;
  records: number;
  totalCount: number;
  totalUsed: number;
  totalAvailable: number;
  firstExpiration: string;
  lastExpiration: string;
  totalOverdraft: number;
  metered: boolean;
  counted: boolean;
  expiringSoon: boolean;
}

export interface FeatureSummaryPage extends ListPage<FeatureSummary> {
  /** 'server' when the server added the records up itself, 'computed' when the app did. */
  source: 'server' | 'computed';
}

/** One feature record of the Details tab. */
export interface FeatureRecord {
  id: number;
  feature: string;
  version: string;
  count: number;
  used: number;
  available: number;
  uncounted: boolean;
  /** A date, or 'permanent'. */
  expiry: string;
  permanent: boolean;
  expiringSoon: boolean;
  startDate: string;
  vendorString: string;
  productName: string;
  activationId: string;
  entitlementId: string;
  productVersion: string;
  metered: boolean;
}

export interface FeatureDetailsPage extends ListPage<FeatureRecord> {
  /** False for servers older than 2024.10, whose records carry no product columns. */
  productInfo: boolean;
  serverVersion: string;
}

export interface ServedDevice {
  deviceId: string;
  idType: string;
  deviceType: string;
  alias: string;
  served: number;
  expiry: string;
}

/** The Feature Details page of one record. */
export interface FeatureDetail {
  id: number;
  feature: string;
  version: string;
  startDate: string;
  totalCount: number;
  available: number;
  used: number;
  reserved: number;
  uncounted: boolean;
  vendorString: string;
  expiry: string;
  permanent: boolean;
  expiringSoon: boolean;
  servedDevices: ServedDevice[];
}

const toSummary = (r: app.FeatureSummaryRow): FeatureSummary => ({
  name: r.name,
  version: r.version,
  records: r.records,
  totalCount: r.totalCount,
  totalUsed: r.totalUsed,
  totalAvailable: r.totalAvailable,
  firstExpiration: r.firstExpiration,
  lastExpiration: r.lastExpiration,
  totalOverdraft: r.totalOverdraft,
  metered: r.metered,
  counted: r.counted,
  expiringSoon: r.expiringSoon,
});

const toRecord = (r: app.FeatureRow): FeatureRecord => ({
  id: r.id,
  feature: r.feature,
  version: r.version,
  count: r.count,
  used: r.used,
  available: r.available,
  uncounted: r.uncounted,
  expiry: r.expiry,
  permanent: r.permanent,
  expiringSoon: r.expiringSoon,
  startDate: r.startDate,
  vendorString: r.vendorString,
  productName: r.productName,
  activationId: r.activationId,
  entitlementId: r.entitlementId,
  productVersion: r.productVersion,
  metered: r.metered,
});

const toServedDevice = (d: app.ServedDeviceRow): ServedDevice => ({
  deviceId: d.deviceId,
  idType: d.idType,
  deviceType: d.deviceType,
  alias: d.alias,
  served: d.served,
  expiry: d.expiry,
});

const toDetail = (d: app.FeatureDetail): FeatureDetail => ({
  id: d.id,
  feature: d.feature,
  version: d.version,
  startDate: d.startDate,
  totalCount: d.totalCount,
  available: d.available,
  used: d.used,
  reserved: d.reserved,
  uncounted: d.uncounted,
  vendorString: d.vendorString,
  expiry: d.expiry,
  permanent: d.permanent,
  expiringSoon: d.expiringSoon,
  servedDevices: (d.servedDevices ?? []).map(toServedDevice),
});

export const featuresApi = {
  /** One page of the Summary tab; refresh fetches the list from the server again, otherwise the app's copy is paged. */
  summary: (q: ListQuery, refresh: boolean): Promise<FeatureSummaryPage> =>
    call(() => FeaturesService.Summary(q, refresh)).then((p) => ({
      rows: (p.rows ?? []).map(toSummary),
      total: p.total,
      page: p.page,
      pages: p.pages,
      loadedAt: p.loadedAt,
      source: p.source === 'computed' ? 'computed' : 'server',
    })),
  details: (q: ListQuery, refresh: boolean): Promise<FeatureDetailsPage> =>
    call(() => FeaturesService.Details(q, refresh)).then((p) => ({
      rows: (p.rows ?? []).map(toRecord),
      total: p.total,
      page: p.page,
      pages: p.pages,
      loadedAt: p.loadedAt,
      productInfo: p.productInfo,
      serverVersion: p.serverVersion ?? '',
    })),
  feature: (id: number): Promise<FeatureDetail> => call(() => FeaturesService.Feature(id)).then(toDetail),
  /** Saves the whole filtered, sorted list with these columns through a save dialog; '' when the user cancelled. */
  exportSummary: (q: ListQuery, columns: string[]): Promise<string> => call(() => FeaturesService.ExportSummary(q, columns)),
  exportDetails: (q: ListQuery, columns: string[]): Promise<string> => call(() => FeaturesService.ExportDetails(q, columns)),
};
