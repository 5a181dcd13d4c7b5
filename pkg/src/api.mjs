// The public JS API, shared by the Node and browser entries.
//
// Everything from the caller is untrusted. Arguments are checked here and turned into
// JSON text, so the WASM core only ever sees strings: cycles, BigInt, functions and
// throwing getters fail in JSON.stringify, before they reach WASM, as an Error with a
// `code`. Content problems are never thrown: they come back in the report.

/** Makes an `Error` with a stable `code`, like Node's own errors. */
function fail(code, message, cause) {
  const error = new Error(message, cause === undefined ? undefined : { cause });
  error.code = code;
  return error;
}

const LOCALES = new Set(['en', 'cy']);

function isoDay(date) {
  if (Number.isNaN(date.getTime())) throw fail('ERR_INVALID_OPTION', 'invalid option `asOf`: the Date is invalid');
  const pad = (n, width = 2) => String(n).padStart(width, '0');
  return `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Rejects values JSON cannot carry instead of silently dropping them. */
function strictReplacer(key, value) {
  const type = typeof value;
  if (type === 'function' || type === 'symbol') {
    throw fail('ERR_INVALID_PLAN', `the plan holds a ${type} at "${key}": only JSON values can be checked`);
  }
  return value;
}

function toJson(value, code, what) {
  try {
    return JSON.stringify(value, strictReplacer);
  } catch (error) {
    if (error && error.code) throw error;
    const reason = error instanceof RangeError ? 'it is nested too deeply' : String(error && error.message);
    throw fail(code, `${what} cannot be read as JSON: ${reason}`, error);
  }
}

function optionsJson(options) {
  if (options === undefined || options === null) return 'null';
  if (typeof options !== 'object' || Array.isArray(options)) {
    throw fail('ERR_INVALID_ARG_TYPE', `options must be an object, not ${describe(options)}`);
  }
  let copy;
  try {
    copy = { ...options };
  } catch (error) {
    throw fail('ERR_INVALID_OPTION', `options cannot be read: ${error && error.message}`, error);
  }
  if (copy.asOf instanceof Date) copy.asOf = isoDay(copy.asOf);
  if (copy.locale !== undefined && copy.locale !== null && !LOCALES.has(copy.locale)) {
    throw fail('ERR_INVALID_OPTION', `invalid option \`locale\`: ${JSON.stringify(String(copy.locale))} is not supported (use en or cy)`);
  }
  return toJson(copy, 'ERR_INVALID_OPTION', 'options');
}

function describe(value) {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value).slice(0, 40)}`;
}

function requireString(value, name) {
  if (typeof value !== 'string') {
    throw fail('ERR_INVALID_ARG_TYPE', `${name} must be a string, not ${describe(value)}`);
  }
}

/**
 * Builds the API around the wasm-bindgen exports (`validate_json`, `input_too_large`,
 * `parse_milestone`, `schema`, `rules`, `limits`, `version`) of one instantiated module.
 */
export function createApi(core) {
  // Calls into WASM; an error thrown by the core means a bad option. A trap is a bug: it
  // is reported as ERR_INTERNAL rather than as a bare WebAssembly.RuntimeError.
  function call(fn, ...args) {
    try {
      return fn(...args);
    } catch (error) {
      if (typeof WebAssembly !== 'undefined' && error instanceof WebAssembly.RuntimeError) {
        throw fail('ERR_INTERNAL', `prevent-plan-check failed internally (${error.message}); please report this input`, error);
      }
      throw fail('ERR_INVALID_OPTION', String(error && error.message), error);
    }
  }

  let limitsCache;
  function limits() {
    limitsCache ??= JSON.parse(call(core.limits));
    return { ...limitsCache };
  }

  function checkText(text, options) {
    const settings = optionsJson(options);
    // A UTF-16 length over the byte limit is over it in UTF-8 too: answer without
    // copying the text into WASM memory, which would then stay that large.
    if (text.length > limits().maxInputBytes) {
      return JSON.parse(call(core.input_too_large, text.length, settings));
    }
    return JSON.parse(call(core.validate_json, text, settings));
  }

  function validateJson(text, options) {
    requireString(text, 'validateJson(text): text');
    return checkText(text, options);
  }

  function validate(plan, options) {
    if (typeof plan !== 'object' || plan === null || Array.isArray(plan)) {
      throw fail('ERR_INVALID_ARG_TYPE', `validate(plan): plan must be an object, not ${describe(plan)}`);
    }
    return checkText(toJson(plan, 'ERR_INVALID_PLAN', 'the plan'), options);
  }

  function parseMilestone(text, options) {
    requireString(text, 'parseMilestone(text): text');
    return JSON.parse(call(core.parse_milestone, text, optionsJson(options)));
  }

  let schemaCache;
  function schema() {
    schemaCache ??= call(core.schema);
    return JSON.parse(schemaCache);
  }

  let rulesCache;
  function rules() {
    rulesCache ??= call(core.rules);
    return JSON.parse(rulesCache);
  }

  function version() {
    return call(core.version);
  }

  return { validate, validateJson, parseMilestone, schema, rules, limits, version };
}
