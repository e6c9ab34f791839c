/**
 * The `states` list: properties common to every state (spec 0.8 §State Definition; checklist §4)
 * and the dispatch to the per-type builders in `state-types.ts`.
 */
import type { StateDef, StateType } from '../../model/definition.js';
import type { Json, JsonObject } from '../../model/json.js';
import type { NamedEntry } from '../../validate/semantic.js';
import { flag, list, metadataOf, obj, text } from './coerce.js';
import type { NormalizeContext } from './context.js';
import { normalizeExit, normalizeOnErrors } from './exits.js';
import { buildTypedState, type CommonFields } from './state-types.js';
import { normalizeTimeouts } from './timeouts.js';

const STATE_TYPES: readonly StateType[] = ['operation', 'switch', 'sleep', 'inject', 'event', 'callback', 'parallel', 'foreach'];

/** States by name (first one wins), every named entry, and the names in document order. @internal */
export interface StatesResult {
  readonly states: Map<string, StateDef>;
  readonly entries: NamedEntry[];
}

/** Normalizes `/states`. @internal */
export function normalizeStates(ctx: NormalizeContext, raw: Json | undefined): StatesResult {
  const states = new Map<string, StateDef>();
  const entries: NamedEntry[] = [];
  const items = list(raw);
  if (!items || items.length === 0) {
    ctx.error('MALFORMED', 'a workflow needs at least one state', '/states');
    return { states, entries };
  }
  items.forEach((item, i) => {
    const pointer = `/states/${i}`;
    const s = obj(item);
    const name = s ? text(s['name']) : undefined;
    if (!s || name === undefined) {
      ctx.error('MALFORMED', 'a state needs a "name"', pointer);
      return;
    }
    entries.push({ name, doc: ctx.doc, pointer });
    const type = text(s['type']);
    if (type === undefined || !(STATE_TYPES as readonly string[]).includes(type)) {
      ctx.error('UNKNOWN_STATE_TYPE', `state "${name}" has unknown type ${JSON.stringify(type ?? null)}; known: ${STATE_TYPES.join(', ')}`, `${pointer}/type`);
      return;
    }
    const state = buildTypedState(ctx, type as StateType, s, commonFields(ctx, s, name, pointer));
    if (!states.has(name)) states.set(name, state);
  });
  return { states, entries };
}

function commonFields(ctx: NormalizeContext, s: JsonObject, name: string, pointer: string): CommonFields {
  const out: { -readonly [K in keyof CommonFields]: CommonFields[K] } = {
    name,
    pointer,
    onErrors: normalizeOnErrors(ctx, s['onErrors'], `${pointer}/onErrors`),
    timeouts: normalizeTimeouts(ctx, s['timeouts'], `${pointer}/timeouts`),
    usedForCompensation: flag(s['usedForCompensation'], false),
    metadata: metadataOf(s['metadata']),
    ...normalizeExit(ctx, s, pointer),
  };
  const filter = obj(s['stateDataFilter']);
  if (filter) {
    const input = ctx.expr(filter['input'], `${pointer}/stateDataFilter/input`);
    const output = ctx.expr(filter['output'], `${pointer}/stateDataFilter/output`);
    if (input || output) out.stateDataFilter = { ...(input ? { input } : {}), ...(output ? { output } : {}) };
  }
  const compensatedBy = text(s['compensatedBy']);
  if (compensatedBy !== undefined) out.compensatedBy = compensatedBy;
  // SonataFlow evaluates metadata.errorMessage like a function argument: literal text when not jq.
  const meta = obj(s['metadata']);
  if (meta && meta['errorMessage'] !== undefined) {
    const errorMessage = ctx.args(meta['errorMessage'], `${pointer}/metadata/errorMessage`);
    if (errorMessage) out.errorMessage = errorMessage;
  }
  return out;
}
