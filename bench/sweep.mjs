// Throughput of the summary sweep (`prevent-plan-check summary DIR`): plans per second over
// 500 generated plans, on one worker thread and on the pool the CLI uses
// (os.availableParallelism()), each run as the CLI runs it: every plan read, checked and
// summarised in a worker, then one overview page written.
//
// Usage: node bench/sweep.mjs [PLANS]   (default 500; plans written to target/bench/sweep)
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generatePlan } from './generate.mjs';

const require = createRequire(import.meta.url);
const { sweep } = require('../pkg/bin/sweep.js');
const cli = require('../pkg/bin/cli.js');
const api = require('../pkg/index.cjs');

const root = fileURLToPath(new URL('..', import.meta.url));
const count = Number(process.argv[2] ?? 500);
const folder = join(root, 'target', 'bench', 'sweep');

// Plans of 12 to 72 actions (councils' plans run from a dozen actions to several dozen), each
// its own seed so that no two are alike.
rmSync(folder, { recursive: true, force: true });
mkdirSync(folder, { recursive: true });
for (let index = 0; index < count; index += 1) {
  const plan = generatePlan(12 + (index % 6) * 12, 0x5eed_0000 + index);
  writeFileSync(join(folder, `plan-${String(index).padStart(4, '0')}.json`), JSON.stringify(plan));
}
const files = cli.collectInputs([folder], cli.texts({})).inputs.map((input) => input.file);
const options = { asOf: '2018-01-31' };

/** Plans per second (wall clock), and CPU milliseconds per plan over every thread of the process. */
async function run(jobs) {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const entries = await sweep(files, { options, jobs });
  const page = api.overview(entries, { format: 'html' });
  const seconds = (performance.now() - started) / 1000;
  const { user, system } = process.cpuUsage(cpu);
  if (entries.some((entry) => entry.error !== undefined) || !page.includes('<table>')) throw new Error('the sweep failed');
  return { rate: files.length / seconds, cpu: (user + system) / 1000 / files.length };
}

const pool = availableParallelism();
// The better of two runs each: the machine may be shared, and the first run warms the disk cache.
const best = async (jobs) => [await run(jobs), await run(jobs)].reduce((a, b) => (b.rate > a.rate ? b : a));
const one = await best(1);
const many = await best(pool);
const [load] = (await import('node:os')).loadavg();
console.log(`${files.length} plans (${count} generated), summary sweep to one HTML overview; load average ${load.toFixed(1)} on ${pool} cores`);
console.log(`1 worker:  ${one.rate.toFixed(1)} plans/s, ${one.cpu.toFixed(1)} ms CPU per plan`);
console.log(`${pool} workers: ${many.rate.toFixed(1)} plans/s, ${many.cpu.toFixed(1)} ms CPU per plan (x${(many.rate / one.rate).toFixed(2)})`);
