// Word documents and web pages through the workbook entry (`validateFile`, `readFile`) and
// the CLI; hostile files (tests/fixtures/hostile/, written by tests/hostile_files.rs)
// answered with a report, in bounded time and WASM memory.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import * as esmWorkbook from 'prevent-plan-check/xlsx';

const require = createRequire(import.meta.url);
const api = require('prevent-plan-check');
const { validateFile, readFile, validateWorkbook } = require('prevent-plan-check/xlsx');
const fixture = (path) => readFileSync(new URL(`../fixtures/${path}`, import.meta.url));
const CLI = fileURLToPath(new URL('../../pkg/bin/prevent-plan-check.js', import.meta.url));

test('require and import give the same document API', () => {
  assert.equal(esmWorkbook.validateFile, validateFile);
  assert.equal(esmWorkbook.readFile, readFile);
});

test('a seed plan as .docx and .html reads like its table, with table locations', () => {
  const fromText = api.validateCsv(fixture('tables/haringey-2013-14.tsv').toString('utf8'));
  for (const name of ['haringey-2013-14.docx', 'haringey-2013-14.html']) {
    const report = validateFile(fixture(`documents/${name}`), { name });
    assert.deepEqual(report.plan, fromText.plan, name);
    const located = report.issues.find((issue) => issue.rule === 'milestone-missing');
    assert.equal(located.location.table, 1, name);
    assert.equal(located.location.label, `Table 1, row ${located.location.row}, column ${located.location.column}`);
    assert.equal(located.sheet, 'Table 1');
  }
  const welsh = validateFile(fixture('documents/multi-table.docx'), { name: 'multi-table.docx', locale: 'cy' });
  assert.equal(welsh.issues.find((issue) => issue.rule === 'lead-missing').location.label, 'Tabl 2, rhes 3, colofn 3');
});

test('readFile shows a document\'s tables with the paragraphs above them', () => {
  const { sheets } = readFile(fixture('documents/multi-table.docx'), { name: 'multi-table.docx' });
  assert.deepEqual(sheets.map((sheet) => [sheet.sheet, sheet.table, sheet.above]), [['Table 1', 1, 2], ['Table 2', 2, 2], ['Table 3', 3, 1]]);
  assert.deepEqual(sheets[1].rows[0], ['The board meets quarterly.']);
  assert.throws(() => readFile('not bytes'), (error) => error.code === 'ERR_INVALID_ARG_TYPE');
  assert.throws(() => validateFile(new Uint8Array(), { name: 42 }), (error) => error.code === 'ERR_INVALID_OPTION');
});

test('pasted HTML is read by name, and without one by its tags', () => {
  const html = fixture('documents/clipboard/word.html');
  for (const name of ['pasted.html', undefined]) {
    const report = validateFile(new TextEncoder().encode(html.toString('utf8')), name === undefined ? {} : { name });
    assert.equal(report.summary.actions, 2, String(name));
  }
});

test('legacy, damaged and hostile files give reports in bounded time and memory', () => {
  const memory = () => process.memoryUsage().arrayBuffers + process.memoryUsage().external;
  const before = memory();
  const cases = [
    ['legacy.doc', 'table-unreadable'],
    ['unique-count.xlsx', 'table-unreadable'],
    ['shared-string-bomb.xlsx', 'input-too-large'],
    ['whitespace-bomb.xlsx', 'input-too-large'],
    ['repeated-rows.ods', 'input-too-large'],
  ];
  for (const [name, rule] of cases) {
    const started = performance.now();
    const report = validateFile(fixture(`hostile/${name}`), { name });
    const took = performance.now() - started;
    assert.deepEqual(report.issues.map((issue) => issue.rule), [rule], name);
    assert.ok(took < 10_000, `${name}: ${took} ms`);
  }
  const many = validateFile(fixture('hostile/400-sheets.xlsx'), { name: '400-sheets.xlsx' });
  assert.equal(many.summary.actions, 2000);
  assert.ok(memory() - before < 512 * 1024 * 1024, `memory grew ${memory() - before} bytes`);
  // The module keeps working after them.
  assert.equal(validateWorkbook(fixture('tables/cumbria-2015-16.xlsx')).summary.actions, 18);
});

test('the CLI checks .docx and .html files and names a legacy .doc', () => {
  const docx = fileURLToPath(new URL('../fixtures/documents/multi-table.docx', import.meta.url));
  const html = fileURLToPath(new URL('../fixtures/documents/harrow-2015-16.html', import.meta.url));
  const result = spawnSync(process.execPath, [CLI, 'check', docx, html, '--format', 'json'], { encoding: 'utf8' });
  const reports = JSON.parse(result.stdout);
  assert.equal(reports.length, 2);
  assert.equal(reports[0].summary.actions, 4);
  assert.ok(reports[1].summary.actions > 0);
  const text = spawnSync(process.execPath, [CLI, 'check', docx], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  assert.match(text.stdout, /Table 2, row 3, column 3 +warning +Action 2\.2 has no lead/);
  const sarif = JSON.parse(spawnSync(process.execPath, [CLI, 'check', docx, '--format', 'sarif'], { encoding: 'utf8' }).stdout);
  const places = sarif.runs[0].results.flatMap((result) => result.locations.flatMap((place) => place.logicalLocations ?? []));
  assert.ok(places.some((place) => place.kind === 'table' && place.fullyQualifiedName === 'table 2/row 3, column 3'));
  const doc = fileURLToPath(new URL('../fixtures/hostile/legacy.doc', import.meta.url));
  const legacy = spawnSync(process.execPath, [CLI, 'check', doc, '--format', 'json'], { encoding: 'utf8' });
  assert.equal(legacy.status, 1);
  assert.match(JSON.parse(legacy.stdout).issues[0].hint, /\.docx/);
});
