// Assembles the npm package from the wasm-bindgen output: run by `make build`.
// Generates the CommonJS copy of src/api.mjs (one source for both module systems), the
// ES module of rules.json for the browser entry, and copies the published schema.
import { readFileSync, writeFileSync, mkdirSync, copyFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const pkg = dirname(dirname(fileURLToPath(import.meta.url)));
const dist = join(pkg, 'dist');
mkdirSync(dist, { recursive: true });

/** Writes dist/NAME.cjs, the CommonJS copy of src/NAME.mjs. */
function copyToCommonJs(name) {
  const esm = readFileSync(join(pkg, 'src', `${name}.mjs`), 'utf8');
  const exported = [...esm.matchAll(/^export function (\w+)/gm)].map((match) => match[1]);
  if (exported.length === 0 || /^\s*import\s/m.test(esm)) {
    throw new Error(`src/${name}.mjs must export functions and import nothing, to be copied to CommonJS`);
  }
  const cjs = `'use strict';\n// Generated from src/${name}.mjs by scripts/build.mjs: do not edit.\n${esm.replace(/^export function /gm, 'function ')}\nmodule.exports = { ${exported.join(', ')} };\n`;
  writeFileSync(join(dist, `${name}.cjs`), cjs);
}
copyToCommonJs('api');
copyToCommonJs('adapters');
copyToCommonJs('csv');
copyFileSync(join(pkg, '..', 'src', 'schema', 'plan.schema.json'), join(dist, 'plan.schema.json'));

// Browsers cannot yet `import` JSON everywhere: the rule metadata as an ES module.
const rulesText = JSON.stringify(JSON.parse(readFileSync(join(pkg, 'rules.json'), 'utf8')));
writeFileSync(
  join(dist, 'rules.mjs'),
  `// Generated from rules.json by scripts/build.mjs: do not edit.\nconst RULES = ${JSON.stringify(rulesText)};\n\n/** Every rule's metadata: a fresh copy per call. */\nexport function rules() {\n  return JSON.parse(RULES);\n}\n`,
);
