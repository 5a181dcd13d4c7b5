// The public JS API, shared by the Node and browser entries.
//
// Everything from the caller is untrusted. Arguments are checked here and turned into
// JSON text, so the WASM core only ever sees strings: cycles, BigInt, functions and
// throwing getters fail in JSON.stringify, before they reach WASM, as an Error with a
// `code`. Content problems are never thrown: they come back in the report.

/**
 * Makes an `Error` with a stable `code`, like Node's own errors: a `TypeError` for an
 * argument of the wrong type, as Node's ERR_INVALID_ARG_TYPE is.
 */
function fail(code, message, cause) {
  const Kind = code === 'ERR_INVALID_ARG_TYPE' ? TypeError : Error;
  const error = new Kind(message, cause === undefined ? undefined : { cause });
  error.code = code;
  return error;
}

/** The error of an API call before `init()` has loaded the module (the `init` entry only). */
export function notInitialized() {
  return fail('ERR_NOT_INITIALIZED', 'prevent-plan-check is not initialised yet: await init() (or call initSync()) first');
}

/**
 * Whether `value` is a Date, from this realm or another (vm contexts, iframes, jsdom), where
 * `instanceof Date` is false: Date's own method accepts exactly Dates.
 */
function isDate(value) {
  if (typeof value !== 'object' || value === null) return false;
  try {
    Date.prototype.getTime.call(value);
    return true;
  } catch {
    return false;
  }
}

const LOCALES = new Set(['en', 'cy']);

// This wrapper's own error messages, in the language the options ask for (the core's come
// from its catalogues in src/messages). They live here, not in src/i18n, because this file
// is loaded as it is by the browser entry and copied to CommonJS: it can import nothing.
const ERROR_TEXTS = {
  en: {
    array: 'an array',
    object: 'an object',
    invalidDate: 'a Date given is invalid',
    notJsonValue: 'the plan holds a {type} at "{key}": only JSON values can be checked',
    notJson: '{what} cannot be read as JSON: {reason}',
    tooDeep: 'it is nested too deeply',
    plan: 'the plan',
    rows: 'the rows',
    options: 'options',
    optionsNotObject: 'options must be an object, not {value}',
    optionsUnreadable: 'options cannot be read: {reason}',
    unknownLocale: 'invalid option `locale`: {value} is not supported (use en or cy)',
    notString: '{name} must be a string, not {value}',
    notBytes: '{name} must be a Uint8Array or ArrayBuffer, not {value}',
    planNotObject: 'validate(plan): plan must be an object, not {value}',
    notRows: 'validateTable(rows): rows must be an array of rows (arrays of cells), not {value}',
    atRow: '{value} at row {row}',
    rowsUnreadable: 'validateTable(rows): the rows cannot be read: {reason}',
    revokedProxy: 'a revoked Proxy cannot be read: {reason}',
    unreadableValue: 'an unreadable value ({reason})',
    reportNotObject: 'summarize(report): report must be a report object that validate returned, not {value}',
    entriesNotArray: 'overview(entries): entries must be an array of {name, summary} or {name, error}, not {value}',
    report: 'the report',
    entries: 'the entries',
    notVersion: '{name} must be a plan (an object or JSON text), CSV text or rows of cells, not {value}',
    notWorkbookVersion: '{name} must be workbook bytes, a plan (an object or JSON text), CSV text or rows of cells, not {value}',
    unknownProfile: 'loadProfile(id): {id} is not a built-in profile (built-in profiles: {known})',
  },
  cy: {
    array: 'arae',
    object: 'gwrthrych',
    invalidDate: "Nid yw un o'r gwerthoedd Date a roddwyd yn ddilys",
    notJsonValue: 'Mae {type} yn y cynllun yn "{key}": dim ond gwerthoedd JSON y gellir eu gwirio',
    notJson: 'Ni ellir darllen {what} fel JSON: {reason}',
    tooDeep: "mae wedi'i nythu'n rhy ddwfn",
    plan: 'y cynllun',
    rows: 'y rhesi',
    options: 'yr opsiynau',
    optionsNotObject: 'options: rhaid iddo fod yn wrthrych, nid {value}',
    optionsUnreadable: 'Ni ellir darllen yr opsiynau: {reason}',
    unknownLocale: 'opsiwn annilys `locale`: nid yw {value} yn cael ei gefnogi (defnyddiwch en neu cy)',
    notString: '{name}: rhaid iddo fod yn llinyn, nid {value}',
    notBytes: '{name}: rhaid iddo fod yn Uint8Array neu ArrayBuffer, nid {value}',
    planNotObject: 'validate(plan): rhaid i plan fod yn wrthrych, nid {value}',
    notRows: 'validateTable(rows): rhaid i rows fod yn arae o resi (araeau o gelloedd), nid {value}',
    atRow: '{value} yn rhes {row}',
    rowsUnreadable: 'validateTable(rows): ni ellir darllen y rhesi: {reason}',
    revokedProxy: 'ni ellir darllen Proxy a ddirymwyd: {reason}',
    unreadableValue: 'gwerth na ellir ei ddarllen ({reason})',
    reportNotObject: "summarize(report): rhaid i report fod yn wrthrych adroddiad a roddodd validate, nid {value}",
    entriesNotArray: 'overview(entries): rhaid i entries fod yn arae o {name, summary} neu {name, error}, nid {value}',
    report: "yr adroddiad",
    entries: "y cofnodion",
    notVersion: '{name}: rhaid iddo fod yn gynllun (gwrthrych neu destun JSON), testun CSV neu resi o gelloedd, nid {value}',
    notWorkbookVersion: '{name}: rhaid iddo fod yn feitiau llyfr gwaith, yn gynllun (gwrthrych neu destun JSON), testun CSV neu resi o gelloedd, nid {value}',
    unknownProfile: "loadProfile(id): nid yw {id} yn broffil adeiledig (proffiliau adeiledig: {known})",
  },
};

