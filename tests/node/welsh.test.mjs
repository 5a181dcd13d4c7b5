// Welsh: `locale: 'cy'` in the API and `--locale cy` on the command line, and the CLI's
// catalogues saying the same things in both languages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import * as api from 'prevent-plan-check';

const require = createRequire(import.meta.url);
const { CATALOGUES, fill, translator } = require('../../pkg/src/i18n/index.js');
const { formatText } = require('../../pkg/bin/format.js');

const CLI = fileURLToPath(new URL('../../pkg/bin/prevent-plan-check.js', import.meta.url));
const FIXTURES = fileURLToPath(new URL('../fixtures/plans/', import.meta.url));
const EXAMPLES = fileURLToPath(new URL('../../pkg/examples/', import.meta.url));

function run(...args) {
  const result = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

const placeholders = (template) => [...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

test('the CLI catalogues have the same texts with the same placeholders', () => {
  const { en, cy } = CATALOGUES;
  assert.deepEqual(Object.keys(cy).sort(), Object.keys(en).sort(), 'a text is in one language only');
  for (const key of Object.keys(en)) {
    assert.deepEqual([...new Set(placeholders(cy[key]))], [...new Set(placeholders(en[key]))], `placeholders of ${key}`);
    assert.notEqual(cy[key], en[key], `${key} is not translated`);
  }
});

test('templates pick the singular or plural form by count', () => {
  assert.equal(fill('{count} plan|{count} plans', { count: 1 }), '1 plan');
  assert.equal(fill('{count} plan|{count} plans', { count: 3 }), '3 plans');
  assert.equal(fill('gwallau: {count}', { count: 1 }), 'gwallau: 1');
  assert.equal(fill('--format text|json|sarif'), '--format text|json|sarif', 'no count: no plural forms');
});

test("the API reports in Welsh with locale 'cy', in English by default", () => {
  const plan = JSON.parse(readFileSync(`${FIXTURES}structural-errors.json`, 'utf8'));
  const english = api.validate(plan);
  const welsh = api.validate(plan, { locale: 'cy' });
  assert.deepEqual(welsh.issues.map((issue) => issue.rule), english.issues.map((issue) => issue.rule));
  assert.match(english.issues.find((issue) => issue.rule === 'duplicate-id').message, /^Action id 1 is used twice/);
  assert.match(welsh.issues.find((issue) => issue.rule === 'duplicate-id').message, /^Mae rhif cam gweithredu 1 wedi'i ddefnyddio ddwywaith/);
  for (const [index, issue] of welsh.issues.entries()) assert.notEqual(issue.message, english.issues[index].message);
  assert.equal(welsh.coverage.channel_panel.name, 'Panel Channel');
  assert.equal(english.coverage.channel_panel.name, 'Channel panel');
  assert.deepEqual(api.validate(plan, { locale: 'en' }), english);
});

test('Welsh reaches every entry point: JSON text, CSV, input errors', () => {
  assert.match(api.validateJson('{"sections": [}', { locale: 'cy' }).issues[0].message, /^Nid yw'r cynllun yn JSON dilys/);
  assert.match(api.validateCsv('a,b\n1,2\n', { locale: 'cy' }).issues[0].message, /^Ni chafwyd hyd i res pennawd/);
  const overdue = api.validateJson(
    '{"sections": [{"title": "T", "actions": [{"id": "1", "description": "D", "leads": ["L"], "milestones": ["Nov-13"], "status": "On track"}]}]}',
    { locale: 'cy', asOf: '2014-04-01' },
  );
  assert.match(overdue.issues.find((issue) => issue.rule === 'overdue').message, /roedd i'w chyflawni erbyn 30 Tachwedd 2013, cyn y dyddiad adrodd \(1 Ebrill 2014\)/);
});

test('a bad option is explained in the language asked for', () => {
  assert.throws(
    () => api.validate({ sections: [] }, { locale: 'cy', asOf: '31/01/2018' }),
    (error) => error.code === 'ERR_INVALID_OPTION' && /opsiwn annilys `asOf`: nid yw "31\/01\/2018" yn ddyddiad YYYY-MM-DD/.test(error.message),
  );
  assert.throws(
    () => api.validate({ sections: [] }, { asOf: '31/01/2018' }),
    (error) => error.code === 'ERR_INVALID_OPTION' && /invalid option `asOf`/.test(error.message),
  );
});

test('a locale other than en or cy is an error with a code', () => {
  for (const locale of ['fr', 'CY', 7]) {
    assert.throws(() => api.validate({ sections: [] }, { locale }), (error) => error instanceof Error && error.code === 'ERR_INVALID_OPTION');
  }
});

test('check --locale cy: text, json and sarif in Welsh', () => {
  const text = run('check', '--locale', 'cy', `${FIXTURES}structural-errors.json`);
  assert.equal(text.code, 1);
  assert.match(text.out, /\/sections\/0\/actions\/1\/id\s+gwall\s+Mae rhif cam gweithredu 1 wedi'i ddefnyddio ddwywaith.*duplicate-id/);
  assert.match(text.out, /✖ Problemau: 5 \(gwallau: 2, rhybuddion: 3, gwybodaeth: 0\); cynlluniau: 1/);
  assert.doesNotMatch(text.out, /\b(error|warning|problems)\b/);

  const json = JSON.parse(run('check', '--locale', 'cy', '--format', 'json', `${FIXTURES}structural-errors.json`).out);
  assert.match(json.issues[0].message + json.issues[1].message, /cam gweithredu/);

  const sarif = JSON.parse(run('check', '--locale', 'cy', '--format', 'sarif', `${FIXTURES}structural-errors.json`).out);
  const rules = sarif.runs[0].tool.driver.rules;
  assert.equal(rules.find((rule) => rule.id === 'lead-missing').shortDescription.text, 'Nid oes gan gam gweithredu arweinydd');
  assert.match(sarif.runs[0].results.find((result) => result.ruleId === 'duplicate-id').message.text, /^Mae rhif cam gweithredu 1/);

  const english = JSON.parse(run('check', '--format', 'sarif', `${FIXTURES}structural-errors.json`).out);
  assert.equal(english.runs[0].tool.driver.rules.find((rule) => rule.id === 'lead-missing').shortDescription.text, 'An action has no lead');
});

test('a clean plan, the profiles list and help in Welsh', () => {
  const clean = [{ file: 'plan.json', report: { issues: [] } }];
  assert.equal(formatText(clean, { color: false, t: translator('cy') }), 'Cynlluniau a wiriwyd: 1; dim problemau\n');
  assert.equal(formatText(clean, { color: false }), '1 plan checked: no problems\n');
  const profiles = run('profiles', '--locale', 'cy');
  assert.match(profiles.out, /^la-2023\s+Awdurdod lleol \(canllawiau Dyletswydd Prevent 2023\) \(rhagosodedig\): categorïau gofynnol: \d+ o \d+/);
  assert.match(run('--help', '--locale', 'cy').out, /^Defnydd:/);
  assert.match(run('milestone', '--locale', 'cy', '--', 'Oct 2013 to Dec 2013').out, /^range 2013-10-01 i 2013-12-31/);
});

test('--locale with an unknown language is a usage error (exit 2)', () => {
  const { code, out, err } = run('check', '--locale', 'fr', `${EXAMPLES}harrow-2015-16.json`);
  assert.equal(code, 2);
  assert.equal(out, '');
  assert.match(err, /unknown --locale fr \(use en, cy\)/);
  const welsh = run('check', '--locale', 'cy', '--format', 'xml', `${FIXTURES}minimal-valid.json`);
  assert.equal(welsh.code, 2);
  assert.match(welsh.err, /--format anhysbys xml[\s\S]*Rhowch gynnig ar --help\./);
});
