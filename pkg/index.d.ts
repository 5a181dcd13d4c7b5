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
  /** What the duty or toolkit asks, in a self-assessment or gap analysis. Coverage reads it. */
  requirement?: string;
  /** What is already in place: work to date, existing measures or controls. */
  evidence?: string;
  /** The risk the action addresses (risk assessments and registers), scores as written. */
  risk?: Risk;
  /** The RAG rating as written ("R", "Amber"). */
  rag?: string;
}

export interface Risk {
  text?: string;
  severity?: string;
  likelihood?: string;
  /** The rating the scores make ("12", "High"). */
  rating?: string;
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
  /** Set by the table importer when the table had no ids: it numbered the actions "1", "2", ... in row order. */
  idsAssigned?: boolean;
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

/**
 * The report `{ report: 'issues' }` asks for, for validation on every keystroke: no `plan`
 * and no `coverage`, which are neither written nor read.
 */
export type IssuesReport = Omit<Report, 'plan' | 'coverage'>;

export interface Options {
  /** A profile id such as `"la-2023"` (the default), or a whole profile object. */
  profile?: string | Record<string, unknown>;
  /** `"2017-04-01/2018-03-31"`, a label like `"2017/18"`, or explicit dates. */
  period?: string | { start: IsoDate; end: IsoDate };
  /** Reporting date for overdue checks. */
  asOf?: IsoDate | Date;
  /** The language of messages, hints and category names: English (default) or Welsh. */
  locale?: 'en' | 'cy';
  /**
   * Tables only: the sheet cell where the rows start (`"B3"`, also `"$B$3"`), for a used
   * range that does not start at A1. Issues' `cell` and the cells messages name are then the
   * sheet's addresses (give `cellMarks` no `origin` then).
   */
  origin?: string;
  /**
   * `"full"` (the default): the whole report, whose `plan` and `coverage` are read from the
   * core's answer when first accessed. `"issues"`: only `valid`, `profile`, `issues` and
   * `summary` ({@link IssuesReport}), for form validation on every keystroke. `compare`,
   * `summarize` and `overview` accept it and ignore it.
   */
  report?: 'full' | 'issues';
}

/**
 * Options asking for the issues only: the checks given them are typed to return an
 * {@link IssuesReport} (options typed as plain `Options` are typed to give a `Report`).
 */
export type IssuesOptions = Options & { report: 'issues' };

/** An example of a rule's documentation, checked by the test suite against the checker. */
export interface RuleExample {
  expect: 'fails' | 'passes';
  /** `versions`: `{"before": plan, "after": plan}`, compared (the comparison rules). */
  format: 'json' | 'csv' | 'versions';
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
  | 'ERR_INVALID_ARG_TYPE' | 'ERR_INVALID_PLAN' | 'ERR_INVALID_OPTION' | 'ERR_INTERNAL'
  /** `loadProfile(id)` of `prevent-plan-check/form` with an id that is not a built-in profile. */
  | 'ERR_INVALID_ARG_VALUE';

export interface PreventPlanCheckError extends Error { code: ErrorCode }

/** Checks a plan object. Throws (with `code`) only for a wrong argument type. */
export function validate(plan: Plan, options: IssuesOptions): IssuesReport;
export function validate(plan: Plan, options?: Options): Report;
/** Checks a plan given as JSON text; bad JSON gives a report with a `json-syntax` issue. */
export function validateJson(text: string, options: IssuesOptions): IssuesReport;
export function validateJson(text: string, options?: Options): Report;
/** A spreadsheet cell as Excel's `range.values` or Google Sheets' `getValues()` give it. */
export type CellValue = string | number | boolean | Date | null;

/**
 * Checks a plan table given as rows of cells. The header row may be anywhere near the top;
 * issues carry the `cell` ("D7", counted from the first cell of `rows`).
 */
export function validateTable(rows: CellValue[][], options: IssuesOptions): IssuesReport;
export function validateTable(rows: CellValue[][], options?: Options): Report;
/**
 * Checks a plan table given as CSV or TSV text (the delimiter is detected), or as the bytes
 * of such a file: decoded by its byte order mark (UTF-8, or UTF-16 LE/BE as Excel's "Unicode
 * Text" writes), else as UTF-8, else as Windows-1252 (Excel's "CSV" on Windows).
 */
export function validateCsv(text: string | Uint8Array | ArrayBuffer | ArrayBufferView, options: IssuesOptions): IssuesReport;
export function validateCsv(text: string | Uint8Array | ArrayBuffer | ArrayBufferView, options?: Options): Report;
/** Reads one milestone phrase. */
export function parseMilestone(text: string, options?: Pick<Options, 'period'>): MilestoneReading;
/** An action as an assurance summary lists it. */
export interface SummaryAction {
  id: string;
  /** The description, cut at a word after 240 characters. */
  description: string;
  leads: string[];
  progress?: StatusValue;
  /** The progress in words, in the summary's language ("On track"). */
  progress_text: string;
  /** The first milestone due on or after the reporting date, in words. */
  next_milestone?: string;
  next_due?: IsoDate;
  overdue: boolean;
}

/** One benchmark category of the profile, as the plan meets it. */
export interface SummaryCategory {
  id: string;
  name: string;
  required: boolean;
  basis: 'must' | 'should' | 'advice';
  status: 'covered' | 'inferred' | 'missing';
  /** The status in words: "Covered by 3 actions." */
  verdict: string;
  actions: SummaryAction[];
  /** What a board should ask about, in plain language. */
  gaps: string[];
}

/** A milestone past its date at the reporting date. */
export interface OverdueItem {
  action: string;
  description: string;
  leads: string[];
  milestone: string;
  due?: IsoDate;
  progress_text: string;
}

/** A plan's assurance summary (`summarize(report)`), every text in `locale`. */
export interface Summary {
  locale: 'en' | 'cy';
  title: string;
  authority?: string;
  period?: string;
  as_of?: IsoDate;
  profile: string;
  profile_title: string;
  /** False when the report holds no plan (unreadable input); `problem` says why. */
  readable: boolean;
  problem?: string;
  /** Plain-language findings: coverage, then overdue items. */
  headline: string[];
  counts: {
    categories: number; covered: number; inferred: number; missing: number; required_missing: number;
    actions: number; overdue: number; errors: number; warnings: number;
  };
  categories: SummaryCategory[];
  overdue: OverdueItem[];
}

/**
 * Options of a summary: the language, the reporting date (pass the `asOf` the report was
 * checked with; else the plan's own), a caller's profile for its names, and the format.
 */
export interface SummaryOptions extends Pick<Options, 'locale' | 'asOf' | 'profile'> {
  /** `json` (default: the summary as an object), or a document: `md`, `html` (printable, no script) or `csv`. */
  format?: 'json' | 'md' | 'html' | 'csv';
}

/** The assurance summary of a report: per benchmark category its status, evidence, overdue items and gaps. */
export function summarize(report: Report, options?: SummaryOptions & { format?: 'json' }): Summary;
export function summarize(report: Report, options: SummaryOptions & { format: 'md' | 'html' | 'csv' }): string;

/** One plan of an overview: its summary, or why it could not be read. */
export type OverviewEntry = { name: string; summary: Summary } | { name: string; error: string };

/** Many plans side by side: a matrix of plans by benchmark categories. */
export interface Overview {
  locale: 'en' | 'cy';
  headline: string;
  columns: { id: string; name: string }[];
  rows: {
    name: string; title: string; authority?: string;
    /** One per column; null where the category is not in the plan's profile. */
    cells: ('covered' | 'inferred' | 'missing' | null)[];
    required_missing: number; overdue: number; error?: string;
  }[];
}

/** The overview of many plans' summaries (a regional view), as an object or a document. */
export function overview(entries: OverviewEntry[], options?: Pick<SummaryOptions, 'locale'> & { format?: 'json' }): Overview;
export function overview(entries: OverviewEntry[], options: Pick<SummaryOptions, 'locale'> & { format: 'md' | 'html' | 'csv' }): string;

/**
 * One version of a plan for `compare`: a plan object, plan JSON text (text starting with
 * `{`), CSV/TSV text (any other text), or rows of cells as `validateTable` takes them.
 */
export type PlanVersion = Plan | string | CellValue[][];

/** Options of `compare`: those of a check (`asOf` applies to the later version only), and `maxSlips`. */
export interface CompareOptions extends Options {
  /** Slips of one milestone allowed before `milestone-slipped` warns (default 1). */
  maxSlips?: number;
}

/** An action of one version: its id and JSON Pointer in that version's plan. */
export interface LocatedAction { id?: string; path: string }

/** A deadline that moved (`milestone_slipped`, `milestone_advanced`). */
export interface DeadlineMove {
  from: string;
  to: string;
  fromDue: IsoDate;
  toDue: IsoDate;
  /** Whole calendar months between the deadlines; negative when brought forward. */
  months: number;
  /** Slips known for the action: this one and each "revised from" of the earlier version. */
  slips: number;
  /** JSON Pointer of the later milestone. */
  path: string;
}

/** What changed about one action. */
export type Change =
  | { kind: 'added' }
  | { kind: 'removed'; status: StatusValue }
  | { kind: 'renumbered'; from?: string; to?: string }
  | { kind: 'reworded'; from: string; to: string }
  | { kind: 'lead_changed'; from: string[]; to: string[] }
  | { kind: 'status_moved'; from: StatusValue; to: StatusValue }
  | { kind: 'completed'; from: StatusValue }
  | ({ kind: 'milestone_slipped' } & DeadlineMove)
  | ({ kind: 'milestone_advanced' } & DeadlineMove)
  | { kind: 'newly_overdue'; milestone: string; path: string; due?: IsoDate };

/** One action across two versions, when anything about it changed. */
export interface ActionComparison {
  /** Absent for an added action. */
  before?: LocatedAction;
  /** Absent for a removed action. */
  after?: LocatedAction;
  /** How the two were matched: same id, or (renumbered, no ids) alike descriptions. */
  match?: 'id' | 'similarity';
  /** How alike the descriptions are, in percent (0 to 100). */
  score?: number;
  changes: Change[];
}

/** Two versions of a plan compared. */
export interface Comparison {
  profile: string;
  before: Report;
  after: Report;
  /** Actions that changed: the later version's in its order, then the removed ones. */
  actions: ActionComparison[];
  /** Categories gained or lost. */
  coverage: Array<{
    category: string;
    name: string;
    required: boolean;
    before: CategoryCoverage['status'];
    after: CategoryCoverage['status'];
    change: 'gained' | 'lost';
  }>;
  /**
   * Problems in the changes: `milestone-slipped`, `action-dropped-silently` (its path is in
   * the earlier version) and `coverage-lost`; other paths point into the later version.
   */
  issues: Issue[];
  summary: {
    matched: number; bySimilarity: number; unchanged: number;
    added: number; removed: number; renumbered: number; reworded: number; leadChanged: number;
    statusMoved: number; completed: number; slipped: number; advanced: number; newlyOverdue: number;
    coverageGained: number; coverageLost: number;
    errors: number; warnings: number; infos: number;
  };
}

/**
 * Compares two versions of a plan: actions matched by id, else by their text when they were
 * renumbered; what changed for each; coverage gained and lost; and the comparison rules.
 * Workbooks: `compareWorkbooks` of `prevent-plan-check/xlsx`.
 */
export function compare(before: PlanVersion, after: PlanVersion, options?: CompareOptions): Comparison;
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

/** The API's functions, as `init()` resolves to them. */
export interface Checker {
  validate: typeof validate;
  validateJson: typeof validateJson;
  validateTable: typeof validateTable;
  validateCsv: typeof validateCsv;
  parseMilestone: typeof parseMilestone;
  schema: typeof schema;
  profiles: typeof profiles;
  profileSchema: typeof profileSchema;
  limits: typeof limits;
  version: typeof version;
  init: typeof init;
  initSync: typeof initSync;
}

/**
 * Where the core's `.wasm` is: its URL (a string or `URL`), a `Request`, a `Response` or a
 * promise of one, its bytes, or a compiled `WebAssembly.Module`. Written without the DOM's
 * types so that projects without `lib: ["dom"]` can use these declarations.
 */
export type WasmSource = string | ArrayBuffer | ArrayBufferView | object;

/**
 * Loads the core module once, before the first check: needed only with the
 * `prevent-plan-check/init` entry in browsers (no top-level await). Without an argument it
 * fetches the `.wasm` beside the entry; `{ module_or_path }` says where it is. In Node and
 * with the default browser entry the module is already loaded and this resolves at once.
 */
export function init(input?: { module_or_path: WasmSource }): Promise<Checker>;
/** Loads the core module synchronously from its bytes or a compiled module (`{ module }`). */
export function initSync(input: { module: ArrayBuffer | ArrayBufferView | object }): Checker;
