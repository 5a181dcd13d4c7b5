'use strict';
// The summary sweep: many plan files summarised on a small pool of worker threads (each
// loads the WASM core once), gathered in the order given, for one overview page.

const os = require('node:os');
const path = require('node:path');
const { Worker } = require('node:worker_threads');
const api = require('../index.cjs');
const cli = require('./cli.js');
const { checkBytes } = require('./check.js');

/** The options of a check that a summary needs too: the language, the reporting date, a profile. */
function summaryOptions({ locale, asOf, profile }) {
  return Object.fromEntries(Object.entries({ locale, asOf, profile }).filter(([, value]) => value !== undefined));
}

/**
 * One plan file's overview entry, `{name, summary}`, or `{name, error}` when it cannot be
 * read. `options` are the check's options (`{profile, period, asOf, locale}`).
 */
function summarizeFile(file, options) {
  const name = cli.displayName(file);
  try {
    // Read as `check` reads: a regular file of at most the input limit, by its extension.
    const bytes = cli.readFileBounded(file, api.limits().maxInputBytes, cli.texts(options));
    const { report } = checkBytes({ file }, bytes, options);
    return { name, summary: api.summarize(report, summaryOptions(options)) };
  } catch (error) {
    return { name, error: String(error && error.message) };
  }
}

/** How many workers: the cores this process may use, at most one per file and at most `jobs`. */
function poolSize(files, jobs) {
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return Math.max(1, Math.min(jobs ?? cores, cores, files));
}

/**
 * Summarises `files` on `poolSize` workers; each takes the next file when it answers.
 * `onProgress(done, total)` is called after each file. Resolves to the entries in `files` order.
 */
function sweep(files, { options = {}, jobs, onProgress = () => {} } = {}) {
  const entries = new Array(files.length);
  if (files.length === 0) return Promise.resolve(entries);
  const workers = Array.from({ length: poolSize(files.length, jobs) }, () => new Worker(path.join(__dirname, 'sweep-worker.js'), { workerData: { options } }));
  let next = 0;
  let done = 0;
  return new Promise((resolve, reject) => {
    const finish = (outcome) => {
      Promise.all(workers.map((worker) => worker.terminate())).then(() => outcome(), reject);
    };
    const give = (worker) => {
      if (next < files.length) {
        worker.postMessage({ index: next, file: files[next] });
        next += 1;
      }
    };
    for (const worker of workers) {
      worker.on('message', ({ index, entry }) => {
        entries[index] = entry;
        done += 1;
        onProgress(done, files.length);
        if (done === files.length) finish(() => resolve(entries));
        else give(worker);
      });
      worker.on('error', (error) => finish(() => reject(error)));
      give(worker);
    }
  });
}

/**
 * A progress bar on `stream` (stderr) when it is a terminal, drawn at most ten times a
 * second; nothing otherwise, so logs and CI output stay clean.
 */
function progressBar(stream, label) {
  if (!stream.isTTY) return { update() {}, end() {} };
  const started = performance.now();
  let drawn = 0;
  const draw = (done, total) => {
    const width = 30;
    const filled = Math.round((done / total) * width);
    const seconds = (performance.now() - started) / 1000;
    const rate = seconds > 0 ? (done / seconds).toFixed(1) : '…';
    stream.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${label({ done, total, rate })}\x1b[K`);
  };
  return {
    update(done, total) {
      const now = performance.now();
      if (now - drawn < 100 && done < total) return;
      drawn = now;
      draw(done, total);
    },
    end() {
      stream.write('\r\x1b[K');
    },
  };
}

module.exports = { sweep, summarizeFile, summaryOptions, progressBar, poolSize };
