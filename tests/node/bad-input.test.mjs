// Wrong arguments throw an Error with a code; nothing traps; the module keeps working.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const api = require('prevent-plan-check');
const GOOD = { sections: [{ title: 'T', actions: [{ id: '1', description: 'Deliver WRAP', leads: ['Prevent Lead'], milestones: ['Ongoing'] }] }] };

function assertStillWorks() {
  const report = api.validate(GOOD);
  assert.equal(report.summary.actions, 1);
}

function assertCode(fn, code) {
  assert.throws(fn, (error) => {
    assert.ok(error instanceof Error, 'an Error');
    assert.ok(!(error instanceof WebAssembly.RuntimeError), 'not a WebAssembly.RuntimeError');
    assert.equal(error.code, code, error.message);
    assert.ok(error.message.length > 10);
    return true;
  });
  assertStillWorks();
}

test('validate rejects values that are not plan objects', () => {
  for (const value of [undefined, null, 42, 'text', true, [], 10n, Symbol('s'), () => {}]) {
    assertCode(() => api.validate(value), 'ERR_INVALID_ARG_TYPE');
  }
});

test('validate rejects cycles, BigInt, functions and throwing getters', () => {
  const cyclic = { sections: [] };
  cyclic.self = cyclic;
  assertCode(() => api.validate(cyclic), 'ERR_INVALID_PLAN');
  assertCode(() => api.validate({ sections: [], title: 12n }), 'ERR_INVALID_PLAN');
  assertCode(() => api.validate({ sections: [], title: () => 'x' }), 'ERR_INVALID_PLAN');
  const getter = { sections: [] };
  Object.defineProperty(getter, 'title', { enumerable: true, get() { throw new Error('boom'); } });
  assertCode(() => api.validate(getter), 'ERR_INVALID_PLAN');
});

test('hostile shapes become reports, not crashes', () => {
  let deep = [];
  for (let i = 0; i < 10_000; i += 1) deep = [deep];
  // Too deep for JSON.stringify itself: a clear error before WASM is entered.
  assertCode(() => api.validate({ sections: deep }), 'ERR_INVALID_PLAN');
  let nested = [];
  for (let i = 0; i < 500; i += 1) nested = [nested];
  const report = api.validate({ sections: nested });
  assert.equal(report.valid, false);
  assert.equal(report.issues[0].rule, 'input-too-large');
  assert.match(report.issues[0].message, /nested more than 128 levels/);
  assert.equal(api.validateJson('['.repeat(100_000)).issues[0].rule, 'input-too-large');
  assert.equal(api.validateJson('{"sections": [}').issues[0].rule, 'json-syntax');
  const wrongTypes = api.validate({ sections: 'none', title: 5, period: 2017 });
  assert.equal(wrongTypes.valid, false);
  assert.ok(wrongTypes.issues.every((issue) => issue.rule === 'schema'));
  assertStillWorks();
});

test('inputs over the limits are reported as input-too-large', () => {
  const { maxInputBytes, maxDepth, maxActions } = api.limits();
  assert.deepEqual([maxInputBytes, maxDepth, maxActions], [16 * 1024 * 1024, 128, 100_000]);
  const huge = 'x'.repeat(50 * 1024 * 1024);
  const report = api.validateJson(huge);
  assert.equal(report.valid, false);
  assert.equal(report.issues[0].rule, 'input-too-large');
  assert.match(report.issues[0].message, /50\.0 MB; at most 16\.0 MB/);
  const longTitle = api.validate({ title: huge, sections: [] });
  assert.equal(longTitle.issues[0].rule, 'input-too-large');
  const actions = Array.from({ length: maxActions + 1 }, () => ({}));
  const many = api.validate({ sections: [{ title: 'T', actions }] });
  assert.equal(many.issues[0].rule, 'input-too-large');
  assert.equal(api.validateJson(`${'['.repeat(200)}${']'.repeat(200)}`).issues[0].rule, 'input-too-large');
  assertStillWorks();
});

test('validateJson and parseMilestone need strings', () => {
  for (const value of [undefined, null, 1, {}, []]) {
    assertCode(() => api.validateJson(value), 'ERR_INVALID_ARG_TYPE');
    assertCode(() => api.parseMilestone(value), 'ERR_INVALID_ARG_TYPE');
  }
});

test('bad options are ERR_INVALID_OPTION or ERR_INVALID_ARG_TYPE', () => {
  assertCode(() => api.validate(GOOD, 'la-2023'), 'ERR_INVALID_ARG_TYPE');
  assertCode(() => api.validate(GOOD, { asOf: '31/01/2018' }), 'ERR_INVALID_OPTION');
  assertCode(() => api.validate(GOOD, { asOf: new Date('nonsense') }), 'ERR_INVALID_ARG_TYPE');
  assertCode(() => api.validate(GOOD, { period: 'next year' }), 'ERR_INVALID_OPTION');
  assertCode(() => api.validate(GOOD, { locale: 'fr' }), 'ERR_INVALID_OPTION');
  assertCode(() => api.validate(GOOD, { colour: 'red' }), 'ERR_INVALID_OPTION');
  assertCode(() => api.validate(GOOD, { profile: 42 }), 'ERR_INVALID_OPTION');
});
