/** Timeouts at workflow, state and branch level (spec 0.8 §Workflow Timeouts; checklist §13). */
import type { Timeouts } from '../../model/definition.js';
import type { DurationSpec } from '../../model/expression.js';
import type { Json } from '../../model/json.js';
import type { SourceDocument } from '../document.js';
import { flag, obj, text } from './coerce.js';
import type { NormalizeContext } from './context.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * Normalizes a `timeouts` object. Durations must be ISO-8601 without months or years; `eventTimeout`
 * may also be a jq expression such as `$CONST.timeout` (SonataFlow, checklist §13.5).
 * `workflowExecTimeout.interrupt` defaults to `true`, as the 0.8 JSON Schema says and as SonataFlow
 * behaves (it cancels the instance); RHDH workflows write `workflowExecTimeout: {duration: PT24H}` and
 * expect the run to stop. The spec text says `false`; docs/semantics.md records the choice.
 * @internal
 */
export function normalizeTimeouts(
  ctx: NormalizeContext,
  value: Json | undefined,
  pointer: string,
  doc: SourceDocument = ctx.doc,
): Timeouts {
  const out: Mutable<Timeouts> = {};
  if (value === undefined || value === null) return out;
  const t = obj(value);
  if (!t) {
    ctx.error('MALFORMED', 'timeouts must be an object', pointer, doc);
    return out;
  }
  const dur = (v: Json | undefined, p: string, allowExpr = false): DurationSpec | undefined =>
    ctx.duration(v, p, { doc, allowExpr });

  const wf = t['workflowExecTimeout'];
  if (wf !== undefined) {
    const p = `${pointer}/workflowExecTimeout`;
    const o = obj(wf);
    // Kept even when the duration is unusable (already reported), so runBefore still counts as a reference.
    const duration = (o ? dur(o['duration'], `${p}/duration`) : dur(wf, p)) ?? { text: text(o ? o['duration'] : wf) ?? '' };
    const runBefore = o ? text(o['runBefore']) : undefined;
    out.workflowExecTimeout = {
      duration,
      interrupt: o ? flag(o['interrupt'], true) : true,
      ...(runBefore !== undefined ? { runBefore } : {}),
    };
  }
  const st = t['stateExecTimeout'];
  if (st !== undefined) {
    const p = `${pointer}/stateExecTimeout`;
    const o = obj(st);
    if (o) {
      const total = dur(o['total'], `${p}/total`);
      const single = dur(o['single'], `${p}/single`);
      if (total) out.stateExecTimeout = single ? { single, total } : { total };
      else if (o['total'] === undefined) ctx.error('MALFORMED', 'stateExecTimeout needs "total"', p, doc);
    } else {
      const total = dur(st, p);
      if (total) out.stateExecTimeout = { total };
    }
  }
  const action = dur(t['actionExecTimeout'], `${pointer}/actionExecTimeout`);
  if (action) out.actionExecTimeout = action;
  const branch = dur(t['branchExecTimeout'], `${pointer}/branchExecTimeout`);
  if (branch) out.branchExecTimeout = branch;
  const event = dur(t['eventTimeout'], `${pointer}/eventTimeout`, true);
  if (event) out.eventTimeout = event;
  return out;
}
