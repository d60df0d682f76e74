// Fails when files under the source folder import each other in a cycle.
// A cycle makes the load order depend on which file is imported first, and a
// lazily loaded view in a cycle is pulled into the chunk of everything else.
//
//   node tools/import-cycles.mjs [root]    (root: frontend/src by default)
//
// Every relative import counts, static, dynamic (import()) and type-only
// alike: a type-only cycle is still two modules that cannot be understood
// apart. Bare specifiers (packages) are outside the question.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = path.resolve(process.argv[2] ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'src'));
const sourceExtensions = ['.ts', '.tsx', '.mts', '.js', '.jsx', '.mjs'];
// How a specifier without its extension, or naming a folder, is completed:
// the bundler's order ('.d.ts' for the generated Wails bindings' declarations).
const completions = ['.ts', '.tsx', '.d.ts', '.js', '.jsx', '.mjs', '.mts'];

function listFiles(dir) {
  const found = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...listFiles(full));
    else if (entry.isFile() && sourceExtensions.some((ext) => entry.name.endsWith(ext))) found.push(full);
  }
  return found;
}

if (!fs.existsSync(root) || !fs.statSync(root).isDirectory()) {
  console.error(`import-cycles: ${root} is not a folder`);
  process.exit(2);
}

const files = listFiles(root).sort();
const known = new Set(files);

function resolveSpecifier(from, specifier) {
  const base = path.resolve(path.dirname(from), specifier.split(/[?#]/)[0]);
  const candidates = [base, ...completions.map((ext) => base + ext), ...completions.map((ext) => path.join(base, `index${ext}`))];
  // TypeScript's ESM style names the emitted file: './x.js' means './x.ts'.
  const js = /\.(m?)jsx?$/.exec(base);
  if (js) {
    const stem = base.slice(0, -js[0].length);
    candidates.push(...(js[1] ? [`${stem}.mts`] : [`${stem}.ts`, `${stem}.tsx`]));
  }
  return candidates.find((c) => known.has(c));
}

/** @type {Map<string, string[]>} */
const graph = new Map();
for (const file of files) {
  const { importedFiles } = ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true);
  const targets = new Set();
  for (const { fileName } of importedFiles) {
    if (!fileName.startsWith('./') && !fileName.startsWith('../') && fileName !== '.' && fileName !== '..') continue;
    // Unresolved relative imports are assets (JSON, CSS, images): they import nothing back.
    const target = resolveSpecifier(file, fileName);
    if (target) targets.add(target);
  }
  graph.set(file, [...targets].sort());
}

// Tarjan's strongly connected components, iteratively: a long import chain
// must not run out of call stack.
function stronglyConnected() {
  const index = new Map();
  const low = new Map();
  const onStack = new Set();
  const stack = [];
  const components = [];
  let counter = 0;
  for (const start of files) {
    if (index.has(start)) continue;
    const work = [{ node: start, next: 0 }];
    index.set(start, counter);
    low.set(start, counter++);
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const frame = work[work.length - 1];
      const edges = graph.get(frame.node);
      if (frame.next < edges.length) {
        const to = edges[frame.next++];
        if (!index.has(to)) {
          index.set(to, counter);
          low.set(to, counter++);
          stack.push(to);
          onStack.add(to);
          work.push({ node: to, next: 0 });
        } else if (onStack.has(to)) {
          low.set(frame.node, Math.min(low.get(frame.node), index.get(to)));
        }
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1].node;
        low.set(parent, Math.min(low.get(parent), low.get(frame.node)));
      }
      if (low.get(frame.node) === index.get(frame.node)) {
        const component = [];
        let member;
        do {
          member = stack.pop();
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        const selfImport = component.length === 1 && graph.get(member).includes(member);
        if (component.length > 1 || selfImport) components.push(component.sort());
      }
    }
  }
  return components;
}

/** The shortest chain of imports from start back to start, inside one component. */
function shortestLoop(start, members) {
  const inside = new Set(members);
  const previous = new Map();
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    const node = queue[i];
    for (const to of graph.get(node)) {
      if (!inside.has(to)) continue;
      if (to === start) {
        const chain = [start];
        for (let at = node; at !== start; at = previous.get(at)) chain.splice(1, 0, at);
        return [...chain, start];
      }
      if (!previous.has(to)) {
        previous.set(to, node);
        queue.push(to);
      }
    }
  }
  return [start, start];
}

const show = (file) => path.relative(root, file).split(path.sep).join('/');
const components = stronglyConnected();
const where = path.relative(process.cwd(), root) || '.';

if (components.length === 0) {
  console.log(`import-cycles: ${files.length} files checked under ${where}, no import cycles`);
  process.exit(0);
}

for (const members of components) {
  console.log(`import cycle of ${members.length} file${members.length === 1 ? '' : 's'}:`);
  const loop = shortestLoop(members[0], members);
  console.log(`  ${loop.map(show).join(' -> ')}`);
  // One loop rarely passes through every file of a large component.
  if (new Set(loop).size < members.length) {
    console.log('  files in this cycle:');
    for (const member of members) console.log(`    ${show(member)}`);
  }
}
console.log(`import-cycles: ${files.length} files checked under ${where}, ${components.length} import cycle${components.length === 1 ? '' : 's'}`);
process.exit(1);
