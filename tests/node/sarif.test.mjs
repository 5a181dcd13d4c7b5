// `check --format sarif` is valid SARIF 2.1.0 (the OASIS schema, as shipped by
// @microsoft/jest-sarif) and describes every rule the results use.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const Ajv = require('ajv-draft-04');
const schema = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
const CLI = fileURLToPath(new URL('../../pkg/bin/prevent-plan-check.js', import.meta.url));
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
