// CSV cells that a spreadsheet shows as the text they are: never run as a formula (CSV
// injection, OWASP), and never split at a separator of any locale.

/** Characters a cell may start with that a spreadsheet does not show: spaces, controls, format characters (zero-width, BOM). */
const INVISIBLE_LEAD = /^[\p{White_Space}\p{Cf}\p{Cc}]*(.?)/su;

/** What starts a formula once compatibility forms are folded (`＝`, `﹢`); the minus sign too. */
const FORMULA_STARTS = new Set(['=', '+', '-', '@', '\u2212']);

/**
 * Whether a spreadsheet could read `text` as a formula: it starts with `=`, `+`, `-`, `@`,
 * tab or carriage return (OWASP's list), also after invisible characters (spaces, no-break
 * spaces, zero-width characters, a BOM), in full-width or small forms (`＝`), or as a minus
 * sign. Spreadsheets skip or fold all of these before deciding.
 */
export function formulaLike(text) {
  if (/^[\t\r]/.test(text)) return true;
  const first = INVISIBLE_LEAD.exec(text)?.[1] ?? '';
  return FORMULA_STARTS.has(first.normalize('NFKC'));
}

/**
 * One CSV cell: `'` before anything formula-like, and quoted when it holds a quote, a
 * separator of any locale (`,` `;` tab), a line break, or space at either end.
 */
export function csvCell(value) {
  let text = value === undefined || value === null ? '' : String(value);
  if (formulaLike(text)) text = `'${text}`;
  return /[",;\t\n\r]|^\s|\s$/u.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
