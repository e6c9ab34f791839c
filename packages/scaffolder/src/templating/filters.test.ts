import { describe, expect, it } from 'vitest';
import { parseEntityRef, parseRepoUrl, pick, projectSlug } from './filters.js';

describe('filters', () => {
  it('parseRepoUrl reads owner, repo, organization, workspace, project', () => {
    expect(parseRepoUrl('github.com?owner=o&repo=r')).toEqual({ host: 'github.com', owner: 'o', repo: 'r' });
    expect(parseRepoUrl('dev.azure.com?organization=org&project=p&repo=r')).toEqual({ host: 'dev.azure.com', organization: 'org', project: 'p', repo: 'r' });
    expect(parseRepoUrl('bitbucket.org?workspace=w&project=p&repo=r')).toMatchObject({ workspace: 'w', project: 'p', repo: 'r' });
    expect(() => parseRepoUrl('github.com?repo=r')).toThrow(/missing owner/);
    expect(() => parseRepoUrl(42)).toThrow(/Invalid repo URL/);
  });

  it('projectSlug is owner/repo', () => {
    expect(projectSlug('gitlab.com?owner=group/sub&repo=r')).toBe('group/sub/r');
  });

  it('parseEntityRef applies defaults and needs a kind', () => {
    expect(parseEntityRef('component:ns/name')).toEqual({ kind: 'component', namespace: 'ns', name: 'name' });
    expect(parseEntityRef('ns/name', { defaultKind: 'group' })).toEqual({ kind: 'group', namespace: 'ns', name: 'name' });
    expect(() => parseEntityRef('name')).toThrow(/missing or empty kind/);
  });

  it('pick reads own properties by path only', () => {
    expect(pick({ a: { b: 1 } }, 'a.b')).toBe(1);
    expect(pick({}, 'constructor')).toBeUndefined();
  });
});