/** The wrapper's error texts, by locale: for the test that both have the same keys. */
export function errorTexts() {
  return JSON.parse(JSON.stringify(ERROR_TEXTS));
}

/** `say(key, args)` in the locale `options` ask for; English when they cannot be read. */
function sayer(options) {
  let locale;
  try {
    locale = options?.locale;
  } catch {
    // A throwing getter: optionsJson reports it.
  }
  const texts = typeof locale === 'string' && Object.hasOwn(ERROR_TEXTS, locale) ? ERROR_TEXTS[locale] : ERROR_TEXTS.en;
  return (key, args = {}) => texts[key].replace(/\{(\w+)\}/g, (_, name) => String(args[name]));
}

function isoDay(date, say) {
  // Date's own methods: a Date of another realm, or one with its methods overwritten, reads the same.
  const time = Date.prototype.getTime.call(date);
  if (Number.isNaN(time)) throw fail('ERR_INVALID_ARG_TYPE', say('invalidDate'));
  const local = new Date(time);
  const pad = (n, width = 2) => String(n).padStart(width, '0');
  return `${pad(local.getFullYear(), 4)}-${pad(local.getMonth() + 1)}-${pad(local.getDate())}`;
}

/**
 * Rejects values JSON cannot carry instead of silently dropping them, and writes dates as
 * the calendar day the user sees (a `Date` for 31 March at midnight in London is
 * 30 March in UTC, which `toJSON` would give).
 */
function strictReplacer(say) {
  return function replace(key, value) {
    const original = this[key];
    if (isDate(original)) return isoDay(original, say);
    const type = typeof value;
    if (type === 'function' || type === 'symbol') {
      throw fail('ERR_INVALID_PLAN', say('notJsonValue', { type, key }));
    }
    return value;
  };
}

// Past this depth the replacer path decides (and reports cycles as it always did).
const PLAIN_DEPTH = 64;

/**
 * Whether `value` is plain data: objects with the ordinary prototype, arrays, strings,
 * numbers, booleans, null. Such a value needs no replacer, and JSON.stringify with a
 * replacer calls it for every value and leaves V8's fast path: for a plan of 1,000
 * actions that was more time than ajv's whole check. Anything else takes the replacer.
 */
