// Browser and bundler entry without top-level await: `import { init } from 'prevent-plan-check/init'`.
// Nothing is fetched until `init()` (or `initSync()`) is called; the API's functions throw
// ERR_NOT_INITIALIZED before that. `web.mjs` is this entry, initialised on import. It loads the
// full core (tables, summaries, comparisons); `prevent-plan-check/form/init` is the smaller
// module for checking JSON plans only.
import initCore, { initSync as initCoreSync } from './web/prevent_plan_check.js';
import * as core from './web/prevent_plan_check.js';
import { createApi } from './src/api.mjs';
import { lazyEntry } from './src/lazy-entry.mjs';
import { wasmSource } from './src/wasm-source.mjs';
// Rule metadata is plain data kept out of the .wasm; bundlers drop it when `rules` is unused.
export { rules } from './dist/rules.mjs';

const checker = lazyEntry({
  names: ['validate', 'validateJson', 'validateTable', 'validateCsv', 'parseMilestone', 'summarize', 'overview', 'compare', 'schema', 'profiles', 'profileSchema', 'limits', 'version'],
  initModule: initCore,
  initModuleSync: initCoreSync,
  defaultSource: () => wasmSource(new URL('./web/prevent_plan_check_bg.wasm', import.meta.url)),
  createApi: () => createApi(core),
});

export const { validate, validateJson, validateTable, validateCsv, parseMilestone, summarize, overview, compare, schema, profiles, profileSchema, limits, version, init, initSync } = checker;
export default checker;
