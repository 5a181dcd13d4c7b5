// Assembles the npm package from the wasm-bindgen output: run by `make build`.
//
// - The CommonJS copies of src/*.mjs (one source for both module systems).
// - ONE copy of each .wasm: wasm-bindgen writes the same bytes for its nodejs and web
//   targets; the web copy stays (bundlers and browsers fetch it) and the Node glue is
//   pointed at it.
// - The Node glue takes TextDecoder/TextEncoder from node:util, so that it also loads where
//   the globals are missing (jsdom test environments).
// - `{"type": "module"}` beside the web glue: it is ES module `.js` inside a CommonJS
//   package, which webpack and Node otherwise parse as CommonJS.
// - The ES module of rules.json for the browser entry, the published schema, the licences,
//   and the `.d.mts` twins of the declarations (ESM importers under node16/nodenext).
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const pkg = dirname(dirname(fileURLToPath(import.meta.url)));
const root = join(pkg, '..');
const dist = join(pkg, 'dist');
mkdirSync(dist, { recursive: true });

/** Writes dist/NAME.cjs, the CommonJS copy of src/NAME.mjs (exported functions and constants). */
function copyToCommonJs(name) {
  const esm = readFileSync(join(pkg, 'src', `${name}.mjs`), 'utf8');
  const exported = [...esm.matchAll(/^export (?:function|const) (\w+)/gm)].map((match) => match[1]);
  if (exported.length === 0 || /^\s*import\s/m.test(esm) || /^export (?!function |const )/m.test(esm)) {
    throw new Error(`src/${name}.mjs must export only functions and constants and import nothing, to be copied to CommonJS`);
  }
  const body = esm.replace(/^export (function|const) /gm, '$1 ');
  const cjs = `'use strict';\n// Generated from src/${name}.mjs by scripts/build.mjs: do not edit.\n${body}\nmodule.exports = { ${exported.join(', ')} };\n`;
  writeFileSync(join(dist, `${name}.cjs`), cjs);
}
for (const name of ['api', 'adapters', 'marks', 'csv']) copyToCommonJs(name);
copyFileSync(join(root, 'src', 'schema', 'plan.schema.json'), join(dist, 'plan.schema.json'));

/**
 * Points the nodejs glue `node/NAME.js` at `web/NAME_bg.wasm` (after checking the bytes are
 * the same) and deletes its own copy; gives it node:util's text codecs.
 */
function shareWasm(folder, name) {
  const nodeWasm = join(pkg, folder, 'node', `${name}_bg.wasm`);
  const webWasm = join(pkg, folder, 'web', `${name}_bg.wasm`);
  if (!readFileSync(nodeWasm).equals(readFileSync(webWasm))) {
    throw new Error(`${folder}/node and ${folder}/web hold different ${name}_bg.wasm: the package can ship only one`);
  }
  const gluePath = join(pkg, folder, 'node', `${name}.js`);
  const glue = readFileSync(gluePath, 'utf8');
  const pathLine = `const wasmPath = \`\${__dirname}/${name}_bg.wasm\`;`;
  if (!glue.includes(pathLine) || !/^let cachedTextDecoder = new TextDecoder\(/m.test(glue)) {
    throw new Error(`${folder}/node/${name}.js no longer reads its .wasm as this script expects: update scripts/build.mjs`);
  }
  const codecs = "const { TextDecoder, TextEncoder } = require('node:util');\n";
  writeFileSync(gluePath, codecs + glue.replace(pathLine, `const wasmPath = \`\${__dirname}/../web/${name}_bg.wasm\`;`));
  rmSync(nodeWasm);
  writeFileSync(join(pkg, folder, 'web', 'package.json'), '{ "type": "module" }\n');
}
shareWasm('.', 'prevent_plan_check');
shareWasm('xlsx', 'prevent_plan_check_xlsx');

// Browsers cannot yet `import` JSON everywhere: the rule metadata as an ES module.
const rulesText = JSON.stringify(JSON.parse(readFileSync(join(pkg, 'rules.json'), 'utf8')));
writeFileSync(
  join(dist, 'rules.mjs'),
  `// Generated from rules.json by scripts/build.mjs: do not edit.\nconst RULES = ${JSON.stringify(rulesText)};\n\n/** Every rule's metadata: a fresh copy per call. */\nexport function rules() {\n  return JSON.parse(RULES);\n}\n`,
);

// The licences of the crate (MIT OR Apache-2.0) ship with the package.
for (const licence of ['LICENSE-MIT', 'LICENSE-APACHE']) copyFileSync(join(root, licence), join(pkg, licence));

// ES module importers (node16/nodenext) need declarations that are ES modules themselves:
// the same text as `.d.mts`, whose relative imports name `.mjs` twins.
for (const name of ['index', 'xlsx', 'adapters', 'marks']) {
  const text = readFileSync(join(pkg, `${name}.d.ts`), 'utf8').replace(/from '\.\/(\w+)'/g, "from './$1.mjs'");
  writeFileSync(join(pkg, `${name}.d.mts`), `// Generated from ${name}.d.ts by scripts/build.mjs: do not edit.\n${text}`);
}
