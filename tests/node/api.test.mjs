// The JS API of the Node build, through both module systems.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';

import * as esm from 'prevent-plan-check';

const require = createRequire(import.meta.url);
const cjs = require('prevent-plan-check');
const fixture = (name) => readFileSync(new URL(`../fixtures/plans/${name}`, import.meta.url), 'utf8');

test('require and import give the same API', () => {
  for (const name of ['validate', 'validateJson', 'parseMilestone', 'schema', 'rules', 'version']) {
    assert.equal(typeof cjs[name], 'function', name);
    assert.equal(esm[name], cjs[name], name);
  }
  assert.match(cjs.version(), /^\d+\.\d+\.\d+/);
});

test('a clean plan is valid and comes back as understood', () => {
  const report = cjs.validateJson(fixture('minimal-valid.json'));
  assert.equal(report.valid, true, JSON.stringify(report.issues));
  assert.equal(report.summary.errors, 0);
  assert.equal(report.summary.actions, 8);
  assert.deepEqual(report.plan.period, { label: '2017/18', start: '2017-04-01', end: '2018-03-31' });
  const action = report.plan.sections[0].actions[0];
  assert.deepEqual(action.milestones[0].text, 'Mar-18');
  assert.deepEqual(action.status, { text: 'On track', value: 'on_track' });
});

test('structural problems are reported with rule, path and action', () => {
  const report = cjs.validate(JSON.parse(fixture('structural-errors.json')));
  assert.equal(report.valid, false);
  const found = report.issues.map(({ rule, path, action }) => ({ rule, path, action }));
  assert.deepEqual(found, [
    { rule: 'duplicate-id', path: '/sections/0/actions/1/id', action: '1' },
    { rule: 'lead-missing', path: '/sections/0/actions/1/leads', action: '1' },
    { rule: 'milestone-missing', path: '/sections/0/actions/1/milestones', action: '1' },
    { rule: 'schema', path: '/sections/0/actions/2', action: '2' },
    { rule: 'milestone-missing', path: '/sections/0/actions/2/milestones', action: '2' },
  ]);
  const schemaIssue = report.issues.find((issue) => issue.rule === 'schema');
  assert.equal(schemaIssue.message, 'Action 2 has no description (schema keyword `required`)');
  assert.deepEqual(report.summary, { errors: 2, warnings: 3, infos: 0, actions: 3 });
});

test('validateJson reports bad JSON as json-syntax with line and column', () => {
  const report = cjs.validateJson('{\n  "sections": [}');
  assert.equal(report.valid, false);
  assert.equal(report.plan, null);
  assert.equal(report.issues.length, 1);
  assert.equal(report.issues[0].rule, 'json-syntax');
  assert.equal(report.issues[0].line, 2);
  assert.equal(report.issues[0].column, 16);
});

test('validate does not change the object it is given', () => {
  const plan = JSON.parse(fixture('structural-errors.json'));
  const before = structuredClone(plan);
  cjs.validate(plan, { asOf: '2014-01-01' });
  assert.deepEqual(plan, before);
});

test('schema() is the published draft 2020-12 schema', () => {
  const schema = cjs.schema();
  assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema');
  assert.ok(schema.$defs.action.properties.leads.description);
  assert.deepEqual(schema, require('../../pkg/dist/plan.schema.json'));
});

test('rules() lists documented rules with unique ids', () => {
  const rules = cjs.rules();
  const ids = rules.map((rule) => rule.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const id of ['schema', 'json-syntax', 'duplicate-id', 'lead-missing', 'milestone-missing']) {
    assert.ok(ids.includes(id), id);
  }
  for (const rule of rules) {
    assert.match(rule.doc, /## What it checks/);
    assert.ok(rule.howToFix && rule.examples.some((example) => example.expect === 'passes'), rule.id);
  }
  assert.deepEqual(rules, require('../../pkg/rules.json'));
});

test('options: period and asOf are applied, Date objects accepted', () => {
  const plan = JSON.parse(fixture('minimal-valid.json'));
  delete plan.period;
  const report = cjs.validate(plan, { period: '2016-04-01/2017-03-31', asOf: new Date(2017, 0, 31) });
  assert.equal(report.profile, 'la-2023');
});

test('validate(plan) reads plain data, Dates and null-prototype objects as their JSON text', () => {
  const plan = JSON.parse(fixture('minimal-valid.json'));
  assert.deepEqual(cjs.validate(plan), cjs.validateJson(JSON.stringify(plan)));
  const dated = { ...plan, as_of: new Date(2017, 0, 31) };
  assert.deepEqual(cjs.validate(dated), cjs.validateJson(JSON.stringify({ ...plan, as_of: '2017-01-31' })));
  const bare = Object.assign(Object.create(null), plan);
  assert.deepEqual(cjs.validate(bare), cjs.validateJson(JSON.stringify(plan)));
});
