// The workbook entry (`prevent-plan-check/xlsx`) and the profiles API.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as esmWorkbook from 'prevent-plan-check/xlsx';

const require = createRequire(import.meta.url);
const api = require('prevent-plan-check');
const { validateWorkbook, readWorkbook } = require('prevent-plan-check/xlsx');
const fixture = (name) => readFileSync(new URL(`../fixtures/tables/${name}`, import.meta.url));

test('require and import give the same workbook API', () => {
  assert.equal(esmWorkbook.validateWorkbook, validateWorkbook);
  assert.equal(esmWorkbook.readWorkbook, readWorkbook);
});

test('readWorkbook gives the sheets that validateWorkbook checks, as rows of cells', () => {
  const bytes = fixture('haringey-2013-14.xlsx');
  const { sheets, error } = readWorkbook(bytes);
  assert.equal(error, undefined);
  assert.ok(sheets.length >= 1);
  const report = validateWorkbook(bytes);
  const checked = sheets.find((sheet) => sheet.sheet === report.issues.find((issue) => issue.sheet).sheet);
  assert.deepEqual(api.validateTable(checked.rows).issues.map((issue) => [issue.rule, issue.cell]),
    report.issues.map((issue) => [issue.rule, issue.cell]));
  assert.match(readWorkbook(new Uint8Array([80, 75, 3, 4, 0])).error, /\S/);
  assert.throws(() => readWorkbook('not bytes'), (error) => error.code === 'ERR_INVALID_ARG_TYPE');
});

test('a workbook reads like the same table as text, with sheet and cell on issues', () => {
  for (const format of ['xlsx', 'ods']) {
    const fromWorkbook = validateWorkbook(fixture(`haringey-2013-14.${format}`));
    const fromText = api.validateCsv(fixture('haringey-2013-14.tsv').toString('utf8'));
    assert.deepEqual(fromWorkbook.plan.sections.map((s) => s.actions.length), fromText.plan.sections.map((s) => s.actions.length), format);
    const located = fromWorkbook.issues.filter((issue) => issue.cell);
    assert.ok(located.length > 0, format);
    for (const issue of located) assert.equal(typeof issue.sheet, 'string', `${format}: ${issue.rule}`);
    assert.deepEqual(
      fromWorkbook.issues.map((issue) => [issue.rule, issue.cell]),
      fromText.issues.map((issue) => [issue.rule, issue.cell]),
      format,
    );
  }
});

test('workbook bytes may be a Buffer, Uint8Array or ArrayBuffer', () => {
  const buffer = fixture('cumbria-2015-16.xlsx');
  const copy = new Uint8Array(buffer);
  const a = validateWorkbook(buffer);
  assert.deepEqual(validateWorkbook(copy), a);
  assert.deepEqual(validateWorkbook(copy.buffer), a);
  assert.equal(a.summary.actions, 18);
});

test('damaged workbooks are reported; wrong types throw; the module keeps working', () => {
  const good = fixture('cumbria-2015-16.xlsx');
  for (const bad of [good.subarray(0, good.length / 2), Buffer.from('not a workbook'), new Uint8Array(0)]) {
    const report = validateWorkbook(bad);
    assert.equal(report.valid, false);
    assert.equal(report.issues[0].rule, 'table-unreadable');
  }
  for (const value of [undefined, null, 'x.xlsx', 42, {}, [1, 2]]) {
    assert.throws(() => validateWorkbook(value), { code: 'ERR_INVALID_ARG_TYPE' });
  }
  assert.throws(() => validateWorkbook(good, { asOf: 'soon' }), { code: 'ERR_INVALID_OPTION' });
  assert.equal(validateWorkbook(good).summary.actions, 18);
});

test('profiles() lists the contract profiles, la-2023 first with the eight benchmarks', () => {
  const profiles = api.profiles();
  assert.deepEqual(
    profiles.map((profile) => profile.id),
    ['la-2023', 'la-2015', 'scotland-la', 'schools', 'further-education', 'higher-education', 'health'],
  );
  const required = profiles[0].categories.filter((category) => category.required).map((category) => category.id);
  assert.deepEqual(required.sort(), [
    'channel_panel', 'communications_engagement', 'partnership', 'partnership_plan',
    'permissive_environments', 'referral_pathway', 'risk_assessment', 'training',
  ]);
  assert.equal(profiles[0].categories.find((category) => category.id === 'channel_panel').basis, 'must');
  assert.equal(api.profileSchema().type, 'object');
});

test('a profile can be chosen by id or given as an object; bad ones throw ERR_INVALID_OPTION', () => {
  const plan = JSON.parse(readFileSync(new URL('../fixtures/plans/minimal-valid.json', import.meta.url), 'utf8'));
  assert.equal(api.validate(plan, { profile: 'schools' }).profile, 'schools');
  const custom = {
    id: 'my-trust', title: 'My trust', guidance: 'Local policy', sector: 'health',
    categories: [{ id: 'training', name: 'Training', basis: 'must', required: true, description: 'WRAP for all staff', phrases: ['WRAP', 'training'] }],
  };
  const report = api.validate(plan, { profile: custom });
  assert.equal(report.profile, 'my-trust');
  assert.deepEqual(Object.keys(report.coverage), ['training']);
  assert.equal(report.coverage.training.status !== 'missing', true);
  assert.throws(() => api.validate(plan, { profile: 'la-2099' }), { code: 'ERR_INVALID_OPTION', message: /la-2023/ });
  assert.throws(() => api.validate(plan, { profile: { ...custom, categories: [] } }), { code: 'ERR_INVALID_OPTION' });
});

test('the workbook that overflowed calamine under fuzzing is reported as unreadable', () => {
  const report = validateWorkbook(fixture('damaged/calamine-overflow.xlsx'));
  assert.equal(report.issues[0].rule, 'table-unreadable');
  assert.equal(validateWorkbook(fixture('cumbria-2015-16.xlsx')).summary.actions, 18);
});
