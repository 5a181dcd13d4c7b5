// Types of `prevent-plan-check/marks`: a report as marks on spreadsheet cells (add-ins).
import type { Issue, Report, Severity } from './index';

/** Fill colours and the words used in notes, by severity. */
export const MARK_STYLES: { readonly [severity in Severity]: { fill: string; label: string } };

/** `"D7"` -> `{ row: 7, column: 4 }` (1-based); null for anything else. */
export function parseCell(address: string): { row: number; column: number } | null;

/** `{ row: 7, column: 4 }` (1-based) -> `"D7"`. */
export function cellAddress(position: { row: number; column: number }): string;

/** One marked cell: the most serious severity's fill and a note listing its issues. */
export interface CellMark {
  sheet: string | null;
  cell: string;
  row: number;
  column: number;
  severity: Severity;
  fill: string;
  note: string;
  issues: Issue[];
}

/**
 * Marks for every cell that has issues. `origin` is the top-left cell of the range checked
 * (`"B3"` for a used range starting there) when the report's cells count from the range.
 */
export function cellMarks(report: Report, options?: { origin?: string }): { marks: CellMark[]; unplaced: Issue[] };
