'use strict';
// `prevent-plan-check check FILE...`: checks plans and tables, prints text, JSON or SARIF.

const path = require('node:path');
const api = require('../index.cjs');
const { formatText, formatSarif, formatJson, escapeControl } = require('./format.js');
const cli = require('./cli.js');

const options = {
  profile: { type: 'string' },
  period: { type: 'string' },
  'as-of': { type: 'string' },
  format: { type: 'string' },
  quiet: { type: 'boolean' },
  'max-warnings': { type: 'string' },
};

const TEXT = new Set(['.json', '.csv', '.tsv']);
const ZIP = Buffer.from('PK\u0003\u0004', 'latin1');

/** How a file's bytes become a report, by its extension (standard input: by its first bytes). */
function kindOf(input, bytes) {
  if (!input.stdin) return path.extname(input.file).toLowerCase();
  if (bytes.subarray(0, 4).equals(ZIP)) return '.zip'; // a workbook or a Word document: the reader tells them apart
  const start = bytes.subarray(0, 64).toString('latin1').replace(/^\uFEFF|^\u00EF\u00BB\u00BF/, '');
  if (/^\s*</.test(start)) return '.html';
  return /^\s*[{[]/.test(start) ? '.json' : '.csv';
}

/**
 * The report of one input (`{ file }` or `{ stdin: true }`) and, for text inputs, the text it
 * was read from (for SARIF regions).
 */
function checkBytes(input, bytes, settings) {
  const kind = kindOf(input, bytes);
  if (!TEXT.has(kind)) {
    const name = input.stdin ? '' : path.basename(input.file);
    // Workbooks, Word documents and web pages: the workbook module is loaded only when one is checked.
    return { report: require('../xlsx.cjs').validateFile(bytes, { ...settings, name }) };
  }
  const text = cli.decodeText(bytes);
  const report = kind === '.json' ? api.validateJson(text, settings) : api.validateCsv(text, settings);
  return { report, text };
}

function parseMaxWarnings(value, t) {
  if (value === undefined) return Infinity;
  if (!/^(0|[1-9][0-9]{0,8})$/.test(value)) throw new cli.UsageError(t('badMaxWarnings', { value: escapeControl(value) }));
  return Number(value);
}

/** Errors only, as ESLint's --quiet shows them; `summary` still counts every issue. */
function errorsOnly(report) {
  return { ...report, issues: report.issues.filter((issue) => issue.severity === 'error') };
}

/**
 * Checks `inputs` (from cli.collectInputs, or the bundled examples); writes the output and
 * gives the exit status.
 */
async function checkInputs({ inputs, problems, several }, values, io, t) {
  const format = values.format ?? 'text';
  if (!['text', 'json', 'sarif'].includes(format)) throw new cli.UsageError(t('unknownFormat', { format: escapeControl(format) }));
  const maxWarnings = parseMaxWarnings(values['max-warnings'], t);
  const settings = cli.checkOptions(values);
  const limit = api.limits().maxInputBytes;
  const results = [];
  const sources = new Map();
  const complain = (message) => io.err.write(`prevent-plan-check: ${escapeControl(message)}\n`);
  problems.forEach(complain);
  let unreadable = problems.length > 0;
  for (const input of inputs) {
    try {
      const bytes = input.stdin ? await cli.readStdinBounded(limit, t, io.stdin) : cli.readFileBounded(input.file, limit, t);
      const { report, text } = checkBytes(input, bytes, settings);
      results.push({ file: input.name, report: values.quiet ? errorsOnly(report) : report });
      if (text !== undefined) sources.set(input.name, text);
    } catch (error) {
      if (error.code === 'ERR_INVALID_OPTION') throw cli.optionError(error);
      complain(error instanceof cli.InputError ? error.message : t('unreadable', { file: input.name, reason: error.message }));
      unreadable = true;
    }
  }
  if (format === 'json') {
    const reports = results.map(({ file, report }) => ({ file, ...report }));
    cli.writeOutput(values, `${formatJson(several ? reports : reports[0] ?? null)}\n`, io.out);
  } else if (format === 'sarif') {
    const sarif = formatSarif(results, require('../rules.json'), api.version(), { repository: require('../package.json').repository, locale: values.locale, sources });
    cli.writeOutput(values, `${formatJson(sarif)}\n`, io.out);
  } else if (results.length > 0 || !unreadable) {
    // Nothing read is not "0 plans checked: no problems": the errors above say it all.
    const color = values.output === undefined && useColor(io.out);
    cli.writeOutput(values, formatText(results, { color, t }), io.out);
  }
  const warnings = results.reduce((total, { report }) => total + report.summary.warnings, 0);
  if (warnings > maxWarnings) complain(t('tooManyWarnings', { count: warnings, max: maxWarnings }));
  if (unreadable) return cli.EXIT_USAGE;
  const errors = results.some(({ report }) => !report.valid);
  return errors || warnings > maxWarnings ? cli.EXIT_PLAN_ERRORS : cli.EXIT_OK;
}

function useColor(stream) {
  if ('NO_COLOR' in process.env) return false;
  if (process.env.FORCE_COLOR && process.env.FORCE_COLOR !== '0') return true;
  return Boolean(stream.isTTY);
}

/** `check FILE...` */
function run(args, values, io, t) {
  if (args.length === 0) throw new cli.UsageError(t('needsFile'));
  return checkInputs(cli.collectInputs(args, t), values, io, t);
}

module.exports = { options, run, checkInputs, checkBytes };
