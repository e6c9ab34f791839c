/** Problems found while loading or validating a definition, all reported at once. */

/** One problem in a definition file. */
export interface DefinitionIssue {
  readonly severity: 'error' | 'warning';
  /** Stable code, e.g. `SCHEMA`, `UNKNOWN_STATE`, `JQ_COMPILE`. */
  readonly code: string;
  readonly message: string;
  /** The file the problem is in (as the host named it). */
  readonly file: string;
  /** JSON pointer into that file's document (`/states/3/actions/0/functionRef`). */
  readonly pointer: string;
  /** 1-based line and column when known (YAML and JSON sources). */
  readonly line?: number;
  readonly column?: number;
}

/**
 * Thrown when a definition has at least one error-severity issue. `issues` holds every issue found
 * (errors and warnings).
 */
export class DefinitionError extends Error {
  readonly code = 'DEFINITION_INVALID';
  readonly issues: readonly DefinitionIssue[];

  constructor(issues: readonly DefinitionIssue[]) {
    const errors = issues.filter((i) => i.severity === 'error');
    const first = errors[0] ?? issues[0];
    super(
      first
        ? `${errors.length} problem(s) in ${first.file}; first: ${formatIssue(first)}`
        : 'invalid definition',
    );
    this.name = 'DefinitionError';
    this.issues = issues;
  }
}

/** `file:line:col code message` (line and column omitted when unknown; the pointer is added). */
export function formatIssue(issue: DefinitionIssue): string {
  const where = issue.line !== undefined ? `${issue.file}:${issue.line}:${issue.column ?? 1}` : issue.file;
  const ptr = issue.pointer ? ` (at ${issue.pointer})` : '';
  return `${where} ${issue.severity === 'warning' ? 'warning ' : ''}${issue.code} ${issue.message}${ptr}`;
}
