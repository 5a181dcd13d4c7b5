// Browser and bundler entry: loads its .wasm next to this file, then exposes the API.
import init, * as core from './web/prevent_plan_check.js';
import { createApi } from './src/api.mjs';
// Rule metadata is plain data kept out of the .wasm; bundlers drop it when `rules` is unused.
import { rules } from './dist/rules.mjs';

await init({ module_or_path: new URL('./web/prevent_plan_check_bg.wasm', import.meta.url) });

const api = { ...createApi(core), rules };
export const { validate, validateJson, validateTable, validateCsv, parseMilestone, compare, schema, profiles, profileSchema, limits, version } = api;
export { rules };
export default api;
