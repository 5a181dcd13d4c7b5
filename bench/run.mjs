// `make bench`: prevent-plan-check against the JS pipelines a developer would use instead,
// in one Node process, plus cold start and shipped sizes.
//
// Writes target/bench/results.json and docs/benchmarks.md, and prints the tables.
// BENCH_SCALE=0.2 shortens every time box (a smoke run); the default takes about 2 minutes.
// --markdown-only rewrites docs/benchmarks.md from the last results.json.
import { createRequire } from 'node:module';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';

import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import * as chrono from 'chrono-node';
import { chromium } from 'playwright-core';

import { generatePlan, milestonePhrases, writePlans, SIZES } from './generate.mjs';
import { measureSizes, sizeTable, CORE_WASM_BROTLI_BUDGET } from './size.mjs';
import { start, CONTENT_SECURITY_POLICY } from '../www/serve.mjs';
import { readReport } from '../pkg/src/api.mjs';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const OUT = `${ROOT}target/bench/`;
const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const require = createRequire(import.meta.url);
const ours = require('prevent-plan-check');
// The bare wasm-bindgen export, to split an API call into its parts.
const core = require(`${ROOT}pkg/node/prevent_plan_check.js`);

// ---- the pipelines -----------------------------------------------------------------------

const ajv = new Ajv2020({ allErrors: true });
addFormats(ajv, ['date']);
const ajvValidate = ajv.compile(JSON.parse(readFileSync(`${ROOT}src/schema/plan.schema.json`, 'utf8')));

/** What a JS developer would write without us: schema check, then read every milestone. */
function ajvChrono(plan) {
  const valid = ajvValidate(plan);
  const readings = [];
  for (const section of plan.sections) {
    for (const action of section.actions) {
      for (const milestone of action.milestones ?? []) {
        readings.push(chrono.en.GB.parse(typeof milestone === 'string' ? milestone : milestone.text));
      }
    }
  }
  return { valid, readings };
}

/** What reading a report adds up to, kept so that no engine can drop the reads. */
let touched = 0;

/** What a form reads on every keystroke: each issue's rule, severity, message and path, the summary. */
function readIssues(report) {
  let sum = 0;
  for (const issue of report.issues) sum += issue.rule.length + issue.severity.length + issue.message.length + issue.path.length;
  const { errors, warnings, infos, actions } = report.summary;
  touched += sum + errors + warnings + infos + actions;
  return report;
}

/** The issues, and every action of the plan as understood and every piece of coverage evidence. */
function readEverything(report) {
  readIssues(report);
  let sum = 0;
  for (const section of report.plan?.sections ?? []) {
    for (const action of section.actions) sum += action.description.length + action.milestones.length + action.categories.length;
  }
  for (const category of Object.values(report.coverage)) {
    for (const evidence of category.evidence) {
      sum += (evidence.action?.length ?? 0) + evidence.field.length + evidence.phrase.length + evidence.span.end + evidence.source.length;
    }
  }
  touched += sum;
  return report;
}

const ISSUES_ONLY = { report: 'issues' };

function pipelines(plan, text) {
  return {
    ours_object: () => ours.validate(plan),
    ours_json: () => ours.validateJson(text),
    ours_issues_read: () => readIssues(ours.validate(plan, ISSUES_ONLY)),
    ours_full_read: () => readEverything(ours.validate(plan)),
    ajv: () => ajvValidate(plan),
    ajv_chrono: () => ajvChrono(plan),
  };
}

// ---- timing ------------------------------------------------------------------------------

const now = () => Number(process.hrtime.bigint()) / 1e3; // µs

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * Median µs per call of each function. Each is warmed up first, then the functions take
 * turns (so drift and GC pauses fall on all of them alike); a sample is a batch of calls
 * lasting about 2 ms, so timer resolution does not matter for small plans.
 */
function race(functions, budgetMs) {
  const names = Object.keys(functions);
  const batch = {};
  const warmUntil = now() + budgetMs * 1e3 * 0.25;
  for (const name of names) {
    const fn = functions[name];
    let calls = 0;
    const started = now();
    do { fn(); calls += 1; } while (now() < started + (warmUntil - started) / names.length && calls < 1e5);
    const perCall = (now() - started) / calls;
    batch[name] = Math.max(1, Math.round(2000 / perCall));
  }
  const samples = Object.fromEntries(names.map((name) => [name, []]));
  const deadline = now() + budgetMs * 1e3 * 0.75;
  while (now() < deadline || samples[names[0]].length < 5) {
    for (const name of names) {
      const fn = functions[name];
      const calls = batch[name];
      const started = now();
      for (let i = 0; i < calls; i += 1) fn();
      samples[name].push((now() - started) / calls);
    }
    if (samples[names[0]].length >= 2000) break;
  }
  return Object.fromEntries(names.map((name) => [name, { us: median(samples[name]), samples: samples[name].length }]));
}

/** Time box per plan size, in ms: bigger plans need more for the same number of samples. */
const BUDGET_MS = { 10: 8000, 100: 10000, 1000: 18000, 10000: 40000 };

function milestoneReadings(plan, report) {
  const phrases = milestonePhrases(plan);
  const oursRead = report.plan?.sections
    .flatMap((section) => section.actions.flatMap((action) => action.milestones ?? []))
    .filter((milestone) => milestone.parsed && !['unparsed', 'none'].includes(milestone.parsed.kind)).length ?? 0;
  const chronoRead = phrases.filter((phrase) => chrono.en.GB.parse(phrase).length > 0).length;
  return { phrases: phrases.length, ours_read: oursRead, chrono_read: chronoRead };
}

const BREAKDOWN_AT = 1000;

/**
 * Where the time of `validate(plan)` goes: JSON in, the WASM core, the report read from what
 * the core returns (`readReport`), for the full report (lazy parts unread, and read) and
 * for `report: 'issues'`; and, for comparison, `JSON.parse` of the report in the public shape.
 */
