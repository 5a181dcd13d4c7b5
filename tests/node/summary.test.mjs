// The assurance summary: the API (both entries), the CLI's `summary` for one plan and for a
// folder (the overview swept on worker threads), Welsh, and text from the plan kept as text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esm from '../../pkg/index.mjs';

const require = createRequire(import.meta.url);
const cjs = require('../../pkg/index.cjs');
const { progressBar, poolSize } = require('../../pkg/bin/sweep.js');

const CLI = fileURLToPath(new URL('../../pkg/bin/prevent-plan-check.js', import.meta.url));
const SEEDS = fileURLToPath(new URL('../fixtures/seeds/', import.meta.url));
const CUMBRIA = `${SEEDS}004_cumbria_2015.json`;
const AS_OF = { asOf: '2016-01-31' };

function run(...args) {
  const result = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

const cumbriaReport = () => cjs.validateJson(readFileSync(CUMBRIA, 'utf8'), AS_OF);

const HOSTILE = {
  title: '<script>alert(1)</script>',
  as_of: '2018-01-31',
  period: '2017/18',
  sections: [{ title: 'Training', actions: [
    { id: '1', description: 'Train | staff </td><img src=x onerror=alert(1)>', leads: ['=cmd|"/c calc"!A1'], milestones: ['Dec-17'], categories: ['training'] },
  ] }],
};

test('summarize gives each benchmark its status, evidence, overdue items and gaps', () => {
  for (const api of [cjs, esm]) {
    const summary = api.summarize(cumbriaReport(), AS_OF);
    assert.equal(summary.locale, 'en');
    assert.equal(summary.as_of, '2016-01-31');
    assert.equal(summary.counts.overdue, 6);
    assert.deepEqual(summary.overdue.map((item) => item.action), ['1.1', '1.2', '2.1', '2.2', '3.1', '3.7']);
    const channel = summary.categories.find((category) => category.id === 'channel_panel');
    assert.equal(channel.status, 'inferred');
    assert.deepEqual(channel.actions.map((action) => action.id), ['3.1']);
    assert.equal(channel.actions[0].overdue, true);
    assert.match(channel.gaps.join('\n'), /Action 3\.1 is overdue: "December 2015" was due by 31 Dec 2015/);
    assert.equal(summary.categories[0].id, 'partnership', 'in the order of the profile');
  }
});

test('summarize writes Markdown, printable HTML and CSV', () => {
  const report = cumbriaReport();
  const markdown = cjs.summarize(report, { ...AS_OF, format: 'md' });
  assert.match(markdown, /^# PREVENT – DELIVERY PLAN\n/);
  assert.match(markdown, /\| Channel panel \| Yes: legal duty \(must\) \| Inferred \| 1 \|/);
  const html = esm.summarize(report, { ...AS_OF, format: 'html' });
  assert.match(html, /^<!DOCTYPE html>\n<html lang="en">/);
  assert.match(html, /<caption>Actions that evidence Channel panel<\/caption>/);
  assert.match(html, /@media print/);
  assert.doesNotMatch(html, /<script/i);
  const csv = cjs.summarize(report, { ...AS_OF, format: 'csv' });
  assert.match(csv, /^Benchmark,Required,Status,Action,/);
  assert.match(csv, /\r\nChannel panel,Yes,Inferred,3\.1,Establish and chair a CHANNEL Panel\.,/);
});

test('text from the plan stays text in every format', () => {
  const report = cjs.validate(HOSTILE);
  const html = cjs.summarize(report, { format: 'html' });
  assert.doesNotMatch(html, /<script|<img/i);
  assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  assert.match(html, /Train \| staff &lt;\/td&gt;&lt;img src=x onerror=alert\(1\)&gt;/);
  const markdown = cjs.summarize(report, { format: 'md' });
  assert.match(markdown, /Train \\\| staff &lt;\/td&gt;&lt;img/);
  const csv = cjs.summarize(report, { format: 'csv' });
  assert.match(csv, /,"'=cmd\|""\/c calc""!A1",/);
});

test('summarize speaks Welsh', () => {
  const summary = cjs.summarize(cumbriaReport(), { ...AS_OF, locale: 'cy' });
  assert.equal(summary.locale, 'cy');
  assert.equal(summary.headline[1], 'Mae 6 cam gweithredu yn hwyr ar 31 Ionawr 2016.');
  const html = cjs.summarize(cumbriaReport(), { ...AS_OF, locale: 'cy', format: 'html' });
  assert.match(html, /<html lang="cy">/);
  assert.match(html, /Crynodeb sicrwydd dyletswydd Prevent/);
  assert.doesNotMatch(html, /At a glance|Next milestone|Gaps/);
});

test('overview puts plans side by side, unreadable ones included', () => {
  const summary = cjs.summarize(cumbriaReport(), AS_OF);
  const matrix = cjs.overview([{ name: 'cumbria.json', summary }, { name: 'broken.xlsx', error: 'not a workbook' }]);
  assert.equal(matrix.rows.length, 2);
  assert.equal(matrix.columns.length, 14);
  assert.equal(matrix.rows[0].cells[4], 'inferred');
  assert.equal(matrix.rows[1].error, 'not a workbook');
  const csv = esm.overview([{ name: 'cumbria.json', summary }], { format: 'csv', locale: 'cy' });
  assert.match(csv, /^Ffeil,Cynllun,Corff,/);
});

test('wrong arguments throw with a code; content never does', () => {
  assert.throws(() => cjs.summarize(null), { code: 'ERR_INVALID_ARG_TYPE' });
  assert.throws(() => cjs.summarize([]), { code: 'ERR_INVALID_ARG_TYPE' });
  assert.throws(() => cjs.summarize({ coverage: 3 }), { code: 'ERR_INVALID_ARG_TYPE' });
  assert.throws(() => cjs.summarize(cumbriaReport(), { format: 'pdf' }), { code: 'ERR_INVALID_OPTION' });
  assert.throws(() => cjs.summarize(cumbriaReport(), { locale: 'fr' }), { code: 'ERR_INVALID_OPTION' });
  assert.throws(() => cjs.overview('plans'), { code: 'ERR_INVALID_ARG_TYPE' });
  const unreadable = cjs.summarize(cjs.validateJson('{not json'));
  assert.equal(unreadable.readable, false);
  assert.match(unreadable.problem, /JSON/);
});

test('CLI summary FILE writes one plan in each format', () => {
  const md = run('summary', CUMBRIA, '--as-of', '2016-01-31');
  assert.equal(md.code, 0, md.err);
  assert.match(md.out, /## Overdue items\n/);
  const html = run('summary', CUMBRIA, '--as-of', '2016-01-31', '--format', 'html', '--locale', 'cy');
  assert.match(html.out, /<html lang="cy">/);
  const csv = run('summary', CUMBRIA, '--format', 'csv');
  assert.match(csv.out, /^Benchmark,/);
  const json = JSON.parse(run('summary', CUMBRIA, '--format', 'json').out);
  assert.equal(json.categories.length, 14);
});

test('CLI summary DIR sweeps a folder into one overview, quietly when stderr is not a terminal', () => {
  const folder = mkdtempSync(join(tmpdir(), 'ppc-sweep-'));
  mkdirSync(join(folder, 'north'));
  copyFileSync(CUMBRIA, join(folder, 'north', 'cumbria.json'));
  copyFileSync(`${SEEDS}003_harrow_2015.json`, join(folder, 'harrow.json'));
  writeFileSync(join(folder, 'notes.txt'), 'not a plan');
  writeFileSync(join(folder, 'broken.xlsx'), 'not a workbook');
  const { code, out, err } = run('summary', folder, '--format', 'html', '--as-of', '2016-01-31', '--jobs', '2');
  assert.equal(code, 2, 'an unreadable plan is listed and makes the exit status 2');
  assert.match(out, /<caption>Which plans cover which benchmarks<\/caption>/);
  assert.match(out, /London Borough of Harrow/);
  assert.match(out, /Cumbria County Council/);
  assert.match(out, /broken\.xlsx<\/span><\/th><td colspan="16">Could not be read/);
  assert.doesNotMatch(out, /notes\.txt/);
  assert.doesNotMatch(err, /\[#*\.*\]/, 'no progress bar off a terminal');
  assert.match(err, /broken\.xlsx/);
  const csv = run('summary', join(folder, 'north'), join(folder, 'harrow.json'), '--format', 'csv');
  assert.equal(csv.code, 0, csv.err);
  assert.equal(csv.out.trim().split('\r\n').length, 3);
});

test('CLI summary: usage errors', () => {
  assert.equal(run('summary').code, 2);
  assert.match(run('summary', CUMBRIA, '--format', 'text').err, /unknown --format text for summary/);
  assert.match(run('summary', SEEDS, '--jobs', '0').err, /--jobs must be a whole number/);
  assert.match(run('summary', CUMBRIA, '--as-of', 'soon').err, /invalid option `--as-of`/);
});

test('the progress bar draws on a terminal only, and clears itself', () => {
  const written = [];
  const terminal = { isTTY: true, write: (text) => written.push(text) };
  const bar = progressBar(terminal, ({ done, total }) => `${done}/${total} plans`);
  bar.update(1, 2);
  bar.update(2, 2);
  bar.end();
  assert.match(written[0], /^\r\[#{15}\.{15}\] 1\/2 plans/);
  assert.match(written.at(-2), /\[#{30}\] 2\/2 plans/);
  assert.equal(written.at(-1), '\r\u001b[K');
  const pipe = { isTTY: false, write: () => assert.fail('drew on a pipe') };
  progressBar(pipe, () => '').update(1, 1);
});

test('the pool has one worker per core, never more than files or --jobs', () => {
  assert.equal(poolSize(1), 1);
  assert.ok(poolSize(1000) >= 1);
  assert.equal(poolSize(1000, 1), 1);
});
