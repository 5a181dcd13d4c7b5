'use strict';
// What the subcommands share: exit codes, options, texts, and reading the files a command
// line names (plain files, folders, globs, `-` for standard input), each checked for its
// type and size before it is read, so that a FIFO, a device or a huge file is reported and
// the other files are still checked.

const fs = require('node:fs');
const path = require('node:path');
const { LOCALES, translator } = require('../src/i18n/index.js');
const { escapeControl } = require('./format.js');
// UTF-8, UTF-16 by byte order mark (Excel's "Unicode Text"), else Windows-1252: as the API reads bytes.
const { decodeText } = require('../dist/api.cjs');
const { expand, isGlob } = require('./glob.js');

const EXIT_OK = 0;
const EXIT_PLAN_ERRORS = 1;
const EXIT_USAGE = 2;

/** A mistake on the command line: printed with "Try --help", exit 2. */
class UsageError extends Error {}

/** Options every subcommand accepts (node:util parseArgs specs). */
const COMMON_OPTIONS = {
  locale: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
  output: { type: 'string', short: 'o' },
};

/** The options of a check (`--profile`, `--period`, `--as-of`, `--locale`) as the API's options. */
function checkOptions(values) {
  const options = {};
  if (values.profile !== undefined) options.profile = values.profile;
  if (values.period !== undefined) options.period = values.period;
  if (values['as-of'] !== undefined) options.asOf = values['as-of'];
  if (values.locale !== undefined) options.locale = values.locale;
  return options;
}

// The API names its options as JS does; on the command line they are flags.
const FLAGS = { asOf: '--as-of', profile: '--profile', period: '--period', locale: '--locale', origin: '--origin' };

/** An ERR_INVALID_OPTION of the API as a usage error that names the flag, not the JS option. */
function optionError(error) {
  return new UsageError(String(error.message).replace(/`(\w+)`/g, (whole, name) => (FLAGS[name] ? `\`${FLAGS[name]}\`` : whole)));
}

/** The CLI's texts in the `--locale` asked for (English by default). */
function texts(values) {
  const locale = values.locale ?? 'en';
  if (!LOCALES.includes(locale)) throw new UsageError(translator('en')('unknownLocale', { locale, locales: LOCALES.join(', ') }));
  return translator(locale);
}

/**
 * The file kinds a check reads, by extension. A legacy Word file (.doc) is answered with a
 * report that says to save it as .docx, so that a folder sweep names it instead of passing over it.
 */
const EXTENSIONS = ['.json', '.csv', '.tsv', '.xlsx', '.ods', '.docx', '.html', '.htm', '.doc'];

/** Files under the working directory are shown relative to it, as ESLint does. */
function displayName(file) {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}

/** The plan files of a folder and its subfolders (dot folders and node_modules passed over), sorted. */
function filesIn(folder) {
  const found = [];
  const pending = [folder];
  while (pending.length > 0) {
    const current = pending.pop();
    for (const entry of fs.readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) {
        if (!entry.name.startsWith('.') && entry.name !== 'node_modules') pending.push(full);
      } else if (EXTENSIONS.includes(path.extname(entry.name).toLowerCase())) {
        found.push(full);
      }
    }
  }
  return found.sort();
}

/**
 * The inputs named on the command line, in order: `{ name, file }` for files, `{ name: '-',
 * stdin: true }` for standard input; `problems` lists arguments that name nothing (missing
 * files, globs that match nothing, folders without plans), each a message for the user.
 * `several` says whether the arguments could name more than one plan (a folder or a glob).
 */
function collectInputs(args, t) {
  const inputs = [];
  const problems = [];
  let several = args.length > 1;
  const seen = new Set();
  const add = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    inputs.push({ name: displayName(file), file });
  };
  for (const arg of args) {
    if (arg === '-') {
      if (seen.has('-')) throw new UsageError(t('stdinTwice'));
      seen.add('-');
      inputs.push({ name: '-', stdin: true });
      continue;
    }
    const stat = fs.statSync(arg, { throwIfNoEntry: false });
    if (stat?.isDirectory()) {
      several = true;
      const found = filesIn(arg);
      if (found.length === 0) problems.push(t('noPlansIn', { folder: arg, types: EXTENSIONS.join(', ') }));
      found.forEach(add);
    } else if (!stat && isGlob(arg)) {
      several = true;
      const found = expand(arg).filter((file) => EXTENSIONS.includes(path.extname(file).toLowerCase()));
      if (found.length === 0) problems.push(t('noMatch', { pattern: arg }));
      found.forEach(add);
    } else if (!EXTENSIONS.includes(path.extname(arg).toLowerCase())) {
      throw new UsageError(t('unsupportedType', { file: escapeControl(arg), types: EXTENSIONS.join(', ') }));
    } else if (!stat && !fs.lstatSync(arg, { throwIfNoEntry: false })) {
      problems.push(t('noSuchFile', { file: arg }));
    } else {
      add(path.resolve(arg));
    }
  }
  return { inputs, problems, several };
}

/** A file that cannot be read as a plan: reported with its name, exit 2, the others go on. */
class InputError extends Error {}

/**
 * The bytes of a plan file, at most `limit` + 1 of them (enough to know it is too large).
 * Only a regular file is read: it is opened without blocking (a FIFO would wait for a
 * writer) and checked by the open descriptor, so a symlink to /dev/zero is refused too.
 */
function readFileBounded(file, limit, t) {
  let descriptor;
  try {
    descriptor = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  } catch (error) {
    throw new InputError(t('unreadable', { file, reason: error.code === 'ENOENT' ? t('noSuchFileReason') : error.message }));
  }
  try {
    const stat = fs.fstatSync(descriptor);
    if (!stat.isFile()) throw new InputError(t('notRegular', { file }));
    if (stat.size > limit) throw new InputError(t('tooLarge', { file, size: stat.size, limit }));
    const bytes = Buffer.alloc(stat.size + 1);
    let length = 0;
    for (;;) {
      const read = fs.readSync(descriptor, bytes, length, bytes.length - length, null);
      if (read === 0) break;
      length += read;
      if (length === bytes.length) throw new InputError(t('tooLarge', { file, size: `${length}+`, limit })); // it grew while read
    }
    return bytes.subarray(0, length);
  } finally {
    fs.closeSync(descriptor);
  }
}

/** Standard input, at most `limit` bytes, else an InputError. */
async function readStdinBounded(limit, t, stdin = process.stdin) {
  const chunks = [];
  let length = 0;
  for await (const chunk of stdin) {
    length += chunk.length;
    if (length > limit) throw new InputError(t('tooLarge', { file: '-', size: `${length}+`, limit }));
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/**
 * Writes a command's output: to `--output FILE` when given (created or replaced), else to
 * `out` (standard output).
 */
function writeOutput(values, text, out) {
  if (values.output === undefined) out.write(text);
  else fs.writeFileSync(values.output, text);
}

module.exports = {
  EXIT_OK,
  EXIT_PLAN_ERRORS,
  EXIT_USAGE,
  COMMON_OPTIONS,
  EXTENSIONS,
  UsageError,
  InputError,
  checkOptions,
  optionError,
  texts,
  collectInputs,
  readFileBounded,
  readStdinBounded,
  decodeText,
  displayName,
  writeOutput,
};
