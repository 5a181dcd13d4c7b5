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
  assert.equal(table.locations[0].physicalLocation.artifactLocation.uri, 'plans/a plan.xlsx');
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
