// Types of `prevent-plan-check/adapters`: a report's issues in the shapes form libraries show.
// Structural types, so that no form library is needed to use them.

import type { Report, Severity, Span } from './index';

/** What an issue carries besides its message, in an ajv error's `params`. */
export interface IssueParams {
  rule: string;
  severity: Severity;
  action?: string;
  cell?: string;
  sheet?: string;
  line?: number;
  column?: number;
  span?: Span;
  hint?: string;
}

/** An issue as an ajv `ErrorObject`: `instancePath` is its JSON Pointer, `keyword` its rule id. */
export interface AjvError {
  instancePath: string;
  /** The rule's page, e.g. `docs/rules/lead-missing.md`. */
  schemaPath: string;
  keyword: string;
  params: IssueParams;
  message: string;
}

/** react-jsonschema-form's `ErrorSchema`: `__errors` at each field, nested like the data. */
export type ErrorSchema = { __errors?: string[] } & { [key: string]: ErrorSchema | undefined };

/** react-jsonschema-form's `RJSFValidationError`. */
export interface RjsfValidationError {
  name: string;
  /** Dotted path, e.g. `.sections.0.actions.1.leads`; `""` for the whole form. */
  property: string;
  message: string;
  params: IssueParams;
  stack: string;
  schemaPath: string;
}

/** react-jsonschema-form's `FormValidation`: a tree of fields that each can `addError`. */
export type FormValidation = { addError(message: string): void; [key: string]: any };

/** The report's issues as ajv errors. */
export function toAjvErrors(report: Report): AjvError[];
/** JSON Forms: the value for `additionalErrors`. */
export function jsonFormsAdditionalErrors(report: Report): AjvError[];
/** react-jsonschema-form: the value for `extraErrors`. */
export function rjsfExtraErrors(report: Report): ErrorSchema;
/** The report's issues as react-jsonschema-form validation errors. */
export function rjsfErrors(report: Report): RjsfValidationError[];
/** react-jsonschema-form: a `transformErrors` adding the report's issues to the form's errors. */
export function rjsfTransformErrors<E>(report: Report): (errors: E[]) => (E | RjsfValidationError)[];
/** react-jsonschema-form: a `customValidate` adding the issues of `check(formData)` at their fields. */
export function rjsfCustomValidate<T, V extends FormValidation>(check: (formData: T) => Report): (formData: T, errors: V) => V;

/**
 * The keys of a JSON Pointer that are safe to walk or build an object tree with: its
 * decoded segments up to (not including) the first that names a prototype (`__proto__`,
 * `constructor`, `prototype`) or one of `reserved`. Use it to place issues in trees of
 * your own: a report's paths name only the plan schema's fields, and this keeps a tree safe
 * whatever report it is given.
 */
export function pointerKeys(pointer: string, reserved?: readonly string[]): string[];
