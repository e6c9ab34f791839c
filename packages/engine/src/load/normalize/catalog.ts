/**
 * Event, error and retry definitions (spec 0.8 §Event Definition, §Error Definition, §Retry
 * Definition; checklist §9, §11, §12).
 */
import type { ErrorDef, EventDef, RetryDef } from '../../model/definition.js';
import type { Json, JsonObject } from '../../model/json.js';
import type { NamedEntry } from '../../validate/semantic.js';
import { flag, list, metadataOf, num, obj, text } from './coerce.js';
import type { NormalizeContext } from './context.js';
import type { SectionItems } from './sections.js';

/** Definitions by name (first one wins) and every named entry, duplicates included. @internal */
export interface Catalog<T> {
  readonly map: Map<string, T>;
  readonly entries: NamedEntry[];
}

function eachNamed<T>(
  ctx: NormalizeContext,
  section: SectionItems,
  what: string,
  build: (item: JsonObject, name: string, pointer: string) => T | undefined,
): Catalog<T> {
  const map = new Map<string, T>();
  const entries: NamedEntry[] = [];
  section.items.forEach((raw, i) => {
    const pointer = `${section.base}/${i}`;
    const item = obj(raw);
    const name = item ? text(item['name']) : undefined;
    if (!item || name === undefined) {
      ctx.error('MALFORMED', `${what} definition needs a "name"`, pointer, section.doc);
      return;
    }
    entries.push({ name, doc: section.doc, pointer });
    const def = build(item, name, pointer);
    if (def !== undefined && !map.has(name)) map.set(name, def);
  });
  return { map, entries };
}

/** Event definitions: `kind` defaults to `consumed`, `dataOnly` to `true` (strings coerced). @internal */
export function normalizeEvents(ctx: NormalizeContext, section: SectionItems): Catalog<EventDef> {
  return eachNamed(ctx, section, 'an event', (e, name, pointer) => {
    const kindText = text(e['kind']) ?? 'consumed';
    if (kindText !== 'consumed' && kindText !== 'produced') {
      ctx.error('MALFORMED', `event "${name}": kind must be "consumed" or "produced"`, `${pointer}/kind`, section.doc);
    }
    const correlation = (list(e['correlation']) ?? []).flatMap((c) => {
      const o = obj(c);
      const attr = o ? text(o['contextAttributeName']) : undefined;
      if (!o || attr === undefined) return [];
      const value = text(o['contextAttributeValue']);
      return [value !== undefined ? { contextAttributeName: attr, contextAttributeValue: value } : { contextAttributeName: attr }];
    });
    const source = text(e['source']);
    return {
      name,
      ...(source !== undefined ? { source } : {}),
      type: text(e['type']) ?? '',
      kind: kindText === 'produced' ? 'produced' : 'consumed',
      correlation,
      dataOnly: flag(e['dataOnly'], true),
      metadata: metadataOf(e['metadata']),
    };
  });
}

/** Error definitions; a numeric `code` (`404`) is kept as text. @internal */
export function normalizeErrors(ctx: NormalizeContext, section: SectionItems): Catalog<ErrorDef> {
  return eachNamed(ctx, section, 'an error', (e, name) => {
    const code = text(e['code']);
    const description = text(e['description']);
    return {
      name,
      ...(code !== undefined ? { code } : {}),
      ...(description !== undefined ? { description } : {}),
    };
  });
}

/**
 * Retry definitions. Missing `delay` and `increment` are 0 and `multiplier` is 1.
 *
 * `maxAttempts` counts retries, as the spec text says ("Maximum number of retry attempts. Value of 0
 * means no retries are performed", checklist §12.1); `RetryDef.maxAttempts` counts attempts, so it is
 * `maxAttempts + 1` (0 → a single attempt). A missing value (the schema requires it) also means no
 * retries. `jitter` is a fraction when a number in 0..1 (or a numeric string), else an ISO duration.
 * @internal
 */
export function normalizeRetries(ctx: NormalizeContext, section: SectionItems): Catalog<RetryDef> {
  const doc = section.doc;
  return eachNamed(ctx, section, 'a retry', (r, name, pointer) => {
    const ms = (key: string): number | undefined => ctx.duration(r[key], `${pointer}/${key}`, { doc })?.ms;
    const number = (key: string, ok: (n: number) => boolean, rule: string): number | undefined => {
      const raw: Json | undefined = r[key];
      if (raw === undefined || raw === null) return undefined;
      const n = num(raw);
      if (n === undefined || !ok(n)) {
        ctx.error('INVALID_VALUE', `retry "${name}": ${key} must be ${rule}, got ${JSON.stringify(raw)}`, `${pointer}/${key}`, doc);
        return undefined;
      }
      return n;
    };
    const retries = number('maxAttempts', (n) => Number.isInteger(n) && n >= 0, 'a whole number ≥ 0') ?? 0;
    const maxDelayMs = ms('maxDelay');
    return {
      name,
      delayMs: ms('delay') ?? 0,
      maxAttempts: retries + 1,
      ...(maxDelayMs !== undefined ? { maxDelayMs } : {}),
      incrementMs: ms('increment') ?? 0,
      multiplier: number('multiplier', (n) => n >= 0, 'a number ≥ 0') ?? 1,
      ...jitterOf(ctx, r['jitter'], `${pointer}/jitter`, name, section),
    };
  });
}

function jitterOf(
  ctx: NormalizeContext,
  raw: Json | undefined,
  pointer: string,
  name: string,
  section: SectionItems,
): Pick<RetryDef, 'jitter'> {
  if (raw === undefined || raw === null) return {};
  const n = num(raw);
  if (n !== undefined) {
    if (n >= 0 && n <= 1) return { jitter: { fraction: n } };
    ctx.error('INVALID_VALUE', `retry "${name}": a numeric jitter must be between 0 and 1, got ${n}`, pointer, section.doc);
    return {};
  }
  const d = ctx.duration(raw, pointer, { doc: section.doc });
  return d?.ms !== undefined ? { jitter: { ms: d.ms } } : {};
}
