// Memory: many validations in one process, and inputs are never changed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';

import { api, coreMemory } from './wasm-memory.mjs';

const require = createRequire(import.meta.url);

const SMALL = {
  title: 'Prevent Action Plan 2017/18',
  period: '2017/18',
  sections: [{
    title: 'Training',
    actions: [
      { id: '1.1', description: 'Deliver WRAP to frontline staff', leads: ['Prevent Coordinator'], milestones: ['Mar-18'], status: 'On track' },
      { id: '1.2', description: 'Channel panel meets monthly', leads: ['Chair of Channel Panel'], milestones: ['Monthly'] },
    ],
  }],
};

test('100,000 validations in one process: WASM memory stops growing after warm-up', () => {
  const warmUp = 1_000;
  const total = 100_000;
  const started = performance.now();
  for (let i = 0; i < warmUp; i += 1) api.validate(SMALL);
  const afterWarmUp = coreMemory();
  const samples = [];
  for (let i = warmUp; i < total; i += 1) {
    const report = api.validate(SMALL, i % 2 ? undefined : { asOf: '2018-01-01' });
    if (i % 10_000 === 0) {
      assert.equal(report.summary.actions, 2);
      samples.push(coreMemory());
    }
  }
  const seconds = (performance.now() - started) / 1000;
  const end = coreMemory();
  process.stdout.write(`# ${total} validations in ${seconds.toFixed(1)} s; WASM memory ${afterWarmUp} bytes after warm-up, ${end} at the end\n`);
  assert.equal(end, afterWarmUp, `memory grew from ${afterWarmUp} to ${end}: ${samples.join(', ')}`);
});

test('validate never changes the plan or options it is given', () => {
  const plan = structuredClone(SMALL);
  plan.sections[0].actions[0].milestones.push({ text: 'Apr-18' });
  plan.sections[0].actions.push({ description: 'No id, lead or milestone' });
  const options = { asOf: new Date(2018, 0, 31), period: { start: '2017-04-01', end: '2018-03-31' }, profile: 'la-2023' };
  const [planBefore, optionsBefore] = [structuredClone(plan), structuredClone(options)];
  const report = api.validate(plan, options);
  assert.ok(report.issues.length > 0);
  assert.deepEqual(plan, planBefore);
  assert.deepEqual(options, optionsBefore);
  // The report's plan is a copy: changing it changes neither the input nor the next report.
  report.plan.sections[0].title = 'changed';
  assert.deepEqual(plan, planBefore);
  assert.deepEqual(api.validate(plan, options), api.validate(planBefore, optionsBefore));
});

test('frozen plans and rows are accepted; getters are read and left in place', () => {
  const deepFreeze = (value) => {
    if (value && typeof value === 'object') {
      Object.values(value).forEach(deepFreeze);
      Object.freeze(value);
    }
    return value;
  };
  const frozen = deepFreeze(structuredClone(SMALL));
  assert.deepEqual(api.validate(frozen), api.validate(SMALL));
  const rows = deepFreeze([['Action', 'Lead'], ['Train staff', 'Prevent Lead']]);
  assert.equal(api.validateTable(rows).summary.actions, 1);

  let reads = 0;
  const withGetter = structuredClone(SMALL);
  Object.defineProperty(withGetter, 'title', { enumerable: true, get() { reads += 1; return 'From a getter'; } });
  const report = api.validate(withGetter);
  assert.equal(report.plan.title, 'From a getter');
  // JSON.stringify reads it, and the wrapper's replacer looks at the original value again
  // (to write Date objects as the calendar day).
  assert.ok(reads >= 1 && reads <= 2, `${reads} reads`);
  assert.equal(typeof Object.getOwnPropertyDescriptor(withGetter, 'title').get, 'function');
});

test('table rows and workbook bytes are not changed', async () => {
  const rows = [['Action', 'Lead', 'Target date'], ['Train staff', 'Prevent Lead', new Date(2018, 2, 31)], [null, 3, true]];
  const before = structuredClone(rows);
  api.validateTable(rows);
  assert.deepEqual(rows, before);
  const { validateWorkbook } = require('prevent-plan-check/xlsx');
  const { readFileSync } = await import('node:fs');
  const bytes = readFileSync(new URL('../fixtures/tables/excel-style.xlsx', import.meta.url));
  const copy = Buffer.from(bytes);
  validateWorkbook(bytes);
  assert.ok(bytes.equals(copy));
});
