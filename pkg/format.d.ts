// Types of `prevent-plan-check/format`: the command line's report formatters.
import type { Issue, Report, RuleMeta } from './index';

/** One checked file: its name as shown, and its report. */
export interface FileReport {
  file: string;
  report: Report;
}

/** Where an issue is, as a person looks for it: `Plan!D7`, `3:14` or a JSON Pointer. */
export function location(issue: Issue): string;

/**
 * Stylish text like ESLint's; control characters from plans and file names are shown
 * escaped. `color` adds ANSI colours; `t` gives the texts in another language.
 */
export function formatText(results: FileReport[], options?: { color?: boolean; t?: (key: string, args?: Record<string, unknown>) => string }): string;

/** `text` with every control character (and bidirectional override) shown escaped: `\x1b`, `\n`. */
export function escapeControl(text: string): string;

/**
 * A SARIF 2.1.0 log of the checked files. `sources` maps a file name to the text it was read
 * from, so that results of JSON plans get a `region` (line and column).
 */
export function formatSarif(
  results: FileReport[],
  rules: RuleMeta[],
  version: string,
  options?: { repository?: string | { url: string }; locale?: 'en' | 'cy'; sources?: Map<string, string> },
): Record<string, unknown>;
