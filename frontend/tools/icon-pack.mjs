// Builds the branding icon pack: every icon of @mui/icons-material as the SVG
// elements it draws, in one gzip-compressed JSON, so the app ships one asset
// instead of one chunk per icon.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';

const require = createRequire(import.meta.url);
const iconDir = dirname(require.resolve('@mui/icons-material/package.json'));

/** The icon names the package exports: one CommonJS file each, beside index.js. */
function iconNames(dir) {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.js') && f !== 'index.js')
    .map((f) => f.slice(0, -'.js'.length))
    .sort();
}

// Running the package's own file, with the JSX runtime and createSvgIcon
// replaced by recorders, yields exactly the elements it passes to
// createSvgIcon, whatever kinds and attributes occur, without parsing it.
const Fragment = Symbol('Fragment');
const isElement = (c) => typeof c === 'object' && c !== null && !Array.isArray(c);
// A fragment draws nothing itself, so its children stand in its place.
const flat = (children) => (Array.isArray(children) ? children : [children]).flatMap((c) => (c.type === Fragment ? c.kids : [c]));
const element = (type, { children, ...attrs }) => ({ type, attrs, kids: children === undefined ? [] : flat(children) });
// As in the pack: [type, attributes] or [type, attributes, children].
const tuple = (el) => {
  if (!isElement(el)) throw new Error(`not an element: ${JSON.stringify(el)}`);
  const { type, attrs, kids } = el;
  return kids.length > 0 ? [type, attrs, kids.map(tuple)] : [type, attrs];
};
const recorders = {
  react: { Fragment },
  'react/jsx-runtime': { jsx: element, jsxs: element },
  './utils/createSvgIcon': { default: (children, name) => ({ children: flat(children), name }) },
  '@babel/runtime/helpers/interopRequireDefault': { default: (m) => m },
  '@babel/runtime/helpers/interopRequireWildcard': { default: (m) => m },
};

function record(file) {
  const exports = {};
  const fakeRequire = (id) => {
    const m = recorders[id];
    if (!m) throw new Error(`${file}: unexpected require("${id}")`);
    return m;
  };
  new Function('exports', 'require', readFileSync(file, 'utf8'))(exports, fakeRequire);
  const icon = exports.default;
  return icon && { name: icon.name, children: icon.children.map(tuple) };
}

/**
 * name → the SVG children: an element is [type, attributes, children?], with
 * React's attribute names. The most common icon, one path with only a d, is
 * just that d string.
 */
function readIcons(dir) {
  const icons = {};
  for (const name of iconNames(dir)) {
    const icon = record(join(dir, `${name}.js`));
    if (icon?.name !== name) throw new Error(`${name}.js: not a createSvgIcon(…, "${name}") file`);
    const [only] = icon.children;
    const plainPath = icon.children.length === 1 && only[0] === 'path' && only.length === 2 && Object.keys(only[1]).join() === 'd';
    icons[name] = plainPath ? only[1].d : icon.children;
  }
  return icons;
}

export function buildPack() {
  const icons = readIcons(iconDir);
  return { names: Object.keys(icons), gzip: gzipSync(JSON.stringify(icons), { level: 9 }) };
}

const virtualId = 'virtual:icon-pack';
const resolvedId = `\0${virtualId}`;
// Not .gz: static servers such as vite preview's answer a .gz with
// Content-Encoding gzip, and the browser would then decompress it before the
// app does. Vite leaves /@ paths to plugins.
const fileName = 'icon-pack.bin';
const devUrl = `/@icon-pack/${fileName}`;

/**
 * The Vite plugin: `virtual:icon-pack` exports the icon names and the pack's
 * URL. A build emits the pack as one asset; the dev server serves it. The
 * app decompresses it itself, so it is served as octet-stream.
 */
export function iconPack() {
  let command = 'serve';
  let pack;
  const built = () => (pack ??= buildPack());
  return {
    name: 'icon-pack',
    configResolved(config) {
      command = config.command;
    },
    resolveId(id) {
      return id === virtualId ? resolvedId : undefined;
    },
    load(id) {
      if (id !== resolvedId) return undefined;
      const { names, gzip } = built();
      const url = command === 'build' ? `import.meta.ROLLUP_FILE_URL_${this.emitFile({ type: 'asset', name: fileName, source: gzip })}` : JSON.stringify(devUrl);
      return `export const iconNames = ${JSON.stringify(names.join(','))}.split(',');\nexport const packUrl = ${url};\n`;
    },
    configureServer(server) {
      server.middlewares.use(devUrl, (_req, res) => {
        res.setHeader('Content-Type', 'application/octet-stream');
        res.end(built().gzip);
      });
    },
  };
}
