// Local $ref resolution inside one OpenAPI document.
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '@sluice/engine';
import { jsonPointerGet, resolveLocalRef } from './local-ref.js';

const doc: JsonObject = {
  components: {
    parameters: { Id: { name: 'id', in: 'path' }, Alias: { $ref: '#/components/parameters/Id' } },
    schemas: { 'a/b': { type: 'string' }, 'c~d': { type: 'number' }, list: [{ x: 1 }] },
    loop: { $ref: '#/components/loop' },
  },
};

describe('resolveLocalRef', () => {
  it('returns values without $ref unchanged', () => {
    const v = { name: 'q', in: 'query' };
    expect(resolveLocalRef(doc, v)).toBe(v);
    expect(resolveLocalRef(doc, undefined)).toBeUndefined();
  });

  it('follows chains of local refs', () => {
    expect(resolveLocalRef(doc, { $ref: '#/components/parameters/Alias' })).toEqual({ name: 'id', in: 'path' });
  });

  it('decodes ~1, ~0, percent-encoding and array indexes', () => {
    expect(jsonPointerGet(doc, '#/components/schemas/a~1b')).toEqual({ type: 'string' });
    expect(jsonPointerGet(doc, '#/components/schemas/c~0d')).toEqual({ type: 'number' });
    expect(jsonPointerGet(doc, '#/components/schemas/a%7E1b')).toEqual({ type: 'string' });
    expect(jsonPointerGet(doc, '#/components/schemas/list/0/x')).toBe(1);
    expect(jsonPointerGet(doc, '#')).toBe(doc);
  });

  it('rejects external refs, missing targets and cycles with a non-retryable WorkflowError', () => {
    expect(() => resolveLocalRef(doc, { $ref: 'other.yaml#/x' })).toThrow(/only local/);
    expect(() => resolveLocalRef(doc, { $ref: '#/components/nope' })).toThrow(/not found/);
    expect(() => resolveLocalRef(doc, { $ref: '#/components/loop' })).toThrow(/cycle/);
    try {
      resolveLocalRef(doc, { $ref: '#/components/nope' });
    } catch (e) {
      expect(e).toMatchObject({ code: 'FUNCTION_FAILED', retryable: false });
    }
  });
});
