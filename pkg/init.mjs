// Browser and bundler entry without top-level await: `import { init } from 'prevent-plan-check/init'`.
// Nothing is fetched until `init()` (or `initSync()`) is called; the API's functions throw
// ERR_NOT_INITIALIZED before that. `web.mjs` is this entry, initialised on import.
import initCore, { initSync as initCoreSync } from './web/prevent_plan_check.js';
import * as core from './web/prevent_plan_check.js';
import { createApi, notInitialized } from './src/api.mjs';
import { wasmSource } from './src/wasm-source.mjs';
// Rule metadata is plain data kept out of the .wasm; bundlers drop it when `rules` is unused.
export { rules } from './dist/rules.mjs';

let api;
let loading;

function loaded() {
  if (api === undefined) throw notInitialized();
  return api;
}

/**
 * Loads the core module, once: `init()` fetches the `.wasm` beside this file (bundlers that
 * understand `new URL(..., import.meta.url)` copy it); `init({ module_or_path })` takes its
 * URL, a `Response`, its bytes or a compiled `WebAssembly.Module`. Resolves to the API.
 */
export function init(input) {
  loading ??= initCore(input ?? { module_or_path: wasmSource(new URL('./web/prevent_plan_check_bg.wasm', import.meta.url)) }).then(
    () => {
      api ??= createApi(core);
      return checker;
    },
    (error) => {
      loading = undefined; // a failed fetch may be retried
      throw error;
    },
  );
  return loading;
}

/** Loads the core module from its bytes or a compiled module, synchronously: `initSync({ module })`. */
export function initSync(input) {
  if (api === undefined) {
    initCoreSync(input);
    api = createApi(core);
  }
  return checker;
}

const NAMES = ['validate', 'validateJson', 'validateTable', 'validateCsv', 'parseMilestone', 'summarize', 'overview', 'compare', 'schema', 'profiles', 'profileSchema', 'limits', 'version'];
const checker = Object.freeze(Object.fromEntries([...NAMES.map((name) => [name, (...args) => loaded()[name](...args)]), ['init', init], ['initSync', initSync]]));

export const { validate, validateJson, validateTable, validateCsv, parseMilestone, summarize, overview, compare, schema, profiles, profileSchema, limits, version } = checker;
export default checker;
