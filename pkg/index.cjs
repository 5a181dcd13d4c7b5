'use strict';
// Node (CommonJS) entry: the nodejs build of the core, wrapped in the checked API. The module
// is loaded synchronously here, so `init()` and `initSync()` (for code shared with browsers)
// have nothing left to do and ignore their argument.
const core = require('./node/prevent_plan_check.js');
const { createApi } = require('./dist/api.cjs');

/** Every rule's metadata, from rules.json (generated from the rule declarations): a fresh copy per call. */
const rules = () => structuredClone(require('./rules.json'));

const api = createApi(core);
const init = async () => checker;
const initSync = () => checker;
const checker = Object.freeze({ ...api, init, initSync });

module.exports = { ...checker, rules };
