import { describe, it, expect } from 'vitest';
import { dirnameOf, joinPath, normalizePath, resourcePath } from './resource-path.js';

const WF = 'workflows/create-ocp-namespace-swt/create-ocp-namespace-swt.sw.yaml';

describe('resourcePath', () => {
  it('joins relative paths to the definition folder', () => {
    expect(resourcePath(WF, 'schemas/x.json')).toBe('workflows/create-ocp-namespace-swt/schemas/x.json');
    expect(resourcePath(WF, './specs/a.yaml')).toBe('workflows/create-ocp-namespace-swt/specs/a.yaml');
    expect(resourcePath(WF, '../shared/schemas/r.json')).toBe('workflows/shared/schemas/r.json');
    expect(resourcePath('wf.sw.yaml', 'schemas/x.json')).toBe('schemas/x.json');
    expect(resourcePath('wf.sw.yaml', '../x.json')).toBe('../x.json');
  });

  it('maps classpath: URIs to the definition folder', () => {
    expect(resourcePath(WF, 'classpath:/schemas/x.json')).toBe('workflows/create-ocp-namespace-swt/schemas/x.json');
    expect(resourcePath(WF, 'classpath:schemas/x.json')).toBe('workflows/create-ocp-namespace-swt/schemas/x.json');
    expect(resourcePath('/srv/wf/a.sw.json', 'classpath:/x.json')).toBe('/srv/wf/x.json');
  });

  it('maps file: URIs', () => {
    expect(resourcePath(WF, 'file:specs/a.yaml')).toBe('workflows/create-ocp-namespace-swt/specs/a.yaml');
    expect(resourcePath(WF, 'file://myapis/greetingapis.json')).toBe('workflows/create-ocp-namespace-swt/myapis/greetingapis.json');
    expect(resourcePath(WF, 'file:///etc/specs/a.yaml')).toBe('/etc/specs/a.yaml');
    expect(resourcePath(WF, 'file:/etc/specs/a.yaml')).toBe('/etc/specs/a.yaml');
  });

  it('keeps http(s) and other schemes as they are', () => {
    expect(resourcePath(WF, 'https://example.com/api.yaml')).toBe('https://example.com/api.yaml');
    expect(resourcePath(WF, 'http://myapis.org/a.json')).toBe('http://myapis.org/a.json');
    expect(resourcePath(WF, 'urn:x:y')).toBe('urn:x:y');
  });

  it('keeps absolute paths absolute', () => {
    expect(resourcePath(WF, '/abs/../x.json')).toBe('/x.json');
  });
});

describe('path helpers', () => {
  it('dirnameOf', () => {
    expect(dirnameOf('a/b/c.yaml')).toBe('a/b');
    expect(dirnameOf('/c.yaml')).toBe('/');
    expect(dirnameOf('c.yaml')).toBe('');
  });

  it('joinPath and normalizePath', () => {
    expect(joinPath('a/b', '../../c')).toBe('c');
    expect(joinPath('a', '../../c')).toBe('../c');
    expect(joinPath('/', 'x')).toBe('/x');
    expect(normalizePath('a//b/./c/..')).toBe('a/b');
    expect(normalizePath('/../..')).toBe('/');
    expect(normalizePath('a/..')).toBe('.');
  });
});
