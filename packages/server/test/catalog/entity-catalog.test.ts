// The catalog folder loader and the Directory over a real SQLite database: problems with file:line:col,
// reloads, uid/etag, group membership in both directions, nested groups, owners and exclusions.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EntityCatalog } from '../../src/catalog/entity-catalog.js';
import { registerEntity } from '../../src/catalog/register-entity.js';
import { openCatalogDb, type CatalogDb } from './catalog-db.js';

let cdb: CatalogDb;
let folder: string;
const clock = { now: () => 1_000_000 };
let n = 0;
const ids = { newId: () => `uid-${++n}` };
const catalog = (): EntityCatalog => new EntityCatalog({ db: cdb.db, clock, ids });

const user = (name: string, memberOf: string[] = [], extra = ''): string =>
  `apiVersion: backstage.io/v1alpha1\nkind: User\nmetadata:\n  name: ${name}\n${extra}spec:\n  memberOf: [${memberOf.join(', ')}]\n`;
const group = (name: string, spec: string): string => `apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: ${name}\nspec:\n  type: team\n${spec}`;
const write = (path: string, text: string): void => {
  mkdirSync(join(folder, path, '..'), { recursive: true });
  writeFileSync(join(folder, path), text);
};

beforeEach(async () => {
  cdb = await openCatalogDb();
  folder = join(cdb.dir, 'catalog');
  mkdirSync(folder);
});
afterEach(() => cdb.close());

describe('loadFolder', () => {
  it('reports a broken YAML file as file:line:col and still loads the other files', async () => {
    write('a-users.yaml', `${user('dev1')}---\n${user('dev2')}`);
    write('b-broken.yaml', 'apiVersion: backstage.io/v1alpha1\nkind: User\nmetadata:\n  name: [oops\n');
    write('teams/c.yml', group('developers', '  members: [dev1, dev2]\n'));
    write('notes.txt', 'not a catalog file');
    const c = catalog();
    const problems = await c.loadFolder(folder);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(new RegExp(`^${join(folder, 'b-broken.yaml').replace(/[.]/g, '\\.')}:5:1 `));
    expect(await c.users()).toEqual(['user:default/dev1', 'user:default/dev2']);
    expect(await c.usersFor('group:default/developers')).toEqual(['user:default/dev1', 'user:default/dev2']);
    expect(await c.sourceOf('group:default/developers')).toBe('file:teams/c.yml');
  });

  it('reports an invalid entity at the offending field and keeps the valid documents of the file', async () => {
    write('users.yaml', `${user('ok')}---\n${user('bad_name_')}---\nkind: User\nmetadata:\n  name: x\n`);
    const problems = await catalog().loadFolder(folder);
    const file = join(folder, 'users.yaml');
    expect(problems).toContain(`${file}:11:9 metadata.name must match pattern "^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$"`);
    expect(problems).toContain(`${file}:15:1 apiVersion is required`);
    expect(await catalog().users()).toEqual(['user:default/ok']);
  });

  it('reports a ref defined twice and keeps the first file', async () => {
    write('a.yaml', user('dev1', [], '  title: first\n'));
    write('b.yaml', user('DEV1', [], '  title: second\n'));
    const problems = await catalog().loadFolder(folder);
    expect(problems).toEqual([`${join(folder, 'b.yaml')}:1:1 user:default/dev1 is already defined in a.yaml; this one is ignored`]);
    expect((await catalog().get('user:default/dev1'))?.metadata.title).toBe('first');
  });

  it('removes entities whose file or document is gone, but keeps those of a file that is now broken', async () => {
    write('a.yaml', `${user('a1')}---\n${user('a2')}`);
    write('b.yaml', user('b1'));
    write('c.yaml', user('c1'));
    const c = catalog();
    expect(await c.loadFolder(folder)).toEqual([]);
    write('a.yaml', user('a1'));
    rmSync(join(folder, 'b.yaml'));
    write('c.yaml', 'kind: [\n');
    const problems = await c.loadFolder(folder);
    expect(problems).toHaveLength(1);
    expect(await c.users()).toEqual(['user:default/a1', 'user:default/c1']);
  });

  it('keeps uid across reloads and changes etag only when the content changes', async () => {
    write('u.yaml', user('dev1'));
    const c = catalog();
    await c.loadFolder(folder);
    const first = (await c.get('user:default/dev1'))!;
    expect(first.metadata).toMatchObject({ name: 'dev1', namespace: 'default', uid: expect.any(String), etag: expect.any(String) });
    await c.loadFolder(folder);
    expect((await c.get('user:default/dev1'))!.metadata).toMatchObject({ uid: first.metadata.uid, etag: first.metadata.etag });
    write('u.yaml', user('dev1', [], '  title: Dev One\n'));
    await c.loadFolder(folder);
    const changed = (await c.get('user:default/dev1'))!;
    expect(changed.metadata.uid).toBe(first.metadata.uid);
    expect(changed.metadata.etag).not.toBe(first.metadata.etag);
  });

  it('a missing folder has no entities and no problems', async () => {
    expect(await catalog().loadFolder(join(folder, 'nope'))).toEqual([]);
  });

  it('file entities replace ones registered through the API (reported); the API cannot replace file entities', async () => {
    const c = catalog();
    await registerEntity(c, { apiVersion: 'backstage.io/v1alpha1', kind: 'User', metadata: { name: 'dev1' } }, { source: 'api' });
    write('u.yaml', user('dev1'));
    const problems = await c.loadFolder(folder);
    expect(problems).toEqual([`${join(folder, 'u.yaml')}:1:1 user:default/dev1 replaces the entity registered by api`]);
    await expect(registerEntity(c, { apiVersion: 'backstage.io/v1alpha1', kind: 'User', metadata: { name: 'dev1' } }, { source: 'template:t1' })).rejects.toMatchObject({
      status: 409,
    });
    await expect(c.unregister('user:default/dev1')).rejects.toMatchObject({ status: 409 });
  });
});

