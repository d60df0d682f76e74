import type { app } from '../wailsjs/go/models';
import * as PropertiesService from '../wailsjs/go/app/PropertiesService';
import { call } from './call';

/** Picks the editor of a policy setting. */
export type SettingKind = 'boolean' | 'duration' | 'list' | 'number' | 'level' | 'text';

export interface PolicySetting {
  /** The internal name, such as licensing.renewInterval. */
  name: string;
  value: string;
  description: string;
  kind: SettingKind;
  /** Why the setting cannot be changed; '' when it can. */
  lockedReason: string;
}

export interface PolicySection {
  name: string;
  settings: PolicySetting[];
}

export interface HostIdOption {
  type: string;
  value: string;
  /** How the host ID setting writes it: VALUE/TYPE. */
  setting: string;
}

export interface PropertiesView {
  hostIds: HostIdOption[];
  /** The `setting` form of the host ID in use. */
  selectedHostId: string;
  serverVersion: string;
  deviceUuid: string;
  status: string;
  sections: PolicySection[];
  /** A Cloud License Server's policies cannot be changed here. */
  readOnly: boolean;
  readOnlyReason: string;
  /** The values a 'level' setting may take. */
  levels: string[];
}

export interface SaveReport {
  saved: string[];
  failed: { name: string; message: string }[];
}

/** The key under which Save takes a new server host ID. */
export const HOST_ID_SETTING = 'server.hostid';

const kinds: readonly SettingKind[] = ['boolean', 'duration', 'list', 'number', 'level', 'text'];

const toSetting = (s: app.PolicySetting): PolicySetting => ({
  name: s.name,
  value: s.value,
  description: s.description ?? '',
  kind: kinds.find((k) => k === s.kind) ?? 'text',
  lockedReason: s.lockedReason ?? '',
});

const toView = (v: app.PropertiesView): PropertiesView => ({
  hostIds: (v.hostIds ?? []).map((h) => ({ type: h.type, value: h.value, setting: h.setting })),
  selectedHostId: v.selectedHostId ?? '',
  serverVersion: v.serverVersion ?? '',
  deviceUuid: v.deviceUuid ?? '',
  status: v.status ?? '',
  sections: (v.sections ?? []).map((s) => ({ name: s.name, settings: (s.settings ?? []).map(toSetting) })),
  readOnly: v.readOnly,
  readOnlyReason: v.readOnlyReason ?? '',
  levels: v.levels ?? [],
});

export const propertiesApi = {
  get: (): Promise<PropertiesView> => call(PropertiesService.Get).then(toView),
  /**
   * Sends only the changed settings (name → new value). Invalid values reject
   * with invalid_input and a message per setting name; what the server refused
   * one by one comes back in `failed`.
   */
  save: (changes: Record<string, string>): Promise<SaveReport> =>
    call(() => PropertiesService.Save(changes)).then((r) => ({
      saved: r.saved ?? [],
      failed: (r.failed ?? []).map((f) => ({ name: f.name, message: f.message })),
    })),
};
