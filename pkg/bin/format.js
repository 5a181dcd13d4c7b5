'use strict';
// Report formatters of the CLI: stylish text (like ESLint's) and SARIF 2.1.0.

const { createHash } = require('node:crypto');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const { translator } = require('../src/i18n/index.js');
const { jsonPositions } = require('./json-positions.js');

// C0 and C1 control characters (ESC starts the terminal's escape sequences, a newline could
// fake a line of output), and the bidirectional overrides that reorder what is shown.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text from a plan, a file name or an error message, safe to print on a terminal: every
 * control character is shown escaped (`\x1b`, `\n`), as JSON and SARIF output already do.
 */
function escapeControl(text) {
  return String(text).replace(CONTROL, (char) => {
    const named = { '\n': '\\n', '\r': '\\r', '\t': '\\t' }[char];
    if (named) return named;
    const code = char.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

const SEVERITY_ORDER = ['error', 'warning', 'info'];

const paint = (on, code) => (text) => (on ? `\u001b[${code}m${text}\u001b[0m` : text);

/** Where an issue is, in the words a person looks for: a cell, a line, a field (escaped). */
function location(issue, t = translator('en')) {
  // A document's table: "Table 2, row 5, column 3", as a Word user counts.
  if (issue.location?.label) return escapeControl(issue.location.label);
  if (issue.cell) return escapeControl(issue.sheet ? `${issue.sheet}!${issue.cell}` : issue.cell);
  if (issue.line !== undefined) return `${issue.line}:${issue.column ?? 0}`;
  return escapeControl(issue.path || t('wholePlan'));
}

/**
 * `t` gives the CLI's texts in the chosen language (English by default). Everything from a
 * plan or a file name is printed with its control characters escaped.
 */
function formatText(results, { color = false, t = translator('en') } = {}) {
  const style = {
    file: paint(color, 4),
    error: paint(color, 31),
    warning: paint(color, 33),
    info: paint(color, 36),
    dim: paint(color, 2),
    bold: paint(color, 1),
  };
  const totals = { error: 0, warning: 0, info: 0 };
  let out = '';
  for (const { file, report } of results) {
    if (report.issues.length === 0) continue;
    out += `\n${style.file(escapeControl(file))}\n`;
    const rows = report.issues.map((issue) => [location(issue, t), issue.severity, escapeControl(issue.message), escapeControl(issue.rule)]);
    // Folds, not Math.max(...list): a list spread into arguments overflows the stack.
    const width = rows.reduce((widest, [where]) => Math.max(widest, where.length), 0);
    const severityWidth = rows.reduce((widest, [, severity]) => Math.max(widest, t(severity).length), 0);
    for (const [where, severity, message, rule] of rows) {
      totals[severity] += 1;
      out += `  ${style.dim(where.padEnd(width))}  ${style[severity](t(severity).padEnd(severityWidth))}  ${message}  ${style.dim(rule)}\n`;
    }
  }
  const problems = totals.error + totals.warning + totals.info;
  const plans = t('plans', { count: results.length });
  if (problems === 0) return `${t('noProblems', { plans })}\n`;
  const mark = totals.error > 0 ? style.error('✖') : style.warning('⚠');
  const counts = SEVERITY_ORDER.map((severity) => t(`${severity}s`, { count: totals[severity] })).join(', ');
  const total = t('total', { problems: t('problems', { count: problems }), counts });
  return `${out}\n${mark} ${style.bold(total)}${t('totalPlans', { plans })}\n`;
}

const SARIF_LEVEL = { error: 'error', warning: 'warning', info: 'note' };

/** A markdown section of rules.json as one line of plain text. */
function plain(markdown) {
  return markdown.replace(/`/g, '').replace(/\s+/g, ' ').trim();
}

/** `milestone-outside-period` -> `MilestoneOutsidePeriod`, SARIF's readable rule name. */
function ruleName(id) {
  return id.replace(/(^|-)([a-z])/g, (_, __, letter) => letter.toUpperCase());
}

/** Base URL of the repository (package.json `repository`), where the rule pages live. */
function repositoryUrl(repository) {
  const url = typeof repository === 'string' ? repository : repository?.url;
  if (!url) return undefined;
  return url.replace(/^git\+/, '').replace(/\.git$/, '');
}

/** SARIF reportingDescriptor of one rule of rules.json; the summary in `locale` where rules.json has it. */
function sarifRule(rule, repository, locale) {
  const descriptor = {
    id: rule.id,
    name: ruleName(rule.id),
    shortDescription: { text: rule.translations?.[locale]?.summary ?? rule.summary },
    fullDescription: { text: plain(rule.whatItChecks), markdown: rule.whatItChecks },
    help: { text: plain(rule.howToFix), markdown: rule.doc },
    defaultConfiguration: { level: SARIF_LEVEL[rule.severity] },
    properties: { page: rule.page },
  };
  const base = repositoryUrl(repository);
  if (base) descriptor.helpUri = `${base}/blob/main/${rule.page}`;
  return descriptor;
}

/** Where in the plan: the cell ("Plan!D7") for tables, and the field's JSON Pointer. */
function logicalLocations(issue) {
  const found = [];
  if (issue.location?.label) {
    const { table, row, column, paragraph } = issue.location;
    const name = paragraph === undefined ? `row ${row}, column ${column}` : `paragraph ${paragraph}`;
    found.push({ name, fullyQualifiedName: `table ${table}/${name}`, kind: 'table' });
  } else if (issue.cell) {
    found.push({ name: issue.cell, fullyQualifiedName: issue.sheet ? `${issue.sheet}!${issue.cell}` : issue.cell, kind: 'cell' });
  }
  const pointer = issue.path || '';
  found.push({ name: pointer.split('/').pop() || '/', fullyQualifiedName: pointer || '/', kind: 'jsonPointer' });
  return found;
}

/**
 * The artifact URI of a file as shown: relative paths with each segment percent-encoded
 * (a space is %20, `#` is %23), absolute paths as `file:` URLs.
 */
function artifactUri(file) {
  if (path.isAbsolute(file)) return pathToFileURL(file).href;
  return file.split(/[\\/]/).map(encodeURIComponent).join('/');
}

/**
 * A fingerprint that survives edits elsewhere in the plan: the rule, the file, where (the
 * action's id, else the cell or the field) and the message, hashed.
 */
function fingerprint(file, issue) {
  const where = issue.action ?? (issue.cell ? `${issue.sheet ?? ''}!${issue.cell}` : issue.path);
  return createHash('sha256').update([issue.rule, file, where, issue.message].join('\u0000')).digest('hex');
}

/**
 * The region of an issue in its file: syntax errors carry their line; issues of JSON plans
 * get the line and column of their field (`positions`, from the file's text); issues of
 * delimited tables the line of their cell's row; anything else (workbooks, a plan read from
 * a source no longer at hand) the first line, as code-scanning tools need a region.
 */
function region(issue, positions, delimited) {
  if (issue.line !== undefined) return { startLine: issue.line, startColumn: issue.column ?? 1 };
  const place = positions?.get(issue.path ?? '');
  if (place) return { startLine: place.line, startColumn: place.column };
  const row = delimited && issue.cell ? /[0-9]+$/.exec(issue.cell) : null;
  return { startLine: row ? Number(row[0]) : 1 };
}

/**
 * SARIF 2.1.0 log of the checked files. `rules` is the package's rules.json;
 * `repository` (package.json's field) gives each rule a `helpUri`; `locale` ("cy") picks the
 * rules' translated summaries; `sources` (file -> text read) places the results of JSON plans.
 */
function formatSarif(results, rules, version, { repository, locale, sources = new Map() } = {}) {
  const index = new Map(rules.map((rule, position) => [rule.id, position]));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'prevent-plan-check',
            version,
            informationUri: repositoryUrl(repository) ?? 'https://www.npmjs.com/package/prevent-plan-check',
            rules: rules.map((rule) => sarifRule(rule, repository, locale)),
          },
        },
        results: results.flatMap(({ file, report }) => {
          const text = sources.get(file);
          const json = text !== undefined && !/\.(csv|tsv)$/i.test(file) && /^\s*[{[]/.test(text);
          const positions = json ? jsonPositions(text, report.issues.map((issue) => issue.path ?? '')) : undefined;
          const delimited = /\.(csv|tsv)$/i.test(file);
          const uri = artifactUri(file);
          return report.issues.map((issue) => {
            const physicalLocation = { artifactLocation: { uri }, region: region(issue, positions, delimited) };
            const result = {
              ruleId: issue.rule,
              level: SARIF_LEVEL[issue.severity],
              message: { text: issue.hint ? `${issue.message}. ${issue.hint}` : issue.message },
              locations: [{ physicalLocation, logicalLocations: logicalLocations(issue) }],
              partialFingerprints: { 'preventPlanCheck/v1': fingerprint(file, issue) },
            };
            if (index.has(issue.rule)) result.ruleIndex = index.get(issue.rule);
            if (issue.action !== undefined) result.properties = { action: issue.action };
            return result;
          });
        }),
      },
    ],
  };
}

/**
 * Characters JSON may carry raw that a terminal or editor acts on: DEL and the C1 controls
 * (U+009B is CSI in 8-bit terminals), line and paragraph separators, and the bidirectional
 * controls that reorder what is shown (Trojan Source). `JSON.stringify` escapes only C0.
 */
const UNSAFE_IN_JSON = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** `value` as pretty JSON, with every character a terminal could act on escaped (`\u009b`). */
function formatJson(value, indent = 2) {
  return JSON.stringify(value, null, indent).replace(UNSAFE_IN_JSON, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

module.exports = { formatText, formatSarif, formatJson, location, escapeControl };
