#!/usr/bin/env node
'use strict';
// The prevent-plan-check command line: see `prevent-plan-check --help`.

const fs = require('node:fs');
const path = require('node:path');
const { parseArgs } = require('node:util');
const api = require('../index.cjs');
const { formatText, formatSarif } = require('./format.js');
const { LOCALES, translator } = require('../src/i18n/index.js');

const EXIT_OK = 0;
const EXIT_PLAN_ERRORS = 1;
const EXIT_USAGE = 2;

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
  // Word documents and web pages are read by the same module; a legacy .doc is named as such.
  ...Object.fromEntries(['.docx', '.html', '.htm', '.doc'].map((extension) => [
    extension,
    (file, options) => require('../xlsx.cjs').validateFile(fs.readFileSync(file), { ...options, name: path.basename(file) }),
  ])),
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

function check(files, values, out, t) {
  const format = values.format ?? 'text';
  if (!['text', 'json', 'sarif'].includes(format)) throw new UsageError(t('unknownFormat', { format }));
  if (files.length === 0) throw new UsageError(t('needsFile'));
  const options = checkOptions(values);
  const results = [];
  let unreadable = false;
  for (const file of files) {
    const reader = READERS[path.extname(file).toLowerCase()];
    if (!reader) throw new UsageError(t('unsupportedType', { file, types: Object.keys(READERS).join(', ') }));
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
    out.write(`${JSON.stringify(formatSarif(results, require('../rules.json'), api.version(), { repository: require('../package.json').repository, locale: values.locale }), null, 2)}\n`);
  } else {
    out.write(formatText(results, { color: useColor(out), t }));
  }
  if (unreadable) return EXIT_USAGE;
  return results.some(({ report }) => !report.valid) ? EXIT_PLAN_ERRORS : EXIT_OK;
}

function milestone(words, values, out, t) {
  if (words.length === 0) throw new UsageError(t('needsText'));
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
    const when = reading.start || reading.end ? ` ${t('span', { start: reading.start ?? '…', end: reading.end ?? '…' })}` : '';
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

/** The CLI's texts in the `--locale` asked for (English by default). */
function texts(values) {
  const locale = values.locale ?? 'en';
  if (!LOCALES.includes(locale)) throw new UsageError(translator('en')('unknownLocale', { locale, locales: LOCALES.join(', ') }));
  return translator(locale);
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
  const t = texts(values);
  if (values.help) {
    out.write(`${t('usage')}\n`);
    return EXIT_OK;
  }
  if (values.version) {
    out.write(`${api.version()}\n`);
    return EXIT_OK;
  }
  const [command, ...rest] = positionals;
  switch (command) {
    case undefined:
      return check(bundledExamples(), values, out, t);
    case 'check':
      return check(rest, values, out, t);
    case 'milestone':
      return milestone(rest, values, out, t);
    case 'schema':
      out.write(`${JSON.stringify(api.schema(), null, 2)}\n`);
      return EXIT_OK;
    case 'profiles':
      return listProfiles(values, out, t);
    default:
      throw new UsageError(t('unknownCommand', { command: JSON.stringify(command) }));
  }
}

function listProfiles(values, out, t) {
  const all = api.profiles();
  if (values.json) {
    out.write(`${JSON.stringify(all, null, 2)}\n`);
    return EXIT_OK;
  }
  const width = Math.max(...all.map((profile) => profile.id.length));
  for (const [index, profile] of all.entries()) {
    const required = profile.categories.filter((category) => category.required).length;
    const title = profile.translations?.[values.locale]?.title ?? profile.title;
    const line = t('profileLine', { title, default: index === 0 ? t('default') : '', required, total: profile.categories.length });
    out.write(`${profile.id.padEnd(width)}  ${line}\n`);
  }
  return EXIT_OK;
}

/** The --locale of the command line when it names a catalogue, for errors raised before or while parsing it. */
function requestedLocale(argv) {
  const at = argv.indexOf('--locale');
  const given = at >= 0 ? argv[at + 1] : argv.find((arg) => arg.startsWith('--locale='))?.slice('--locale='.length);
  return LOCALES.includes(given) ? given : 'en';
}

try {
  process.exitCode = main(process.argv.slice(2), process.stdout);
} catch (error) {
  const usage = error instanceof UsageError || (error && error.code && String(error.code).startsWith('ERR_PARSE_ARGS'));
  process.stderr.write(`prevent-plan-check: ${error.message}\n${usage ? `${translator(requestedLocale(process.argv))('tryHelp')}\n` : ''}`);
  process.exitCode = EXIT_USAGE;
}
