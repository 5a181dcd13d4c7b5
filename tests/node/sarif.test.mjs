// `check --format sarif` is valid SARIF 2.1.0 (the OASIS schema, as shipped by
// @microsoft/jest-sarif) and describes every rule the results use.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const Ajv = require('ajv-draft-04');
const schema = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
const CLI = fileURLToPath(new URL('../../pkg/bin/prevent-plan-check.js', import.meta.url));
const { formatSarif } = require('../../pkg/bin/format.js');
const fixture = (path) => fileURLToPath(new URL(`../fixtures/${path}`, import.meta.url));

test('SARIF output validates against the SARIF 2.1.0 schema', () => {
  const validate = new Ajv({ allErrors: true, strict: false, validateFormats: false, unicodeRegExp: false }).compile(schema);
  const files = [fixture('plans/structural-errors.json'), fixture('bad-syntax.json'), fixture('tables/haringey-2013-14.tsv'), fixture('tables/cumbria-2015-16.xlsx')];
  const { status, stdout, stderr } = spawnSync(process.execPath, [CLI, 'check', '--format', 'sarif', ...files], { encoding: 'utf8' });
  assert.equal(status, 1, stderr);
  const log = JSON.parse(stdout);
  assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
  const { driver } = log.runs[0].tool;
  const ruleIds = new Set(driver.rules.map((rule) => rule.id));
  for (const result of log.runs[0].results) {
    assert.ok(ruleIds.has(result.ruleId), result.ruleId);
    assert.equal(driver.rules[result.ruleIndex].id, result.ruleId);
  }
  const cells = log.runs[0].results.flatMap((result) => result.locations[0].logicalLocations).filter((location) => location.kind === 'cell');
  assert.ok(cells.length > 0);
  for (const location of cells) assert.match(location.fullyQualifiedName, /^([^!]+!)?[A-Z]+\d+$/);
  assert.ok(cells.some((location) => location.fullyQualifiedName.includes('!')), 'workbook cells name their sheet');
  const syntax = log.runs[0].results.find((result) => result.ruleId === 'json-syntax');
  assert.equal(syntax.locations[0].physicalLocation.region.startLine, 3);
});

