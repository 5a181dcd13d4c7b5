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
// - The built-in profiles as data, for the form module, which compiles in only the default:
//   profiles/<id>.json (read by the Node entries, and exported), dist/profiles/<id>.mjs (the
//   browser form entry's `loadProfile` imports them, so every bundler splits them off) and
//   dist/profiles.mjs/.cjs, the list of every built-in profile without its categories.
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const pkg = dirname(dirname(fileURLToPath(import.meta.url)));
const root = join(pkg, '..');
const dist = join(pkg, 'dist');
mkdirSync(dist, { recursive: true });

/** The CommonJS text of the ES module `esm` (`source` names it), which exports only functions and constants. */
function commonJs(esm, source) {
  const exported = [...esm.matchAll(/^export (?:function|const) (\w+)/gm)].map((match) => match[1]);
  if (exported.length === 0 || /^\s*import\s/m.test(esm) || /^export (?!function |const )/m.test(esm)) {
    throw new Error(`${source} must export only functions and constants and import nothing, to be copied to CommonJS`);
  }
  const body = esm.replace(/^export (function|const) /gm, '$1 ').replace(/^\/\/ Generated .*\n/, '');
  return `'use strict';\n// Generated from ${source} by scripts/build.mjs: do not edit.\n${body}\nmodule.exports = { ${exported.join(', ')} };\n`;
}

/** Writes dist/NAME.cjs, the CommonJS copy of src/NAME.mjs. */
function copyToCommonJs(name) {
  writeFileSync(join(dist, `${name}.cjs`), commonJs(readFileSync(join(pkg, 'src', `${name}.mjs`), 'utf8'), `src/${name}.mjs`));
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
shareWasm('form', 'prevent_plan_check_form');
shareWasm('xlsx', 'prevent_plan_check_xlsx');

// The built-in profiles, default first, as the full module lists them; their files as they
// are (the form module accepts exactly these bytes for each), the list, and the loaders.
const fullModule = createRequire(import.meta.url)(join(pkg, 'node', 'prevent_plan_check.js'));
const builtinIds = JSON.parse(fullModule.profiles()).map((profile) => profile.id);
const profileFolder = join(pkg, 'profiles');
rmSync(profileFolder, { recursive: true, force: true });
rmSync(join(dist, 'profiles'), { recursive: true, force: true });
mkdirSync(profileFolder);
mkdirSync(join(dist, 'profiles'));
const listed = builtinIds.map((id) => {
  const text = readFileSync(join(root, 'src', 'coverage', 'profiles', `${id}.json`), 'utf8');
  writeFileSync(join(profileFolder, `${id}.json`), text);
  writeFileSync(join(dist, 'profiles', `${id}.mjs`), `// Generated from profiles/${id}.json by scripts/build.mjs: do not edit.\nexport default ${JSON.stringify(text)};\n`);
  const { title, guidance, sector, translations } = JSON.parse(text);
  const titles = Object.fromEntries(Object.entries(translations ?? {}).filter(([, texts]) => texts.title).map(([locale, texts]) => [locale, { title: texts.title }]));
  return { id, title, guidance, sector, ...(Object.keys(titles).length ? { translations: titles } : {}) };
});
// A `switch` of literal paths: bundlers see each file and split it off.
const loaders = builtinIds.map((id) => `    case ${JSON.stringify(id)}:\n      return import(${JSON.stringify(`./profiles/${id}.mjs`)});`).join('\n');
const listing = `// Generated from the built-in profiles by scripts/build.mjs: do not edit.
/** Every built-in profile, default first, without its categories: listed before its data is loaded. */
export const BUILTIN_PROFILES = ${JSON.stringify(listed, null, 2)};

/** The module of a built-in profile's file text (\`profiles/<id>.json\`), loaded on first use. */
export function importProfile(id) {
  switch (id) {
${loaders}
    default:
      return Promise.reject(new Error(\`no built-in profile \${id}\`));
  }
}
`;
writeFileSync(join(dist, 'profiles.mjs'), listing);
writeFileSync(join(dist, 'profiles.cjs'), commonJs(listing, 'the built-in profiles'));

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
for (const name of ['index', 'form', 'xlsx', 'adapters', 'marks']) {
  const text = readFileSync(join(pkg, `${name}.d.ts`), 'utf8').replace(/from '\.\/(\w+)'/g, "from './$1.mjs'");
  writeFileSync(join(pkg, `${name}.d.mts`), `// Generated from ${name}.d.ts by scripts/build.mjs: do not edit.\n${text}`);
}
