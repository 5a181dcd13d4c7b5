// Node (ES module) entry: the same instance as the CommonJS entry.
import api from './index.cjs';

export const { validate, validateJson, validateTable, validateCsv, parseMilestone, summarize, overview, compare, schema, profiles, profileSchema, rules, limits, version, init, initSync } = api;
export default api;
