// Adapters from a report to the error shapes form libraries display at their fields.
//
// Form libraries already show JSON Schema errors in ajv's shape; a report's issue carries
// the JSON Pointer of the field concerned, which is ajv's `instancePath`. So every issue
// becomes an ajv-shaped error, and the library-specific helpers are small views of that.
// Pure functions of the report: no WASM, no library imported here.

/** Decodes the segments of a JSON Pointer (RFC 6901): "/a~1b/0" -> ["a/b", "0"]. */
function pointerSegments(pointer) {
  if (typeof pointer !== 'string' || pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Keys through which `object[key]` reaches a prototype rather than the object's own data. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * The keys of a JSON Pointer that are safe to walk or build an object tree with: its
 * segments up to (not including) the first that names a prototype (`__proto__`,
 * `constructor`, `prototype`) or one of `reserved`. The report's paths name only the plan
 * schema's fields; this keeps a tree safe whatever report it is given.
 */
export function pointerKeys(pointer, reserved = []) {
  const keys = [];
  for (const segment of pointerSegments(pointer)) {
    if (PROTOTYPE_KEYS.has(segment) || reserved.includes(segment)) break;
    keys.push(segment);
  }
  return keys;
}

/** The report's issues, or an Error for anything that is not a report. */
function issuesOf(report) {
  if (!report || !Array.isArray(report.issues)) {
    const error = new TypeError('expected a report from validate(), with an `issues` array');
    error.code = 'ERR_INVALID_ARG_TYPE';
    throw error;
  }
  return report.issues;
}

/**
 * The report's issues as ajv errors: `instancePath` is the issue's JSON Pointer, `keyword`
 * its rule id, and `params` carries the rest (`rule`, `severity`, `action`, `cell`, ...).
 */
export function toAjvErrors(report) {
  return issuesOf(report).map((issue) => {
    const params = { rule: issue.rule, severity: issue.severity };
    for (const key of ['action', 'cell', 'sheet', 'line', 'column', 'span', 'hint']) {
      if (issue[key] !== undefined) params[key] = issue[key];
    }
    return {
      instancePath: issue.path || '',
      schemaPath: `docs/rules/${issue.rule}.md`,
      keyword: issue.rule,
      params,
      message: issue.message,
    };
  });
}

/** JSON Forms: the value for `<JsonForms additionalErrors={...}>`. */
export function jsonFormsAdditionalErrors(report) {
  return toAjvErrors(report);
}

/** The key under which react-jsonschema-form keeps a field's errors. */
const RJSF_ERRORS = '__errors';

/**
 * react-jsonschema-form: the value for `<Form extraErrors={...}>`, an ErrorSchema tree
 * (`{sections: {0: {actions: {1: {leads: {__errors: [...]}}}}}}`). Issues about the whole
 * plan go in the root's `__errors`.
 */
export function rjsfExtraErrors(report) {
  const tree = {};
  for (const issue of issuesOf(report)) {
    // Own properties only: `node[key] ??= {}` walked `toString` into a function and
    // `__proto__` into Object.prototype (issue 17).
    let node = tree;
    for (const key of pointerKeys(issue.path, [RJSF_ERRORS])) {
      if (!Object.hasOwn(node, key)) node[key] = {};
      node = node[key];
    }
    if (!Object.hasOwn(node, RJSF_ERRORS)) node[RJSF_ERRORS] = [];
    node[RJSF_ERRORS].push(issue.message);
  }
  return tree;
}

/** react-jsonschema-form's dotted property path: "/sections/0/leads" -> ".sections.0.leads". */
function rjsfProperty(pointer) {
  return pointerKeys(pointer, [RJSF_ERRORS])
    .map((segment) => `.${segment}`)
    .join('');
}

/** The report's issues as react-jsonschema-form validation errors (`RJSFValidationError`). */
export function rjsfErrors(report) {
  return toAjvErrors(report).map((error) => {
    const property = rjsfProperty(error.instancePath);
    return {
      name: error.keyword,
      property,
      message: error.message,
      params: error.params,
      stack: `${property} ${error.message}`,
      schemaPath: error.schemaPath,
    };
  });
}

/**
 * react-jsonschema-form: a `transformErrors` that adds the report's issues to the form's
 * own errors (RJSF gives `transformErrors` no form data: keep the latest report in state).
 */
export function rjsfTransformErrors(report) {
  const extra = rjsfErrors(report);
  return (errors) => errors.concat(extra);
}

/**
 * react-jsonschema-form: a `customValidate` adding the issues of `check(formData)` at their
 * fields (or, for a field the form data does not have, at its nearest parent).
 */
export function rjsfCustomValidate(check) {
  return (formData, errors) => {
    for (const issue of issuesOf(check(formData))) {
      let node = errors;
      for (const key of pointerKeys(issue.path, [RJSF_ERRORS])) {
        if (!Object.hasOwn(node, key) || typeof node[key]?.addError !== 'function') break;
        node = node[key];
      }
      node.addError(issue.message);
    }
    return errors;
  };
}
