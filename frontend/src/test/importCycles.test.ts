// @vitest-environment node
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { execPath } from 'node:process';
import { fileURLToPath } from 'node:url';

// The checker guards `make test-frontend`; these cases show it can fail.
const script = fileURLToPath(new URL('../../tools/import-cycles.mjs', import.meta.url));

let root = '';

function write(files: Record<string, string>) {
  for (const [name, text] of Object.entries(files)) {
    const path = join(root, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  }
}

const check = () => spawnSync(execPath, [script, root], { encoding: 'utf8', timeout: 20000 });

describe('tools/import-cycles.mjs', () => {
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'import-cycles-'));
  });

  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it('fails on two files that import each other, naming the chain', () => {
    write({
      'a.ts': "import { b } from './b';\nexport const a = () => b;\n",
      'b.ts': "import { a } from './a';\nexport const b = () => a;\n",
      'c.ts': "import { a } from './a';\nexport const c = a;\n",
    });
    const result = check();
    expect(result.status, result.stderr).toBe(1);
    expect(result.stdout).toContain('import cycle of 2 files');
    expect(result.stdout).toContain('a.ts -> b.ts -> a.ts');
    expect(result.stdout).not.toContain('c.ts ->');
    expect(result.stdout).toContain('3 files checked');
  });

  it('follows dynamic imports, folder indexes and test files', () => {
    write({
      'view.tsx': "export const load = () => import('./menu');\n",
      'menu/index.ts': "import { load } from '../view';\nexport const menu = [load];\n",
      'menu/index.test.ts': "import { menu } from '.';\nit('has items', () => expect(menu).toHaveLength(1));\n",
    });
    const result = check();
    expect(result.status, result.stderr).toBe(1);
    expect(result.stdout).toContain('menu/index.ts -> view.tsx -> menu/index.ts');
    expect(result.stdout).toContain('3 files checked');
  });

  it('passes a tree without cycles, leaving packages and assets aside', () => {
    write({
      'a.ts': "import { b } from './b';\nimport React from 'react';\nimport data from './data.json';\nexport const a = [b, React, data];\n",
      'b.ts': "export const b = () => import('./c');\n",
      'c.tsx': "import type { Props } from './types';\nexport const c = (p: Props) => p;\n",
      'types.ts': 'export interface Props { name: string }\n',
      'data.json': '{}',
      'node_modules/pkg/index.ts': "import '../../a';\n",
    });
    const result = check();
    expect(result.status, result.stdout).toBe(0);
    expect(result.stdout).toContain('4 files checked');
    expect(result.stdout).toContain('no import cycles');
  });
});
