import { useSyncExternalStore } from 'react';
import * as HistoryService from '../wailsjs/go/app/HistoryService';
import { EventsOn } from '../wailsjs/runtime/runtime';
import { call } from './call';
import type {
  AlertRow,
  AuditList,
  AuditFilter,
  CollectResult,
  FeatureKey,
  HistoryEvent,
  HistoryInput,
  HistoryStatus,
  SeriesQuery,
  UsageOverview,
  UsageSeries,
} from './types';

/** The view the app opens on, as Go spells it in HistoryInput.startView (settings.StartAbout, StartDashboard). */
export const START_VIEW = { about: 'about', dashboard: 'dashboard' } as const;

// The unseen alerts the header's badge counts: one number for the whole
// app, kept current by every answer that carries it (Status, MarkSeen) and
// by the "history" event after each collection round.
let unseen = 0;
const watchers = new Set<() => void>();
let stopListening: (() => void) | null = null;

function setUnseen(n: number) {
  if (n === unseen) return;
  unseen = n;
  for (const w of [...watchers]) w();
}

function withUnseen(status: HistoryStatus): HistoryStatus {
  setUnseen(status.unseen);
  return status;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** The event's payload as the listeners get it, whatever arrived. */
function toHistoryEvent(payload: unknown): HistoryEvent {
  if (!isRecord(payload)) return { unseen: 0, opened: [] };
  const opened = Array.isArray(payload.opened) ? payload.opened.filter((r): r is AlertRow => isRecord(r) && isRecord(r.alert)) : [];
  return { unseen: typeof payload.unseen === 'number' ? payload.unseen : 0, opened };
}

/**
 * Listens to Go's "history" event, sent after every collection round (at
 * start, every interval, and after Collect now), until the returned
 * function is called.
 */
export function onHistory(listener: (event: HistoryEvent) => void): () => void {
  return EventsOn('history', (payload: unknown) => listener(toHistoryEvent(payload)));
}

export const historyApi = {
  /** Never fails for want of the history file: available and problem say whether it can be used, and why not. */
  status: (): Promise<HistoryStatus> => call(HistoryService.Status).then(withUnseen),
  /** Rejects with invalid_input whose items name the fields ("intervalMinutes", "rules.busy.percent", "rules.features.2.feature"...). */
  saveSettings: (input: HistoryInput): Promise<HistoryStatus> => call(() => HistoryService.SaveSettings(input)).then(withUnseen),
  /** The profile's "Record usage history" switch. */
  setRecord: (profileId: string, on: boolean): Promise<HistoryStatus> => call(() => HistoryService.SetRecord(profileId, on)).then(withUnseen),
  overview: (): Promise<UsageOverview> => call(HistoryService.Overview),
  /** The features the profile's history holds. */
  features: (profileId: string): Promise<FeatureKey[]> => call(() => HistoryService.Features(profileId)),
  series: (query: SeriesQuery): Promise<UsageSeries> => call(() => HistoryService.Series(query)),
  /** Saves the series as CSV through a save dialog; '' when the user cancelled. */
  exportSeries: (query: SeriesQuery): Promise<string> => call(() => HistoryService.ExportSeries(query)),
  /** The alerts of the last 30 days, newest first, or only the open ones. */
  alerts: (openOnly: boolean): Promise<AlertRow[]> => call(() => HistoryService.Alerts(openOnly)),
  /** Marks every alert up to id as seen; resolves to the alerts still unseen. */
  markSeen: (upToId: number): Promise<number> =>
    call(() => HistoryService.MarkSeen(upToId)).then((n) => {
      setUnseen(n);
      return n;
    }),
  /** The newest entries of the audit log that match the filter, newest first. */
  audit: (filter: AuditFilter): Promise<AuditList> => call(() => HistoryService.Audit(filter)),
  /** Saves the filtered audit log as CSV through a save dialog; '' when the user cancelled. */
  exportAudit: (filter: AuditFilter): Promise<string> => call(() => HistoryService.ExportAudit(filter)),
  /** Takes a sample of every profile now; the "history" event follows. */
  collectNow: (): Promise<CollectResult[]> => call(HistoryService.CollectNow),
};

function subscribe(watcher: () => void): () => void {
  watchers.add(watcher);
  if (!stopListening) {
    stopListening = onHistory((event) => setUnseen(event.unseen));
    // A failure leaves the count as it was: the badge is no place for the
    // history file's problem, which the Dashboard and Settings show.
    historyApi.status().catch(() => undefined);
  }
  return () => {
    watchers.delete(watcher);
    if (watchers.size === 0 && stopListening) {
      stopListening();
      stopListening = null;
      unseen = 0;
    }
  };
}

const snapshot = () => unseen;

/** The number of open alerts the user has not seen yet, as the header's badge shows it. */
export function useUnseenAlerts(): number {
  return useSyncExternalStore(subscribe, snapshot);
}
