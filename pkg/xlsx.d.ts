// Types of `prevent-plan-check/xlsx`: workbooks, in a separately loaded module.
import type { CellValue, CompareOptions, Comparison, Options, PlanVersion, Report, WasmSource } from './index';

import type { CellValue, CompareOptions, Comparison, Options, PlanVersion, Report } from './index';

/**
 * Checks the sheet of an .xlsx or .ods workbook that holds the plan (the one whose header
 * reads best); issues carry `sheet` and `cell`. A damaged or foreign file gives a report
 * with a `table-unreadable` issue; only a wrong argument type throws.
 */
export function validateWorkbook(bytes: Uint8Array | ArrayBuffer | ArrayBufferView, options?: Options): Report;

/** One sheet of a workbook: its name and its rows of cell values. */
export interface Sheet {
  sheet?: string;
  rows: CellValue[][];
}

/**
 * Reads the sheets of an .xlsx or .ods workbook without checking them, e.g. to show the table
 * beside the report of `validateWorkbook`. A damaged or foreign file gives `{ error }`.
 */
export function readWorkbook(
  bytes: Uint8Array | ArrayBuffer | ArrayBufferView,
): { sheets: Sheet[]; error?: undefined } | { error: string; sheets?: undefined };

/**
 * Loads the workbook module (and the core) once: needed only with the
 * `prevent-plan-check/xlsx/init` entry in browsers (no top-level await). `module_or_path`
 * says where the workbook module's `.wasm` is (`prevent-plan-check/xlsx.wasm`), `core` where
 * the core's is. In Node and with the default entry this resolves at once.
 */
export function init(input?: { module_or_path?: WasmSource; core?: { module_or_path: WasmSource } }): Promise<{
  validateWorkbook: typeof validateWorkbook;
  readWorkbook: typeof readWorkbook;
}>;

/** Compares two versions of a plan, each workbook bytes or anything `compare` takes. */
export function compareWorkbooks(
  before: Uint8Array | ArrayBuffer | ArrayBufferView | PlanVersion,
  after: Uint8Array | ArrayBuffer | ArrayBufferView | PlanVersion,
  options?: CompareOptions,
): Comparison;
