// The command line's inputs and outputs as CI jobs use them: missing files and unmatched
// globs, folders, globs the shell did not expand, standard input, -o, --quiet,
// --max-warnings; files that are not regular or too large; control characters from plans,
// file names and errors never reach the terminal raw.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const CLI = fileURLToPath(new URL('../../pkg/bin/prevent-plan-check.js', import.meta.url));
const VALID = readFileSync(new URL('../fixtures/plans/minimal-valid.json', import.meta.url), 'utf8');
const { formatText } = require('../../pkg/bin/format.js');

function run(args, { cwd, input } = {}) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, input, encoding: 'utf8', timeout: 30_000, env: { ...process.env, NO_COLOR: '1' } });
  assert.equal(result.signal, null, `killed by ${result.signal}: it hung`);
  return { code: result.status, out: result.stdout, err: result.stderr };
}

/** A folder of plans: two JSON plans and a table in subfolders, and files that are no plan. */
function plans() {
  const folder = mkdtempSync(join(tmpdir(), 'ppc-cli-inputs-'));
  const withWarning = JSON.parse(VALID);
  withWarning.sections[0].actions.push({ id: '99', description: 'Review the plan', leads: ['Prevent Lead'] });
  const files = {
    'valid.json': VALID,
    'plans/warned.json': JSON.stringify(withWarning, null, 2),
    'plans/deep/table.csv': 'Action,Lead,Deadline\nTrain staff,Prevent Lead,Mar-18\n',
    'plans/notes.txt': 'not a plan',
    'plans/.hidden/skip.json': '{',
    'plans/node_modules/skip.json': '{',
  };
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(folder, name, '..'), { recursive: true });
    writeFileSync(join(folder, name), text);
  }
  return folder;
}

test('a missing file or a glob that matches nothing is named, exit 2, and the other files are still checked', () => {
  const folder = plans();
  const missing = run(['check', '--format', 'json', 'valid.json', 'gone.json'], { cwd: folder });
  assert.equal(missing.code, 2);
  assert.match(missing.err, /gone\.json: no such file/);
  assert.deepEqual(JSON.parse(missing.out).map((report) => [report.file, report.valid]), [['valid.json', true]], 'two files named: an array');
  const glob = run(['check', 'nothing/*.json'], { cwd: folder });
  assert.equal(glob.code, 2);
  assert.match(glob.err, /nothing\/\*\.json: no plan file matches/);
  assert.doesNotMatch(glob.out, /no problems/);
  mkdirSync(join(folder, 'plans', 'empty'));
  const empty = run(['check', 'plans/empty'], { cwd: folder });
  assert.equal(empty.code, 2);
  assert.match(empty.err, /no plan file/);
});

test('folders are searched recursively by extension; globs are expanded by the command', () => {
  const folder = plans();
  const byFolder = run(['check', '--format', 'json', 'plans'], { cwd: folder });
  assert.deepEqual(JSON.parse(byFolder.out).map((report) => report.file.replace(/\\/g, '/')), ['plans/deep/table.csv', 'plans/warned.json']);
  const byGlob = run(['check', '--format', 'json', 'plans/**/*.json'], { cwd: folder });
  const reports = JSON.parse(byGlob.out);
  assert.ok(Array.isArray(reports), 'a glob gives an array, even for one match');
  assert.deepEqual(reports.map((report) => report.file.replace(/\\/g, '/')), ['plans/warned.json']);
  const both = run(['check', '--format', 'json', '*.json', '{valid,other}.json'], { cwd: folder });
  assert.equal(JSON.parse(both.out).length, 1, 'a file named twice is checked once');
});

test('- reads the plan from standard input: JSON or a table', () => {
  const json = run(['check', '--format', 'json', '-'], { input: VALID });
  assert.equal(json.code, 0);
  assert.equal(JSON.parse(json.out).file, '-');
  const table = run(['check', '--format', 'json', '-'], { input: 'Action\tLead\tDeadline\nTrain staff\tPrevent Lead\tMar-18\n' });
  assert.equal(JSON.parse(table.out).plan.sections[0].actions[0].description, 'Train staff');
  assert.equal(run(['check', '-', '-'], { input: VALID }).code, 2);
});

