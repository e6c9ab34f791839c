/**
 * RJSF `transformErrors`: ajv's messages reworded for people filling in a form. An empty field that
 * fails a type check (an empty array item is null) reads as required, not as "must be string".
 */
import { getByPath, toPath, type RJSFValidationError } from '@rjsf/utils';

function isEmptyAt(data: unknown, property: string | undefined): boolean {
  if (property === undefined || data === undefined) return false;
  const path = toPath(property.replace(/^\./, ''));
  const value: unknown = path.length === 0 ? data : getByPath(data as object, path);
  return value === undefined || value === null || value === '';
}

function reword(e: RJSFValidationError, data: unknown): string | undefined {
  const p = (e.params ?? {}) as Record<string, unknown>;
  if (e.name === 'type' && isEmptyAt(data, e.property)) return 'This field is required';
  switch (e.name) {
    case 'required':
      return 'This field is required';
    case 'pattern':
      return `Must match the pattern ${String(p.pattern)}`;
    case 'minItems':
      return `Add at least ${String(p.limit)} ${p.limit === 1 ? 'item' : 'items'}`;
    case 'maxItems':
      return `Add at most ${String(p.limit)} ${p.limit === 1 ? 'item' : 'items'}`;
    case 'minLength':
      return `Must be at least ${String(p.limit)} ${p.limit === 1 ? 'character' : 'characters'} long`;
    case 'maxLength':
      return `Must be at most ${String(p.limit)} ${p.limit === 1 ? 'character' : 'characters'} long`;
    case 'enum':
      return 'Pick one of the options';
    case 'format':
      return `Must be a valid ${String(p.format)}`;
    case 'type':
      return `Must be ${/^[aeiou]/.test(String(p.type)) ? 'an' : 'a'} ${String(p.type)}`;
    case 'minimum':
    case 'exclusiveMinimum':
    case 'maximum':
    case 'exclusiveMaximum':
      return `Must be ${String(p.comparison)} ${String(p.limit)}`;
    default:
      return undefined;
  }
}

/** `errors` reworded; `data` is the form data they are about. */
export function friendlyErrors(errors: RJSFValidationError[], data?: unknown): RJSFValidationError[] {
  return errors.map((e) => {
    const message = reword(e, data);
    return message ? { ...e, message, stack: `${e.property ?? ''} ${message}`.trim() } : e;
  });
}
