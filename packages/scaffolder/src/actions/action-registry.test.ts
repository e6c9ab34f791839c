import { describe, expect, it } from 'vitest';
import { ScaffolderError } from '../errors/scaffolder-error.js';
import { ActionRegistry } from './action-registry.js';
import { createBuiltinRegistry } from './builtin-actions.js';
import { createTemplateAction } from './template-action.js';

const echo = createTemplateAction<{ n: number }>({
  id: 'test:echo',
  description: 'echo',
  schema: { input: { type: 'object', required: ['n'], properties: { n: { type: 'number' } } }, output: { type: 'object' } },
  async handler() {},
});

describe('ActionRegistry', () => {
  it('raises a conflict for a duplicate id', () => {
    const r = new ActionRegistry().register(echo);
    expect(() => r.register(echo)).toThrow(expect.objectContaining({ code: 'ACTION_CONFLICT', name: 'ConflictError' }));
  });

  it('raises not-found for an unknown id', () => {
    expect(() => new ActionRegistry().get('nope:x')).toThrow(expect.objectContaining({ code: 'ACTION_NOT_FOUND' }));
  });

  it('validates input against the schema', () => {
    const r = new ActionRegistry().register(echo);
    expect(() => r.validateInput('test:echo', { n: 1 })).not.toThrow();
    let err: unknown;
    try {
      r.validateInput('test:echo', { n: 'one' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ScaffolderError);
    expect((err as ScaffolderError).code).toBe('INPUT_INVALID');
    expect((err as Error).message).toMatch(/input\.n must be number/);
    expect(() => r.validateInput('test:echo', {})).toThrow(/requires property "n"/);
  });

  it('refuses an action with an invalid input schema', () => {
    const bad = createTemplateAction({ id: 'bad:x', schema: { input: { type: 'nonsense' } }, async handler() {} });
    expect(() => new ActionRegistry().register(bad)).toThrow(/invalid input schema/);
  });

  it('lists actions for GET /v2/actions', () => {
    const list = createBuiltinRegistry().list();
    expect(list.map((a) => a.id)).toEqual(['debug:log', 'fetch:plain', 'fetch:plain:file', 'fetch:template', 'fs:delete']);
    expect(list[0]).toMatchObject({ id: 'debug:log', description: expect.any(String), schema: { input: { type: 'object' } } });
  });
});
