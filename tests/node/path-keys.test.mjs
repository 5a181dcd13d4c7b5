// Path keys: no report, whatever keys the plan's author chose, makes anything that builds
// objects from issue fields write to a prototype (issue 17 item 1: `input-too-large` at
// `/constructor/prototype/isAdmin` made `({}).isAdmin` truthy in the whole process).
//
// Two halves: the core names only the schema's own fields in a path, and every adapter and
// helper refuses to walk through a prototype whatever path a report is given.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import * as adapters from '../../pkg/src/adapters.mjs';
import { cellMarks } from '../../pkg/src/marks.mjs';
import * as pointer from '../../www/pointer.mjs';

const require = createRequire(import.meta.url);
const api = require('prevent-plan-check');
const { maxCellChars } = api.limits();
const long = 'A'.repeat(maxCellChars + 1);
const schema = api.schema();

/** Every property name the schema defines, anywhere. */
function schemaFields(node, fields = new Set()) {
  if (Array.isArray(node)) for (const item of node) schemaFields(item, fields);
  else if (node && typeof node === 'object') {
    for (const name of Object.keys(node.properties ?? {})) fields.add(name);
    for (const value of Object.values(node)) schemaFields(value, fields);
  }
  return fields;
}
const FIELDS = schemaFields(schema);

/** Keys that reach a prototype, a builtin's own member, or a form library's reserved key. */
const HOSTILE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '__errors', 'addError', 'length', 'isAdmin'];

/** Plans that carry hostile keys where a text is too long: at the root, in an action, in a milestone's `parsed`. */
function hostilePlans() {
  const plans = [];
  for (const key of HOSTILE_KEYS) {
    const nested = { [key]: { prototype: { isAdmin: long } } };
    const milestone = { text: 'Mar-18', parsed: { [key]: { isAdmin: long } } };
    plans.push(
      JSON.parse(`{"sections": [], ${JSON.stringify(key)}: {"prototype": {"isAdmin": ${JSON.stringify(long)}}}}`),
      { sections: [{ title: 'T', actions: [{ id: '1', description: 'x', ...nested }] }] },
      { sections: [{ title: 'T', actions: [{ id: '1', description: 'x', milestones: [milestone] }] }] },
      JSON.parse(`{"sections": [], ${JSON.stringify(key)}: ${JSON.stringify(long)}}`),
    );
  }
  plans.push({ sections: [], [long]: 1 });
  return plans;
}

/** Own keys (and their values) of the objects a polluted walk would reach. */
const WATCHED = [Object.prototype, Array.prototype, Function.prototype, String.prototype, Object, Function, Object.prototype.toString, Object.prototype.hasOwnProperty, Object.prototype.valueOf];
function snapshot() {
  return WATCHED.map((object) => Reflect.ownKeys(object).map((key) => [key, Object.getOwnPropertyDescriptor(object, key)]));
}

test('the core names only the schema’s own fields in an issue path', () => {
  for (const plan of hostilePlans()) {
    for (const report of [api.validate(plan), api.validateJson(JSON.stringify(plan))]) {
      assert.ok(report.issues.length > 0);
      for (const issue of report.issues) {
        for (const segment of adapters.pointerKeys(issue.path)) {
          assert.ok(/^(0|[1-9][0-9]*)$/.test(segment) || FIELDS.has(segment), `${issue.rule} at ${issue.path}`);
        }
        assert.equal(adapters.pointerKeys(issue.path).length, issue.path === '' ? 0 : issue.path.split('/').length - 1, issue.path);
      }
    }
  }
  // The text too long under an author's key is reported at the object holding the key.
  const [rootLevel, inAction, inParsed] = hostilePlans();
  assert.deepEqual(api.validate(rootLevel).issues.map((issue) => [issue.rule, issue.path]), [['input-too-large', '']]);
  assert.equal(api.validate(inAction).issues[0].path, '/sections/0/actions/0');
  assert.equal(api.validate(inParsed).issues[0].path, '/sections/0/actions/0/milestones/0/parsed');
});

