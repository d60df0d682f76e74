import type { AboutInfo, ConnectionInfo, Profile, SettingsView } from '../api';

export function profile(overrides: Partial<Profile> = {}): Profile {
  return {
    id: 'p1',
    name: 'Production',
    host: 'lls01.corp.example',
    serverType: 'local',
    port: 7070,
    instanceId: '',
    https: false,
    demo: false,
    ...overrides,
  };
}

export function settingsView(active: Profile = profile(), overrides: Partial<SettingsView> = {}): SettingsView {
  return {
    profiles: [active],
    activeProfileId: active.id,
    active,
    pageSize: 50,
    theme: 'light',
    complete: true,
    notice: '',
    ...overrides,
  };
}

export function connectionInfo(overrides: Partial<ConnectionInfo> = {}): ConnectionInfo {
  return {
    url: 'http://lls01.corp.example:7070',
    version: '2025.10.0',
    instanceId: 'INST-1234',
    securityEnabled: true,
    checkedAt: '2026-01-01T00:00:00Z',
    ...overrides,
  };
}

export function aboutInfo(overrides: Partial<AboutInfo> = {}): AboutInfo {
  return {
    build: {
      productName: 'License Server Manager',
      companyName: 'Reverera',
      copyright: '© 2026 Reverera',
      comments: 'For license administrators.',
      version: '0.1.0',
      commit: 'abc1234',
      buildDate: '2026-01-02',
      goVersion: 'go1.24.1',
      os: 'windows',
      arch: 'amd64',
    },
    webViewEngine: 'WebView2',
    webViewVersion: '131.0',
    logFolder: 'C:\\Users\\ada\\AppData\\Local\\LicenseServerManager\\logs',
    settingsFile: 'C:\\Users\\ada\\AppData\\Roaming\\LicenseServerManager\\settings.json',
    demoMode: false,
    ...overrides,
  };
}
