'use strict';
// Node (CommonJS) entry: the nodejs build of the core, wrapped in the checked API.
const core = require('./node/prevent_plan_check.js');
const { createApi } = require('./dist/api.cjs');

module.exports = createApi(core);
