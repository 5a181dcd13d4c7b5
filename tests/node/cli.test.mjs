// The command line: formats and exit codes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('../../pkg/bin/prevent-plan-check.js', import.meta.url));
const FIXTURES = fileURLToPath(new URL('../fixtures/plans/', import.meta.url));

function run(...args) {
  const result = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

test('with no arguments it checks the bundled example plans', () => {
  const { code, out, err } = run();
  assert.ok(code === 0 || code === 1, err);
  assert.match(out, /examples[/\\]/);
  assert.match(out, /plans?\b/);
});

test('check: exit 0 for a clean plan, 1 for errors, stylish text', () => {
  assert.equal(run('check', `${FIXTURES}minimal-valid.json`).code, 0);
  const { code, out } = run('check', `${FIXTURES}structural-errors.json`);
  assert.equal(code, 1);
  assert.match(out, /structural-errors\.json\n/);
  assert.match(out, /\/sections\/0\/actions\/1\/id\s+error\s+Action id 1 is used twice.*duplicate-id/);
  assert.match(out, /✖ 5 problems \(2 errors, 3 warnings, 0 infos\)/);
  assert.doesNotMatch(out, /\u001b\[/, 'no colour when NO_COLOR is set');
});

test('check --format json prints one report, or an array for several files', () => {
  const one = run('check', '--format', 'json', `${FIXTURES}structural-errors.json`);
  const report = JSON.parse(one.out);
  assert.equal(report.valid, false);
  assert.equal(report.summary.errors, 2);
  const many = run('check', '--format', 'json', `${FIXTURES}structural-errors.json`, `${FIXTURES}minimal-valid.json`);
  const reports = JSON.parse(many.out);
  assert.equal(reports.length, 2);
  assert.equal(many.code, 1);
});

test('check --format sarif describes rules and locates results', () => {
  const { out } = run('check', '--format', 'sarif', `${FIXTURES}structural-errors.json`);
  const sarif = JSON.parse(out);
  assert.equal(sarif.version, '2.1.0');
  const { driver } = sarif.runs[0].tool;
  assert.ok(driver.rules.some((rule) => rule.id === 'duplicate-id' && rule.defaultConfiguration.level === 'error'));
  const result = sarif.runs[0].results.find((r) => r.ruleId === 'duplicate-id');
  assert.equal(driver.rules[result.ruleIndex].id, 'duplicate-id');
  assert.equal(result.locations[0].logicalLocations[0].fullyQualifiedName, '/sections/0/actions/1/id');
});

test('bad JSON is a report with json-syntax at line:column, exit 1', () => {
  const dir = fileURLToPath(new URL('../fixtures/', import.meta.url));
  const { code, out } = run('check', `${dir}bad-syntax.json`);
  assert.equal(code, 1);
  assert.match(out, /\s3:\d+\s+error\s+The plan is not valid JSON.*json-syntax/);
});

test('usage errors and unreadable files exit 2', () => {
  assert.equal(run('check').code, 2);
  assert.equal(run('frobnicate').code, 2);
  assert.equal(run('check', '--nope', 'x.json').code, 2);
  assert.equal(run('check', 'plan.docx').code, 2);
  assert.equal(run('check', '--as-of', 'yesterday', `${FIXTURES}minimal-valid.json`).code, 2);
  const missing = run('check', `${FIXTURES}does-not-exist.json`);
  assert.equal(missing.code, 2);
  assert.match(missing.err, /does-not-exist\.json/);
});

test('schema prints the plan schema; --help and --version work', () => {
  const { code, out } = run('schema');
  assert.equal(code, 0);
  assert.equal(JSON.parse(out).title, 'Prevent duty plan');
  assert.match(run('--help').out, /Usage:/);
  assert.match(run('--version').out, /^\d+\.\d+\.\d+\n$/);
});

test('profiles lists the profiles; tables and workbooks are checked with cells', () => {
  const { code, out } = run('profiles');
  assert.equal(code, 0);
  assert.match(out, /^la-2023\s+Local authority .*\(default\): 8 required/m);
  assert.equal(JSON.parse(run('profiles', '--json').out).length, 7);
  const tables = fileURLToPath(new URL('../fixtures/tables/', import.meta.url));
  for (const name of ['haringey-2013-14.tsv', 'haringey-2013-14.xlsx', 'haringey-2013-14.ods', 'harrow-2015-16.csv']) {
    const result = run('check', '--format', 'json', `${tables}${name}`);
    assert.ok(result.code === 0 || result.code === 1, `${name}: ${result.err}`);
    const report = JSON.parse(result.out);
    assert.ok(report.issues.some((issue) => /^[A-Z]+[0-9]+$/.test(issue.cell ?? '')), name);
  }
  assert.match(run('check', `${tables}haringey-2013-14.xlsx`).out, /haringey-2013-14!D\d+/);
});

test('milestone --json prints the reading', () => {
  const { code, out } = run('milestone', '--json', '--', '');
  assert.equal(code, 0);
  assert.deepEqual(JSON.parse(out), { text: '', kind: 'none', start: null, end: null });
  assert.equal(run('milestone').code, 2);
});