/** Every path a report could carry, whoever made it: the core's and hostile ones. */
function everyPath() {
  const paths = new Set(['', '/', '//', '/~0', '/~1', '/sections/0/actions/1/leads']);
  for (const plan of hostilePlans()) for (const issue of api.validate(plan).issues) paths.add(issue.path);
  for (const key of HOSTILE_KEYS) {
    const escaped = key.replaceAll('~', '~0').replaceAll('/', '~1');
    for (const path of [`/${escaped}`, `/${escaped}/prototype/isAdmin`, `/${escaped}/prototype/__errors`, `/sections/0/${escaped}/x`, `/sections/${escaped}`, `/${escaped}/${escaped}/${escaped}`, `/__proto__/${escaped}`]) {
      paths.add(path);
    }
  }
  return [...paths];
}

/** A report with one issue per path, its other fields hostile too. */
function hostileReport() {
  return {
    valid: false,
    issues: everyPath().flatMap((path, index) => [
      { rule: 'input-too-large', severity: 'error', message: `m${index}`, path, action: '__proto__', cell: 'A1', sheet: '__proto__' },
      { rule: '__proto__', severity: 'warning', message: 'constructor', path, action: 'constructor', cell: 'B2', sheet: 'constructor', hint: 'prototype' },
    ]),
    summary: { errors: 1, warnings: 0, infos: 0, actions: 0 },
  };
}

/** The shape of RJSF's `errors` given to customValidate (its createErrorHandler), nested like the plan. */
function formValidation() {
  const node = () => {
    const errors = [];
    return { __errors: errors, addError(message) { errors.push(message); } };
  };
  const root = node();
  root.sections = node();
  root.sections[0] = node();
  return root;
}

test('no adapter, mark or demo helper writes to a prototype, whatever path an issue carries', () => {
  const before = snapshot();
  const report = hostileReport();
  for (const [name, adapter] of Object.entries(adapters)) {
    if (name === 'pointerKeys') {
      for (const issue of report.issues) adapter(issue.path, ['__errors']);
    } else if (name === 'rjsfTransformErrors') {
      adapter(report)([]);
    } else if (name === 'rjsfCustomValidate') {
      adapter(() => report)({}, formValidation());
    } else {
      adapter(report);
    }
  }
  cellMarks(report);
  cellMarks(report, { origin: 'B3' });
  for (const issue of report.issues) {
    const plan = { sections: [{ title: 'T', actions: [] }] };
    pointer.set(plan, issue.path, 'A');
    pointer.get(plan, issue.path);
    [...pointer.ancestry(issue.path)];
    pointer.fieldId(issue.path);
  }
  assert.deepEqual(snapshot(), before);
  assert.equal(({}).isAdmin, undefined);
  assert.equal(({}).__errors, undefined);
  assert.equal(Object.prototype.toString.__errors, undefined);
});

test('issues under a hostile path are shown at the nearest safe parent', () => {
  const tree = adapters.rjsfExtraErrors({ issues: [
    { rule: 'r', severity: 'error', message: 'at root', path: '/constructor/prototype/isAdmin' },
    { rule: 'r', severity: 'error', message: 'at section', path: '/sections/0/__proto__/x' },
    { rule: 'r', severity: 'error', message: 'at toString', path: '/toString' },
    { rule: 'r', severity: 'error', message: 'at errors', path: '/sections/__errors/0' },
  ] });
  assert.deepEqual(tree.__errors, ['at root']);
  assert.deepEqual(tree.sections[0].__errors, ['at section']);
  assert.deepEqual(tree.toString.__errors, ['at toString']);
  assert.ok(Object.hasOwn(tree, 'toString'));
  assert.deepEqual(tree.sections.__errors, ['at errors']);
  const plan = {};
  assert.equal(pointer.set(plan, '/__proto__/isAdmin', true), false);
  assert.equal(pointer.set(plan, '/toString/x', 1), true);
  assert.deepEqual(plan, { toString: { x: 1 } });
  const withList = { sections: [] };
  assert.equal(pointer.set(withList, '/sections/length', 'A'), false);
  assert.equal(pointer.set(withList, '/sections/0', { title: 'T' }), true);
  assert.deepEqual(withList, { sections: [{ title: 'T' }] });
});
