'use strict';
// `prevent-plan-check summary FILE|DIR...`: the assurance summary of one plan, or one
// overview page of many (a folder, or several files), swept on worker threads.

const fs = require('node:fs');
const path = require('node:path');
const api = require('../index.cjs');
const { READERS } = require('./read.js');
const { sweep, summaryOptions, progressBar } = require('./sweep.js');

const FORMATS = ['md', 'html', 'csv', 'json'];

/**
 * The plan files under `folder` (sub-folders too, hidden ones skipped), sorted by path.
 * Walked by hand: `readdirSync`'s `recursive` needs Node 18.17, and the package supports 18.
 */
function planFiles(folder) {
  const found = [];
  const visit = (directory) => {
    for (const entry of fs.readdirSync(directory, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const file = path.join(directory, entry.name);
      if (entry.isDirectory()) visit(file);
      else if (entry.isFile() && path.extname(entry.name).toLowerCase() in READERS) found.push(file);
    }
  };
  visit(folder);
  return found.sort();
}

function jobsOption(jobs, t, UsageError) {
  if (jobs === undefined) return undefined;
  const count = Number(jobs);
  if (!Number.isInteger(count) || count < 1) throw new UsageError(t('badJobs', { jobs }));
  return count;
}

/** The files the arguments name, and whether any was a folder (which always means an overview). */
function inputs(args, t, UsageError) {
  const files = [];
  let folder = false;
  for (const arg of args) {
    if (fs.statSync(arg, { throwIfNoEntry: false })?.isDirectory()) {
      const found = planFiles(arg);
      if (found.length === 0) throw new UsageError(t('noPlansIn', { folder: arg }));
      files.push(...found);
      folder = true;
    } else if (path.extname(arg).toLowerCase() in READERS) {
      files.push(arg);
    } else {
      throw new UsageError(t('unsupportedType', { file: arg, types: Object.keys(READERS).join(', ') }));
    }
  }
  return { files, folder };
}

function written(value, format) {
  return format === 'json' ? `${JSON.stringify(value, null, 2)}\n` : value;
}

/**
 * Runs the command; resolves to the exit status: 0, or 2 when an input could not be read
 * as a plan (an overview still lists it). `cli` is the command line's `{t, UsageError, checkOptions}`.
 */
async function summary(args, values, out, { t, UsageError, checkOptions }) {
  const format = values.format ?? 'md';
  if (!FORMATS.includes(format)) throw new UsageError(t('summaryFormat', { format }));
  if (args.length === 0) throw new UsageError(t('summaryNeedsFile'));
  const jobs = jobsOption(values.jobs, t, UsageError);
  const options = checkOptions(values);
  const { files, folder } = inputs(args, t, UsageError);
  // Bad options are a usage error, found once here rather than once per plan in the workers.
  try {
    api.validateJson('{}', options);
  } catch (error) {
    throw new UsageError(error.message);
  }
  if (files.length === 1 && !folder) {
    const [file] = files;
    let report;
    try {
      report = READERS[path.extname(file).toLowerCase()](file, options);
    } catch (error) {
      process.stderr.write(`prevent-plan-check: ${file}: ${error.message}\n`);
      return 2;
    }
    out.write(written(api.summarize(report, { ...summaryOptions(options), format }), format));
    if (report.plan !== null) return 0;
    process.stderr.write(`prevent-plan-check: ${file}: ${report.issues[0]?.message ?? ''}\n`);
    return 2;
  }
  const bar = progressBar(process.stderr, (counts) => t('progress', counts));
  const entries = await sweep(files, { options, jobs, onProgress: bar.update });
  bar.end();
  out.write(written(api.overview(entries, { locale: options.locale, format }), format));
  // A file that could not be read at all, or read as no plan, is listed and makes the status 2.
  const unread = entries
    .map(({ name, error, summary }) => ({ name, reason: error ?? (summary.readable ? undefined : summary.problem) }))
    .filter(({ reason }) => reason !== undefined);
  for (const { name, reason } of unread) process.stderr.write(`prevent-plan-check: ${name}: ${reason}\n`);
  return unread.length > 0 ? 2 : 0;
}

module.exports = { summary, planFiles };