function isPlainData(value, depth) {
  const type = typeof value;
  if (type !== 'object' || value === null) {
    return type === 'string' || type === 'number' || type === 'boolean' || type === 'undefined' || value === null;
  }
  if (depth > PLAIN_DEPTH) return false;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) if (!isPlainData(value[i], depth + 1)) return false;
    return true;
  }
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return false;
  for (const key in value) if (!isPlainData(value[key], depth + 1)) return false;
  return true;
}

function toJson(value, code, what, say) {
  let plain = false;
  try {
    plain = isPlainData(value, 0);
  } catch {
    // A throwing getter: the replacer path reports it.
  }
  try {
    return plain ? JSON.stringify(value) : JSON.stringify(value, strictReplacer(say));
  } catch (error) {
    if (error && error.code) throw error;
    const reason = error instanceof RangeError ? say('tooDeep') : String(error && error.message);
    throw fail(code, say('notJson', { what: say(what), reason }), error);
  }
}

function optionsJson(options, say) {
  if (options === undefined || options === null) return 'null';
  if (typeof options !== 'object' || isArray(options, say)) {
    throw fail('ERR_INVALID_ARG_TYPE', say('optionsNotObject', { value: describe(options, say) }));
  }
  let copy;
  try {
    copy = { ...options };
  } catch (error) {
    throw fail('ERR_INVALID_OPTION', say('optionsUnreadable', { reason: error && error.message }), error);
  }
  if (copy.locale !== undefined && copy.locale !== null && !LOCALES.has(copy.locale)) {
    throw fail('ERR_INVALID_OPTION', say('unknownLocale', { value: JSON.stringify(String(copy.locale)) }));
  }
  return toJson(copy, 'ERR_INVALID_OPTION', 'options', say);
}

/** `Array.isArray`, which throws for a revoked Proxy: that is a wrong argument too. */
function isArray(value, say) {
  try {
    return Array.isArray(value);
  } catch (error) {
    throw fail('ERR_INVALID_ARG_TYPE', say('revokedProxy', { reason: error && error.message }), error);
  }
}

function describe(value, say) {
  if (value === null) return 'null';
  if (isArray(value, say)) return say('array');
  return typeof value === 'object' ? say('object') : `${typeof value} ${String(value).slice(0, 40)}`;
}

function requireString(value, name, say) {
  if (typeof value !== 'string') {
    throw fail('ERR_INVALID_ARG_TYPE', say('notString', { name, value: describe(value, say) }));
  }
}

/** A TypeError with the text `key` names unless `value` is an object that is not an array. */
function requireObject(value, key, say) {
  if (typeof value !== 'object' || value === null || isArray(value, say)) {
    throw fail('ERR_INVALID_ARG_TYPE', say(key, { value: describe(value, say) }));
  }
}

// Calls into WASM. The core's errors say their code first ("ERR_INVALID_OPTION: ...").
// A trap is a bug: it is reported as ERR_INTERNAL, never as a bare WebAssembly.RuntimeError.
function call(fn, ...args) {
  try {
    return fn(...args);
  } catch (error) {
    if (typeof WebAssembly !== 'undefined' && error instanceof WebAssembly.RuntimeError) {
      throw fail('ERR_INTERNAL', `prevent-plan-check failed internally (${error.message}); please report this input`, error);
    }
    const message = String(error && error.message);
    const coded = /^(ERR_[A-Z_]+): ([^]*)$/.exec(message);
    throw coded ? fail(coded[1], coded[2], error) : fail('ERR_INTERNAL', message, error);
  }
}

const arrayBufferByteLength = Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, 'byteLength').get;

/** Whether `value` is an ArrayBuffer of any realm (its own getter accepts exactly those). */
function isArrayBuffer(value) {
  try {
    arrayBufferByteLength.call(value);
    return true;
  } catch {
    return false;
  }
}

/**
 * Bytes of a file as a Uint8Array, from a Uint8Array (or Node Buffer), ArrayBuffer or DataView,
 * of this realm or another (`ArrayBuffer.isView` and the brand checks do not use `instanceof`).
 */
