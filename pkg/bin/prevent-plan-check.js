#!/usr/bin/env node
'use strict';
// The prevent-plan-check command line: see `prevent-plan-check --help`.

const fs = require('node:fs');
const path = require('node:path');
const { parseArgs } = require('node:util');
const api = require('../index.cjs');
const { formatText, formatSarif } = require('./format.js');

const EXIT_OK = 0;
const EXIT_PLAN_ERRORS = 1;
const EXIT_USAGE = 2;

const USAGE = `Usage:
  prevent-plan-check                       check the bundled example plans
  prevent-plan-check check FILE... [--profile ID] [--period START/END] [--as-of YYYY-MM-DD]
                           [--format text|json|sarif] [--locale en|cy]
  prevent-plan-check milestone [--period START/END] [--json] -- TEXT
  prevent-plan-check schema                print the plan JSON Schema
  prevent-plan-check profiles [--json]     list the coverage profiles
  prevent-plan-check --version | --help

FILE is a plan as .json, or a plan table as .csv, .tsv, .xlsx or .ods. Exit status: 0 no errors, 1 the plan has errors,
2 usage error or unreadable input.`;

class UsageError extends Error {}

/**
 * A text file as a string: UTF-8 (a byte order mark is dropped), else Windows-1252, the
 * encoding Excel on Windows uses for "CSV" files.
 */
function readText(file) {
  const bytes = fs.readFileSync(file);
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return decodeWindows1252(bytes);
  }
}

// Windows-1252's characters for bytes 0x80-0x9F (curly quotes, dashes, the euro sign). Node
// before 22 decodes "windows-1252" as Latin-1, which turns them into control characters.
const WINDOWS_1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

function decodeWindows1252(bytes) {
  return new TextDecoder('latin1')
    .decode(bytes)
    .replace(/[\u0080-\u009f]/g, (c) => WINDOWS_1252_HIGH[c.charCodeAt(0) - 0x80]);
}

/** How each kind of file is read into a report. */
const READERS = {
  '.json': (file, options) => api.validateJson(readText(file), options),
  '.csv': (file, options) => api.validateCsv(readText(file), options),
  '.tsv': (file, options) => api.validateCsv(readText(file), options),
  // The workbook module is loaded only when a workbook is checked.
  '.xlsx': (file, options) => require('../xlsx.cjs').validateWorkbook(fs.readFileSync(file), options),
  '.ods': (file, options) => require('../xlsx.cjs').validateWorkbook(fs.readFileSync(file), options),
};

/** Files under the working directory are shown relative to it, as ESLint does. */
function displayName(file) {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}

function checkOptions(values) {
  const options = {};
  if (values.profile !== undefined) options.profile = values.profile;
  if (values.period !== undefined) options.period = values.period;
  if (values['as-of'] !== undefined) options.asOf = values['as-of'];
  if (values.locale !== undefined) options.locale = values.locale;
  return options;
}

function check(files, values, out) {
  const format = values.format ?? 'text';
  if (!['text', 'json', 'sarif'].includes(format)) throw new UsageError(`unknown --format ${format} (use text, json or sarif)`);
  if (files.length === 0) throw new UsageError('check needs at least one FILE');
  const options = checkOptions(values);
  const results = [];
  let unreadable = false;
  for (const file of files) {
    const reader = READERS[path.extname(file).toLowerCase()];
    if (!reader) throw new UsageError(`${file}: unsupported file type (use ${Object.keys(READERS).join(', ')})`);
    try {
      results.push({ file: displayName(file), report: reader(file, options) });
    } catch (error) {
      if (error.code === 'ERR_INVALID_OPTION') throw new UsageError(error.message);
      process.stderr.write(`prevent-plan-check: ${file}: ${error.message}\n`);
      unreadable = true;
    }
  }
  if (format === 'json') {
    const reports = results.map(({ file, report }) => ({ file, ...report }));
    out.write(`${JSON.stringify(files.length === 1 ? reports[0] ?? null : reports, null, 2)}\n`);
  } else if (format === 'sarif') {
    out.write(`${JSON.stringify(formatSarif(results, api.rules(), api.version()), null, 2)}\n`);
  } else {
    out.write(formatText(results, { color: useColor(out) }));
  }
  if (unreadable) return EXIT_USAGE;
  return results.some(({ report }) => !report.valid) ? EXIT_PLAN_ERRORS : EXIT_OK;
}

function milestone(words, values, out) {
  if (words.length === 0) throw new UsageError('milestone needs TEXT, e.g. milestone -- "Oct 2013 to Dec 2013"');
  const options = values.period === undefined ? undefined : { period: values.period };
  let reading;
  try {
    reading = api.parseMilestone(words.join(' '), options);
  } catch (error) {
    throw new UsageError(error.message);
  }
  if (values.json) {
    out.write(`${JSON.stringify(reading)}\n`);
  } else {
    const when = reading.start || reading.end ? ` ${reading.start ?? '…'} to ${reading.end ?? '…'}` : '';
    out.write(`${reading.kind}${when}\n`);
  }
  return EXIT_OK;
}

function bundledExamples() {
  const folder = path.join(__dirname, '..', 'examples');
  return fs
    .readdirSync(folder)
    .filter((name) => name in READERS || path.extname(name) in READERS)
    .sort()
    .map((name) => path.join(folder, name));
}

function useColor(stream) {
  if ('NO_COLOR' in process.env) return false;
  if (process.env.FORCE_COLOR && process.env.FORCE_COLOR !== '0') return true;
  return Boolean(stream.isTTY);
}

function main(argv, out) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      profile: { type: 'string' },
      period: { type: 'string' },
      'as-of': { type: 'string' },
      format: { type: 'string' },
      locale: { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
    },
  });
  if (values.help) {
    out.write(`${USAGE}\n`);
    return EXIT_OK;
  }
  if (values.version) {
    out.write(`${api.version()}\n`);
    return EXIT_OK;
  }
  const [command, ...rest] = positionals;
  switch (command) {
    case undefined:
      return check(bundledExamples(), values, out);
    case 'check':
      return check(rest, values, out);
    case 'milestone':
      return milestone(rest, values, out);
    case 'schema':
      out.write(`${JSON.stringify(api.schema(), null, 2)}\n`);
      return EXIT_OK;
    case 'profiles':
      return listProfiles(values, out);
    default:
      throw new UsageError(`unknown command ${JSON.stringify(command)}`);
  }
}

function listProfiles(values, out) {
  const all = api.profiles();
  if (values.json) {
    out.write(`${JSON.stringify(all, null, 2)}\n`);
    return EXIT_OK;
  }
  const width = Math.max(...all.map((profile) => profile.id.length));
  for (const [index, profile] of all.entries()) {
    const required = profile.categories.filter((category) => category.required).length;
    const note = index === 0 ? ' (default)' : '';
    out.write(`${profile.id.padEnd(width)}  ${profile.title}${note}: ${required} required of ${profile.categories.length} categories\n`);
  }
  return EXIT_OK;
}

try {
  process.exitCode = main(process.argv.slice(2), process.stdout);
} catch (error) {
  const usage = error instanceof UsageError || (error && error.code && String(error.code).startsWith('ERR_PARSE_ARGS'));
  process.stderr.write(`prevent-plan-check: ${error.message}\n${usage ? 'Try --help.\n' : ''}`);
  process.exitCode = EXIT_USAGE;
}
