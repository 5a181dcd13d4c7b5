// Types of the public API of prevent-plan-check (see README.md).

/** ISO calendar date, `YYYY-MM-DD`. */
export type IsoDate = string;

export type Severity = 'error' | 'warning' | 'info';

export type MilestoneKind =
  | 'date' | 'range' | 'multiple' | 'open_ended' | 'recurring'
  | 'ongoing' | 'reference' | 'vague' | 'none' | 'unparsed';

export type StatusValue =
  | 'not_started' | 'on_track' | 'at_risk' | 'delayed' | 'complete' | 'ongoing' | 'unknown';

export interface Interval { start: IsoDate; end: IsoDate }

/** A byte range `[start, end)` of a text. */
export interface Span { start: number; end: number }

/** How a milestone phrase was read. */
export interface Timescale {
  kind: MilestoneKind;
  start: IsoDate | null;
  end: IsoDate | null;
  precision?: 'day' | 'month' | 'term' | 'quarter' | 'year';
  approximate?: boolean;
  recurrence?: 'weekly' | 'fortnightly' | 'monthly' | 'bi_monthly' | 'quarterly' | 'termly' | 'twice_yearly' | 'annually';
  /** Target of a cross-reference ("See 9 above" -> "9"). */
  reference?: string;
  direction?: 'above' | 'below';
  parts?: Interval[];
  span?: Span;
  revised_from?: Interval;
  [key: string]: unknown;
}

/** `parseMilestone()`'s result: the phrase and its reading. */
export interface MilestoneReading extends Timescale { text: string }

export interface Milestone { text: string; parsed?: Timescale | null }

export interface Status { text?: string; value?: StatusValue }

export interface Action {
  id?: string;
  description: string;
  objective?: string;
  outputs?: string[];
  outcomes?: string[];
  leads?: string[];
  partners?: string[];
  /** As input, a milestone may be a plain string. */
  milestones?: Array<Milestone | string>;
  status?: Status | string;
  categories?: string[];
}

export interface Section {
  id?: string;
  title: string;
  description?: string;
  categories?: string[];
  actions: Action[];
}

/** A plan as input: the shape of `plan.schema.json` (see `schema()`). */
export interface Plan {
  title?: string;
  authority?: string;
  period?: string | { label?: string; start: IsoDate; end: IsoDate };
  as_of?: IsoDate;
  profile?: string;
  strategic_priorities?: Array<{ id: string; title: string }>;
  sections: Section[];
}

/** The plan as understood: derived fields filled in. */
export interface UnderstoodPlan extends Omit<Plan, 'period' | 'sections'> {
  /** The label as written when it could not be read as dates (a `period-invalid` issue says so). */
  period?: string | { label?: string; start: IsoDate; end: IsoDate };
  sections: Array<Omit<Section, 'actions'> & {
    actions: Array<Omit<Action, 'milestones' | 'status'> & {
      leads: string[];
      partners: string[];
      milestones: Array<{ text: string; parsed: Timescale }>;
      status: { text: string; value: StatusValue };
      categories: string[];
    }>;
  }>;
}

export interface Issue {
  /** Stable rule id, e.g. `milestone-outside-period`. */
  rule: string;
  severity: Severity;
  message: string;
  /** JSON Pointer of the field concerned; `""` for the whole plan. */
  path: string;
  /** Id of the action concerned. */
  action?: string;
  /** Spreadsheet cell, e.g. `"D7"`, when the plan came from a table. */
  cell?: string;
  /** The sheet of a workbook, or "Table 2" for a table of a document. */
  sheet?: string;
  /** Where a Word user or web reader finds it, when the plan came from a document's table. */
  location?: Location;
  span?: Span;
  /** 1-based position in the input text (syntax errors). */
  line?: number;
  column?: number;
  hint?: string;
}

/**
 * A place in a document's table (1-based): `{ table: 2, row: 5, column: 3, label: "Table 2,
 * row 5, column 3" }`, or a paragraph above the table (`paragraph` instead of row and column).
 * `label` is in the report's language.
 */
export interface Location {
  table: number;
  row?: number;
  column?: number;
  paragraph?: number;
  label: string;
}

export interface CategoryCoverage {
  status: 'covered' | 'inferred' | 'missing';
  required: boolean;
  basis: 'must' | 'should' | 'advice';
  actions: string[];
  evidence?: unknown[];
  [key: string]: unknown;
}