function asBytes(bytes, name, say) {
  const wrongType = (value) => fail('ERR_INVALID_ARG_TYPE', say('notBytes', { name, value }));
  try {
    if (ArrayBuffer.isView(bytes)) return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (isArrayBuffer(bytes)) return new Uint8Array(bytes);
  } catch (error) {
    // A revoked Proxy throws here.
    throw wrongType(say('unreadableValue', { reason: error && error.message }));
  }
  throw wrongType(describe(bytes, say));
}

/**
 * The rows the importer reads: one row and one column past its limits, enough for its
 * `table-too-large` warning, so that a million-row range is not copied into WASM memory.
 * A missing row (a hole in a sparse array) is an empty row.
 */
function boundedRows(rows, { maxRows, maxColumns }, say) {
  const wrongType = (value) => fail('ERR_INVALID_ARG_TYPE', say('notRows', { value }));
  if (!isArray(rows, say)) throw wrongType(describe(rows, say));
  try {
    const count = Math.min(rows.length, maxRows + 1);
    const bounded = new Array(count);
    for (let index = 0; index < count; index += 1) {
      const row = rows[index] ?? [];
      if (!isArray(row, say)) throw wrongType(say('atRow', { value: describe(row, say), row: index + 1 }));
      bounded[index] = row.length > maxColumns + 1 ? row.slice(0, maxColumns + 1) : row;
    }
    return bounded;
  } catch (error) {
    if (error && error.code) throw error;
    throw fail('ERR_INVALID_ARG_TYPE', say('rowsUnreadable', { reason: error && error.message }), error);
  }
}

/**
 * Defines `key` on `target` as an enumerable property whose value `compute` gives when it is
 * first read; it then becomes a plain data property, so that the report reads, spreads,
 * clones and stringifies as plain data, in the order its keys were defined. Assigning it
 * first makes it a data property too. On a report frozen before the read, the getter stays
 * and keeps giving the one value.
 */
function defineLazy(target, key, compute) {
  let pending = compute;
  let value;
  const settle = (settled) => {
    pending = undefined;
    value = settled;
    Reflect.defineProperty(target, key, { value: settled, writable: true, enumerable: true, configurable: true });
  };
  Object.defineProperty(target, key, {
    get() {
      if (pending !== undefined) settle(pending());
      return value;
    },
    set(assigned) {
      settle(assigned);
    },
    enumerable: true,
    configurable: true,
  });
}

/** A line of the core's answer; one that does not parse is a bug, reported as ERR_INTERNAL. */
function parseLine(text) {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw fail('ERR_INTERNAL', `prevent-plan-check gave a report it cannot read (${error && error.message}); please report this input`, error);
  }
}

/**
 * Coverage evidence in the public shape, from the core's compact form: six numbers a piece
 * (action, field, phrase, span start and end, source), strings as indexes into `strings`,
 * action -1 for none. Key order as the public report writes it.
 */
function expandEvidence(flat, strings) {
  const count = Math.floor(flat.length / 6);
  const evidence = new Array(count);
  for (let piece = 0, at = 0; piece < count; piece += 1, at += 6) {
    const span = { start: flat[at + 3], end: flat[at + 4] };
    evidence[piece] = flat[at] < 0
      ? { field: strings[flat[at + 1]], phrase: strings[flat[at + 2]], span, source: strings[flat[at + 5]] }
      : { action: strings[flat[at]], field: strings[flat[at + 1]], phrase: strings[flat[at + 2]], span, source: strings[flat[at + 5]] };
  }
  return evidence;
}

/**
 * The coverage of the report: `coverageText` is the public shape with each category's
 * evidence compact. Only the `evidence` property of objects JSON.parse made is assigned
 * (a category id such as `__proto__` is an own key of the parsed object, never a prototype).
 */
function readCoverage(coverageText, stringsText) {
  const coverage = parseLine(coverageText);
  const strings = parseLine(stringsText);
  for (const id of Object.keys(coverage)) {
    const category = coverage[id];
    category.evidence = expandEvidence(category.evidence, strings);
  }
  return coverage;
}

/**
 * The report from what the core's report exports return (`Report::to_wire` in
 * src/report/json.rs): lines of JSON. The first two (`{valid, profile, issues, summary}` with
 * each hint as an index, and the hints) are read now; `plan` and `coverage`, in the lines
 * after them, when they are first read (until then the report holds the core's text). `report:
 * 'issues'` leaves those lines out, and the report has no `plan` and no `coverage`.
 */
