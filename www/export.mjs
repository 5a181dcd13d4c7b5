// Exports: the plan as JSON and the issues as CSV, made in the page and saved by the browser.
import { csvCell } from '../pkg/src/csv.mjs';

const COLUMNS = ['severity', 'rule', 'message', 'hint', 'action', 'path', 'sheet', 'cell'];

export function issuesCsv(report) {
  const lines = [COLUMNS.join(','), ...report.issues.map((issue) => COLUMNS.map((column) => csvCell(issue[column])).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}

export const planJson = (plan) => `${JSON.stringify(plan, null, 2)}\n`;

/** Saves `text` as a file: a link to an in-page blob, so nothing leaves the page. */
export function download(name, type, text) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
