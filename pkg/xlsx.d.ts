// Types of `prevent-plan-check/xlsx`: workbooks, in a separately loaded module.
import type { CellValue, CompareOptions, Comparison, IssuesOptions, IssuesReport, Options, PlanVersion, Report, WasmSource } from './index';

/**
 * Checks an .xlsx or .ods workbook: every sheet with a plan header is read, as sections of one
 * plan; the others are reported (`sheet-unread`). Issues carry `sheet` and `cell`. A damaged or foreign file gives a report
 * with a `table-unreadable` issue; only a wrong argument type throws.
 */
export function validateWorkbook(bytes: Uint8Array | ArrayBuffer | ArrayBufferView, options: IssuesOptions): IssuesReport;
export function validateWorkbook(bytes: Uint8Array | ArrayBuffer | ArrayBufferView, options?: Options): Report;

/** Options of `validateFile`: the check's options and the file's name. */
export interface FileOptions extends Options {
  /**
   * The file's name ("plan.docx"): its extension tells a Word document (.docx), a web page
   * (.html, .htm) and a workbook (.xlsx, .ods) apart. Without it the bytes decide.
   */
  name?: string;
}

/**
 * Checks the plan in any supported file: an .xlsx or .ods workbook, a Word document (.docx)
 * or a web page (.html, .htm; pass pasted `text/html` as UTF-8 bytes with a name ending in
 * `.html`). Every sheet or table with a plan header is read, as sections of one plan; the
 * others are reported (`sheet-unread`). Issues carry `sheet` and `cell`, and for documents
 * a `location` (table, row, column). Damaged, password-protected and legacy (.doc, .xls)
 * files, and files past the limits, give a report; only a wrong argument type throws.
 */
export function validateFile(bytes: Uint8Array | ArrayBuffer | ArrayBufferView, options: FileOptions & IssuesOptions): IssuesReport;
export function validateFile(bytes: Uint8Array | ArrayBuffer | ArrayBufferView, options?: FileOptions): Report;

/** Why a file could not be read (`readFile`'s `failure`). */
export type ReadFailure =
  | { kind: 'damaged'; detail: string }
  | { kind: 'encrypted' }
  | { kind: 'unsupported'; format: 'legacy-word' | 'legacy-excel' | 'pdf' }
  | { kind: 'unpacks'; part: string; limit: number }
  | { kind: 'too-many-cells'; limit: number }
  | { kind: 'too-much-text'; limit: number };

/**
 * Reads the tables of any supported file without checking them (the demo's table view):
 * a workbook's sheets, or a document's tables as sheets named "Table 1", ... whose first
 * `above` rows are the paragraphs above the table. A file that cannot be read gives
 * `{ error, failure }`.
 */
export function readFile(
  bytes: Uint8Array | ArrayBuffer | ArrayBufferView,
  options?: { name?: string },
): { sheets: Sheet[]; error?: undefined; failure?: undefined } | { error: string; failure: ReadFailure; sheets?: undefined };

/** One sheet of a workbook (or table of a document): its name and its rows of cell values. */
export interface Sheet {
  sheet?: string;
  rows: CellValue[][];
  /** For a table of a document: its number, and the rows of paragraphs above it. */
  table?: number;
  above?: number;
  /** A sheet the workbook hides. */
  hidden?: boolean;
  /** Cells holding a formula without a stored value. */
  formulasWithoutValues?: string[];
}

/**
 * Reads the sheets of an .xlsx or .ods workbook without checking them, e.g. to show the table
 * beside the report of `validateWorkbook`. A damaged or foreign file gives `{ error }`.
 */
export function readWorkbook(
  bytes: Uint8Array | ArrayBuffer | ArrayBufferView,
): { sheets: Sheet[]; error?: undefined } | { error: string; failure?: ReadFailure; sheets?: undefined };

/**
 * Loads the workbook module (and the core) once: needed only with the
 * `prevent-plan-check/xlsx/init` entry in browsers (no top-level await). `module_or_path`
 * says where the workbook module's `.wasm` is (`prevent-plan-check/xlsx.wasm`), `core` where
 * the core's is. In Node and with the default entry this resolves at once.
 */
export function init(input?: { module_or_path?: WasmSource; core?: { module_or_path: WasmSource } }): Promise<{
  validateWorkbook: typeof validateWorkbook;
  validateFile: typeof validateFile;
  readWorkbook: typeof readWorkbook;
  readFile: typeof readFile;
}>;

/** Compares two versions of a plan, each workbook bytes or anything `compare` takes. */
export function compareWorkbooks(
  before: Uint8Array | ArrayBuffer | ArrayBufferView | PlanVersion,
  after: Uint8Array | ArrayBuffer | ArrayBufferView | PlanVersion,
  options?: CompareOptions,
): Comparison;
