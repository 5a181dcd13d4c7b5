// Types of `prevent-plan-check/format`: the command line's report formatters.
import type { Issue, Report, RuleMeta } from './index';

/** One checked file: its name as shown, and its report. */
export interface FileReport {
  file: string;
  report: Report;
}

/** Where an issue is, as a person looks for it: `Plan!D7`, `3:14` or a JSON Pointer. */
export function location(issue: Issue): string;

/** Stylish text like ESLint's; control characters of the plan are shown escaped. */
export function formatText(results: FileReport[], options?: { color?: boolean; quiet?: boolean }): string;

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
