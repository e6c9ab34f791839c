/** The fields the server rejected (from a 400's pointers) as an RJSF `extraErrors` tree, so they show next to their inputs. */
import type { ErrorSchema } from '@rjsf/utils';
import type { FieldProblem } from './run-errors';

/** The error tree of `problems`, or of those under the top-level property `key` when given (keeping `key` as the first level). */
export function extraErrorsOf(problems: readonly FieldProblem[], key?: string): ErrorSchema | undefined {
  let tree: Record<string, unknown> | undefined;
  for (const p of problems) {
    const parts = p.pointer.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
    if (parts.length === 0 || (key !== undefined && parts[0] !== key)) continue;
    tree ??= {};
    let node = tree;
    for (const part of parts) node = (node[part] ??= {}) as Record<string, unknown>;
    node.__errors = [...((node.__errors as string[] | undefined) ?? []), p.message];
  }
  return tree as ErrorSchema | undefined;
}

/** The index of the step holding the field at `pointer` (steps by top-level key; a single step holds everything). */
export function stepOfPointer(stepKeys: readonly (string | undefined)[], pointer: string): number {
  const first = pointer.split('/')[1]?.replace(/~1/g, '/').replace(/~0/g, '~');
  const i = stepKeys.findIndex((k) => k === undefined || k === first);
  return i < 0 ? 0 : i;
}

/** The RJSF input id of the field at `pointer` (`/a/b/0` → `root_a_b_0`). */
export function fieldIdOf(pointer: string): string {
  return ['root', ...pointer.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))].join('_');
}
