'use strict';
// Node (CommonJS) entry: the nodejs build of the core, wrapped in the checked API.
const core = require('./node/prevent_plan_check.js');
const { createApi } = require('./dist/api.cjs');

/** Every rule's metadata, from rules.json (generated from the rule declarations): a fresh copy per call. */
const rules = () => structuredClone(require('./rules.json'));

module.exports = { ...createApi(core), rules };
