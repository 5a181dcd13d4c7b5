'use strict';
// Node (CommonJS) form entry: the JSON-plan API of `prevent-plan-check/form` on the form
// module, loaded synchronously here. Built-in profiles other than the default are read from
// profiles/ the first time a check asks for one, so nothing needs `loadProfile` in Node (it is
// there for code shared with browsers) and `profiles()` lists each in full.
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const core = require('./form/node/prevent_plan_check_form.js');
const { createApi, createProfiles } = require('./dist/api.cjs');
const { BUILTIN_PROFILES } = require('./dist/profiles.cjs');

/** Every rule's metadata, from rules.json (generated from the rule declarations): a fresh copy per call. */
const rules = () => structuredClone(require('./rules.json'));

const readProfile = (id) => readFileSync(join(__dirname, 'profiles', `${id}.json`), 'utf8');
// Node's own TextEncoder: test environments such as jsdom remove the global one.
const api = createApi(core, { TextEncoder: require('node:util').TextEncoder });
const builtins = createProfiles(core, BUILTIN_PROFILES, readProfile);

const init = async () => checker;
const initSync = () => checker;
const checker = Object.freeze({
  validate: builtins.loadingProfiles(api.validate),
  validateJson: builtins.loadingProfiles(api.validateJson),
  parseMilestone: api.parseMilestone,
  schema: api.schema,
  profiles: builtins.allProfiles,
  profileSchema: api.profileSchema,
  limits: api.limits,
  version: api.version,
  loadProfile: builtins.loadProfile,
  init,
  initSync,
});

module.exports = { ...checker, rules };
