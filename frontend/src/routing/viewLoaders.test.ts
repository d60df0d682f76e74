import { navItems } from '../nav/items';
import { viewLoaders } from './viewLoaders';

describe('view loaders', () => {
  it('load a component for every nav item', async () => {
    expect(Object.keys(viewLoaders).sort()).toEqual(navItems.map((i) => i.id).sort());
    for (const item of navItems) {
      expect(typeof (await viewLoaders[item.id]()), item.id).toBe('function');
    }
  });
});
