// Control characters in every text field reach every machine-readable output escaped: the
// API's report (JSON text of the core), the CLI's JSON and SARIF. A terminal or editor
// shown that output acts on none of them (ESC and CSI sequences, bidirectional overrides,
// line separators), and the texts read back exactly as written. (The text formatter's
// escaping is tested with the CLI's text output.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const api = require('prevent-plan-check');
const CLI = fileURLToPath(new URL('../../pkg/bin/prevent-plan-check.js', import.meta.url));

/** Every C0 and C1 control, DEL, the line separators and the bidirectional controls. */
const CONTROLS = [
  ...Array.from({ length: 0x20 }, (_, code) => String.fromCharCode(code)),
  ...Array.from({ length: 0x21 }, (_, code) => String.fromCharCode(0x7f + code)),
  '\u061c', '\u200e', '\u200f', '\u2028', '\u2029', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069',
];
const HOSTILE = `a${CONTROLS.join('')}\u001b]0;pwned\u0007\u001b[2J\u009b31mz`;
/** Raw in output, any of these would act on a terminal or editor. */
const UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;

/** A plan with the hostile text in every text field, and one field that makes it invalid. */
const plan = {
  title: HOSTILE,
  authority: HOSTILE,
  period: HOSTILE,
  sections: [{
    title: HOSTILE,
    actions: [
      { id: HOSTILE, description: HOSTILE, objective: HOSTILE, leads: [HOSTILE], partners: [HOSTILE], outputs: [HOSTILE], outcomes: [HOSTILE], milestones: [HOSTILE, { text: HOSTILE }], status: HOSTILE, categories: [HOSTILE] },
      { id: HOSTILE, description: HOSTILE, leads: [], milestones: [] },
    ],
  }],
};
const table = [['Ref', 'Action', 'Lead', 'Partners', 'Milestones', 'Progress', HOSTILE], [HOSTILE, HOSTILE, HOSTILE, HOSTILE, HOSTILE, HOSTILE, HOSTILE]];

test('the report keeps every hostile text exactly, and its issues name them', () => {
  const report = api.validate(plan);
  assert.ok(report.issues.length > 0);
  assert.equal(report.plan.title, HOSTILE);
  assert.equal(report.plan.sections[0].actions[0].description, HOSTILE);
  const fromTable = api.validateTable(table);
  assert.ok(JSON.stringify(fromTable).includes(JSON.stringify(HOSTILE).slice(1, -1)));
});

function cli(args) {
  const result = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

test('the CLI’s JSON and SARIF carry no raw control character and read back exactly', (t) => {
  const folder = mkdtempSync(join(tmpdir(), 'ppc-controls-'));
  t.after(() => rmSync(folder, { recursive: true, force: true }));
  const planFile = join(folder, 'plan.json');
  writeFileSync(planFile, JSON.stringify(plan));
  const tableFile = join(folder, 'table.csv');
  writeFileSync(tableFile, table.map((row) => row.map((cell) => `"${cell.replaceAll('"', '""')}"`).join(',')).join('\r\n'));
  for (const format of ['json', 'sarif']) {
    const { out, err } = cli(['check', '--format', format, planFile, tableFile]);
    assert.equal(err, '', err);
    assert.ok(out.length > 1000);
    const raw = UNSAFE.exec(out);
    assert.equal(raw, null, `${format}: raw U+${raw?.[0].charCodeAt(0).toString(16).padStart(4, '0')}`);
    const parsed = JSON.parse(out);
    assert.ok(JSON.stringify(parsed).includes(JSON.stringify(HOSTILE).slice(1, -1)), `${format}: the text reads back`);
  }
  // An argument cannot hold NUL.
  const argument = HOSTILE.replaceAll('\0', '');
  const milestone = cli(['milestone', '--json', '--', argument]);
  assert.equal(UNSAFE.exec(milestone.out), null);
  assert.equal(JSON.parse(milestone.out).text, argument);
});
