import { describe, expect, it } from 'vitest';
import { ScaffolderError } from '../errors/scaffolder-error.js';
import { renderValue, singleExpression } from './render-value.js';
import { createTemplater } from './templater.js';

const t = createTemplater();
const ctx = {
  parameters: { name: 'svc', count: 3, enabled: false, tags: ['a', 'b'], repoUrl: 'gitlab.example.com?owner=team&repo=app', obj: { x: 1 } },
  user: { ref: 'user:default/dev1', entity: { metadata: { name: 'dev1' } } },
};
const render = (v: unknown): unknown => renderValue(v, ctx, t);

describe('renderValue', () => {
  it('keeps the JSON type of a single expression', () => {
    expect(render('${{ parameters.count }}')).toBe(3);
    expect(render('${{ parameters.enabled }}')).toBe(false);
    expect(render('${{ parameters.tags }}')).toEqual(['a', 'b']);
    expect(render('${{ parameters.obj }}')).toEqual({ x: 1 });
    expect(render('${{ parameters.name }}')).toBe('svc');
    expect(render('${{ parameters.count + 1 }}')).toBe(4);
  });

  it('renders mixed text as a string and leaves {{ }} and ${VAR} alone', () => {
    expect(render('n-${{ parameters.count }}')).toBe('n-3');
    expect(render('{{ keep }} ${HOME} ${{ parameters.name }}')).toBe('{{ keep }} ${HOME} svc');
    expect(render('no templating')).toBe('no templating');
  });

  it('renders undefined variables as empty (a single one as undefined) instead of throwing', () => {
    expect(render('${{ parameters.missing }}')).toBeUndefined();
    expect(render('x-${{ parameters.missing.deeper }}-y')).toBe('x--y');
  });

  it('renders objects and arrays recursively, dropping members that render undefined', () => {
    expect(render({ a: '${{ parameters.count }}', b: ['${{ parameters.name }}', 2], c: '${{ nope }}', d: true })).toEqual({
      a: 3,
      b: ['svc', 2],
      d: true,
    });
  });

  it('has parseRepoUrl, projectSlug, parseEntityRef, pick and the nunjucks built-ins', () => {
    expect(render('${{ parameters.repoUrl | parseRepoUrl }}')).toEqual({ host: 'gitlab.example.com', owner: 'team', repo: 'app' });
    expect(render('${{ (parameters.repoUrl | parseRepoUrl).owner }}')).toBe('team');
    expect(render('${{ parameters.repoUrl | projectSlug }}')).toBe('team/app');
    expect(render('${{ user.ref | parseEntityRef }}')).toEqual({ kind: 'user', namespace: 'default', name: 'dev1' });
    expect(render("${{ 'dev2' | parseEntityRef({ defaultKind: 'group', defaultNamespace: 'ns' }) }}")).toEqual({ kind: 'group', namespace: 'ns', name: 'dev2' });
    expect(render("${{ user.ref | parseEntityRef | pick('name') }}")).toBe('dev1');
    expect(render("${{ user.entity | pick('metadata.name') }}")).toBe('dev1');
    expect(render('${{ parameters.name | upper }}')).toBe('SVC');
    expect(render("${{ parameters.tags | join(',') }}")).toBe('a,b');
    expect(render('{% if parameters.enabled %}on{% else %}off{% endif %}${{ "" }}')).toBe('off');
  });

  it('reports filter errors and syntax errors with code', () => {
    expect(() => render('${{ "x.com?owner=o" | parseRepoUrl }}')).toThrow(/missing repo/);
    expect(() => render('${{ parameters.name | }}')).toThrow(ScaffolderError);
    try {
      render('${{ parameters.( }}');
    } catch (err) {
      expect((err as ScaffolderError).code).toBe('TEMPLATING_FAILED');
    }
  });

  it('does not reach the Function constructor or globals', () => {
    expect(() => render('${{ range.constructor("return process")() }}')).toThrow(/Unable to call/);
    expect(() => render("${{ range['constr' + 'uctor']('return process')() }}")).toThrow(/Unable to call/);
    expect(render('${{ parameters.name.constructor }}')).toBeUndefined();
    expect(render("${{ parameters['__proto__'] }}")).toBeUndefined();
    expect(render('${{ process }}')).toBeUndefined();
    expect(render('${{ globalThis }}')).toBeUndefined();
  });

  it('finds single expressions', () => {
    expect(singleExpression('${{ a }}')).toBe(' a ');
    expect(singleExpression('${{ a }}${{ b }}')).toBeUndefined();
    expect(singleExpression('x${{ a }}')).toBeUndefined();
  });
});