function breakdown(plan, text) {
  // The core takes the text as UTF-8, encoded as the wrapper encodes it (inside the timings).
  const utf8 = new TextEncoder();
  const wire = core.validate_json(utf8.encode(text), 'null');
  const issuesWire = core.validate_json(utf8.encode(text), JSON.stringify(ISSUES_ONLY));
  const publicJson = JSON.stringify(readReport(wire));
  const timed = race({
    stringify_plan: () => JSON.stringify(plan),
    core: () => core.validate_json(utf8.encode(text), 'null'),
    core_issues: () => core.validate_json(utf8.encode(text), '{"report":"issues"}'),
    read_report: () => readReport(wire),
    read_report_plan_coverage: () => {
      const report = readReport(wire);
      return [report.plan, report.coverage];
    },
    read_issues: () => readReport(issuesWire),
    parse_public_json: () => JSON.parse(publicJson),
  }, BUDGET_MS[BREAKDOWN_AT] * SCALE * 0.5);
  return {
    stringify_plan_us: round(timed.stringify_plan.us),
    core_us: round(timed.core.us),
    core_issues_us: round(timed.core_issues.us),
    read_report_us: round(timed.read_report.us),
    read_report_plan_coverage_us: round(timed.read_report_plan_coverage.us),
    read_issues_us: round(timed.read_issues.us),
    parse_public_json_us: round(timed.parse_public_json.us),
    plan_bytes: Buffer.byteLength(text),
    wire_bytes: Buffer.byteLength(wire),
    issues_wire_bytes: Buffer.byteLength(issuesWire),
    report_bytes: Buffer.byteLength(publicJson),
  };
}

function runCases() {
  const cases = [];
  for (const actions of SIZES) {
    const plan = generatePlan(actions);
    const text = JSON.stringify(plan);
    const report = ours.validateJson(text);
    const schemaIssues = report.issues.filter((issue) => issue.rule === 'schema' || issue.rule === 'json-syntax');
    if (schemaIssues.length > 0 || !ajvValidate(plan)) {
      throw new Error(`generated plan of ${actions} actions is not schema-valid: ${JSON.stringify(schemaIssues[0] ?? ajvValidate.errors)}`);
    }
    const timed = race(pipelines(plan, text), BUDGET_MS[actions] * SCALE);
    const row = {
      actions,
      ours_object_us: round(timed.ours_object.us),
      ours_json_us: round(timed.ours_json.us),
      ours_issues_read_us: round(timed.ours_issues_read.us),
      ours_full_read_us: round(timed.ours_full_read.us),
      ajv_us: round(timed.ajv.us),
      ajv_chrono_us: round(timed.ajv_chrono.us),
      samples: Object.fromEntries(Object.entries(timed).map(([name, { samples }]) => [name, samples])),
      json_bytes: Buffer.byteLength(text),
      report: { ...report.summary, issues: report.issues.length },
      milestones: milestoneReadings(plan, report),
    };
    if (actions === BREAKDOWN_AT) row.breakdown = breakdown(plan, text);
    cases.push(row);
    console.log(`${String(actions).padStart(6)} actions: ours ${row.ours_object_us} µs (object) / ${row.ours_json_us} µs (json) / ${row.ours_issues_read_us} µs (issues, read) / ${row.ours_full_read_us} µs (full, all read), ajv ${row.ajv_us} µs, ajv+chrono ${row.ajv_chrono_us} µs`);
  }
  return cases;
}

const round = (us) => (us >= 100 ? Math.round(us) : Math.round(us * 100) / 100);

// ---- cold start --------------------------------------------------------------------------

const SMALL_PLAN = generatePlan(10);
const COLD_RUNS = 7;

/** A fresh node process: from before `require` to after the first report, measured inside. */
function coldStartNode() {
  const child = `
    const started = performance.now();
    const api = require(${JSON.stringify(require.resolve('prevent-plan-check'))});
    const report = api.validateJson(${JSON.stringify(JSON.stringify(SMALL_PLAN))});
    const ms = performance.now() - started;
    process.stdout.write(JSON.stringify({ ms, actions: report.summary.actions }));`;
  const runs = [];
  for (let i = 0; i < COLD_RUNS; i += 1) {
    const result = spawnSync(process.execPath, ['-e', child], { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`cold start child failed: ${result.stderr}`);
    const { ms, actions } = JSON.parse(result.stdout);
    if (actions !== 10) throw new Error(`cold start child checked ${actions} actions, not 10`);
    runs.push(ms);
  }
  return median(runs);
}

/** Medians of the cold start's parts in Chromium, filled in by `coldStartChromium`. */
let chromiumPhases = {};

const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/**
 * Headless Chromium, a fresh context (empty cache) per run: navigation start to the first
 * report of a page whose module imports the form entry (pkg/form-web.mjs, what a JSON form
 * loads), served by the demo server under the demo's Content-Security-Policy. The part after
 * the module's bytes arrived (compile, instantiate, first check) is read from the resource
 * timing of the `.wasm`.
 */
async function coldStartChromium() {
  const server = await start(0);
  const [serveDemo] = server.listeners('request');
  server.removeAllListeners('request');
  const page = {
    '/__bench/cold-start.html': ['text/html; charset=utf-8',
      '<!doctype html><meta charset="utf-8"><title>cold start</title><script type="module" src="/__bench/cold-start.mjs"></script>'],
    '/__bench/cold-start.mjs': ['text/javascript; charset=utf-8', `
      const plan = ${JSON.stringify(SMALL_PLAN)};
      const started = performance.now();
      const api = await import('/pkg/form-web.mjs');
      const loaded = performance.now();
      const report = api.validate(plan);
      const ms = performance.now();
      const wasm = performance.getEntriesByType('resource').find((entry) => entry.name.endsWith('.wasm'));
      const fetched = wasm ? wasm.responseEnd : NaN;
      window.coldStart = { ms, started, loaded, fetched, actions: report.summary.actions };`],
  };
  server.on('request', (request, response) => {
    const own = page[request.url];
    if (!own) return serveDemo(request, response);
    response.writeHead(200, { 'Content-Type': own[0], 'Content-Security-Policy': CONTENT_SECURITY_POLICY, 'Cache-Control': 'no-store' });
    return response.end(own[1]);
  });
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const runs = [];
    const phases = { page_ms: [], import_ms: [], first_report_ms: [], after_fetch_ms: [] };
    for (let i = 0; i < COLD_RUNS; i += 1) {
      const context = await browser.newContext();
      const tab = await context.newPage();
      const errors = [];
      tab.on('pageerror', (error) => errors.push(String(error)));
      await tab.goto(`${origin}/__bench/cold-start.html`);
      const result = await tab.waitForFunction(() => window.coldStart, null, { timeout: 15000 }).then((handle) => handle.jsonValue())
        .catch((error) => { throw new Error(`cold start page failed: ${errors.join('; ') || error.message}`); });
      if (result.actions !== 10) throw new Error(`cold start page checked ${result.actions} actions, not 10`);
      runs.push(result.ms);
      phases.page_ms.push(result.started);
      phases.import_ms.push(result.loaded - result.started);
      phases.first_report_ms.push(result.ms - result.loaded);
      if (!Number.isFinite(result.fetched)) throw new Error('cold start page: no resource timing for the .wasm');
      phases.after_fetch_ms.push(result.ms - result.fetched);
      await context.close();
    }
    chromiumPhases = Object.fromEntries(Object.entries(phases).map(([name, values]) => [name, round(median(values))]));
    return median(runs);
  } finally {
    await browser.close();
    await new Promise((done) => server.close(done));
  }
}