export function readReport(wire) {
  const headEnd = wire.indexOf('\n');
  const hintsEnd = wire.indexOf('\n', headEnd + 1);
  const head = parseLine(wire.slice(0, headEnd));
  const hints = parseLine(hintsEnd < 0 ? wire.slice(headEnd + 1) : wire.slice(headEnd + 1, hintsEnd));
  const { issues } = head;
  for (let index = 0; index < issues.length; index += 1) {
    const issue = issues[index];
    if (issue.hint !== undefined) issue.hint = hints[issue.hint];
  }
  const report = { valid: head.valid, profile: head.profile };
  if (hintsEnd >= 0) {
    let parts;
    const part = (index) => {
      parts ??= wire.slice(hintsEnd + 1).split('\n');
      return parts[index];
    };
    defineLazy(report, 'plan', () => parseLine(part(0)));
    defineLazy(report, 'coverage', () => readCoverage(part(1), part(2)));
  }
  report.issues = issues;
  report.summary = head.summary;
  return report;
}

/** The core's limits (constants of the module), read once per module instance. */
const limitsOfCore = new WeakMap();
function coreLimits(core) {
  let known = limitsOfCore.get(core);
  if (known === undefined) {
    known = JSON.parse(call(core.limits));
    limitsOfCore.set(core, known);
  }
  return known;
}

/**
 * The `input-too-large` report for an input of `size` bytes over the byte limit, else
 * undefined: answered without copying the input into WASM memory, which would then stay
 * that large.
 */
function tooLarge(core, size, settings) {
  if (size <= coreLimits(core).maxInputBytes) return undefined;
  return readReport(call(core.input_too_large, size, settings));
}

/**
 * The size of `text` in UTF-8, as WASM receives it (a lone surrogate becomes U+FFFD, 3
 * bytes), when that is over `limit`; else 0. Counted without encoding the text, and only
 * when the answer is in doubt: each UTF-16 unit takes 1 to 3 bytes, so a text of at most
 * `limit / 3` units is under the limit and one of over `limit` units is over it (reported
 * at that lower bound). Counting UTF-16 units alone let 16 M characters of 3-byte text
 * (48 MB) be copied into WASM before being refused.
 */
