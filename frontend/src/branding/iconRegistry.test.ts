import type { SvgIconComponent } from '@mui/icons-material';
import * as pkg from '@mui/icons-material';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { iconNames } from 'virtual:icon-pack';
import { serveIconPack } from '../test/iconPack';

// Every name the package exports, and what the package draws for it.
const packageIcons = Object.entries(pkg as unknown as Record<string, SvgIconComponent>);
const markup = (icon: SvgIconComponent) => renderToStaticMarkup(createElement(icon, { fontSize: 'small', titleAccess: 'x' }));

// A fresh registry each time: its pack cache is what some tests are about.
const freshRegistry = async () => {
  vi.resetModules();
  return import('./iconRegistry');
};

describe('iconRegistry', () => {
  it('knows exactly the names the package exports', async () => {
    const { isIconName } = await freshRegistry();
    expect(packageIcons.length).toBeGreaterThan(10000);
    expect(packageIcons.filter(([name]) => !isIconName(name))).toEqual([]);
    expect(iconNames).toHaveLength(packageIcons.length);
    for (const name of ['PermDataSettingIcon', 'index', 'constructor', 'toString', '']) expect(isIconName(name), name).toBe(false);
  });

  it('draws every icon exactly as the package does', async () => {
    serveIconPack();
    const { loadIcon } = await freshRegistry();
    const differ: string[] = [];
    for (const [name, icon] of packageIcons) {
      if (markup(await loadIcon(name)) !== markup(icon)) differ.push(name);
    }
    expect(differ).toEqual([]);
  });

  it('fetches the pack once, only when an icon is loaded, and keeps each icon', async () => {
    const fetch = serveIconPack();
    const { isIconName, loadIcon } = await freshRegistry();
    expect(isIconName('PermDataSetting')).toBe(true);
    expect(fetch).not.toHaveBeenCalled();
    const icon = await loadIcon('PermDataSetting');
    await loadIcon('MedicationLiquidTwoTone');
    expect(await loadIcon('PermDataSetting')).toBe(icon);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('fetches the pack again after a failed fetch', async () => {
    serveIconPack().mockResolvedValueOnce(new Response(null, { status: 500 }));
    const { loadIcon } = await freshRegistry();
    await expect(loadIcon('PermDataSetting')).rejects.toThrow('The icon pack did not load: HTTP 500');
    expect(markup(await loadIcon('PermDataSetting'))).toBe(markup(pkg.PermDataSetting));
  });

  it('refuses a name that is not an icon without fetching', async () => {
    const fetch = serveIconPack();
    const { loadIcon } = await freshRegistry();
    await expect(loadIcon('PermDataSettingIcon')).rejects.toThrow('Unknown icon PermDataSettingIcon');
    expect(fetch).not.toHaveBeenCalled();
  });
});
