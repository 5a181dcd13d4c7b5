// Browser and bundler form entry without top-level await: `import { init } from
// 'prevent-plan-check/form/init'`. The JSON-plan API on the form module, a smaller build of
// the core without table import, summaries and comparisons, with only the default profile
// (la-2023) compiled in: `await loadProfile(id)` loads another built-in profile's data (a
// check asking for one before gets a `profile-not-loaded` error in its report). Nothing is
// fetched until `init()`; `form-web.mjs` is this entry, initialised on import.
import initCore, { initSync as initCoreSync } from './form/web/prevent_plan_check_form.js';
import * as core from './form/web/prevent_plan_check_form.js';
import { createApi, createProfiles } from './src/api.mjs';
import { lazyEntry } from './src/lazy-entry.mjs';
import { wasmSource } from './src/wasm-source.mjs';
import { BUILTIN_PROFILES, importProfile } from './dist/profiles.mjs';
export { rules } from './dist/rules.mjs';

/** The text of a built-in profile's file, from its module (split off by bundlers). */
const readProfile = async (id) => (await importProfile(id)).default;

const checker = lazyEntry({
  names: ['validate', 'validateJson', 'parseMilestone', 'schema', 'profiles', 'profileSchema', 'limits', 'version', 'loadProfile'],
  initModule: initCore,
  initModuleSync: initCoreSync,
  defaultSource: () => wasmSource(new URL('./form/web/prevent_plan_check_form_bg.wasm', import.meta.url)),
  createApi: () => ({ ...createApi(core), ...createProfiles(core, BUILTIN_PROFILES, readProfile) }),
});

export const { validate, validateJson, parseMilestone, schema, profiles, profileSchema, limits, version, loadProfile, init, initSync } = checker;
export default checker;