// ---- report ------------------------------------------------------------------------------

/** Read from node_modules: chrono-node's `exports` hides its package.json from `require`. */
function versionOf(name) {
  return JSON.parse(readFileSync(`${ROOT}node_modules/${name}/package.json`, 'utf8')).version;
}

/** "3.1x faster" or "1.8x slower": `ours` against `theirs`. */
function speed(ours, theirs) {
  return ours <= theirs ? `${(theirs / ours).toFixed(1)}x faster` : `${(ours / theirs).toFixed(1)}x slower`;
}

function ratio(a, b) {
  return `${(a / b).toFixed(2)}x`;
}

function timingTable(cases) {
  const header = '| actions | ours, object (µs) | ours, JSON text (µs) | ajv (µs) | ajv + chrono-node (µs) | object / ajv | object / (ajv + chrono) | JSON / ajv | JSON / (ajv + chrono) |';
  const lines = [header, '|---:|---:|---:|---:|---:|---:|---:|---:|---:|'];
  for (const row of cases) {
    lines.push(`| ${row.actions.toLocaleString('en-GB')} | ${row.ours_object_us} | ${row.ours_json_us} | ${row.ajv_us} | ${row.ajv_chrono_us} | ${ratio(row.ours_object_us, row.ajv_us)} | ${ratio(row.ours_object_us, row.ajv_chrono_us)} | ${ratio(row.ours_json_us, row.ajv_us)} | ${ratio(row.ours_json_us, row.ajv_chrono_us)} |`);
  }
  return lines.join('\n');
}

function chromiumParts(parts) {
  if (!parts?.page_ms) return '';
  return `\nIn Chromium: ${parts.page_ms} ms until the page's module runs, ${parts.import_ms} ms to import \`pkg/form-web.mjs\` (fetch, compile and instantiate the WASM), ${parts.first_report_ms} ms for the first report; ${parts.after_fetch_ms} ms from the last byte of the \`.wasm\` to the first report.\n`;
}

function machine() {
  const cpuinfo = readFileSync('/proc/cpuinfo', 'utf8');
  const model = cpuinfo.match(/^model name\s*:\s*(.+)$/m)?.[1] ?? cpus()[0]?.model ?? 'unknown';
  const browser = spawnSync(process.env.CHROMIUM ?? '/usr/bin/chromium', ['--version'], { encoding: 'utf8' }).stdout?.trim() || 'unknown';
  return { cpu: model, cores: cpus().length, node: process.version, chromium: browser, os: `${process.platform} ${process.arch}` };
}

function growth(cases, column = 'ours_object_us') {
  const at = (n) => cases.find((row) => row.actions === n);
  return at(10000)[column] / at(1000)[column];
}

function modesTable(cases) {
  const lines = [
    '| actions | issues only, read (µs) | full, plan and evidence read (µs) | ajv (µs) | ajv + chrono-node (µs) | issues / ajv | issues against ajv + chrono | full read against ajv + chrono |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const row of cases) {
    lines.push(`| ${row.actions.toLocaleString('en-GB')} | ${row.ours_issues_read_us} | ${row.ours_full_read_us} | ${row.ajv_us} | ${row.ajv_chrono_us} | ${ratio(row.ours_issues_read_us, row.ajv_us)} | ${speed(row.ours_issues_read_us, row.ajv_chrono_us)} | ${speed(row.ours_full_read_us, row.ajv_chrono_us)} |`);
  }
  return lines.join('\n');
}

/** The issue's targets at 1,000 actions (and the 10,000-action growth), each met or not. */
function targets(cases) {
  const at1000 = cases.find((row) => row.actions === 1000);
  const met = (ok) => (ok ? 'met' : 'not met');
  const issues = at1000.ours_issues_read_us;
  const full = at1000.ours_full_read_us;
  const grown = growth(cases, 'ours_issues_read_us');
  return [
    `issues only, read: at most 5x ajv: ${ratio(issues, at1000.ajv_us)}, ${met(issues <= 5 * at1000.ajv_us)}`,
    `issues only, read: at least 5x faster than ajv + chrono-node: ${speed(issues, at1000.ajv_chrono_us)}, ${met(5 * issues <= at1000.ajv_chrono_us)}`,
    `full report, plan and evidence read: at least 2x faster than ajv + chrono-node: ${speed(full, at1000.ajv_chrono_us)}, ${met(2 * full <= at1000.ajv_chrono_us)}`,
    `10,000 actions at most 10.5x the 1,000-action time (issues only, read): ${grown.toFixed(1)}x, ${met(grown <= 10.5)}`,
  ];
}

