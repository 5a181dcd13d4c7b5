#!/usr/bin/env node
'use strict';
// The prevent-plan-check command line: see `prevent-plan-check --help`. Each subcommand is a
// module exporting `run(args, values, io, t)` (its exit status, or a promise of it) and the
// `options` it adds; shared options, texts and file reading are in ./cli.js.

const fs = require('node:fs');
const path = require('node:path');
const { parseArgs } = require('node:util');
const api = require('../index.cjs');
const cli = require('./cli.js');
const { escapeControl, formatJson } = require('./format.js');
const { LOCALES, translator } = require('../src/i18n/index.js');

/** The subcommands: add one line here for a new one. */
const COMMANDS = {
  check: require('./check.js'),
  milestone: require('./milestone.js'),
  schema: { run: (args, values, io) => writeJson(values, api.schema(), io) },
  profiles: require('./profiles.js'),
  compare: require('./compare.js'),
  summary: require('./summary.js'),
};

function writeJson(values, value, io) {
  cli.writeOutput(values, `${formatJson(value)}\n`, io.out);
  return cli.EXIT_OK;
}

/** With no command: the bundled example plans are checked. */
function checkExamples(values, io, t) {
  const folder = path.join(__dirname, '..', 'examples');
  const inputs = fs
    .readdirSync(folder)
    .filter((name) => cli.EXTENSIONS.includes(path.extname(name)))
    .sort()
    .map((name) => ({ name: cli.displayName(path.join(folder, name)), file: path.join(folder, name) }));
  return COMMANDS.check.checkInputs({ inputs, problems: [], several: true }, values, io, t);
}

const OPTIONS = Object.assign({}, cli.COMMON_OPTIONS, ...Object.values(COMMANDS).map((command) => command.options ?? {}));

async function main(argv, io) {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, strict: true, options: OPTIONS });
  const t = cli.texts(values);
  if (values.help) {
    io.out.write(`${t('usage')}\n`);
    return cli.EXIT_OK;
  }
  if (values.version) {
    io.out.write(`${api.version()}\n`);
    return cli.EXIT_OK;
  }
  const [name, ...rest] = positionals;
  if (name === undefined) return checkExamples(values, io, t);
  if (!Object.hasOwn(COMMANDS, name)) throw new cli.UsageError(t('unknownCommand', { command: escapeControl(JSON.stringify(name)) }));
  return COMMANDS[name].run(rest, values, io, t);
}

/** The --locale of the command line when it names a catalogue, for errors raised before or while parsing it. */
function requestedLocale(argv) {
  const at = argv.indexOf('--locale');
  const given = at >= 0 ? argv[at + 1] : argv.find((arg) => arg.startsWith('--locale='))?.slice('--locale='.length);
  return LOCALES.includes(given) ? given : 'en';
}

main(process.argv.slice(2), { out: process.stdout, err: process.stderr, stdin: process.stdin }).then(
  (status) => {
    process.exitCode = status;
  },
  (error) => {
    const usage = error instanceof cli.UsageError || (error && error.code && String(error.code).startsWith('ERR_PARSE_ARGS'));
    const message = `prevent-plan-check: ${escapeControl(error && error.message)}\n`;
    process.stderr.write(`${message}${usage ? `${translator(requestedLocale(process.argv))('tryHelp')}\n` : ''}`);
    process.exitCode = cli.EXIT_USAGE;
  },
);
