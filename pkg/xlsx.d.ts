// Types of `prevent-plan-check/xlsx`: workbooks, in a separately loaded module.
import type { Options, Report } from './index';

/**
 * Checks the sheet of an .xlsx or .ods workbook that holds the plan (the one whose header
 * reads best); issues carry `sheet` and `cell`. A damaged or foreign file gives a report
 * with a `table-unreadable` issue; only a wrong argument type throws.
 */
export function validateWorkbook(bytes: Uint8Array | ArrayBuffer | ArrayBufferView, options?: Options): Report;
