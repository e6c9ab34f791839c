import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WorkflowRegistry } from './workflow-registry.js';

const greeting = (message: string, version = '1.0') => `id: greeting
version: '${version}'
specVersion: '0.8'
name: Greeting
start: Hello
states:
  - name: Hello
    type: inject
    data: { message: ${message} }
    end: true
`;

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'sluice-registry-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

describe('WorkflowRegistry', () => {
  it('loads available workflows and lists broken ones as unavailable with file:line:col problems', async () => {
    const dir = folder({
      'greeting/greeting.sw.yaml': greeting('hi'),
      'broken/broken.sw.yaml': "id: broken\nspecVersion: '0.8'\nstart: Nowhere\nstates:\n  - name: A\n    type: inject\n    data: {}\n    end: true\n",
    });
    const r = new WorkflowRegistry({ folder: dir, env: () => ({}) });
    await r.reload();
    expect(r.entriesList().map((e) => [e.id, e.available])).toEqual([
      ['broken', false],
      ['greeting', true],
    ]);
    expect(r.entry('broken')!.problems.join('\n')).toMatch(/broken\.sw\.yaml:3:\d+ /);
    expect(r.get('broken')).toBeUndefined();
    expect(r.get('greeting')?.def.name).toBe('Greeting');
    expect([...r.list()].map((x) => x.def.id)).toEqual(['greeting']);
  });

  it('marks a workflow whose application.properties names an unset variable unavailable, naming it and its line', async () => {
    const dir = folder({
      'greeting/greeting.sw.yaml': greeting('hi'),
      'greeting/application.properties': '# comment\nservice_url=${SERVICE_URL}\nquarkus.rest-client.svc.url=${service_url}\ntimeout=${TIMEOUT:30}\n',
    });
    const env: Record<string, string> = {};
    const r = new WorkflowRegistry({ folder: dir, env: () => env });
    await r.reload();
    expect(r.entry('greeting')).toMatchObject({ available: false, problems: [`${join(dir, 'greeting')}/application.properties:2: SERVICE_URL is not set`] });
    env.SERVICE_URL = 'http://127.0.0.1:1';
    await r.reload();
    expect(r.entry('greeting')).toMatchObject({ available: true, problems: [] });
    expect(r.get('greeting')!.config.get('quarkus.rest-client.svc.url')).toBe('http://127.0.0.1:1');
  });

  it('keeps earlier versions reachable after a reload, so running instances keep their definition', async () => {
    const dir = folder({ 'greeting/greeting.sw.yaml': greeting('first') });
    const r = new WorkflowRegistry({ folder: dir, env: () => ({}) });
    await r.reload();
    const v1 = r.entry('greeting')!.version!;
    expect(v1).toMatch(/^1\.0\+[0-9a-f]{8}$/);
    writeFileSync(join(dir, 'greeting/greeting.sw.yaml'), greeting('second'));
    await r.reload();
    const v2 = r.entry('greeting')!.version!;
    expect(v2).not.toBe(v1);
    expect(v2.startsWith('1.0+')).toBe(true);
    const dataOf = (v?: string) => (r.get('greeting', v)!.def.states.get('Hello') as unknown as { data: unknown }).data;
    expect(dataOf(v1)).toEqual({ message: 'first' });
    expect(dataOf(v2)).toEqual({ message: 'second' });
    expect(dataOf()).toEqual({ message: 'second' });
    // Same text, same version: a restart finds the version its instances recorded.
    const again = new WorkflowRegistry({ folder: dir, env: () => ({}) });
    await again.reload();
    expect(again.entry('greeting')!.version).toBe(v2);
  });

  it('reports a workflow id defined twice', async () => {
    const dir = folder({ 'a/greeting.sw.yaml': greeting('a'), 'b/greeting.sw.yaml': greeting('b') });
    const r = new WorkflowRegistry({ folder: dir, env: () => ({}) });
    await r.reload();
    expect(r.entry('greeting')!.available).toBe(false);
    expect(r.entry('greeting')!.problems.join()).toMatch(/defined twice/);
  });

  it('lets workflowProperties override application.properties', async () => {
    const dir = folder({ 'greeting/greeting.sw.yaml': greeting('hi'), 'greeting/application.properties': 'url=${U}\n' });
    const r = new WorkflowRegistry({ folder: dir, env: () => ({}), properties: { '*': { url: 'http://x' }, greeting: { other: 'y' } } });
    await r.reload();
    expect(r.entry('greeting')!.available).toBe(true);
    expect(r.get('greeting')!.config.get('url')).toBe('http://x');
    expect(r.get('greeting')!.config.get('other')).toBe('y');
  });
});
