// Node (ES module) form entry: the same instance as the CommonJS form entry.
import api from './form.cjs';

export const { validate, validateJson, parseMilestone, schema, profiles, profileSchema, rules, limits, version, loadProfile, init, initSync } = api;
export default api;