export interface Report {
  /** True when no issue has severity `error`. */
  valid: boolean;
  profile: string;
  /** The plan as understood; null when the input could not be read as a plan. */
  plan: UnderstoodPlan | null;
  coverage: Record<string, CategoryCoverage>;
  issues: Issue[];
  summary: { errors: number; warnings: number; infos: number; actions: number };
}

export interface Options {
  /** A profile id such as `"la-2023"` (the default), or a whole profile object. */
  profile?: string | Record<string, unknown>;
  /** `"2017-04-01/2018-03-31"`, a label like `"2017/18"`, or explicit dates. */
  period?: string | { start: IsoDate; end: IsoDate };
  /** Reporting date for overdue checks. */
  asOf?: IsoDate | Date;
  /** The language of messages, hints and category names: English (default) or Welsh. */
  locale?: 'en' | 'cy';
}

/** An example of a rule's documentation, checked by the test suite against the checker. */
export interface RuleExample {
  expect: 'fails' | 'passes';
  format: 'json' | 'csv';
  options: Options;
  input: string;
}

/** A rule's metadata and documentation (`rules.json`, also served by `rules()`). */
export interface RuleMeta {
  id: string;
  severity: Severity;
  /** One line: what is wrong when the rule fires. */
  summary: string;
  /** Markdown sections of the rule's page. */
  whatItChecks: string;
  why: string;
  howToFix: string;
  examples: RuleExample[];
  /** The whole page body as markdown. */
  doc: string;
  /** The page's path in the repository, e.g. `docs/rules/overdue.md`. */
  page: string;
  /** Texts in other languages, by locale: `translations.cy.summary` is the Welsh summary. */
  translations: { [locale: string]: { summary?: string } };
}

/** Errors thrown for a wrong argument carry one of these codes. */
export type ErrorCode =
  | 'ERR_INVALID_ARG_TYPE' | 'ERR_INVALID_PLAN' | 'ERR_INVALID_OPTION' | 'ERR_INTERNAL';

export interface PreventPlanCheckError extends Error { code: ErrorCode }

/** Checks a plan object. Throws (with `code`) only for a wrong argument type. */
export function validate(plan: Plan, options?: Options): Report;
/** Checks a plan given as JSON text; bad JSON gives a report with a `json-syntax` issue. */
export function validateJson(text: string, options?: Options): Report;
/** A spreadsheet cell as Excel's `range.values` or Google Sheets' `getValues()` give it. */
export type CellValue = string | number | boolean | Date | null;

/**
 * Checks a plan table given as rows of cells. The header row may be anywhere near the top;
 * issues carry the `cell` ("D7", counted from the first cell of `rows`).
 */
export function validateTable(rows: CellValue[][], options?: Options): Report;
/** Checks a plan table given as CSV or TSV text (the delimiter is detected). */
export function validateCsv(text: string, options?: Options): Report;
/** Reads one milestone phrase. */
export function parseMilestone(text: string, options?: Pick<Options, 'period'>): MilestoneReading;
/** The plan JSON Schema (draft 2020-12). */
export function schema(): Record<string, unknown>;
/** A coverage category of a profile. */
export interface ProfileCategory {
  id: string;
  name: string;
  basis: 'must' | 'should' | 'advice';
  required: boolean;
  description: string;
  phrases: string[];
  /** The name and description in other languages, by locale (`translations.cy.name`). */
  translations?: { [locale: string]: { name?: string; description?: string } };
  [key: string]: unknown;
}

/** A coverage profile: what the duty asks of one kind of body. */
export interface Profile {
  id: string;
  title: string;
  guidance: string;
  sector: string;
  categories: ProfileCategory[];
  /** The title and description in other languages, by locale (`translations.cy.title`). */
  translations?: { [locale: string]: { title?: string; description?: string } };
  [key: string]: unknown;
}

/** The built-in profiles, default (`la-2023`) first. */
export function profiles(): Profile[];
/** The JSON Schema a custom profile (`options.profile` as an object) must match. */
export function profileSchema(): Record<string, unknown>;
/** Every rule the checker knows. */
export function rules(): RuleMeta[];
/**
 * The limits of one check (see docs/limits.md). Inputs beyond the first four get an
 * `input-too-large` report; tables beyond `maxRows` or `maxColumns` are read up to them,
 * with a `table-too-large` warning.
 */
export function limits(): {
  maxInputBytes: number;
  maxDepth: number;
  maxActions: number;
  /** Longest text of one field or table cell, in characters (Excel's cell limit). */
  maxCellChars: number;
  maxRows: number;
  maxColumns: number;
  /** Cells of a table, or of all the tables of a file once repeated and merged cells are expanded. */
  maxCells: number;
};
export function version(): string;
