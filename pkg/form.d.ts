// Types of `prevent-plan-check/form`: the JSON-plan API on the form module (see README.md).
// The functions it shares with the main entry are declared there, once.
import type { Profile, WasmSource } from './index';
import { validate, validateJson, parseMilestone, schema, profileSchema, rules, limits, version } from './index';

export { validate, validateJson, parseMilestone, schema, profileSchema, rules, limits, version };
export type {
  Action, CategoryCoverage, ErrorCode, Interval, IsoDate, Issue, Location, Milestone, MilestoneKind,
  MilestoneReading, Options, Plan, PreventPlanCheckError, Profile, ProfileCategory, Report, Risk,
  RuleExample, RuleMeta, Section, Severity, Span, Status, StatusValue, Timescale, UnderstoodPlan,
  WasmSource,
} from './index';

/**
 * A built-in profile whose data is not loaded yet (browsers: only `la-2023` is compiled into
 * the form module): what a list of profiles shows; `loadProfile(id)` gives the rest.
 */
export interface ProfileListing {
  id: string;
  title: string;
  guidance: string;
  sector: string;
  /** The title in other languages, by locale (`translations.cy.title`). */
  translations?: { [locale: string]: { title?: string } };
  loaded: false;
}

/**
 * Every built-in profile, default (`la-2023`) first: in full once loaded, else as a
 * `ProfileListing` (`loaded: false`). In Node every profile is read when needed, so all are full.
 */
export function profiles(): Array<Profile | ProfileListing>;

/**
 * Loads the data of a built-in profile, once (in browsers, a small module the bundler split
 * off), and resolves to the profile. A check asking for a built-in profile that is not loaded
 * reports a `profile-not-loaded` error instead of its coverage. Throws (rejects with
 * `ERR_INVALID_ARG_VALUE`) for an id that is not a built-in profile.
 */
export function loadProfile(id: string, options?: { locale?: 'en' | 'cy' }): Promise<Profile>;

/** The form entry's functions, as `init()` resolves to them. */
export interface FormChecker {
  validate: typeof validate;
  validateJson: typeof validateJson;
  parseMilestone: typeof parseMilestone;
  schema: typeof schema;
  profiles: typeof profiles;
  profileSchema: typeof profileSchema;
  limits: typeof limits;
  version: typeof version;
  loadProfile: typeof loadProfile;
  init: typeof init;
  initSync: typeof initSync;
}

/**
 * Loads the form module once, before the first check: needed only with the
 * `prevent-plan-check/form/init` entry in browsers (no top-level await). Without an argument
 * it fetches the `.wasm` beside the entry (`prevent-plan-check/form.wasm`); `{ module_or_path }`
 * says where it is. In Node and with `prevent-plan-check/form` this resolves at once.
 */
export function init(input?: { module_or_path: WasmSource }): Promise<FormChecker>;
/** Loads the form module synchronously from its bytes or a compiled module (`{ module }`). */
export function initSync(input: { module: ArrayBuffer | ArrayBufferView | object }): FormChecker;
