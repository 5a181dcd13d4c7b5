'use strict';
// `prevent-plan-check summary FILE|DIR...`: the assurance summary of one plan, or one
// overview page of many (a folder, a glob or several files), swept on worker threads.

const api = require('../index.cjs');
const cli = require('./cli.js');
const { checkBytes } = require('./check.js');
const { escapeControl, formatJson } = require('./format.js');
const { sweep, summaryOptions, progressBar } = require('./sweep.js');

const options = {
  jobs: { type: 'string' },
};

const FORMATS = ['md', 'html', 'csv', 'json'];

function jobsOption(jobs, t) {
  if (jobs === undefined) return undefined;
  const count = Number(jobs);
  if (!Number.isInteger(count) || count < 1) throw new cli.UsageError(t('badJobs', { jobs: escapeControl(jobs) }));
  return count;
}

function written(value, format) {
  return format === 'json' ? `${formatJson(value)}\n` : value;
}

/** One plan's summary: 0, or 2 when it could not be read as a plan. */
async function summarizeOne(input, settings, format, values, io, t) {
  const complain = (message) => io.err.write(`prevent-plan-check: ${escapeControl(message)}\n`);
  let report;
  try {
    const limit = api.limits().maxInputBytes;
    const bytes = input.stdin ? await cli.readStdinBounded(limit, t, io.stdin) : cli.readFileBounded(input.file, limit, t);
    ({ report } = checkBytes(input, bytes, settings));
  } catch (error) {
    if (error.code === 'ERR_INVALID_OPTION') throw cli.optionError(error);
    complain(error instanceof cli.InputError ? error.message : t('unreadable', { file: input.name, reason: error.message }));
    return cli.EXIT_USAGE;
  }
  cli.writeOutput(values, written(api.summarize(report, { ...summaryOptions(settings), format }), format), io.out);
  if (report.plan !== null) return cli.EXIT_OK;
  complain(`${input.name}: ${report.issues[0]?.message ?? ''}`);
  return cli.EXIT_USAGE;
}

/**
 * `summary FILE|DIR...`: resolves to the exit status: 0, or 2 when an input could not be
 * read as a plan (an overview still lists it) or an argument named nothing.
 */
async function run(args, values, io, t) {
  const format = values.format ?? 'md';
  if (!FORMATS.includes(format)) throw new cli.UsageError(t('summaryFormat', { format: escapeControl(format) }));
  if (args.length === 0) throw new cli.UsageError(t('summaryNeedsFile'));
  const jobs = jobsOption(values.jobs, t);
  const settings = cli.checkOptions(values);
  // Bad options are a usage error, found once here rather than once per plan in the workers.
  try {
    api.validateJson('{}', settings);
  } catch (error) {
    throw cli.optionError(error);
  }
  const { inputs, problems, several } = cli.collectInputs(args, t);
  for (const problem of problems) io.err.write(`prevent-plan-check: ${escapeControl(problem)}\n`);
  if (inputs.length === 1 && !several) {
    const status = await summarizeOne(inputs[0], settings, format, values, io, t);
    return problems.length > 0 ? cli.EXIT_USAGE : status;
  }
  if (inputs.some((input) => input.stdin)) throw new cli.UsageError(t('summaryNeedsFile'));
  const bar = progressBar(io.err, (counts) => t('progress', counts));
  const entries = await sweep(
    inputs.map((input) => input.file),
    { options: settings, jobs, onProgress: bar.update },
  );
  bar.end();
  cli.writeOutput(values, written(api.overview(entries, { locale: settings.locale, format }), format), io.out);
  // A file that could not be read at all, or read as no plan, is listed and makes the status 2.
  const unread = entries
    .map(({ name, error, summary }) => ({ name, reason: error ?? (summary.readable ? undefined : summary.problem) }))
    .filter(({ reason }) => reason !== undefined);
  for (const { name, reason } of unread) io.err.write(`prevent-plan-check: ${escapeControl(`${name}: ${reason}`)}\n`);
  return unread.length > 0 || problems.length > 0 ? cli.EXIT_USAGE : cli.EXIT_OK;
}

module.exports = { options, run };
