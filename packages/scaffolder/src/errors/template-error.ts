/** Problems found in a template file, all reported at once with `file:line:col` and a JSON pointer. */
import { ScaffolderError } from './scaffolder-error.js';

/** One problem in a template file. */
export interface TemplateIssue {
  /** `PARSE`, `SCHEMA`, `DUPLICATE_STEP_ID`, `EXPRESSION`, `PARAMETER_SCHEMA`, `UNKNOWN_ACTION`. */
  readonly code: string;
  readonly message: string;
  readonly file: string;
  /** JSON pointer into the document (`/spec/steps/1/input/url`). */
  readonly pointer: string;
  readonly line: number;
  readonly column: number;
}

/** `file:line:col CODE message (at /pointer)`. */
export function formatTemplateIssue(issue: TemplateIssue): string {
  const at = issue.pointer ? ` (at ${issue.pointer})` : '';
  return `${issue.file}:${issue.line}:${issue.column} ${issue.code} ${issue.message}${at}`;
}

/** Thrown when a template has problems; `issues` lists every one. */
export class TemplateError extends ScaffolderError {
  readonly issues: readonly TemplateIssue[];

  constructor(issues: readonly TemplateIssue[]) {
    const first = issues[0];
    super(
      'TEMPLATE_INVALID',
      first ? `${issues.length} problem(s) in template; first: ${formatTemplateIssue(first)}` : 'invalid template',
      { details: issues },
    );
    this.issues = issues;
  }
}
