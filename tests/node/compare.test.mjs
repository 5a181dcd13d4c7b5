// compare(before, after): the JS API (both entries, plans, text, rows, workbooks) and the
// `compare` subcommand, on the versions of the Harrow seed plan (tests/fixtures/versions/).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import * as esm from 'prevent-plan-check';

const require = createRequire(import.meta.url);
const api = require('prevent-plan-check');
const { compareWorkbooks } = require('prevent-plan-check/xlsx');

const CLI = fileURLToPath(new URL('../../pkg/bin/prevent-plan-check.js', import.meta.url));
const path = (name) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));
const text = (name) => readFileSync(path(name), 'utf8');
const q3 = () => JSON.parse(text('versions/harrow-2015-16-q3.json'));
const q4 = () => JSON.parse(text('versions/harrow-2015-16-q4.json'));

/** Each changed action as "before -> after: kinds". */
const changes = (comparison) =>
  comparison.actions.map((action) => `${action.before?.id ?? '-'} -> ${action.after?.id ?? '-'}: ${action.changes.map((change) => change.kind).join(' ')}`);

function run(...args) {
  const result = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

test('require and import give the same compare', () => {
  assert.equal(esm.compare, api.compare);
});

test('Harrow Q3 -> Q4: renumbered actions followed by their text, each change named', () => {
  const comparison = api.compare(q3(), q4());
  assert.deepEqual(changes(comparison), [
    '1 -> 1: completed',
    '- -> 3: added',
    '3 -> 4: renumbered',
    '4 -> 5: renumbered status_moved',
    '5 -> 6: renumbered status_moved milestone_slipped',
    '6 -> 7: renumbered',
    '7 -> 8: renumbered',
    '8 -> 9: renumbered status_moved',
    '9 -> 10: renumbered newly_overdue',
    '10 -> 11: renumbered status_moved milestone_slipped',
    '11 -> 12: renumbered reworded',
    '12 -> 13: renumbered',
    '15 -> 15: status_moved milestone_slipped',
    '20 -> 19: renumbered lead_changed',
    '21 -> 20: renumbered',
    '13 -> -: removed',
    '19 -> -: removed',
  ]);
  const reworded = comparison.actions.find((action) => action.changes.some((change) => change.kind === 'reworded'));
  assert.equal(reworded.match, 'similarity');
  assert.equal(reworded.score, 73);
  const slip = comparison.actions[4].changes.find((change) => change.kind === 'milestone_slipped');
  assert.deepEqual(slip, {
    kind: 'milestone_slipped',
    from: 'March 2016',
    to: 'June 2016 (revised from March 2016)',
    fromDue: '2016-03-31',
    toDue: '2016-06-30',
    months: 3,
    slips: 1,
    path: '/sections/0/actions/5/milestones/0',
  });
  assert.deepEqual(
    comparison.issues.map((issue) => [issue.rule, issue.action]),
    [['milestone-slipped', '6'], ['milestone-slipped', '15'], ['action-dropped-silently', '13']],
  );
  assert.equal(comparison.summary.matched, 19);
  assert.equal(comparison.summary.bySimilarity, 12);
  assert.equal(comparison.before.summary.actions, 21);
  assert.equal(comparison.after.summary.actions, 20);
});

test('plans as objects or JSON text give the same comparison; maxSlips and locale apply', () => {
  const fromText = api.compare(text('versions/harrow-2015-16-q3.json'), text('versions/harrow-2015-16-q4.json'));
  assert.deepEqual(fromText, api.compare(q3(), q4()));
  const lenient = api.compare(q3(), q4(), { maxSlips: 2 });
  assert.deepEqual(lenient.issues.map((issue) => issue.action), ['6', '13']);
  const welsh = api.compare(q3(), q4(), { locale: 'cy' });
  assert.match(welsh.issues[2].message, /fe'i tynnwyd o'r cynllun/);
});

test('asOf applies to the later version: newly overdue is judged at each version\'s date', () => {
  const later = api.compare(q3(), q4(), { asOf: '2016-03-31' });
  const overdue = later.actions.filter((action) => action.changes.some((change) => change.kind === 'newly_overdue'));
  assert.ok(overdue.length >= 1);
  assert.equal(later.before.plan.as_of, '2015-12-31');
});

test('tables compare as CSV text and as rows; workbooks through the xlsx entry', () => {
  const before = text('tables/harrow-2015-16.csv');
  const after = text('versions/harrow-2015-16-revised.csv');
  const fromCsv = api.compare(before, after, { period: '2015/16' });
  assert.deepEqual(
    fromCsv.issues.map((issue) => [issue.rule, issue.action]),
    [['milestone-slipped', '6'], ['action-dropped-silently', '13']],
  );
  const fromWorkbook = compareWorkbooks(readFileSync(path('tables/harrow-2015-16.xlsx')), after, { period: '2015/16' });
  assert.deepEqual(changes(fromWorkbook), changes(fromCsv));
  const unreadable = compareWorkbooks(new Uint8Array([1, 2, 3]), after);
  assert.equal(unreadable.before.issues[0].rule, 'table-unreadable');
  assert.deepEqual(unreadable.actions, []);
});

test('rows of cells are a version too', () => {
  const rows = [
    ['Ref', 'Action', 'Lead', 'Target date', 'Progress'],
    ['1', 'Chair the Channel panel monthly', 'Prevent Lead', 'March 2016', 'On track'],
    ['2', 'Deliver WRAP to frontline staff', 'HR', 'Dec 2015', 'On track'],
  ];
  const later = [rows[0], rows[2].with(3, 'Feb 2016').with(4, 'Delayed')];
  const comparison = api.compare(rows, later);
  assert.deepEqual(changes(comparison), ['2 -> 2: status_moved milestone_slipped', '1 -> -: removed']);
  assert.deepEqual(comparison.coverage.map((change) => [change.category, change.change]), [['channel_panel', 'lost']]);
  assert.deepEqual(comparison.issues.map((issue) => issue.rule), ['action-dropped-silently', 'coverage-lost']);
  assert.equal(comparison.issues[0].path, '/sections/0/actions/0');
});

test('a wrong argument throws with a code; content problems come back in the reports', () => {
  assert.throws(() => api.compare(42, q4()), { code: 'ERR_INVALID_ARG_TYPE', message: /compare\(before, after\): before must be a plan/ });
  assert.throws(() => api.compare(q3(), q4(), { maxSlips: -1 }), { code: 'ERR_INVALID_OPTION', message: /maxSlips/ });
  assert.throws(() => api.compare(q3(), q4(), { maxSlip: 1 }), { code: 'ERR_INVALID_OPTION' });
  const broken = api.compare('{"sections": [', q4());
  assert.equal(broken.before.issues[0].rule, 'json-syntax');
  assert.deepEqual(broken.actions, []);
});

test('CLI compare: text names each change and the problems; exit 1 as the later version has errors', () => {
  const { code, out, err } = run('compare', path('versions/harrow-2015-16-q3.json'), path('versions/harrow-2015-16-q4.json'));
  assert.equal(code, 1, err);
  assert.match(out, /19 matched \(12 by their text\), 1 added, 2 removed, 5 unchanged/);
  assert.match(out, /5 -> 6 +renumbered 5 -> 6; status not started -> delayed; slipped 3 months: "March 2016" -> "June 2016 \(revised from March 2016\)" \(matched by text, 100% alike\)/);
  assert.match(out, /13 +removed while not started/);
  assert.match(out, /\/sections\/1\/actions\/2 +warning +Action 13 was removed from the plan without being marked complete.*action-dropped-silently/);
  assert.match(out, /3 problems/);
});

test('CLI compare --format json prints the comparison with the file names; Welsh text', () => {
  const { code, out } = run('compare', '--format', 'json', '--max-slips', '2', path('versions/harrow-2015-16-q3.json'), path('versions/harrow-2015-16-q4.json'));
  const comparison = JSON.parse(out);
  assert.equal(code, comparison.after.summary.errors > 0 ? 1 : 0);
  assert.equal(comparison.after.summary.errors, 3);
  assert.match(comparison.files.before, /harrow-2015-16-q3\.json$/);
  assert.equal(comparison.issues.length, 2);
  const welsh = run('compare', '--locale', 'cy', path('tables/harrow-2015-16.csv'), path('versions/harrow-2015-16-revised.csv'));
  assert.match(welsh.out, /wedi'u paru: 20/);
  assert.match(welsh.out, /Cam gweithredu 13: fe'i tynnwyd o'r cynllun/);
});

test('CLI compare: usage errors exit 2', () => {
  assert.equal(run('compare', path('versions/harrow-2015-16-q3.json')).code, 2);
  assert.equal(run('compare', '--format', 'sarif', path('versions/harrow-2015-16-q3.json'), path('versions/harrow-2015-16-q4.json')).code, 2);
  assert.equal(run('compare', '--max-slips', 'x', path('versions/harrow-2015-16-q3.json'), path('versions/harrow-2015-16-q4.json')).code, 2);
});

test('CLI compare writes plan text with control characters escaped', () => {
  const plan = (description) => JSON.stringify({ sections: [{ title: 'T', actions: [{ id: '1', description, leads: ['L'] }] }] });
  const folder = mkdtempSync(join(tmpdir(), 'ppc-compare-'));
  writeFileSync(join(folder, 'a.json'), plan('Deliver WRAP'));
  writeFileSync(join(folder, 'b.json'), plan('Deliver WRAP \u001b]0;owned\u0007 training'));
  const { out } = run('compare', join(folder, 'a.json'), join(folder, 'b.json'));
  assert.doesNotMatch(out, /\u001b/);
  assert.match(out, /\\x1b\]0;owned\\x07/);
});

test('a version over the input limit is answered with input-too-large, not copied into WASM', () => {
  const big = `{${' '.repeat(api.limits().maxInputBytes)}}`;
  const comparison = api.compare(big, q4());
  assert.equal(comparison.before.issues[0].rule, 'input-too-large');
  assert.deepEqual(comparison.actions, []);
  assert.equal(comparison.after.summary.actions, 20);
});