function utf8SizeOver(text, limit) {
  if (text.length * 3 <= limit) return 0;
  if (text.length > limit) return text.length;
  let bytes = 0;
  for (let index = 0; index < text.length; index += 1) {
    const unit = text.charCodeAt(index);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && (text.charCodeAt(index + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      index += 1;
    } else bytes += 3;
  }
  return bytes > limit ? bytes : 0;
}

// Windows-1252's characters for bytes 0x80-0x9F (curly quotes, dashes, the euro sign). Node
// before 22 decodes "windows-1252" as Latin-1, which turns them into control characters.
const WINDOWS_1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

/** Byte order marks and the encodings they announce (the mark itself is dropped). */
const BYTE_ORDER_MARKS = [
  [[0xef, 0xbb, 0xbf], 'utf-8'],
  [[0xff, 0xfe], 'utf-16le'],
  [[0xfe, 0xff], 'utf-16be'],
];

/**
 * The text of a CSV, TSV or JSON file's bytes: in the encoding its byte order mark names
 * (Excel's "Unicode Text" is tab-separated UTF-16 LE with a mark), else UTF-8, else
 * Windows-1252, the encoding Excel on Windows uses for "CSV" files.
 */
export function decodeText(bytes) {
  for (const [mark, encoding] of BYTE_ORDER_MARKS) {
    if (mark.every((byte, index) => bytes[index] === byte)) {
      return new TextDecoder(encoding).decode(bytes.subarray(mark.length));
    }
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('latin1')
      .decode(bytes)
      .replace(/[\u0080-\u009f]/g, (c) => WINDOWS_1252_HIGH[c.charCodeAt(0) - 0x80]);
  }
}

/**
 * One version of a plan as the core's `compare` reads it, `[kind, text]`: `json` for an
 * object or text starting with `{`, `csv` for other text, `rows` for an array of rows, or
 * `tooLarge` past the input limit. Undefined when `input` is none of these.
 */
function versionOf(core, input, say) {
  const sized = (kind, text) => {
    const bytes = utf8SizeOver(text, coreLimits(core).maxInputBytes);
    return bytes ? ['tooLarge', String(bytes)] : [kind, text];
  };
  if (typeof input === 'string') return sized(/^\s*\{/.test(input) ? 'json' : 'csv', input);
  if (isArray(input, say)) return sized('rows', toJson(boundedRows(input, coreLimits(core), say), 'ERR_INVALID_ARG_TYPE', 'rows', say));
  if (typeof input === 'object' && input !== null) return sized('json', toJson(input, 'ERR_INVALID_PLAN', 'plan', say));
  return undefined;
}

/** Compares two versions, each `[kind, text]` for the core. */
function compareVersions(core, before, after, options, say) {
  return JSON.parse(call(core.compare, before[0], before[1], after[0], after[1], optionsJson(options, say)));
}

/**
 * Builds the API around the wasm-bindgen exports of one instantiated core module; plan texts
 * reach it as UTF-8 from `TextEncoder` (Node's entries pass `node:util`'s, which environments
 * such as jsdom leave in place when they remove the global one).
 */
export function createApi(core, { TextEncoder: Encoder = globalThis.TextEncoder } = {}) {
  let utf8; // the encoder of plan texts, made on first use

  function limits() {
    return { ...coreLimits(core) };
  }

  function checkText(check, text, options, say) {
    const settings = optionsJson(options, say);
    return tooLarge(core, utf8SizeOver(text, coreLimits(core).maxInputBytes), settings) ?? readReport(call(check, text, settings));
  }

  /**
   * The core's check of a plan's JSON text, which it takes as UTF-8: `TextEncoder` encodes
   * it natively (a lone surrogate becomes U+FFFD, as wasm-bindgen's own copy would make it),
   * far faster than the glue's loop over a string.
   */
  const validatePlanText = (text, settings) => core.validate_json((utf8 ??= new Encoder()).encode(text), settings);

  function validateJson(text, options) {
    const say = sayer(options);
    requireString(text, 'validateJson(text): text', say);
    return checkText(validatePlanText, text, options, say);
  }

  function validate(plan, options) {
    const say = sayer(options);
    requireObject(plan, 'planNotObject', say);
    return checkText(validatePlanText, toJson(plan, 'ERR_INVALID_PLAN', 'plan', say), options, say);
  }

  function validateTable(rows, options) {
    const say = sayer(options);
    const bounded = boundedRows(rows, coreLimits(core), say);
    return checkText(core.validate_rows, toJson(bounded, 'ERR_INVALID_ARG_TYPE', 'rows', say), options, say);
  }

  /** CSV or TSV as text, or as the file's bytes (decoded as `decodeText` does). */
  function validateCsv(text, options) {
    const say = sayer(options);
    if (typeof text === 'string') return checkText(core.validate_csv, text, options, say);
    let bytes;
    try {
      bytes = asBytes(text, 'validateCsv(text): text', say);
    } catch {
      requireString(text, 'validateCsv(text): text', say);
    }
    const oversized = tooLarge(core, bytes.byteLength, optionsJson(options, say));
    return oversized ?? checkText(core.validate_csv, decodeText(bytes), options, say);
  }

  function parseMilestone(text, options) {
    const say = sayer(options);
    requireString(text, 'parseMilestone(text): text', say);
    const settings = optionsJson(options, say);
    // No phrase is that long: answered without copying the text into WASM memory.
    if (text.length > coreLimits(core).maxCellChars) return { text, kind: 'unparsed', start: null, end: null };
    return JSON.parse(call(core.parse_milestone, text, settings));
  }

  function compare(before, after, options) {
    const say = sayer(options);
    const read = (input, name) => {
      const found = versionOf(core, input, say);
      if (found === undefined) throw fail('ERR_INVALID_ARG_TYPE', say('notVersion', { name, value: describe(input, say) }));
      return found;
    };
    return compareVersions(core, read(before, 'compare(before, after): before'), read(after, 'compare(before, after): after'), options, say);
  }

  let schemaCache;
  function schema() {
    schemaCache ??= call(core.schema);
    return JSON.parse(schemaCache);
  }

  function version() {
    return call(core.version);
  }

  let profilesCache;
  function profiles() {
    profilesCache ??= call(core.profiles);
    return JSON.parse(profilesCache);
  }

  function profileSchema() {
    return JSON.parse(call(core.profile_schema));
  }

  /**
   * The options of a summary without `format`, which the core takes as its own argument.
   * `json` (the default) answers with the summary as an object, other formats as text.
   */
  function summaryCall(fn, input, options, say) {
    const { format = 'json', ...rest } = JSON.parse(optionsJson(options, say)) ?? {};
    const text = call(fn, input, JSON.stringify(rest), String(format));
    return format === 'json' ? JSON.parse(text) : text;
  }

  function summarize(report, options) {
    const say = sayer(options);
    requireObject(report, 'reportNotObject', say);
    return summaryCall(core.summarize, toJson(report, 'ERR_INVALID_ARG_TYPE', 'report', say), options, say);
  }

  function overview(entries, options) {
    const say = sayer(options);
    if (!isArray(entries, say)) throw fail('ERR_INVALID_ARG_TYPE', say('entriesNotArray', { value: describe(entries, say) }));
    return summaryCall(core.overview, toJson(entries, 'ERR_INVALID_ARG_TYPE', 'entries', say), options, say);
  }

  return { validate, validateJson, validateTable, validateCsv, parseMilestone, summarize, overview, compare, schema, profiles, profileSchema, limits, version };
}

/**
 * The workbook entry's API: `reader` is the workbook module (`readFile`), which turns the
 * bytes of workbooks (.xlsx, .ods), Word documents (.docx) and web pages (.html) into
 * sheets; `core` (the core module's exports) reads every plan sheet and checks the plan.
 */
export function createWorkbookApi(reader, core) {
  /** The reader's answer for `data`, a file called `name` ('' when unknown). */
  function read(data, name) {
    return JSON.parse(call(reader.readFile, data, name));
  }

  /** `name` from the options, and the options without it (the core does not know it). */
  function splitName(options, say) {
    if (options === undefined || options === null || typeof options !== 'object') return { name: '', rest: options };
    let copy;
    try {
      copy = { ...options };
    } catch (error) {
      throw fail('ERR_INVALID_OPTION', say('optionsUnreadable', { reason: error && error.message }), error);
    }
    const { name = '', ...rest } = copy;
    if (typeof name !== 'string') throw fail('ERR_INVALID_OPTION', say('notString', { name: 'options.name', value: describe(name, say) }));
    return { name, rest };
  }

  function check(data, name, options, say) {
    const settings = optionsJson(options, say);
    const oversized = tooLarge(core, data.byteLength, settings);
    if (oversized) return oversized;
    const answer = read(data, name);
    if (answer.failure !== undefined) {
      const { kind, detail, format, part, limit } = answer.failure;
      return readReport(call(core.unread_file, String(kind), String(detail ?? format ?? part ?? ''), Number(limit ?? 0), settings));
    }
    if (answer.error !== undefined) return readReport(call(core.table_unreadable, String(answer.error), settings));
    // The same byte limit as every other way in, for what the reader hands the core.
    const sheets = JSON.stringify(answer.sheets);
    return tooLarge(core, sheets.length, settings) ?? readReport(call(core.validate_sheets, sheets, settings));
  }

  function validateWorkbook(bytes, options) {
    const say = sayer(options);
    return check(asBytes(bytes, 'validateWorkbook(bytes): bytes', say), '', options, say);
  }

  /** Checks any supported file: `options.name` is its file name ("plan.docx"). */
  function validateFile(bytes, options) {
    const say = sayer(options);
    const data = asBytes(bytes, 'validateFile(bytes): bytes', say);
    const { name, rest } = splitName(options, say);
    return check(data, name, rest, say);
  }

  /** Bytes as the `sheets` (or `unreadable`) version of the core's compare. */
  function workbookVersion(data) {
    if (data.byteLength > coreLimits(core).maxInputBytes) return ['tooLarge', String(data.byteLength)];
    const answer = read(data, '');
    if (answer.error !== undefined) return ['unreadable', String(answer.error)];
    const sheets = JSON.stringify(answer.sheets);
    return sheets.length > coreLimits(core).maxInputBytes ? ['tooLarge', String(sheets.length)] : ['sheets', sheets];
  }

  /** Compares two versions of a plan, each workbook bytes or anything `compare` takes. */
  function compareWorkbooks(before, after, options) {
    const say = sayer(options);
    const version = (input, name) => {
      let bytes;
      try {
        bytes = input instanceof ArrayBuffer || ArrayBuffer.isView(input);
      } catch {
        bytes = false;
      }
      const found = bytes ? workbookVersion(asBytes(input, name, say)) : versionOf(core, input, say);
      if (found === undefined) throw fail('ERR_INVALID_ARG_TYPE', say('notWorkbookVersion', { name, value: describe(input, say) }));
      return found;
    };
    return compareVersions(core, version(before, 'compareWorkbooks(before, after): before'), version(after, 'compareWorkbooks(before, after): after'), options, say);
  }

  /** The sheets of a workbook as rows of cell values, e.g. to show the table beside its report. */
  function readWorkbook(bytes) {
    return read(asBytes(bytes, 'readWorkbook(bytes): bytes', sayer()), '');
  }

  /** The tables of any supported file (a document's tables are sheets "Table 1", ...). */
  function readFile(bytes, options) {
    const say = sayer();
    const data = asBytes(bytes, 'readFile(bytes): bytes', say);
    return read(data, splitName(options, say).name);
  }

  return { validateWorkbook, validateFile, readWorkbook, readFile, compareWorkbooks };
}

/**
 * The built-in profiles of a module that compiles in only the default one (the form module):
 * the others are data, added to the module when loaded. `builtins` lists every built-in
 * profile, default first, without its categories; `read(id)` gives the text of its file
 * (`profiles/<id>.json`): synchronously in Node, as a promise in browsers.
 */
export function createProfiles(core, builtins, read) {
  let loaded; // the ids of the profiles whose data the module has
  let listed; // the module's `profiles()`, until a profile is added
  function loadedProfiles() {
    listed ??= call(core.profiles);
    return JSON.parse(listed);
  }
  function isLoaded(id) {
    loaded ??= new Set(loadedProfiles().map((profile) => profile.id));
    return loaded.has(id);
  }
  function add(id, text) {
    if (isLoaded(id)) return; // loaded by another call while this one read the file
    call(core.add_profile, id, text);
    loaded.add(id);
    listed = undefined;
  }

  /** Loads a built-in profile's data once, and resolves to the profile. */
  async function loadProfile(id, options) {
    const say = sayer(options);
    requireString(id, 'loadProfile(id): id', say);
    if (!builtins.some((profile) => profile.id === id)) {
      throw fail('ERR_INVALID_ARG_VALUE', say('unknownProfile', { id: JSON.stringify(id), known: builtins.map((profile) => profile.id).join(', ') }));
    }
    if (!isLoaded(id)) add(id, await read(id));
    return loadedProfiles().find((profile) => profile.id === id);
  }

  /** Every built-in profile, default first; one whose data is not loaded yet without its categories, `loaded: false`. */
  function profiles() {
    const data = loadedProfiles();
    return builtins.map((profile) => data.find((known) => known.id === profile.id) ?? { ...structuredClone(profile), loaded: false });
  }

  /** Every built-in profile in full, each loaded first (where `read` is synchronous). */
  function allProfiles() {
    for (const { id } of builtins) if (!isLoaded(id)) add(id, read(id));
    return loadedProfiles();
  }

  /**
   * `check` (validate or validateJson) that loads a built-in profile the report says is not
   * loaded yet and checks again: once per profile, where `read` is synchronous (Node).
   */
  function loadingProfiles(check) {
    return (input, options) => {
      const report = check(input, options);
      const unloaded = report.summary.errors > 0 && report.issues.some((issue) => issue.rule === 'profile-not-loaded');
      if (!unloaded) return report;
      add(report.profile, read(report.profile));
      return check(input, options);
    };
  }

  return { loadProfile, profiles, allProfiles, loadingProfiles };
}