describe('Directory', () => {
  beforeEach(async () => {
    // developers ⊃ team-a (via team-a's spec.parent) ⊃ team-b (via team-a's spec.children).
    write('org.yaml', [
      user('dev1', ['developers']),
      user('alice', ['team-a']),
      user('bob'),
      user('carol', ['group:default/team-b']),
      user('Admin', ['platform-admins']),
      group('developers', '  children: []\n'),
      group('team-a', '  parent: developers\n  children: [team-b]\n  members: [bob]\n'),
      group('team-b', '  children: []\n'),
      group('platform-admins', '  members: [admin, ghost]\n'),
      'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: svc\nspec:\n  owner: team-a\n',
      'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: solo\nspec:\n  owner: user:alice\n',
    ].join('---\n'));
    expect(await catalog().loadFolder(folder)).toEqual([]);
  });

  it('knows users case-insensitively', async () => {
    const c = catalog();
    expect(await c.users()).toEqual(['user:default/admin', 'user:default/alice', 'user:default/bob', 'user:default/carol', 'user:default/dev1']);
    expect(await c.hasUser('user:default/ADMIN')).toBe(true);
    expect(await c.hasUser('user:default/ghost')).toBe(false);
    expect(await c.hasUser('group:default/developers')).toBe(false);
  });

  it('groupsOf takes memberOf and members, then parents transitively through parent and children', async () => {
    const c = catalog();
    expect(await c.groupsOf('user:default/dev1')).toEqual(['group:default/developers']);
    expect(await c.groupsOf('user:default/bob')).toEqual(['group:default/developers', 'group:default/team-a']);
    expect(await c.groupsOf('user:default/carol')).toEqual(['group:default/developers', 'group:default/team-a', 'group:default/team-b']);
    expect(await c.groupsOf('user:default/nobody')).toEqual([]);
  });

  it('usersFor expands groups through child groups, owners, and skips unknown refs', async () => {
    const c = catalog();
    expect(await c.usersFor('group:default/developers')).toEqual(['user:default/alice', 'user:default/bob', 'user:default/carol', 'user:default/dev1']);
    expect(await c.usersFor('group:default/platform-admins')).toEqual(['user:default/admin']);
    expect(await c.usersFor('component:default/svc')).toEqual(['user:default/alice', 'user:default/bob', 'user:default/carol']);
    expect(await c.usersFor('component:default/solo')).toEqual(['user:default/alice']);
    expect(await c.usersFor('user:default/Dev1')).toEqual(['user:default/dev1']);
    expect(await c.usersFor('user:default/ghost')).toEqual([]);
    expect(await c.usersFor('group:default/nope')).toEqual([]);
    expect(await c.usersFor('dev1')).toEqual([]);
  });

  it('usersFor leaves out excluded users and does not expand excluded groups', async () => {
    const c = catalog();
    expect(await c.usersFor('group:default/developers', ['user:default/bob'])).toEqual(['user:default/alice', 'user:default/carol', 'user:default/dev1']);
    expect(await c.usersFor('group:default/developers', ['group:default/team-a'])).toEqual(['user:default/dev1']);
    expect(await c.usersFor('group:default/developers', ['group:default/developers'])).toEqual([]);
  });

  it('serves relations in both directions', async () => {
    const c = catalog();
    const teamA = await c.get('group:default/team-a');
    expect(teamA?.relations).toEqual(
      expect.arrayContaining([
        { type: 'hasMember', targetRef: 'user:default/alice' },
        { type: 'hasMember', targetRef: 'user:default/bob' },
        { type: 'childOf', targetRef: 'group:default/developers' },
        { type: 'parentOf', targetRef: 'group:default/team-b' },
        { type: 'ownerOf', targetRef: 'component:default/svc' },
      ]),
    );
    expect((await c.get('component:default/svc'))?.relations).toEqual([{ type: 'ownedBy', targetRef: 'group:default/team-a' }]);
  });

  it('sees an entity registered later at once', async () => {
    const c = catalog();
    await registerEntity(c, { apiVersion: 'backstage.io/v1alpha1', kind: 'User', metadata: { name: 'dave' }, spec: { memberOf: ['team-b'] } }, { source: 'template:t1' });
    expect(await c.groupsOf('user:default/dave')).toEqual(['group:default/developers', 'group:default/team-a', 'group:default/team-b']);
    expect(await c.sourceOf('user:default/dave')).toBe('template:t1');
    await c.unregister('user:default/dave');
    expect(await c.hasUser('user:default/dave')).toBe(false);
  });
});