test('every rule is described in tool.driver.rules from rules.json, with its page', () => {
  const rules = require('../../pkg/rules.json');
  const { repository } = require('../../pkg/package.json');
  const { stdout } = spawnSync(process.execPath, [CLI, 'check', '--format', 'sarif', fixture('plans/structural-errors.json')], { encoding: 'utf8' });
  const { driver } = JSON.parse(stdout).runs[0].tool;
  assert.deepEqual(driver.rules.map((rule) => rule.id), rules.map((rule) => rule.id));
  for (const [position, descriptor] of driver.rules.entries()) {
    const rule = rules[position];
    assert.match(descriptor.name, /^[A-Z][A-Za-z]+$/, descriptor.id);
    assert.equal(descriptor.shortDescription.text, rule.summary);
    assert.ok(descriptor.fullDescription.text.length > 20 && !descriptor.fullDescription.text.includes('\n'), descriptor.id);
    assert.ok(descriptor.help.text.length > 20, descriptor.id);
    assert.match(descriptor.help.markdown, /## How to fix/);
    assert.equal(descriptor.defaultConfiguration.level, { error: 'error', warning: 'warning', info: 'note' }[rule.severity]);
    assert.ok(existsSync(fileURLToPath(new URL(`../../${descriptor.properties.page}`, import.meta.url))), descriptor.properties.page);
    // A page address needs the repository's (package.json `repository`); without one, only `properties.page`.
    if (repository) assert.ok(descriptor.helpUri.endsWith(`/${rule.page}`), descriptor.helpUri);
    else assert.equal(descriptor.helpUri, undefined);
  }
});

test('results locate issues by file, JSON Pointer and cell; helpUri follows package.json repository', () => {
  const validate = new Ajv({ allErrors: true, strict: false, validateFormats: false, unicodeRegExp: false }).compile(schema);
  const rules = require('../../pkg/rules.json');
  const report = {
    issues: [
      { rule: 'lead-missing', severity: 'warning', message: 'Action 4 has no lead', path: '/sections/1/actions/0/leads', action: '4', cell: 'D7', sheet: 'Plan' },
      { rule: 'json-syntax', severity: 'error', message: 'The plan is not valid JSON', path: '', line: 3, column: 5 },
    ],
  };
  const log = formatSarif([{ file: join('plans', 'a plan.xlsx'), report }], rules, '0.0.0', { repository: { type: 'git', url: 'git+https://example.org/council/prevent-plan-check.git' } });
  assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
  const [table, syntax] = log.runs[0].results;
  assert.equal(table.locations[0].physicalLocation.artifactLocation.uri, 'plans/a%20plan.xlsx', 'percent-encoded');
  assert.deepEqual(table.locations[0].physicalLocation.region, { startLine: 1 }, 'a workbook has no lines: its first');
  assert.deepEqual(table.locations[0].logicalLocations, [
    { name: 'D7', fullyQualifiedName: 'Plan!D7', kind: 'cell' },
    { name: 'leads', fullyQualifiedName: '/sections/1/actions/0/leads', kind: 'jsonPointer' },
  ]);
  assert.deepEqual(table.properties, { action: '4' });
  assert.equal(table.level, 'warning');
  assert.deepEqual(syntax.locations[0].physicalLocation.region, { startLine: 3, startColumn: 5 });
  assert.deepEqual(syntax.locations[0].logicalLocations, [{ name: '/', fullyQualifiedName: '/', kind: 'jsonPointer' }]);
  const descriptor = log.runs[0].tool.driver.rules.find((rule) => rule.id === 'lead-missing');
  assert.equal(descriptor.helpUri, 'https://example.org/council/prevent-plan-check/blob/main/docs/rules/lead-missing.md');
});

test('results of JSON plans are placed at their field: line and column of the input text', () => {
  const text = '{\n  "title": "Plan",\n  "sections": [\n    {"title": "One", "actions": [\n      {"id": "1", "description": "Train staff", "leads": []}\n    ]}\n  ]\n}\n';
  const report = {
    issues: [
      { rule: 'lead-missing', severity: 'warning', message: 'no lead', path: '/sections/0/actions/0/leads', action: '1' },
      { rule: 'milestone-missing', severity: 'warning', message: 'no milestone', path: '/sections/0/actions/0/milestones', action: '1' },
      { rule: 'category-missing', severity: 'warning', message: 'no partnership', path: '' },
    ],
  };
  const file = join('plans', 'plan #1.json');
  const log = formatSarif([{ file, report }], require('../../pkg/rules.json'), '0.0.0', { sources: new Map([[file, text]]) });
  const regions = log.runs[0].results.map((result) => result.locations[0].physicalLocation.region);
  // The leads array; the action for a field it lacks; the plan's first brace for the whole plan.
  assert.deepEqual(regions, [{ startLine: 5, startColumn: 58 }, { startLine: 5, startColumn: 7 }, { startLine: 1, startColumn: 1 }]);
  assert.equal(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri, 'plans/plan%20%231.json');
});

test('partialFingerprints stay when other actions move, and differ between issues', () => {
  const issue = { rule: 'lead-missing', severity: 'warning', message: 'Action 4 has no lead', path: '/sections/1/actions/0/leads', action: '4' };
  const moved = { ...issue, path: '/sections/2/actions/5/leads' };
  const other = { ...issue, action: '5', message: 'Action 5 has no lead' };
  const fingerprints = [issue, moved, other].map((one) =>
    formatSarif([{ file: 'plan.json', report: { issues: [one] } }], [], '0.0.0').runs[0].results[0].partialFingerprints['preventPlanCheck/v1'],
  );
  assert.match(fingerprints[0], /^[0-9a-f]{64}$/);
  assert.equal(fingerprints[1], fingerprints[0]);
  assert.notEqual(fingerprints[2], fingerprints[0]);
});

test('the CLI gives every rule a helpUri and places the results of a JSON plan', () => {
  const plan = fileURLToPath(new URL('../fixtures/plans/structural-errors.json', import.meta.url));
  const result = spawnSync(process.execPath, [fileURLToPath(new URL('../../pkg/bin/prevent-plan-check.js', import.meta.url)), 'check', '--format', 'sarif', plan], { encoding: 'utf8' });
  const log = JSON.parse(result.stdout);
  assert.ok(log.runs[0].tool.driver.rules.every((rule) => rule.helpUri?.startsWith('https://github.com/')));
  const lines = readFileSync(plan, 'utf8').split('\n');
  for (const { locations, ruleId } of log.runs[0].results) {
    const { startLine, startColumn } = locations[0].physicalLocation.region;
    assert.ok(startLine >= 1 && startLine <= lines.length, ruleId);
    assert.ok(startColumn >= 1 && startColumn <= lines[startLine - 1].length, ruleId);
  }
  const duplicate = log.runs[0].results.find((one) => one.ruleId === 'duplicate-id');
  const { startLine, startColumn } = duplicate.locations[0].physicalLocation.region;
  assert.match(lines[startLine - 1].slice(startColumn - 1), /^"1"/);
});
