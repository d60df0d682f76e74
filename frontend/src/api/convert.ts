import type { app, settings } from '../wailsjs/go/models';
import type { AboutInfo, ConnectionInfo, Profile, SettingsView, ThemePreference } from './types';

// The generated models are classes with loose string fields; views get plain
// objects with the enums narrowed.

function toProfile(p: settings.Profile): Profile {
  return {
    id: p.id,
    name: p.name,
    host: p.host,
    serverType: p.serverType === 'cls' ? 'cls' : 'local',
    port: p.port,
    instanceId: p.instanceId,
    https: p.https,
    demo: p.demo === true,
  };
}

function toTheme(theme: string): ThemePreference {
  return theme === 'light' || theme === 'dark' ? theme : 'system';
}

export function toSettingsView(v: app.SettingsView): SettingsView {
  return {
    profiles: (v.profiles ?? []).map(toProfile),
    activeProfileId: v.activeProfileId,
    active: toProfile(v.active),
    pageSize: v.pageSize,
    theme: toTheme(v.theme),
    complete: v.complete,
    notice: v.notice ?? '',
  };
}

export function toConnectionInfo(c: app.ConnectionInfo): ConnectionInfo {
  return {
    url: c.url,
    version: c.version,
    instanceId: c.instanceId,
    securityEnabled: c.securityEnabled,
    checkedAt: c.checkedAt,
  };
}

export function toAboutInfo(a: app.AboutInfo): AboutInfo {
  const b = a.build;
  return {
    build: {
      productName: b.productName,
      companyName: b.companyName,
      copyright: b.copyright,
      comments: b.comments,
      version: b.version,
      commit: b.commit,
      buildDate: b.buildDate,
      goVersion: b.goVersion,
      os: b.os,
      arch: b.arch,
    },
    webViewEngine: a.webViewEngine,
    webViewVersion: a.webViewVersion,
    logFolder: a.logFolder,
    settingsFile: a.settingsFile,
    demoMode: a.demoMode,
  };
}
