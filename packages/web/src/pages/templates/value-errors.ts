/**
 * The 400 `{errors}` of `POST /v2/tasks` (Backstage's ValidationError list: property, path,
 * message, name, argument, page) placed on the form: per parameter page, an RJSF ErrorSchema that
 * puts each message next to its field, and a readable line per error for the list.
 */
import type { ErrorSchema } from '@rjsf/utils';

/** One error of a 400 answer. */
export interface ValueError {
  readonly property?: string;
  readonly path?: string;
  readonly message: string;
  readonly name?: string;
  readonly argument?: unknown;
  readonly page?: string;
}

export interface PlacedError {
  /** Index of the parameter page, or -1 when no page matches. */
  readonly page: number;
  /** The field's path (property names), empty for the page as a whole. */
  readonly field: readonly string[];
  readonly message: string;
  /** "Namespace: must match pattern …" */
  readonly text: string;
}

type Json = Record<string, unknown>;

/** True when `details` is a list of value errors (what the server sends with a 400 from POST /v2/tasks). */
export function isValueErrorList(details: unknown): details is ValueError[] {
  return Array.isArray(details) && details.every((d) => typeof d === 'object' && d !== null && typeof (d as { message?: unknown }).message === 'string');
}

function fieldOf(e: ValueError): string[] {
  const path = (e.path ?? '')
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (e.name === 'required' && typeof e.argument === 'string') path.push(e.argument);
  return path;
}

/** The title of the field at `field` in `schema` (its last name when it has none). */
function titleOf(schema: Json, field: readonly string[]): string {
  let node: Json | undefined = schema;
  for (const name of field) node = (node?.properties as Json | undefined)?.[name] as Json | undefined;
  const title = node?.title;
  return typeof title === 'string' ? title : (field[field.length - 1] ?? '');
}

/** Places each error on its page (by page title, or `page N`) and field. */
export function placeErrors(errors: readonly ValueError[], pages: readonly { title: string; schema: Record<string, unknown> }[]): PlacedError[] {
  return errors.map((e) => {
    let page = pages.findIndex((p) => p.title === e.page);
    const numbered = e.page?.match(/^page (\d+)$/);
    if (page < 0 && numbered) page = Number(numbered[1]) - 1;
    if (page >= pages.length) page = -1;
    const field = fieldOf(e);
    const message = e.name === 'required' ? 'is required' : e.message;
    const title = page >= 0 && field.length > 0 ? titleOf(pages[page]!.schema, field) : field.join('.');
    return { page, field, message, text: title ? `${title}: ${message}` : message };
  });
}

/** The ErrorSchema of page `page` (messages next to their fields), or undefined when it has none. */
export function errorSchemaOf(placed: readonly PlacedError[], page: number): ErrorSchema | undefined {
  const mine = placed.filter((p) => p.page === page);
  if (mine.length === 0) return undefined;
  const root: Json = {};
  for (const p of mine) {
    let node = root;
    for (const name of p.field) node = (node[name] ??= {}) as Json;
    ((node.__errors ??= []) as string[]).push(p.message);
  }
  return root as ErrorSchema;
}
