'use strict';
// Node (CommonJS) entry. Plans in JSON are checked on the form module (./form.cjs: less to
// compile, so a faster start); tables, summaries and comparisons on the full module, which is
// compiled (synchronously) on the first call of one of them. Both are loaded here, so `init()`
// and `initSync()` (for code shared with browsers) have nothing left to do and ignore their
// argument.
const form = require('./form.cjs');
const { createApi } = require('./dist/api.cjs');

let full;
/** The API on the full module, loaded on first use. */
const fullApi = () => (full ??= createApi(require('./node/prevent_plan_check.js'), { TextEncoder: require('node:util').TextEncoder }));

const init = async () => checker;
const initSync = () => checker;
const checker = Object.freeze({
  validate: form.validate,
  validateJson: form.validateJson,
  validateTable: (rows, options) => fullApi().validateTable(rows, options),
  validateCsv: (text, options) => fullApi().validateCsv(text, options),
  parseMilestone: form.parseMilestone,
  summarize: (report, options) => fullApi().summarize(report, options),
  overview: (entries, options) => fullApi().overview(entries, options),
  compare: (before, after, options) => fullApi().compare(before, after, options),
  schema: form.schema,
  profiles: form.profiles,
  profileSchema: form.profileSchema,
  limits: form.limits,
  version: form.version,
  init,
  initSync,
});

module.exports = { ...checker, rules: form.rules };
