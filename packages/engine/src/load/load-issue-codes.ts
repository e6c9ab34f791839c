/**
 * The issue codes the loader itself reports (`DefinitionIssue.code`): parsing, the 0.8 schema
 * check, its leniency warnings and resource reading. Codes never change once released.
 */

/** Every code the loader (outside `normalize`) can put into `LoadResult.issues`. */
export const LOAD_ISSUE_CODES = {
  /** The JSON/YAML text does not parse (error), or parses with a YAML warning or leniency (warning). */
  PARSE: 'PARSE',
  /** The definition, or a definition file it names, does not match the 0.8 JSON Schema. */
  SCHEMA: 'SCHEMA',
  /** Warning: `specVersion` is missing or not the string `'0.8'`; the definition is read as 0.8. */
  SPEC_VERSION: 'SPEC_VERSION',
  /** Warning: no `start`; the first state starts (spec default; SonataFlow requires `start`). */
  START_DEFAULT: 'START_DEFAULT',
  /**
   * The definition, or a resource it names, cannot be read. An error, except for a function's
   * operation document (OpenAPI, AsyncAPI, ...), where it is a warning.
   */
  RESOURCE_NOT_FOUND: 'RESOURCE_NOT_FOUND',
} as const;

/** One of {@link LOAD_ISSUE_CODES}. */
export type LoadIssueCode = (typeof LOAD_ISSUE_CODES)[keyof typeof LOAD_ISSUE_CODES];
