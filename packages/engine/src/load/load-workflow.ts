/**
 * Loading a Serverless Workflow 0.8 definition from a file or from text: the loader's public entry
 * points. They never throw for a bad definition; every problem comes back as an issue.
 */
import type { WorkflowDef } from '../model/definition.js';
import type { ResourceReader } from '../ports/resources.js';
import type { LoadResult } from './document.js';
import { loadDefinition } from './load-definition.js';
import { LOAD_ISSUE_CODES } from './load-issue-codes.js';
import { normalize } from './normalize/normalize.js';

/** Options of {@link loadWorkflow}. */
export interface LoadWorkflowOptions {
  /** Path of the definition (`workflows/x/x.sw.yaml`), read through `reader`. */
  readonly path: string;
  /** Reads the definition and every resource it names (relative to the definition's folder). */
  readonly reader: ResourceReader;
  /** Seconds since the epoch for jq's `now`. Default: `evalNowSeconds` (the time of the running step). */
  readonly now?: () => number;
}

/** Options of {@link loadWorkflowFromText}. */
export interface LoadWorkflowFromTextOptions {
  /** The name the definition goes by (`.json` → JSON, else YAML); resources are read relative to its folder. */
  readonly file: string;
  readonly text: string;
  readonly reader: ResourceReader;
  /** Seconds since the epoch for jq's `now`. Default: `evalNowSeconds`. */
  readonly now?: () => number;
}

/**
 * Reads, parses (JSON or YAML), schema-checks and normalizes a definition, reading every resource
 * it names (schemas, OpenAPI documents, definition files) relative to its folder. Returns every
 * issue found, errors and warnings, sorted by file, line and column; `value` is set only when
 * there is no error. A definition the reader cannot find gives one `RESOURCE_NOT_FOUND` error.
 *
 * @example
 * const { value, issues } = await loadWorkflow({ path: 'workflows/greet/greet.sw.yaml', reader });
 * if (!value) throw new DefinitionError(issues);
 */
export async function loadWorkflow(options: LoadWorkflowOptions): Promise<LoadResult<WorkflowDef>> {
  let text: string | undefined;
  let reason = '';
  try {
    text = await options.reader.read(options.path);
  } catch (err) {
    reason = `: ${err instanceof Error ? err.message : String(err)}`;
  }
  if (text === undefined) {
    return {
      issues: [
        {
          severity: 'error',
          code: LOAD_ISSUE_CODES.RESOURCE_NOT_FOUND,
          message: `cannot read the workflow definition '${options.path}'${reason}`,
          file: options.path,
          pointer: '',
        },
      ],
    };
  }
  return loadWorkflowFromText({ file: options.path, text, reader: options.reader, now: options.now });
}

/**
 * Like {@link loadWorkflow} for a definition already in memory (inline definitions, tests, an
 * editor buffer). `file` names it in issues and decides the format and the resource folder.
 *
 * @example
 * await loadWorkflowFromText({ file: 'inline.sw.json', text: JSON.stringify(def), reader: { read: async () => undefined } });
 */
export async function loadWorkflowFromText(options: LoadWorkflowFromTextOptions): Promise<LoadResult<WorkflowDef>> {
  return loadDefinition({ ...options, normalize });
}
