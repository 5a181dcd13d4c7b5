// Node (ES module) entry: the same instance as the CommonJS entry.
import api from './index.cjs';

export const { validate, validateJson, validateTable, validateCsv, parseMilestone, compare, schema, profiles, profileSchema, rules, limits, version } = api;
export default api;
