'use strict';
// How the CLI reads plan files into reports: shared by the commands and the summary's
// worker threads, which load it each with their own instance of the core.

const fs = require('node:fs');
const path = require('node:path');
const api = require('../index.cjs');

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

module.exports = { READERS, displayName, readText };
