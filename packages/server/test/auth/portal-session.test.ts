import { expect, it } from 'vitest';
import { toUserRef } from '../../src/auth/portal-session.js';

it('turns what a guest picks into a lower-cased user ref, and refuses other kinds', () => {
  expect(toUserRef('dev1')).toBe('user:default/dev1');
  expect(toUserRef('Dev1')).toBe('user:default/dev1');
  expect(toUserRef('user:dev1')).toBe('user:default/dev1');
  expect(toUserRef('team-a/dev1')).toBe('user:team-a/dev1');
  expect(toUserRef('User:Default/Admin')).toBe('user:default/admin');
  for (const bad of ['', ' ', 'group:default/developers', 'component:x', 'user:', 'user:/x', 'user:default/', 'two words']) expect(toUserRef(bad), bad).toBeUndefined();
});
