// Entity reference parsing and notification recipient expansion, without a server.
import { describe, expect, it } from 'vitest';
import { entityDirectory, expandRecipients, normalizeEntityRef, parseEntityRef } from './entity-ref.js';

describe('entity refs', () => {
  it('parses full, namespace-less and kind-less refs', () => {
    expect(parseEntityRef('user:default/jsmith')).toEqual({ kind: 'user', namespace: 'default', name: 'jsmith' });
    expect(parseEntityRef('group:ops')).toEqual({ kind: 'group', namespace: 'default', name: 'ops' });
    expect(parseEntityRef('my-template', 'template')).toEqual({ kind: 'template', namespace: 'default', name: 'my-template' });
    expect(parseEntityRef('my-template')).toBeUndefined();
    expect(parseEntityRef('a:b:c')).toBeUndefined();
    expect(parseEntityRef('a:b/c/d')).toBeUndefined();
  });

  it('normalizes kind and namespace to lower case and keeps the name', () => {
    expect(normalizeEntityRef('User:Default/JSmith')).toBe('user:default/JSmith');
  });

  it('expands users, nested groups with a cycle, owners and exclusions', () => {
    const directory = entityDirectory(
      { 'group:a': ['user:x', 'group:b'], 'group:b': ['user:y', 'group:a'] },
      { 'component:default/web': 'user:z', 'api:default/unowned': 'group:default/missing' },
    );
    expect(expandRecipients(['group:default/a', 'component:web', 'api:unowned', 'system:none', '::'], [], directory)).toEqual([
      'user:default/x',
      'user:default/y',
      'user:default/z',
    ]);
    expect(expandRecipients(['group:a'], ['group:b'], directory)).toEqual([]);
    expect(expandRecipients(['group:a', 'user:q'], ['user:x'], directory)).toEqual(['user:default/y', 'user:default/q']);
  });
});