function markdown(results) {
  const { cases, sizes, cold_start_ms: cold, machine: host, date } = results;
  const at1000 = cases.find((row) => row.actions === 1000);
  const sizeRows = Object.entries(sizes.files)
    .map(([path, { raw, gzip, brotli }]) => `| pkg/${path} | ${raw.toLocaleString('en-GB')} | ${gzip.toLocaleString('en-GB')} | ${brotli.toLocaleString('en-GB')} |`);
  const readRows = cases.map((row) => `| ${row.actions.toLocaleString('en-GB')} | ${row.milestones.phrases} | ${row.milestones.ours_read} | ${row.milestones.chrono_read} |`);
  return `# Benchmarks

Generated by \`make bench\` (\`bench/run.mjs\`) on ${date}; do not edit by hand. Raw numbers:
\`target/bench/results.json\`.

Machine: ${host.cpu}, ${host.cores} cores, Node ${host.node}, ${host.chromium}, ${host.os}.
The machine is shared, so timings vary from run to run by 10-20 %; compare ratios from one run.

## Validation time per plan

Generated plans (\`bench/generate.mjs\`, seeded, so every run checks the same plans): varied
action text in the wording of real plans, one or two leads, partners, one or two milestones
of every kind councils write ("Nov-13", "Oct 2013 to Dec 2013", "Q3 2016-17", "Start of the
summer term 2016", "April 2016 onwards", "Quarterly", "See 9 above", "TBC", ...), and
progress notes. Median µs per plan after warm-up, all four in one Node process, taking turns:

- **ours, object**: \`validate(plan)\` on a JS object (includes \`JSON.stringify\` of the plan and
  \`JSON.parse\` of the report: the whole API call);
- **ours, JSON text**: \`validateJson(text)\`;
- **ajv**: ajv ${versionOf('ajv')}, compiled, draft 2020-12 with ajv-formats for \`date\`, on the same
  published schema: structure only, returns a boolean and error list;
- **ajv + chrono-node**: ajv, then chrono-node ${versionOf('chrono-node')} \`en.GB.parse\` on every milestone
  phrase: the nearest JS pipeline to what the core does (it still has no coverage or rules).

Ours is the core's whole check as built at this commit (schema, milestone reading, coverage
and every rule it has), returning the full report with the plan as understood.${cases[0].milestones.ours_read === 0 ? '\nAt this commit the core reads no milestone phrase yet (the parser is not merged).' : ''}

${timingTable(cases)}

Targets (issue 7), at 1,000 actions: at most 2x ajv's time (measured ${ratio(at1000.ours_object_us, at1000.ajv_us)}), at least 5x
faster than ajv + chrono-node (measured ${speed(at1000.ours_object_us, at1000.ajv_chrono_us)}); 10,000 actions at most
11x the 1,000-action time (measured ${growth(cases).toFixed(1)}x).

### Keystroke validation and the full report read (issue 15)

Same run, taking turns with the four above:

- **issues only, read**: \`validate(plan, { report: 'issues' })\` (no \`plan\`, no \`coverage\`),
  then every issue's \`rule\`, \`severity\`, \`message\` and \`path\` and the summary read: what a
  form checked on every keystroke pays;
- **full, plan and evidence read**: \`validate(plan)\`, then the issues as above, every action of
  \`report.plan\` and every piece of coverage evidence read (\`plan\` and \`coverage\` are parsed
  on first access, so the plain \`validate(plan)\` column above does not pay for them).

${modesTable(cases)}

Targets of issue 15:

${targets(cases).map((line) => `- ${line}`).join('\n')}

Where the time of \`validate(plan)\` goes at ${BREAKDOWN_AT.toLocaleString('en-GB')} actions (same run): \`JSON.stringify\` of the
plan (${at1000.breakdown.plan_bytes.toLocaleString('en-GB')} bytes) ${at1000.breakdown.stringify_plan_us} µs; the WASM core (text in, report out) ${at1000.breakdown.core_us} µs
for the full report (${at1000.breakdown.wire_bytes.toLocaleString('en-GB')} bytes as the core hands it over: hints once, coverage evidence
compact), ${at1000.breakdown.core_issues_us} µs for \`report: 'issues'\` (${at1000.breakdown.issues_wire_bytes.toLocaleString('en-GB')} bytes); reading the report in JS
(\`readReport\`): ${at1000.breakdown.read_report_us} µs for the full report with \`plan\` and \`coverage\` left unread,
${at1000.breakdown.read_report_plan_coverage_us} µs with both parsed, ${at1000.breakdown.read_issues_us} µs for \`report: 'issues'\`. For comparison, \`JSON.parse\`
of the report in its public shape (${at1000.breakdown.report_bytes.toLocaleString('en-GB')} bytes, what the core returned before issue 15)
takes ${at1000.breakdown.parse_public_json_us} µs. ajv reads the object in place and returns a boolean.

Milestone phrases read (a reading other than \`unparsed\`/\`none\` for ours; any result for
chrono-node, right or wrong):

| actions | phrases | ours | chrono-node |
|---:|---:|---:|---:|
${readRows.join('\n')}

## Cold start

Time from nothing to the first report of a 10-action plan, median of ${COLD_RUNS} runs:

| where | ms | how |
|---|---:|---|
| Node | ${cold.node.toFixed(1)} | fresh \`node\` process; inside it, from before \`require('prevent-plan-check')\` to after the first \`validateJson\` |
| Chromium (headless) | ${cold.chromium.toFixed(1)} | fresh browser context (empty cache); \`performance.now()\` at the first report of a page whose module imports \`pkg/form-web.mjs\` (navigation start to report, over loopback) |
${chromiumParts(results.chromium_cold_start_parts_ms)}
Targets (issue 15): under 15 ms in Node (${cold.node.toFixed(1)} ms, ${cold.node < 15 ? 'met' : 'not met'}); in Chromium, under 60 ms from the
module fetched to the first report (${results.chromium_cold_start_parts_ms.after_fetch_ms} ms, ${results.chromium_cold_start_parts_ms.after_fetch_ms < 60 ? 'met' : 'not met'}).

## What was measured and changed (2026-11-22)

Instruction counts from callgrind on the native criterion bench (\`make bench-native\`;
\`valgrind --tool=callgrind target/release/deps/validate-* --bench --profile-time 1\` with
\`BENCH_SIZES=100\` or \`1000\`), which repeat exactly where wall-clock times on this shared machine
do not:

| change | plan | instructions per check, before -> after |
|---|---:|---:|
| status normalisation: cue words found by a byte scan instead of \`str::find\`, which set up a two-way searcher for each of ~50 cues per progress note (31 % of all instructions); and text-or-object fields (\`milestones[]\`, \`status\`, \`period\`) read by one visitor instead of \`#[serde(untagged)]\`, which buffered and copied every string | 1,000 actions, foundation core | 43.2 M -> 32.2 M (-25 %) |
| merging main added the personal-data rule: 74 % of a check | 100 actions | 13.0 M |
| personal-data: JSON Pointers formatted only for findings; the NI-number test rejects words that cannot start one before joining five words; words lower-cased only where a name could start (rarest test first) | 100 actions | 13.0 M -> 9.1 M (-30 %; the rule itself 9.7 M -> 5.8 M) |
| merging main added the milestone parser and timeline rules | 1,000 actions | 202 M (first check) |
| cross-references ("See 9 above"): \`find_action\` compared a lower-cased copy of every action id for each reference, twice per reference: quadratic with an allocation inside (10,000 actions took 33x the 1,000-action time); ids compared in place first (42 M -> 13.5 M), then an id index built on a rule's first reference | 1,000 actions | that lookup 42 M -> 3.7 M; milestone rules 23.4 M -> 12.8 M |
| \`Report::new\` sorted issues with a comparator that collected two \`Vec\` keys per comparison; the keys are now compared as iterators | 1,000 actions | 21.2 M -> 8.7 M (-59 %) |
| all of the above, milestone parser merged | 1,000 / 10,000 actions | 180 M / 1,795 M per check: 10.0x, linear |
| merging main added coverage | 1,000 actions | first check 273 M: 57 M compiling the profiles (once), about 24 M classifying |

Where a check went (1,000 actions, 180 M, milestone parser merged, before coverage): personal-data 58 M
(it walks the words of every text field), milestone reading (lexing, scanning, word lists)
about 40 M, timeline rules 13 M plus dependency order 22 M (it lexes every description
again), JSON text to \`serde_json::Value\` 13 M, \`Report::new\` 8.7 M, \`Value\` to the plan
model 7 M, status cues 4.6 M, schema 2.3 M. In instructions the check is linear; in time the
10,000/1,000 ratio varies from run to run here (memory: the 3.5 MB plan, its \`Value\` tree,
model and report do not fit in cache). The WASM build runs the same code roughly 2.5-3.5x slower than
native here (the breakdown's core time above against 15-17 ms for 1,000 actions under
\`make bench-native\`; dlmalloc, \`opt-level = "z"\`).

Size (core module, wasm-bindgen output, before the milestone parser and coverage were merged:
336,622 raw / 130,969 gzip / 103,899 brotli):

- \`twiggy top\` on an unstripped build: 82 KB \`.rodata\`, of which 11 KB is the published
  schema text (\`schema()\`), 3 KB JSON Pointer strings of the compiled validator, error texts
  of jsonschema's \`Display\` impls (regex, I/O, URL parse errors it can name), rule docs
  (\`rules()\`), and binary tables: Unicode case mapping (\`to_lowercase\`), \`char\` property
  tables, float formatting (\`flt2dec\` dragon and grisu: 14 KB of code as well). dlmalloc is 5 KB.
- \`wasm-opt\` (binaryen 132, all features enabled) on the wasm-bindgen output: \`-Oz\` 307,182 raw
  but 106,270 brotli, \`-Os\` 105,657, \`-O2\` 106,584, \`-O3\` 105,960, \`-O4\` 105,745: smaller raw, but
  every level is 1.7-2.4 KB **larger** after brotli than rustc's \`opt-level = "z"\` output, so
  it is not in \`make build\`. (\`-O3\` ran the 1,000-action plan about 10 % faster in Node.)
- \`opt-level = "s"\`: 365,262 raw / 105,515 brotli (+1.6 KB); kept \`"z"\`.
- After merging main (table import, personal data, milestone parser): 529,899 raw / 204,022
  gzip / 165,765 brotli, over the 150 KB budget; the growth is spread over the new code, no
  single dependency. \`wasm-opt -Oz\` again made it larger after brotli (170,961).
- A trial merge of the coverage branch at 22:00: 1,610,227 raw / 377,084 brotli, because
  \`pattern\` in its \`profile.schema.json\` made jsonschema's compiled validator link
  fancy-regex and regex-automata with their Unicode tables (596 KB of \`.rodata\`); without
  the patterns, 729,712 raw / 188,493 brotli. Coverage as merged into main checks profile ids
  in Rust instead: the core is now ${(sizes.core_wasm_raw).toLocaleString('en-GB')} raw / ${(sizes.core_wasm_brotli).toLocaleString('en-GB')} brotli (table above), with the seven
  profiles embedded as JSON text (123 KB raw).
- Coverage compiled every bundled profile on the first check (\`coverage::profile::Compiled::new\`:
  57 M instructions, a fifth of the first 1,000-action check, and most of the cold start); it
  now compiles only the profile asked for (see the next section).

## Size and cold start: what was measured and changed (2026-11-23)

Core module after wasm-bindgen (\`pkg/web/prevent_plan_check_bg.wasm\`), each change on top of
the one before; the sections' share measured with a section split of the module, the items'
with \`twiggy top\`/\`twiggy paths\` on a build with names kept.

| change | raw | brotli | brotli change |
|---|---:|---:|---:|
| main at the start (4a2585a): code 163 KB brotli, data 53 KB | 841,244 | 219,520 | |
| coverage phrases found by looking up each word of the text in a table of the phrases' first words (\`coverage/matcher.rs\`), not with an \`aho-corasick\` automaton (59 KB of code, not shared with jsonschema after all); identical reports | 739,517 | 193,025 | -26,495 (-12.1 %) |
| schema and profile problems described in our own words for every keyword: jsonschema's \`ValidationError\` \`Display\` (and the regex error texts it can print) no longer linked | 725,864 | 190,563 | -2,462 |
| \`schema()\` and \`profileSchema()\` served from a generated JS module (\`pkg/dist/schemas.mjs\`, \`.cjs\`), not from WASM (reverted: last row) | 709,597 | 188,371 | -2,192 |
| the first-word table built in one pass with FNV hashing, spelling variants derived only where they can exist | 708,649 | 187,823 | -548 |
| a field's matches kept in order as found instead of sorted (the sort linked a driftsort of its own) | 703,656 | 186,872 | -951 |
| built-in profile's table borrows the parsed profile (no copy) | 703,699 | 187,102 | +230 (cold start, not size) |
| the schema texts back in the WASM module (see below): **as shipped** | 719,966 | 189,615 | +2,513 |

From 219,520 to 189,615 bytes brotli: -29,905 (-13.6 %); gzip 275,783 -> 235,192. Merged with main at ce36b0e (rule docs moved out of the module): 706,013 raw / 230,251 gzip / 185,656 brotli, the size \`make size\` now holds.

Measured and not kept:

- Serving the schemas from a generated JS module took 2.2 KB brotli out of the WASM module,
  but \`schema()\` is synchronous, so the browser entry has to import the module up front:
  2.7 KB brotli of JS, which every page paid without calling \`schema()\`. The budget would
  have improved while pages got 0.5 KB heavier; reverted.
- Number cells written with serde_json's float digits instead of \`core\`'s float formatting
  (\`flt2dec\`, about 17 KB of code): +290 bytes brotli, because serde's own error messages
  (\`Unexpected::Float\`) keep \`f64\`'s \`Display\` linked; and for about 3 in 10,000 random
  17-digit values the last digit differs from \`Display\`. Reverted.
- Building the phrase tables at build time: the seven profiles' expanded forms are 400,752 bytes
  raw / 22,028 brotli, which would add 12 % to the module to save the table build (about 1.5 ms
  native per profile). Minifying the profiles' JSON at build time saves 347 bytes brotli
  (7,412 -> 7,065 for all seven): no build script for that.
- Nightly Rust, \`-Zbuild-std=std,panic_abort -Zbuild-std-features=optimize_for_size\` with
  \`-Zunstable-options -Cpanic=immediate-abort\`, at the third row's commit: 632,049 raw / 169,634
  brotli against 190,563 on stable (-20.9 KB, -11 %), identical reports. It needs the nightly
  toolchain with \`rust-src\` on every build machine and builds std from source (21 minutes on
  this shared machine, against about 5 for the stable build); not made the default.
- Where the rest is: code about 137 KB brotli, data 46 KB. The largest shares are serde
  (deserialising the model, profiles, cells and options from \`serde_json::Value\`: 37 KB raw
  in \`value::de\` alone; serialising the report), the compiled plan-schema validator (11 KB
  raw), the milestone parser, table import, the rules, std's sort routines (about 20 KB raw:
  one per sorted type), B-trees and hash maps; the data is the profiles (7 KB brotli), rule docs, names lists, Unicode tables and
  messages. 100 KB brotli needs the serde share cut (one hand-written reader from \`Value\` for
  the model) or the nightly build; neither fitted this session.

Cold start in Node (this machine, loaded by other builds: median of 11 fresh processes, from
before \`require\` to after the first \`validateJson\` of the 10-action plan; CPU time of the
process as well, which the load inflates less): CPU time 74.5 ms before (main at 4a2585a), 49.5 ms
after (the first report alone 63.8 -> 39.4 ms), measured back to back; wall-clock medians of the
same runs swung between 100 and 470 ms with load averages of 12 to 17, so they say nothing
here. The target of 20 ms is not met. What is left is about 10 ms to compile
the module, about 15 ms of CPU for the first check's own code (V8 compiles each function on first
call, with Liftoff), and about 25 ms of CPU to build the \`la-2023\` phrase table in Liftoff code
(1.5 ms native): the table build is 12x slower in WASM's first tier than natively.

In headless Chromium (\`bench/run.mjs\`'s method, \`BENCH_SCALE=0.1\`, same load): 350 ms from
navigation to the first report, of which 265 ms importing \`pkg/web.mjs\` and 32.9 ms the first
report, against 90.4 ms for the first report in the run of 2026-11-22 (the coverage profile's table was
an Aho-Corasick automaton then). Node by the same method: 72.3 ms wall.

Welsh (issue 9, \`docs/welsh.md\`): the catalogue of messages in two languages and the Welsh
profile texts add 8.9 KB brotli to the core (185,656 -> 194,591 bytes when merged): the
Welsh catalogue about 4.1 KB, the Welsh profile texts 1.9 KB, and the rest the messages kept
as values that a report can be rendered from in either language. The Welsh category
descriptions of the other five built-in profiles (\`la-2015\`, \`scotland-la\`, further and higher
education, health) add about 11 KB raw but 257 bytes brotli (196,022 -> 196,279: most are close
copies of \`la-2023\`'s), and the simpler Welsh "category missing" message that always shows
them brings the core to 195,835, so the budget stays at 196,500.

## Throughput work (2026-11-23)

Instruction counts per warm check of the 1,000-action plan, as the WASM export runs it
(\`validate_json\` and the report written as JSON text), from callgrind on the native bench:
\`BENCH_SIZES=1000 BENCH_CHECKS=N valgrind --tool=callgrind target/release/deps/validate-*\`,
(count at N = 4 - count at N = 1) / 3. Every change left the reports of the seed plans, the
example plans and the four generated plans byte for byte the same.

| change | instructions per check, before -> after |
|---|---:|
| start (main at 4a2585a); the report's JSON alone is about 84 M of it | 282 M |
| personal data: words split byte by byte; list words (titles, given names, roles, months) folded into integers at build time and compared as integers, where each capitalised word was lower-cased into a new \`String\` twice; no joined text for words that cannot start a National Insurance number | 282 M -> 249 M |
| dependency order: a description without a digit names no action and is not lexed again (the milestone lexer ran on every description); its action index is built on the first reference | 249 M -> 227 M |
| milestone phrase tables: keys compared by length and first byte before the bytes; a phrase's first word tried before the rest | 227 M -> 213 M |
| \`Report::new\`: each issue's pointer read into its sort key once, not twice per comparison | 213 M -> 208 M |
| milestone phrase tables carry a summary (a 64-bit mask, built at compile time) of how their phrases start: a word that starts none is passed over | 208 M -> 195 M |
| personal data: a text without an \`@\` is not scanned for e-mail addresses, one with fewer than ten digits not for phone numbers; words starting lower case skip the name tests | 195 M -> 190 M |
| dates written into the report digit by digit instead of through \`Display\` | 190 M -> 187 M |
| JS: \`validate(plan)\` calls \`JSON.stringify\` without the replacer when the plan is plain data (checked by a walk that stops at anything else): with a replacer V8 calls it for every value and leaves its fast path | see the timing table |

Where a check goes now (1,000 actions, 187 M): writing the report as JSON about 80 M (1.5 MB
of text; serde_json's string escaping alone 49 M: at \`opt-level = "z"\` its per-byte loop
calls \`split_at\` out of line), coverage 31 M (folding texts and the Aho-Corasick search),
personal data 20 M, JSON text to \`serde_json::Value\` 13 M, the messages of the milestone
rules 13.5 M, \`Value\` to the plan model 7 M, reading the milestones about 15 M, status cues
5 M, \`Report::new\` 3.6 M, the schema 2.3 M.

The 10,000-action plan takes 1,846 M instructions per check, 9.9x the 1,000-action check:
linear. In the WASM core the same work measured about 40 % less time than before these
changes, in units of the (unchanged) \`JSON.parse\` of the report in the same run (core 9.9x
that parse before, 5.9x after); absolute times on this shared machine moved by 2-3x between
runs.

\`opt-level = "z"\` is the largest single factor left. The start commit built entirely with
\`opt-level = "s"\` ran the same check in 198 M instructions instead of 282 M (-30 %; string
escaping 49 M -> 28 M), with the identical report. Only the core crate at \`"s"\` (the
dependencies at \`"z"\`), after the changes above: 187 M -> 161 M (-14 %), but the core module
grows from 219,714 to 237,844 bytes brotli (+18 KB), so it is not taken; the size owner may
weigh it.

What stands between these numbers and the issue's targets is mostly not the check itself:
the report carries the whole plan as understood and every coverage evidence (1.5 MB of JSON
for a 344 KB plan: plan 580 KB, coverage 610 KB, issues 318 KB). Writing it is 80 M of the
187 M native instructions, and \`JSON.parse\` of it in Node alone takes several times ajv's
whole check (breakdown above); ajv returns a boolean.

## Lean answers (issue 15)

Native instructions per warm check of the 1,000-action plan (callgrind on the native bench as
above, \`BENCH_WRITE\` choosing what is written), each change on top of the one before;
every report byte for byte the same (\`tests/golden.rs\`):

| change | first check | warm check |
|---|---:|---:|
| start (main at 2ee611a), report written by serde_json | 258.3 M | 231.8 M |
| report written by hand (\`src/report/json.rs\`): runs that need no escape found eight bytes at a time and copied whole, digits and field names written directly; writing the report about 61 M -> 17 M | 214.9 M | 188.2 M |
| what the WASM export returns (\`Report::to_wire\`, \`BENCH_WRITE=wire\`): hints once, coverage evidence compact (its strings told apart by address, not hashed text) | 210.8 M | 185.8 M |
| \`report: 'issues'\` (\`BENCH_WRITE=issues\`): no plan, no coverage written | 198.0 M | 173.0 M |

The wire is 1.00 MB for the 1.49 MB report (coverage 594 KB -> 111 KB plus 59 KB of strings;
the hints 63 KB -> 0.5 KB); \`report: 'issues'\` is 255 KB. In Node, reading the wire with
\`plan\` and \`coverage\` unread took a tenth of \`JSON.parse\` of the public report, with both
read about three quarters of it (fastest of 40 rounds: 0.58, 4.19 and 5.60 ms); the compact
coverage parsed and expanded in a quarter of the time \`JSON.parse\` of its public form took,
and giving each hint once took \`JSON.parse\` of the issues from 1.70 to 1.46 ms with the loop
that puts them back. Most of what is left is the check itself (the core column above).

## Form module size (issue 15)

The form module (\`pkg/form/web/prevent_plan_check_form_bg.wasm\`, what a JSON form loads),
brotli at quality 11 after wasm-bindgen, each change on top of the one before; what each
removed found with \`twiggy top\`/\`twiggy paths\` on the build before wasm-bindgen strips the
names; every report byte for byte the same (\`tests/golden.rs\`):

| change | raw | brotli | brotli change |
|---|---:|---:|---:|
| start (main at 8b078a9) | 566,901 | 170,971 | |
| English subjects capitalised in ASCII (they start with English words or a schema field name): \`char::to_uppercase\` linked Unicode's upper-case table | 552,274 | 167,771 | -3,200 |
| messages only tables or comparisons raise compiled only with \`tables\`/\`compare\`: neither catalogue's template nor code in the form module | 540,461 | 167,038 | -733 |
| status, personal-data and category-tag text lower-cased char by char (\`case::lowercase\`): \`str::to_lowercase\` carried its own copy of the case logic beside \`char::to_lowercase\`, which the coverage reader keeps; the two differ only in a final Greek sigma, which no list or cue holds | 534,873 | 164,043 | -2,995 |
| merged with the shared tokenizer and the token-based coverage, personal-data and status readers (issue 15's speed work) | | 166,903 | +2,860 |
| coverage profiles read from their \`Value\` by hand (\`src/coverage/profile_value.rs\`), as serde's derives read them (a test compares both on every built-in file and odd values): the module's last typed deserialisation, and with it serde's \`Value\` deserializer and \`core\`'s float formatting | 545,436 | 157,584 | -9,319 |

\`make build\` then \`node bench/size.mjs\`: 157,584 bytes brotli (from 170,888 at the start,
-13,304); the full module 261,705 (from 262,029), which keeps serde's derives for tables,
summaries and comparisons. Of the form module, code is 365,060 bytes raw / 111,998 brotli and
data 137,059 / 41,523 (each section compressed alone): the data holds the Welsh catalogue and
the Welsh texts of the default profile, the default profile itself (30,115 bytes of JSON, 5,614
brotli) and the two published schemas (\`schema()\`, \`profileSchema()\`: 3,881 brotli).

Measured and not kept, or left for later:

- \`wasm-opt\` (npm \`binaryen@132\`) on the form module: \`-Oz\` 521,037 raw / 178,204 brotli, \`-Os\`
  523,691 / 178,002, both about 7 KB **larger** after brotli than rustc's output (170,971); the
  build runs no wasm-opt, and should not.
- The milestone reading of \`parseMilestone\` written by the hand-written JSON writer instead of
  serde: -259 bytes brotli, for a second writer of the reading to keep in step; not kept.
- The Welsh catalogue as data loaded on demand: without it at all the module is 4,747 bytes
  brotli smaller (167,038 -> 162,291 with \`cy::render\` stubbed), the most the change can
  save before the template reader it needs and the JS loading. Its templates carry logic
  (conditions, mutated forms, nested names), so a data catalogue needs a small template
  language; not done in this session.
- serde's typed deserialisation of coverage profiles was the largest lever found (-13.5 KB with
  both calls stubbed); reading profiles from \`Value\` by hand took -9.3 KB of it (row above).
  What is left of serde_json is the \`Value\` parser (options, caller's profiles, the plan
  reader's full path, whose \`json-syntax\` messages are serde_json's) and its writer.
- jsonschema's runtime is no longer in the form module (no regex, fancy-regex, URL or IDNA
  code is linked: the validators are generated at build time); what remains is the generated
  validators (about 23 KB raw), \`uniqueItems\`' hashing and value comparison (\`jsonschema_value\`, ahash, 6 KB raw) and
  the error values. None of it can go while \`jsonschema\` checks the published schema.

## Inlining: opt-level "z" with an inline threshold (issue 15)

At \`opt-level = "z"\` LLVM inlines almost nothing: a CPU profile of the form module (names
kept, Node, 1,000-action \`validate(plan)\` with \`report: 'issues'\`) showed \`Vec::push\`,
\`Vec::append_elements\`, \`RawVecInner::deallocate\`, \`slice::contains\`, \`binary_search\`,
\`next_code_point\`, \`Option::eq\` and the plan reader's own \`peek\`/\`expect\`/\`plain_run\` as calls
of their own, each 0.1-0.3 ms of the check; at \`opt-level = 3\` every one of them is gone
(inlined). The WASM builds now keep \`"z"\` and pass LLVM an explicit inline threshold
(\`.cargo/config.toml\`: \`-C llvm-args=-inline-threshold=50\`), which also lifts the \`minsize\`
cap on inlining. Form module, same commit, each variant built alone (brotli at quality 11
after wasm-bindgen), and the 1,000-action check in Node (fastest of 80, variants in one
process, then in processes taking turns):

| build of the crate | brotli | 1,000 actions, issues read | as fast as \`"z"\` |
|---|---:|---:|---:|
| \`opt-level = "z"\` (before) | 157,513 | 14.8-16.3 ms | 1 |
| \`"z"\`, inline threshold 50 (**as built**) | 161,001 | 12.2-13.0 ms | about 1.2x |
| \`"z"\`, inline threshold 100 | 164,542 | 11.9-12.8 ms | about 1.25x |
| \`"z"\`, inline threshold 150 | 167,606 | 11.4-11.7 ms | about 1.3x |
| \`"z"\`, inline threshold 225 | 172,428 | 11.2-12.0 ms | about 1.35x |
| \`opt-level = "s"\` for this crate | 171,592 | | about 1.2x |
| \`opt-level = 3\` for this crate (\`[profile.release.package]\`) | 193,373 | 10.8-10.9 ms | about 1.5x |

50 is the knee: half the size of 100 for most of its gain. The full module grows from 261,798
to 272,090 bytes brotli with it. Node's cold start (40 fresh processes taking turns, from
before \`require\` to after the first report of the 10-action plan) was the same at threshold
100 (median 36.9 against 35.6 ms, minimum 24.7 against 25.6 ms, on a machine slower that
day than the table above) and worse at \`opt-level = 3\` (median 48.3 ms): larger functions
cost V8 more to compile lazily on their first call. Native builds (tests, \`make
bench-native\`, callgrind) are not affected.

Where a 1,000-action \`validate(plan)\` goes in Node, by phase (the form module, medians of 100,
one run): \`JSON.stringify\` of the plan 1.2-1.8 ms, \`TextEncoder\` 0.4 ms, the core's export
11.4-17 ms, reading its answer (\`TextDecoder\`, \`JSON.parse\`, hints) 0.8-1.2 ms. The steps
around the core alone come to about 2.5-3.4 ms, 3-4.5x ajv's whole structure check (0.75 ms):
the 5x-ajv target needs the core itself under about 1 ms, or a way into WASM that does not
go through JSON text. At 10,000 actions the same phases took 6.9-10x (JS) and 9.3-10.7x (core)
their 1,000-action time in the same runs.

The allocator: talc 5 (\`talc::wasm::WasmDynamicTalc\`, src/wasm.rs) instead of std's dlmalloc
takes the form module from 161,001 to 158,705 bytes brotli (-2,296; the full module 272,090 ->
270,204). Its speed is dlmalloc's within the noise: 1,000- and 10,000-action checks of both
modules taking turns in one Node process, six runs, fastest per run 12.6-14.2 ms (dlmalloc)
against 12.7-13.6 ms (talc) at 1,000 actions and 146-153 ms against 145-155 ms at 10,000;
Node's cold start the same (25 fresh processes each, median 38.0 against 36.8 ms). The
workbook module keeps dlmalloc.

## Shipped sizes (bytes)

gzip at level 9, brotli at quality 11 (\`node:zlib\`). CI (\`make size\`, part of \`make test\`)
fails when the core module is over ${CORE_WASM_BROTLI_BUDGET.toLocaleString('en-GB')} bytes brotli; target 100,000.

| file | raw | gzip | brotli |
|---|---:|---:|---:|
${sizeRows.join('\n')}
`;
}

