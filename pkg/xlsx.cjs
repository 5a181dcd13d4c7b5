'use strict';
// Node (CommonJS) workbook entry: `require('prevent-plan-check/xlsx')`. Loads the workbook
// module only when required, so that scripts which never read workbooks never load it.
const reader = require('./xlsx/node/prevent_plan_check_xlsx.js');
const core = require('./node/prevent_plan_check.js');
const { createWorkbookApi } = require('./dist/api.cjs');

const api = Object.freeze(createWorkbookApi(reader, core));
// Loaded on require: `init()` (for code shared with browsers) has nothing left to do.
module.exports = { ...api, init: async () => api };
