/**
 * The load pipeline: parse → schema check → read resources → normalize, collecting every issue on
 * the way. The normalizer is passed in so the pipeline can be tested on its own.
 */
import type { DefinitionIssue } from '../errors/definition-error.js';
import { evalNowSeconds } from '../expr/eval-time.js';
import type { WorkflowDef } from '../model/definition.js';
import type { ResourceReader } from '../ports/resources.js';
import { validateDefinitionSchema } from '../validate/schema-validate.js';
import type { LoadResult, NormalizeInput } from './document.js';
import { readResources } from './read-resources.js';
import { parseSource } from './source-document.js';

/** Inputs of {@link loadDefinition}. @internal */
export interface LoadDefinitionOptions {
  /** The definition's path as the host names it; resources are read relative to its folder. */
  readonly file: string;
  readonly text: string;
  readonly reader: ResourceReader;
  /** Seconds since the epoch for jq's `now`. Default: `evalNowSeconds` (the time of the running step). */
  readonly now?: () => number;
  readonly normalize: (input: NormalizeInput) => LoadResult<WorkflowDef>;
}

/**
 * Runs the pipeline. Resources are read even when the schema check fails, so that missing files
 * are reported with everything else; the normalizer runs only when the text parsed and passed the
 * schema (it would otherwise repeat the schema's findings in its own words). It gets the
 * definition with `"true"`/`"false"` strings already turned into booleans where the schema wants
 * booleans. Issues (errors and warnings, duplicates dropped) are sorted by file, line and column;
 * `value` is set only when none is an error.
 * @internal
 */
export async function loadDefinition(options: LoadDefinitionOptions): Promise<LoadResult<WorkflowDef>> {
  const parsed = parseSource(options.file, options.text);
  if (!parsed.value) return finish(parsed.issues);
  const schema = validateDefinitionSchema(parsed.value);
  const doc = { ...parsed.value, value: schema.value };
  const read = await readResources({ doc, reader: options.reader });
  const early = [...parsed.issues, ...schema.issues];
  if (early.some((i) => i.severity === 'error')) return finish([...early, ...read.issues]);
  const normalized = options.normalize({ doc, resources: read.resources, now: options.now ?? evalNowSeconds });
  return finish([...early, ...read.issues, ...normalized.issues], normalized.value);
}

/** Sorted, de-duplicated issues, and the value only when no issue is an error. */
function finish(issues: readonly DefinitionIssue[], value?: WorkflowDef): LoadResult<WorkflowDef> {
  const sorted = sortIssues(issues);
  return value !== undefined && !sorted.some((i) => i.severity === 'error') ? { value, issues: sorted } : { issues: sorted };
}

/**
 * Issues ordered by file, then line, then column (issues without a position first within their
 * file), keeping the original order otherwise; exact duplicates are dropped.
 */
export function sortIssues(issues: readonly DefinitionIssue[]): DefinitionIssue[] {
  const seen = new Set<string>();
  const unique = issues.filter((i) => {
    const key = [i.file, i.pointer, i.severity, i.code, i.message, i.line, i.column].join('\u0000');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return unique
    .map((issue, index) => ({ issue, index }))
    .sort(
      (a, b) =>
        compareText(a.issue.file, b.issue.file) ||
        (a.issue.line ?? 0) - (b.issue.line ?? 0) ||
        (a.issue.column ?? 0) - (b.issue.column ?? 0) ||
        a.index - b.index,
    )
    .map((x) => x.issue);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
