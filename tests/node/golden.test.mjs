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

const xlsx = require('prevent-plan-check/xlsx');
const { readdirSync } = require('node:fs');

/** The bundled files of `folder` with one of `extensions` whose report is kept whole. */
function recordedFiles(folder, extensions) {
  return readdirSync(new URL(`../../${folder}`, import.meta.url))
    .filter((name) => extensions.some((extension) => name.endsWith(`.${extension}`)))
    .map((name) => [`${folder}/${name}`, `${folder.replaceAll('/', '__')}__${name}.json`])
    .filter(([, recorded]) => {
      try {
        golden(recorded);
        return true;
      } catch {
        return false;
      }
    });
}

test('validateCsv and validateFile give the recorded reports (rows, sheets and unread files)', () => {
  for (const [path, recorded] of recordedFiles('tests/fixtures/tables', ['csv', 'tsv'])) {
    assert.equal(JSON.stringify(api.validateCsv(read(path))), golden(recorded), path);
  }
  const folders = ['tests/fixtures/tables', 'tests/fixtures/tables/damaged', 'tests/fixtures/documents', 'tests/fixtures/hostile'];
  let checked = 0;
  for (const folder of folders) {
    for (const [path, recorded] of recordedFiles(folder, ['xlsx', 'ods', 'docx', 'html', 'doc'])) {
      const bytes = readFileSync(new URL(`../../${path}`, import.meta.url));
      const name = path.slice(path.lastIndexOf('/') + 1);
      assert.equal(JSON.stringify(xlsx.validateFile(bytes, { name })), golden(recorded), path);
      checked += 1;
    }
  }
  assert.ok(checked > 20, `${checked} files checked`);
});

const HARROW = 'pkg__examples__harrow-2015-16.json.json';

test('plan and coverage are read on first access, in the order of the recorded report', () => {
  const report = api.validateJson(read('pkg/examples/harrow-2015-16.json'));
  const expected = JSON.parse(golden(HARROW));
  const order = ['valid', 'profile', 'plan', 'coverage', 'issues', 'summary'];
  assert.deepEqual(Object.keys(report), order);
  assert.equal(typeof Object.getOwnPropertyDescriptor(report, 'plan').get, 'function');
  assert.deepEqual(report.coverage, expected.coverage);
  // Read once, they are plain data properties, and stay in their place.
  const coverage = Object.getOwnPropertyDescriptor(report, 'coverage');
  assert.deepEqual([coverage.writable, coverage.enumerable, coverage.configurable], [true, true, true]);
  assert.equal(report.coverage, report.coverage);
  assert.deepEqual(Object.keys(report), order);
  assert.deepEqual(structuredClone(report), expected);
  assert.deepEqual({ ...api.validateJson(read('pkg/examples/harrow-2015-16.json')) }, expected);
  assert.equal(JSON.stringify(report), golden(HARROW));
});

test('a lazy part can be assigned before it is read, and a frozen report still reads it', () => {
  const text = read('pkg/examples/harrow-2015-16.json');
  const assigned = api.validateJson(text);
  assigned.plan = null;
  assert.equal(assigned.plan, null);
  assert.deepEqual(Object.keys(assigned), ['valid', 'profile', 'plan', 'coverage', 'issues', 'summary']);
  const frozen = Object.freeze(api.validateJson(text));
  const expected = JSON.parse(golden(HARROW));
  assert.deepEqual(frozen.plan, expected.plan);
  assert.equal(frozen.plan, frozen.plan);
  assert.equal(JSON.stringify(frozen), golden(HARROW));
  // A summary of a report whose parts were never read is the summary of the whole report.
  assert.deepEqual(api.summarize(api.validateJson(text)), api.summarize(expected));
});

test("report: 'issues' gives the recorded report without plan and coverage", () => {
  for (const [path, recorded] of CASES) {
    const { plan, coverage, ...lean } = JSON.parse(golden(recorded));
    assert.equal(JSON.stringify(api.validateJson(read(path), { report: 'issues' })), JSON.stringify(lean), path);
  }
  const plan = generatePlan(100);
  const { plan: _, coverage, ...lean } = JSON.parse(golden('generated__plan-100.json@cy.json'));
  const report = api.validate(plan, { report: 'issues', locale: 'cy' });
  assert.deepEqual(Object.keys(report), ['valid', 'profile', 'issues', 'summary']);
  assert.equal(JSON.stringify(report), JSON.stringify(lean));
  assert.equal(JSON.stringify(api.validate(plan, { report: 'full', locale: 'cy' })), golden('generated__plan-100.json@cy.json'));
  const csv = read('tests/fixtures/tables/excel-style.csv');
  const { plan: __, coverage: ___, ...leanTable } = JSON.parse(golden('tests__fixtures__tables__excel-style.csv.json'));
  assert.equal(JSON.stringify(api.validateCsv(csv, { report: 'issues' })), JSON.stringify(leanTable));
});

test("an unknown report option is an ERR_INVALID_OPTION in the caller's language", () => {
  for (const [value, locale, text] of [
    ['plan', 'en', 'invalid option `report`: "plan" is not "full" or "issues"'],
    ['plan', 'cy', 'opsiwn annilys `report`: nid yw "plan" yn "full" nac yn "issues"'],
    [true, 'en', 'invalid option `report`: true is not "full" or "issues"'],
  ]) {
    assert.throws(() => api.validate({ sections: [] }, { report: value, locale }), { code: 'ERR_INVALID_OPTION', message: text });
  }
  // The module keeps working.
  assert.equal(JSON.stringify(api.validateJson(read(CASES[0][0]))), golden(CASES[0][1]));
});
