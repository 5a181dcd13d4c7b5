// Browser and bundler entry: loads its .wasm next to this file, then exposes the API.
import init, * as core from './web/prevent_plan_check.js';
import { createApi } from './src/api.mjs';

await init({ module_or_path: new URL('./web/prevent_plan_check_bg.wasm', import.meta.url) });

const api = createApi(core);
export const { validate, validateJson, validateTable, validateCsv, parseMilestone, schema, profiles, profileSchema, rules, limits, version } = api;
export default api;
