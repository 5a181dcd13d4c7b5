'use strict';
// Report formatters of the CLI: stylish text (like ESLint's) and SARIF 2.1.0.

const path = require('node:path');
const { translator } = require('../src/i18n/index.js');

const SEVERITY_ORDER = ['error', 'warning', 'info'];

const paint = (on, code) => (text) => (on ? `\u001b[${code}m${text}\u001b[0m` : text);

/** Where an issue is, in the words a person looks for: a cell, a line, a field. */
function location(issue, t = translator('en')) {
  // A document's table: "Table 2, row 5, column 3", as a Word user counts.
  if (issue.location?.label) return issue.location.label;
  if (issue.cell) return issue.sheet ? `${issue.sheet}!${issue.cell}` : issue.cell;
  if (issue.line !== undefined) return `${issue.line}:${issue.column ?? 0}`;
  return issue.path || t('wholePlan');
}

/** `t` gives the CLI's texts in the chosen language (English by default). */
function formatText(results, { color, t = translator('en') }) {
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
    out += `\n${style.file(file)}\n`;
    const rows = report.issues.map((issue) => [location(issue, t), issue.severity, issue.message, issue.rule]);
    const width = Math.max(...rows.map(([where]) => where.length));
    const severityWidth = Math.max(...rows.map(([, severity]) => t(severity).length));
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
 * SARIF 2.1.0 log of the checked files. `rules` is the package's rules.json;
 * `repository` (package.json's field) gives each rule a `helpUri` when present; `locale` ("cy")
 * picks the rules' translated summaries.
 */
function formatSarif(results, rules, version, { repository, locale } = {}) {
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
            informationUri: 'https://www.npmjs.com/package/prevent-plan-check',
            rules: rules.map((rule) => sarifRule(rule, repository, locale)),
          },
        },
        results: results.flatMap(({ file, report }) =>
          report.issues.map((issue) => {
            const physicalLocation = { artifactLocation: { uri: file.split(path.sep).join('/') } };
            if (issue.line !== undefined) physicalLocation.region = { startLine: issue.line, startColumn: issue.column ?? 1 };
            const result = {
              ruleId: issue.rule,
              level: SARIF_LEVEL[issue.severity],
              message: { text: issue.hint ? `${issue.message}. ${issue.hint}` : issue.message },
              locations: [{ physicalLocation, logicalLocations: logicalLocations(issue) }],
            };
            if (index.has(issue.rule)) result.ruleIndex = index.get(issue.rule);
            if (issue.action !== undefined) result.properties = { action: issue.action };
            return result;
          }),
        ),
      },
    ],
  };
}

module.exports = { formatText, formatSarif, location };
