import type { SvgIconComponent } from '@mui/icons-material';
import * as pkg from '@mui/icons-material';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { iconNames, packUrl } from 'virtual:icon-pack';
import { buildPack } from '../../tools/icon-pack.mjs';

// The pack as a build emits it, from the generator the build runs.
const { gzip } = buildPack();
const served = (url: RequestInfo | URL) => Promise.resolve(String(url) === packUrl ? new Response(gzip) : new Response(null, { status: 404 }));

// Every name the package exports, and what the package draws for it.
const packageIcons = Object.entries(pkg as unknown as Record<string, SvgIconComponent>);
const markup = (icon: SvgIconComponent) => renderToStaticMarkup(createElement(icon, { fontSize: 'small', titleAccess: 'x' }));

// A fresh registry each time: its pack cache is what some tests are about.
const freshRegistry = async () => {
  vi.resetModules();
  return import('./iconRegistry');
};

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('iconRegistry', () => {
  it('knows exactly the names the package exports', async () => {
    const { isIconName } = await freshRegistry();
    expect(packageIcons.length).toBeGreaterThan(10000);
    expect(packageIcons.filter(([name]) => !isIconName(name))).toEqual([]);
    expect(iconNames).toHaveLength(packageIcons.length);
    for (const name of ['PermDataSettingIcon', 'index', 'constructor', 'toString', '']) expect(isIconName(name), name).toBe(false);
  });

  it('draws every icon exactly as the package does', async () => {
    vi.stubGlobal('fetch', vi.fn(served));
    const { loadIcon } = await freshRegistry();
    const differ: string[] = [];
    for (const [name, icon] of packageIcons) {
      if (markup(await loadIcon(name)) !== markup(icon)) differ.push(name);
    }
    expect(differ).toEqual([]);
  });

  it('fetches the pack once, only when an icon is loaded, and keeps each icon', async () => {
    const fetch = vi.fn(served);
    vi.stubGlobal('fetch', fetch);
    const { isIconName, loadIcon } = await freshRegistry();
    expect(isIconName('PermDataSetting')).toBe(true);
    expect(fetch).not.toHaveBeenCalled();
    const icon = await loadIcon('PermDataSetting');
    await loadIcon('MedicationLiquidTwoTone');
    expect(await loadIcon('PermDataSetting')).toBe(icon);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('fetches the pack again after a failed fetch', async () => {
    const fetch = vi.fn((url: RequestInfo | URL) => (fetch.mock.calls.length === 1 ? Promise.resolve(new Response(null, { status: 500 })) : served(url)));
    vi.stubGlobal('fetch', fetch);
    const { loadIcon } = await freshRegistry();
    await expect(loadIcon('PermDataSetting')).rejects.toThrow('The icon pack did not load: HTTP 500');
    expect(markup(await loadIcon('PermDataSetting'))).toBe(markup(pkg.PermDataSetting));
  });

  it('refuses a name that is not an icon without fetching', async () => {
    const fetch = vi.fn(served);
    vi.stubGlobal('fetch', fetch);
    const { loadIcon } = await freshRegistry();
    await expect(loadIcon('PermDataSettingIcon')).rejects.toThrow('Unknown icon PermDataSettingIcon');
    expect(fetch).not.toHaveBeenCalled();
  });
});