test('-o writes the output to a file; --quiet shows errors only; --max-warnings fails on too many warnings', () => {
  const folder = plans();
  const output = join(folder, 'out', 'report.sarif');
  mkdirSync(join(folder, 'out'));
  const written = run(['check', '--format', 'sarif', '-o', output, 'plans/warned.json'], { cwd: folder });
  assert.equal(written.code, 0);
  assert.equal(written.out, '');
  assert.equal(JSON.parse(readFileSync(output, 'utf8')).version, '2.1.0');

  const loud = run(['check', 'plans/warned.json'], { cwd: folder });
  assert.match(loud.out, /warning\s+Action 99 has no milestone/);
  const quiet = run(['check', '--quiet', 'plans/warned.json'], { cwd: folder });
  assert.equal(quiet.code, 0);
  assert.doesNotMatch(quiet.out, /warning/);

  const strict = run(['check', '--max-warnings', '0', 'plans/warned.json'], { cwd: folder });
  assert.equal(strict.code, 1);
  assert.match(strict.err, /too many warnings: 1 \(--max-warnings 0\)/);
  assert.equal(run(['check', '--max-warnings', '1', 'plans/warned.json'], { cwd: folder }).code, 0);
  assert.equal(run(['check', '--max-warnings', 'many', 'plans/warned.json'], { cwd: folder }).code, 2);
});

test('option errors name the flag (--as-of), not the JS option (asOf)', () => {
  const { code, err } = run(['check', '--as-of', '31/01/2018', '-'], { input: VALID });
  assert.equal(code, 2);
  assert.match(err, /`--as-of`: "31\/01\/2018"/);
  assert.doesNotMatch(err, /asOf/);
});

test('a FIFO, a symlink to /dev/zero and a file over the input limit are refused before reading; the next file is checked', { skip: process.platform === 'win32' }, () => {
  const folder = plans();
  execFileSync('mkfifo', [join(folder, 'pipe.csv')]);
  symlinkSync('/dev/zero', join(folder, 'zero.json'));
  const huge = join(folder, 'huge.json');
  writeFileSync(huge, '');
  truncateSync(huge, 17 * 1024 * 1024); // sparse: no disk used
  const started = Date.now();
  const { code, out, err } = run(['check', '--format', 'json', 'pipe.csv', 'zero.json', 'huge.json', 'valid.json'], { cwd: folder });
  assert.ok(Date.now() - started < 20_000);
  assert.equal(code, 2);
  assert.match(err, /pipe\.csv: not a regular file/);
  assert.match(err, /zero\.json: not a regular file/);
  assert.match(err, /huge\.json: 17825792 bytes, more than the input limit of 16777216 bytes/);
  assert.deepEqual(JSON.parse(out).map((report) => report.file), ['valid.json']);
});

const ESC = '\u001b';

test('text output escapes control characters from plans, sheet names, file names and errors', () => {
  const folder = plans();
  const hostile = {
    title: `Plan${ESC}]0;pwned${ESC}\\`,
    sections: [{ title: 'S', actions: [{ id: `1${ESC}[2J`, description: `Train${ESC}[8m`, leads: [], milestones: [`Mar-18${ESC}[1A\n✔ 0 plans checked: no problems`] }] }],
  };
  const name = join(folder, 'evil\nname\u001b[31m.json');
  writeFileSync(name, JSON.stringify(hostile));
  const { out, err } = run(['check', name, `gone${ESC}[2J.json`], { cwd: folder });
  for (const text of [out, err]) {
    assert.ok(!text.includes(ESC), JSON.stringify(text));
    assert.doesNotMatch(text, /^✔/m, 'no faked line');
  }
  assert.match(out, /evil\\nname\\x1b\[31m\.json/);
  assert.match(out, /Action 1\\x1b\[2J/);
  assert.match(err, /gone\\x1b\[2J\.json/);

  const report = { valid: false, issues: [{ rule: 'lead-missing', severity: 'warning', message: 'no lead', path: '', cell: 'D7', sheet: `Plan${ESC}]0;x\u0007` }], summary: {} };
  const text = formatText([{ file: 'plan.xlsx', report }]);
  assert.ok(!text.includes(ESC) && !text.includes('\u0007'));
  assert.match(text, /Plan\\x1b\]0;x\\x07!D7/);
});

