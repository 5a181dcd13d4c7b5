// Plan tables from JS: rows as spreadsheets hand them over, CSV/TSV text, and cell marks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cellMarks, parseCell, cellAddress } from '../../pkg/src/marks.mjs';

const require = createRequire(import.meta.url);
const api = require('prevent-plan-check');
const table = (name) => readFileSync(new URL(`../fixtures/tables/${name}`, import.meta.url), 'utf8');

const ROWS = [
  ['Prevent Delivery Plan 2015-16', null, null, null],
  ['Action', 'Lead', 'Target date', 'Progress'],
  ['1. Deliver WRAP to frontline staff', 'Prevent Lead', new Date(2016, 2, 31), 'On track'],
  ['2. Establish and chair a Channel panel', '', 'Dec 2015', 'Complete'],
  ['2. Refresh the action plan', 'Community Safety Manager', 'Ongoing', true],
];

test('validateTable reads rows with dates, numbers and booleans, and names cells', () => {
  const report = api.validateTable(ROWS, { asOf: '2016-01-31' });
  assert.deepEqual(report.plan.period, { label: '2015-16', start: '2015-04-01', end: '2016-03-31' });
  const actions = report.plan.sections.flatMap((section) => section.actions);
  assert.deepEqual(actions.map((action) => action.id), ['1', '2', '2']);
  assert.equal(actions[0].milestones[0].text, '2016-03-31');
  const duplicate = report.issues.find((issue) => issue.rule === 'duplicate-id');
  assert.equal(duplicate.cell, 'A5');
  const lead = report.issues.find((issue) => issue.rule === 'lead-missing');
  assert.match(lead.cell, /^[AB]4$/);
});

test('validateCsv reads the seed tables with cells on every located issue', () => {
  for (const name of ['haringey-2008-11.tsv', 'haringey-2013-14.tsv', 'cumbria-2015-16.tsv', 'harrow-2015-16.csv']) {
    const report = api.validateCsv(table(name));
    assert.ok(report.plan, name);
    assert.ok(report.summary.actions >= 15, `${name}: ${report.summary.actions} actions`);
    for (const issue of report.issues) {
      if (issue.path.startsWith('/sections/') && issue.path.split('/').length > 3) {
        assert.match(issue.cell ?? '', /^[A-Z]+[0-9]+$/, `${name}: ${issue.rule} at ${issue.path}`);
      }
    }
  }
});

test('table inputs of the wrong type throw with a code; content problems are reported', () => {
  for (const value of [undefined, null, 'a,b', [1, 2], {}]) {
    assert.throws(() => api.validateTable(value), { code: 'ERR_INVALID_ARG_TYPE' });
  }
  assert.throws(() => api.validateTable([[{ nested: true }]]), { code: 'ERR_INVALID_ARG_TYPE' });
  assert.throws(() => api.validateCsv(42), { code: 'ERR_INVALID_ARG_TYPE' });
  const noHeader = api.validateCsv('just,some\nwords,here\n');
  assert.equal(noHeader.valid, false);
  assert.equal(noHeader.issues[0].rule, 'table-no-header');
  const formula = api.validateCsv('Action,Lead,Target date\n"=HYPERLINK(""http://x"",""y"")",Prevent Lead,Mar-16\n');
  assert.equal(formula.plan.sections[0].actions[0].description, '=HYPERLINK("http://x","y")');
});

test('cellMarks turns a report into one mark per cell, most serious first', () => {
  const report = api.validateCsv(table('haringey-2013-14.tsv'));
  const { marks, unplaced } = cellMarks(report);
  assert.ok(marks.length > 0);
  for (const mark of marks) {
    assert.equal(mark.cell, cellAddress(mark));
    assert.ok(mark.issues.length > 0);
    assert.ok(mark.note.includes(mark.issues[0].message));
    const worst = mark.issues.some((i) => i.severity === 'error') ? 'error' : mark.issues.some((i) => i.severity === 'warning') ? 'warning' : 'info';
    assert.equal(mark.severity, worst);
  }
  const rows = marks.map((mark) => mark.row);
  assert.deepEqual(rows, [...rows].sort((a, b) => a - b));
  assert.equal(marks.reduce((n, mark) => n + mark.issues.length, 0) + unplaced.length, report.issues.length);

  const shifted = cellMarks(report, { origin: 'B3' });
  assert.deepEqual(parseCell(shifted.marks[0].cell), { row: marks[0].row + 2, column: marks[0].column + 1 });
  assert.throws(() => cellMarks(report, { origin: 'nowhere' }));
});

test('cell addresses convert both ways', () => {
  for (const [address, position] of [['A1', { row: 1, column: 1 }], ['Z9', { row: 9, column: 26 }], ['AA10', { row: 10, column: 27 }], ['XFD1048576', { row: 1048576, column: 16384 }]]) {
    assert.deepEqual(parseCell(address), position);
    assert.equal(cellAddress(position), address);
  }
  assert.equal(parseCell('A0'), null);
  assert.equal(parseCell('1A'), null);
});
