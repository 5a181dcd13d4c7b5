// Values from other realms and environments: Dates and bytes made in a vm context (as
// jsdom, Jest and iframes make them), Date cells under Europe/London summer time, a Node
// without the global TextDecoder (jsdom test environments), and wrong argument types.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const PKG = fileURLToPath(new URL('../../pkg/index.cjs', import.meta.url));
const XLSX = fileURLToPath(new URL('../../pkg/xlsx.cjs', import.meta.url));

/** Runs `script` in a fresh Node with `env` added; gives its JSON output. */
function inNode(script, env = {}) {
  const result = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', env: { ...process.env, ...env } });
  assert.equal(result.status, 0, result.stderr);
  return JSON.parse(result.stdout);
}

test('Date cells and asOf are the calendar day shown, from any realm, under Europe/London summer time', () => {
  const days = inNode(`
    const vm = require('node:vm');
    const { validateTable } = require(${JSON.stringify(PKG)});
    const other = (text) => vm.runInNewContext(text);
    const rows = [['Action', 'Lead', 'Deadline'],
      ['Train staff', 'Lead', new Date(2018, 2, 31)],          // BST: 30 March 23:00 UTC
      ['Refer concerns', 'Lead', other('new Date(2018, 5, 1)')], // another realm, BST
      ['Review', 'Lead', other('new Date(2018, 11, 31)')]];      // GMT
    const report = validateTable(rows, { asOf: other('new Date(2018, 3, 1)') });
    console.log(JSON.stringify(report.plan.sections.flatMap((s) => s.actions.map((a) => a.milestones[0].parsed.start))));
  `, { TZ: 'Europe/London' });
  assert.deepEqual(days, ['2018-03-31', '2018-06-01', '2018-12-31']);
});

test('bytes from another realm are read; wrong argument types throw TypeError with a code', () => {
  const vm = require('node:vm');
  const { validateWorkbook } = require(XLSX);
  const { validate, validateJson, validateTable } = require(PKG);
  const foreign = vm.runInNewContext('new Uint8Array([80, 75, 3, 4]).buffer');
  assert.equal(validateWorkbook(foreign).issues[0].rule, 'table-unreadable');
  for (const call of [() => validate('plan'), () => validateJson(42), () => validateTable({}), () => validateWorkbook('x'), () => validate({ sections: [] }, 'options')]) {
    assert.throws(call, (error) => error instanceof TypeError && error.code === 'ERR_INVALID_ARG_TYPE');
  }
  assert.throws(() => validate({ sections: [] }, { locale: 'fr' }), (error) => !(error instanceof TypeError) && error.code === 'ERR_INVALID_OPTION');
});

test('the Node build loads without global TextDecoder and TextEncoder (jsdom environments)', () => {
  const summary = inNode(`
    delete globalThis.TextDecoder;
    delete globalThis.TextEncoder;
    const { validateJson } = require(${JSON.stringify(PKG)});
    const { validateWorkbook } = require(${JSON.stringify(XLSX)});
    console.log(JSON.stringify([validateJson('{"title": "Café plan", "sections": []}').plan.title, validateWorkbook(new Uint8Array(4)).issues[0].rule]));
  `);
  assert.deepEqual(summary, ['Café plan', 'table-unreadable']);
});
