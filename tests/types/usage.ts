// Compiled (not run) by `make test`: the shipped .d.ts must describe real usage.
import { validate, validateJson, validateTable, validateCsv, parseMilestone, schema, profiles, rules, limits, version, summarize, overview, compare } from 'prevent-plan-check';
import { compareWorkbooks, readFile, readWorkbook, validateFile, validateWorkbook } from 'prevent-plan-check/xlsx';
import type { Report, IssuesReport, IssuesOptions, Issue, Plan, Options, MilestoneReading, PreventPlanCheckError, Profile, Summary, Overview, Comparison, Change } from 'prevent-plan-check';

const plan: Plan = {
  title: 'Prevent Delivery Plan 2017/18',
  period: '2017/18',
  sections: [{ title: 'Training', actions: [{ id: '1', description: 'WRAP', leads: ['Prevent Lead'], milestones: ['Mar-18', { text: 'Ongoing' }], status: 'On track' }] }],
};
const options: Options = { profile: 'la-2023', asOf: new Date(), locale: 'cy', period: { start: '2017-04-01', end: '2018-03-31' } };
const report: Report = validate(plan, options);
const firstIssue: Issue | undefined = report.issues[0];
const where: string | undefined = firstIssue?.cell ?? firstIssue?.path;
const ok: boolean = validateJson('{}').valid && report.summary.errors === 0;
const reading: MilestoneReading = parseMilestone('Nov-13', { period: '2013-14' });
const kind: 'date' | 'range' | string = reading.kind;
const title: unknown = schema().title;
const ids: string[] = rules().map((rule) => rule.id);
const v: string = version();
try {
  validate(plan);
} catch (error) {
  const code: string = (error as PreventPlanCheckError).code;
  void code;
}
// @ts-expect-error: sections are required
validate({ title: 'x' });
const fromRows: Report = validateTable([['Action', 'Lead', 'Target date'], ['WRAP', 'Prevent Lead', new Date()], [null, 3, true]]);
const fromCsv: Report = validateCsv('Action,Lead\nWRAP,Prevent Lead\n', { profile: 'schools' });
const fromCsvBytes: Report = validateCsv(new TextEncoder().encode('Action,Lead\nWRAP,Prevent Lead\n'));
const fromWorkbook: Report = validateWorkbook(new Uint8Array(0), { asOf: '2018-01-31' });
const fromDocument: Report = validateFile(new Uint8Array(0), { name: 'plan.docx', locale: 'cy' });
const label: string | undefined = fromDocument.issues[0]?.location?.label;
const tables = readFile(new ArrayBuffer(0), { name: 'plan.html' });
const tableNumbers: (number | undefined)[] = tables.sheets?.map((sheet) => sheet.table) ?? [];
const failureKind: string | undefined = tables.failure?.kind;
void label; void tableNumbers; void failureKind;
const cell: string | undefined = fromWorkbook.issues[0]?.cell;
// Keystroke validation: issues and summary only, and the type says so.
const lean: IssuesReport = validate(plan, { report: 'issues', locale: 'cy' });
const leanErrors: number = lean.summary.errors + validateCsv('Action\n', { report: 'issues' }).issues.length;
// @ts-expect-error: an issues-only report has no plan
void lean.plan;
const full: Report = validateJson('{}', { report: 'full' });
const leanFile: IssuesReport = validateFile(new Uint8Array(0), { name: 'plan.docx', report: 'issues' });
const typed: IssuesOptions = { report: 'issues' };
const either: IssuesReport = validateTable([], typed);
// @ts-expect-error: a mode the option does not have
validate(plan, { report: 'plan' });
void leanErrors; void full; void leanFile; void either; void typed;
const firstProfile: Profile | undefined = profiles()[0];
const maxBytes: number = limits().maxInputBytes;
// @ts-expect-error: cells are scalars, not objects
validateTable([[{ a: 1 }]]);
void [where, ok, kind, title, ids, v, fromRows, fromCsv, fromCsvBytes, cell, firstProfile, maxBytes];

const read = readWorkbook(new Uint8Array());
const sheetRows: number = read.sheets ? read.sheets.map((sheet) => sheet.rows.length).reduce((a, b) => a + b, 0) : read.error.length;
void sheetRows;

const summary: Summary = summarize(report, { locale: 'cy', asOf: '2018-01-31' });
const board: string = summarize(report, { format: 'html' });
const firstGap: string | undefined = summary.categories[0]?.gaps[0];
const matrix: Overview = overview([{ name: 'plan.json', summary }, { name: 'bad.xlsx', error: 'unreadable' }]);
const page: string = overview([{ name: 'plan.json', summary }], { format: 'md', locale: 'en' });
void board; void firstGap; void matrix; void page;
const comparison: Comparison = compare({ sections: [] }, 'Action,Lead\nWRAP,HR\n', { maxSlips: 2, asOf: '2016-03-31' });
const slips: number[] = comparison.actions.flatMap((action) => action.changes).flatMap((change: Change) => (change.kind === 'milestone_slipped' ? [change.months] : []));
const lost: string[] = comparison.coverage.filter((category) => category.change === 'lost').map((category) => category.category);
const fromWorkbooks: Comparison = compareWorkbooks(new Uint8Array(0), [['Action', 'Lead']]);
// @ts-expect-error: maxSlips is a number
compare({ sections: [] }, { sections: [] }, { maxSlips: 'two' });
void [slips, lost, fromWorkbooks.summary.bySimilarity];
