// The form module (`prevent-plan-check/form`, and the JSON-plan checks of the Node entry): the
// same reports as the full module for every built-in profile, built-in profiles other than
// the default reported until their data is added, and the full module left unloaded until a
// table, summary or comparison needs it. The tests run in order: the first ones see the form
// module before any profile is added.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync, readdirSync } from 'node:fs';

const require = createRequire(import.meta.url);
const formCore = require('../../pkg/form/node/prevent_plan_check_form.js');
const fullCore = require.resolve('../../pkg/node/prevent_plan_check.js');
const { createApi, createProfiles, readReport } = require('../../pkg/dist/api.cjs');
const { BUILTIN_PROFILES } = require('../../pkg/dist/profiles.cjs');
const profileFile = (id) => readFileSync(new URL(`../../pkg/profiles/${id}.json`, import.meta.url), 'utf8');
/** A text as the core takes it, in UTF-8 (as the wrapper encodes it). */
const utf8 = (text) => new TextEncoder().encode(text);
const PLAN = JSON.stringify({ sections: [{ title: 'Training', actions: [{ id: '1', description: 'Deliver WRAP training to staff', leads: ['Prevent Lead'], milestones: ['Mar-18'] }] }] });

test('a built-in profile not loaded is reported in both languages, not thrown, and coverage stays empty', () => {
  for (const [locale, expected] of [['en', /not loaded yet/], ['cy', /heb ei lwytho|wedi'i lwytho/]]) {
    const report = readReport(formCore.validate_json(utf8(PLAN), JSON.stringify({ profile: 'schools', locale })));
    const issue = report.issues.find((candidate) => candidate.rule === 'profile-not-loaded');
    assert.ok(issue, JSON.stringify(report.issues));
    assert.equal(issue.severity, 'error');
    assert.match(issue.message, expected);
    assert.match(issue.hint, /loadProfile\("schools"\)/);
    assert.equal(report.profile, 'schools');
    assert.deepEqual(report.coverage, {});
  }
  // A plan naming the profile is read the same way.
  const named = readReport(formCore.validate_json(utf8(JSON.stringify({ ...JSON.parse(PLAN), profile: 'health' })), 'null'));
  assert.ok(named.issues.some((issue) => issue.rule === 'profile-not-loaded' && issue.path === '/profile'));
  // An unknown id is still a usage error.
  assert.throws(() => formCore.validate_json(utf8(PLAN), JSON.stringify({ profile: 'la-2099' })), /ERR_INVALID_OPTION/);
});

test('profile data is accepted only as the exact text of its file', () => {
  assert.throws(() => formCore.add_profile('schools', profileFile('health')), /ERR_INVALID_ARG_VALUE: .*not the built-in profile "schools"/);
  assert.throws(() => formCore.add_profile('schools', `${profileFile('schools')} `), /ERR_INVALID_ARG_VALUE/);
  assert.throws(() => formCore.add_profile('la-2099', profileFile('schools')), /ERR_INVALID_ARG_VALUE: unknown profile/);
});

test('as in browsers: profiles() lists the unloaded ones without categories until loadProfile', async () => {
  const api = { ...createApi(formCore), ...createProfiles(formCore, BUILTIN_PROFILES, async (id) => profileFile(id)) };
  const listed = api.profiles();
  assert.deepEqual(listed.map((profile) => profile.id), ['la-2023', 'la-2015', 'scotland-la', 'schools', 'further-education', 'higher-education', 'health']);
  assert.ok(listed[0].categories.length > 0 && listed[0].loaded === undefined);
  for (const profile of listed.slice(1)) {
    assert.equal(profile.loaded, false, profile.id);
    assert.equal(profile.categories, undefined, profile.id);
    assert.ok(profile.title && profile.sector && profile.translations.cy.title, profile.id);
  }
  const [first, again] = await Promise.all([api.loadProfile('scotland-la'), api.loadProfile('scotland-la')]);
  assert.deepEqual(first, again);
  assert.ok(first.categories.length > 0);
  assert.equal(api.profiles().find((profile) => profile.id === 'scotland-la').loaded, undefined);
  const report = api.validateJson(PLAN, { profile: 'scotland-la' });
  assert.ok(!report.issues.some((issue) => issue.rule === 'profile-not-loaded'));
  await assert.rejects(api.loadProfile('la-2099'), (error) => error.code === 'ERR_INVALID_ARG_VALUE' && /la-2023, la-2015/.test(error.message));
  await assert.rejects(api.loadProfile(7), (error) => error.code === 'ERR_INVALID_ARG_TYPE');
  await assert.rejects(api.loadProfile('la-2099', { locale: 'cy' }), /nid yw "la-2099" yn broffil adeiledig/);
});

test('the Node entry checks JSON plans without loading the full module', () => {
  const api = require('prevent-plan-check');
  assert.equal(require.cache[fullCore], undefined, 'loaded before any check');
  api.validateJson(PLAN);
  api.validate(JSON.parse(PLAN), { profile: 'health' });
  api.parseMilestone('Mar-18');
  api.schema();
  api.profiles();
  assert.equal(require.cache[fullCore], undefined, 'loaded by a JSON-plan check');
  assert.equal(api.validateTable([['Action', 'Lead'], ['Train staff', 'DSL']]).summary.actions, 1);
  assert.ok(require.cache[fullCore], 'the first table check loads the full module');
});

test('the form module and the full module give the same reports under every built-in profile', () => {
  const full = createApi(require(fullCore));
  const form = require('prevent-plan-check/form');
  const plans = [
    ...readdirSync(new URL('../../pkg/examples/', import.meta.url)).filter((name) => name.endsWith('.json')).map((name) => readFileSync(new URL(`../../pkg/examples/${name}`, import.meta.url), 'utf8')),
    PLAN,
    '{"sections": [',
  ];
  for (const { id } of BUILTIN_PROFILES) {
    for (const locale of ['en', 'cy']) {
      const options = { profile: id, locale };
      for (const plan of plans) assert.equal(JSON.stringify(form.validateJson(plan, options)), JSON.stringify(full.validateJson(plan, options)), `${id} ${locale}`);
    }
  }
  assert.deepEqual(form.profiles(), full.profiles());
  assert.deepEqual(Object.keys(form).sort(), ['init', 'initSync', 'limits', 'loadProfile', 'parseMilestone', 'profileSchema', 'profiles', 'rules', 'schema', 'validate', 'validateJson', 'version']);
});