// ---- main --------------------------------------------------------------------------------

// `--markdown-only`: rewrite docs/benchmarks.md from the last results.json, measuring nothing.
if (process.argv.includes('--markdown-only')) {
  writeFileSync(`${ROOT}docs/benchmarks.md`, markdown(JSON.parse(readFileSync(`${OUT}results.json`, 'utf8'))));
  process.exit(0);
}
// `--cold-start`: measure and print the cold starts only (quick, for work on start-up).
if (process.argv.includes('--cold-start')) {
  const node = round(coldStartNode());
  const browser = round(await coldStartChromium());
  console.log(JSON.stringify({ node_ms: node, chromium_ms: browser, chromium_parts_ms: chromiumPhases }));
  process.exit(0);
}
mkdirSync(OUT, { recursive: true });
writePlans(OUT);
console.log(`prevent-plan-check ${ours.version()} against ajv and ajv + chrono-node (BENCH_SCALE=${SCALE})`);
const cases = runCases();
const coldStart = { node: round(coldStartNode()), chromium: round(await coldStartChromium()) };
console.log(`cold start: node ${coldStart.node} ms, chromium ${coldStart.chromium} ms`);
const sizes = measureSizes();
const results = {
  cases,
  sizes,
  cold_start_ms: coldStart,
  chromium_cold_start_parts_ms: chromiumPhases,
  machine: machine(),
  date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
};
writeFileSync(`${OUT}results.json`, `${JSON.stringify(results, null, 2)}\n`);
writeFileSync(`${ROOT}docs/benchmarks.md`, markdown(results));
console.log(`\n${timingTable(cases)}\n\n${modesTable(cases)}\n\n${targets(cases).join('\n')}\n\n${sizeTable(sizes)}\n\nwrote target/bench/results.json and docs/benchmarks.md (${touched > 0 ? 'reports read' : 'nothing read'})`);
