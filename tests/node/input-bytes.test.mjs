// Input size and encoding: the byte limit counts UTF-8 bytes (what WASM receives), without
// copying text over it into WASM memory; files in UTF-16 (Excel's "Unicode Text") are
// decoded by their byte order mark, in the API's byte path and the CLI (issue 17 item 9).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { api, coreMemory } from './wasm-memory.mjs';

const { maxInputBytes } = api.limits();
const CLI = fileURLToPath(new URL('../../pkg/bin/prevent-plan-check.js', import.meta.url));

test('text over the byte limit in UTF-8 but not in UTF-16 units is refused before WASM', () => {
  api.validateCsv('Action,Lead\nTrain,Lead\n');
  const before = coreMemory();
  // 6 M euro signs: 6 M UTF-16 units (under the limit), 18 MB of UTF-8 (over it).
  const euros = '€'.repeat(6_000_000);
  for (const report of [api.validateCsv(euros), api.validateJson(`"${euros}"`), api.validate({ sections: [], title: euros })]) {
    assert.deepEqual(report.issues.map((issue) => issue.rule), ['input-too-large']);
    assert.match(report.issues[0].message, /17\.2 MB/);
  }
  assert.equal(coreMemory(), before, 'nothing was copied into WASM memory');
  // Just under the limit in bytes is checked; just over is not. Astral characters are 4 bytes.
  const line = `${'😀'.repeat(1000)}\n`; // 4,001 bytes, 2,001 UTF-16 units
  const lines = Math.floor(maxInputBytes / 4001);
  const under = line.repeat(lines);
  const over = `${under}${'x'.repeat(maxInputBytes - lines * 4001 + 1)}`;
  const rules = (text) => api.validateCsv(text).issues.map((issue) => issue.rule);
  assert.ok(!rules(under).includes('input-too-large'));
  assert.deepEqual(rules(over), ['input-too-large']);
});

/** Excel's "Unicode Text": tab-separated, UTF-16 LE with a byte order mark; BE too. */
const TSV = 'Action\tLead\tTarget date\r\nTrain staff in Cafés\tPrevent Lead\tMar-18\r\nMap venues\tPolice\tJun-18\r\n';
function utf16(text, order) {
  const bytes = new Uint8Array(2 + text.length * 2);
  const view = new DataView(bytes.buffer);
  view.setUint16(0, 0xfeff, order === 'le');
  for (let i = 0; i < text.length; i += 1) view.setUint16(2 + i * 2, text.charCodeAt(i), order === 'le');
  return bytes;
}

test('validateCsv reads the bytes of UTF-16 (LE, BE), UTF-8 and Windows-1252 files', () => {
  const expected = api.validateCsv(TSV);
  assert.equal(expected.summary.actions, 2);
  for (const bytes of [utf16(TSV, 'le'), utf16(TSV, 'be'), new TextEncoder().encode(`\ufeff${TSV}`), new TextEncoder().encode(TSV)]) {
    assert.deepEqual(api.validateCsv(bytes), expected);
    assert.deepEqual(api.validateCsv(bytes.buffer), expected);
  }
  const windows1252 = Uint8Array.from('Action,Lead\nTrain \x93staff\x94,Caf\xe9 team\n', (c) => c.charCodeAt(0));
  assert.equal(api.validateCsv(windows1252).plan.sections[0].actions[0].description, 'Train “staff”');
  assert.throws(() => api.validateCsv(42), { code: 'ERR_INVALID_ARG_TYPE' });
  const huge = new Uint8Array(maxInputBytes + 1);
  assert.equal(api.validateCsv(huge).issues[0].rule, 'input-too-large');
});

test('the CLI reads UTF-16 .tsv and .csv files', (t) => {
  const folder = mkdtempSync(join(tmpdir(), 'ppc-utf16-'));
  t.after(() => rmSync(folder, { recursive: true, force: true }));
  for (const [name, bytes] of [['le.tsv', utf16(TSV, 'le')], ['be.csv', utf16(TSV, 'be')]]) {
    const file = join(folder, name);
    writeFileSync(file, bytes);
    const result = spawnSync(process.execPath, [CLI, 'check', '--format', 'json', file], { encoding: 'utf8' });
    assert.equal(result.stderr, '');
    const report = JSON.parse(result.stdout);
    assert.equal(report.summary.actions, 2, name);
    assert.equal(report.plan.sections[0].actions[0].description, 'Train staff in Cafés');
  }
});
