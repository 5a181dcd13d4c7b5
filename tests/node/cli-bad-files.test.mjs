// The command line over files scripts feed it: invalid UTF-8, truncated and malformed
// tables and workbooks, empty and missing files. Each gets a report (exit 0 or 1) or a
// one-line message (exit 2), never a stack trace, and the other files are still checked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('../../pkg/bin/prevent-plan-check.js', import.meta.url));
const fixture = (name) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url));
const folder = mkdtempSync(join(tmpdir(), 'ppc-bad-files-'));

function file(name, bytes) {
  const path = join(folder, name);
  writeFileSync(path, bytes);
  return path;
}

function check(...files) {
  const result = spawnSync(process.execPath, [CLI, 'check', '--format', 'json', ...files], { encoding: 'utf8' });
  assert.doesNotMatch(result.stderr, /\n\s+at /, 'no stack trace');
  return { code: result.status, reports: result.stdout ? JSON.parse(result.stdout) : null, err: result.stderr };
}

test('invalid UTF-8 in .csv, .tsv and .json files is read (as Windows-1252), not a crash', () => {
  const latin = Buffer.concat([Buffer.from('Action,Lead,Target date\nTrain staff in Sant'), Buffer.from([0xe9, 0xff, 0xfe, 0x80]), Buffer.from(',Prevent Lead,Mar-18\n')]);
  const { code, reports } = check(file('latin.csv', latin));
  assert.ok(code === 0 || code === 1);
  assert.match(reports.plan.sections[0].actions[0].description, /Santéÿþ€/);
  const quotes = check(file('quotes.csv', Buffer.from([...Buffer.from('Action,Lead\n'), 0x93, 0x54, 0x72, 0x61, 0x69, 0x6e, 0x94, 0x20, 0x96, 0x20, 0x80, 0x35, ...Buffer.from(',Lead\n')])));
  assert.equal(quotes.reports.plan.sections[0].actions[0].description, '“Train” – €5');
  const tsv = check(file('bad.tsv', Buffer.from([0x41, 0x09, 0xc3, 0x28, 0x0a, 0xed, 0xa0, 0x80])));
  assert.equal(tsv.code, 1);
  const json = check(file('bad.json', Buffer.concat([Buffer.from('{"sections": [{"title": "'), Buffer.from([0xc0, 0xaf]), Buffer.from('", "actions": []}]}')])));
  assert.ok(json.code === 0 || json.code === 1);
  assert.equal(json.reports.plan.sections.length, 1);
  const broken = check(file('broken.json', Buffer.from([0x7b, 0xff, 0x00, 0x22])));
  assert.equal(broken.code, 1);
  assert.equal(broken.reports.issues[0].rule, 'json-syntax');
});

test('truncated and malformed tables and workbooks are reported; every file is checked', () => {
  const workbook = fixture('tables/excel-style.xlsx');
  const csv = fixture('tables/harrow-2015-16.csv');
  const files = [
    file('half.xlsx', workbook.subarray(0, workbook.length >> 1)),
    file('text.xlsx', Buffer.from('Action,Lead\n')),
    file('empty.xlsx', Buffer.alloc(0)),
    file('empty.ods', Buffer.alloc(0)),
    file('half.csv', csv.subarray(0, csv.length >> 1)),
    file('quote.csv', Buffer.from('Action,Lead\n"Train staff,Prevent Lead\n')),
    file('empty.csv', Buffer.alloc(0)),
    file('nul.csv', Buffer.alloc(4096)),
    file('empty.json', Buffer.alloc(0)),
  ];
  const { code, reports } = check(...files);
  assert.equal(code, 1);
  assert.equal(reports.length, files.length);
  const rules = reports.map((report) => report.issues[0]?.rule);
  assert.deepEqual(rules.slice(0, 3), ['table-unreadable', 'table-unreadable', 'table-unreadable']);
  assert.equal(rules[8], 'json-syntax');
  for (const report of reports) assert.equal(typeof report.valid, 'boolean');
});

test('a missing file is a one-line message with exit 2; the others are still checked', () => {
  const good = fileURLToPath(new URL('../fixtures/plans/minimal-valid.json', import.meta.url));
  const { code, reports, err } = check(join(folder, 'missing.csv'), good);
  assert.equal(code, 2);
  assert.match(err, /missing\.csv/);
  assert.equal(reports.length, 1);
  assert.equal(reports[0].file.endsWith('minimal-valid.json'), true);
});
