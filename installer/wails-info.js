#!/usr/bin/env node
// Prints the product identity from wails.json `info` as makensis -D
// arguments, NUL-separated (read them with `mapfile -d ''`), so a producer
// rebrands the installer by editing wails.json; with --wixl, as wixl
// <?define?> lines for the MSI package's include file (build-msi.sh).
// Usage:
//   node installer/wails-info.js [--wixl] wails.json [NAME=VALUE override ...]
// Overrides (e.g. INFO_PRODUCTVERSION=9.0.0 for the downgrade test) replace
// the value from wails.json before the derived versions are computed.
'use strict';
const fs = require('fs');

const args = process.argv.slice(2);
const wixl = args[0] === '--wixl';
const [file, ...overrides] = wixl ? args.slice(1) : args;
if (!file) {
  console.error('usage: wails-info.js [--wixl] wails.json [NAME=VALUE ...]');
  process.exit(2);
}
const info = JSON.parse(fs.readFileSync(file, 'utf8')).info || {};
const defs = {
  INFO_COMPANYNAME: info.companyName,
  INFO_PRODUCTNAME: info.productName,
  INFO_PRODUCTVERSION: info.productVersion,
  INFO_COPYRIGHT: info.copyright || '',
  INFO_COMMENTS: info.comments || '',
};
for (const o of overrides) {
  const i = o.indexOf('=');
  if (i < 1) {
    console.error(`wails-info.js: bad override ${o}`);
    process.exit(2);
  }
  defs[o.slice(0, i)] = o.slice(i + 1);
}
for (const k of ['INFO_COMPANYNAME', 'INFO_PRODUCTNAME', 'INFO_PRODUCTVERSION']) {
  if (!defs[k]) {
    console.error(`wails-info.js: ${file} has no info.${k.slice(5).toLowerCase()} (needed for ${k})`);
    process.exit(1);
  }
}
// "1.2.3-beta.1" -> numeric "1.2.3" (for comparisons) and "1.2.3.0" (the
// four-part VIProductVersion Windows wants).
const m = /^(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:\.(\d+))?/.exec(defs.INFO_PRODUCTVERSION);
if (!m) {
  console.error(`wails-info.js: productVersion "${defs.INFO_PRODUCTVERSION}" does not start with a number`);
  process.exit(1);
}
const parts = m.slice(1).filter((p) => p !== undefined);
defs.INFO_VERSION_NUMERIC = parts.join('.');
defs.INFO_VIVERSION = [...parts, '0', '0', '0'].slice(0, 4).join('.');

// NSIS string escapes: $ starts a variable, " ends the string.
const nsis = (v) => String(v).replace(/[\r\n]+/g, ' ').replace(/\$/g, '$$$$').replace(/"/g, '$\\"');
if (wixl) {
  // wixl takes a <?define?> value as it is, up to the "?>" that ends it
  // (an include file, as wixl's --define reads only ASCII: no ©).
  const pi = (v) => String(v).replace(/[\r\n]+/g, ' ').replace(/\?>/g, '? >');
  process.stdout.write(Object.entries(defs).map(([k, v]) => `<?define ${k} = "${pi(v)}"?>\n`).join(''));
} else {
  process.stdout.write(Object.entries(defs).map(([k, v]) => `-D${k}=${nsis(v)}\0`).join(''));
}
