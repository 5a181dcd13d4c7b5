// The reports the JS API gives are the reports recorded by tests/golden.rs (tests/golden/),
// whatever the API does on the way (lazy parts, lean transport): read whole, they are
// the same JSON, for plans given as objects and as text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';

import { generatePlan } from '../../bench/generate.mjs';

const require = createRequire(import.meta.url);
const api = require('prevent-plan-check');
const golden = (name) => readFileSync(new URL(`../golden/reports/${name}`, import.meta.url), 'utf8');
const read = (path) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

const CASES = [
  ['pkg/examples/harrow-2015-16.json', 'pkg__examples__harrow-2015-16.json.json'],
  ['pkg/examples/haringey-2008-11.json', 'pkg__examples__haringey-2008-11.json.json'],
  ['tests/fixtures/plans/structural-errors.json', 'tests__fixtures__plans__structural-errors.json.json'],
  ['tests/fixtures/bad-syntax.json', 'tests__fixtures__bad-syntax.json.json'],
];

test('validateJson gives the recorded reports', () => {
  for (const [path, recorded] of CASES) {
    assert.equal(JSON.stringify(api.validateJson(read(path))), golden(recorded), path);
  }
});

test('validate gives the recorded reports of the generated plans, under options', () => {
  const variants = [
    ['', undefined],
    ['@cy', { locale: 'cy' }],
    ['@schools', { profile: 'schools' }],
    ['@asof', { period: '2021/22', asOf: '2021-12-01', profile: 'la-2015' }],
  ];
  for (const actions of [10, 100]) {
    const plan = generatePlan(actions);
    for (const [suffix, options] of variants) {
      const name = `generated__plan-${actions}.json${suffix}.json`;
      assert.equal(JSON.stringify(api.validate(plan, options)), golden(name), name);
    }
  }
});
