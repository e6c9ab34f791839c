/** `sluice run` options: --input @file, --set, --properties, fast timers, errors and exit codes. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../src/main.js';
import { memoryIo } from './cli-io.js';

function workflowDir(definition: string, properties?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'sluice-run-'));
  writeFileSync(join(dir, 'wf.sw.yaml'), definition);
  if (properties !== undefined) writeFileSync(join(dir, 'application.properties'), properties);
  return dir;
}

const GREET = `id: greet
specVersion: '0.8'
start: Wait
functions:
  - name: hello
    type: expression
    operation: '{ greeting: ("Hello " + .name), who: $SECRET.greeter, region: $SECRET.cloud.region }'
states:
  - name: Wait
    type: sleep
    duration: PT1H
    transition: Greet
  - name: Greet
    type: operation
    actions:
      - functionRef: hello
    end: true
`;

describe('sluice run', () => {
  it('reads --input @file, application.properties with ${ENV:default}, and --set overrides', async () => {
    const dir = workflowDir(GREET, 'greeter=${GREETER_NAME:nobody}\ncloud.region=eu\n');
    writeFileSync(join(dir, 'input.json'), '{"name":"Ada"}');
    const io = memoryIo({ GREETER_NAME: 'sluice' });
    const code = await main(['run', join(dir, 'wf.sw.yaml'), '--input', `@${join(dir, 'input.json')}`, '--fast-timers', '--set', 'cloud.region=us'], io);
    expect(code, io.err()).toBe(0);
    expect(JSON.parse(io.out())).toEqual({ name: 'Ada', greeting: 'Hello Ada', who: 'sluice', region: 'us' });
    expect(io.err()).toMatch(/\+\s+0\.000s\s+Wait \(3600\.000s\)/);
    expect(io.err()).toContain('completed after 3600.000s');
  });

  it('uses the default of ${ENV:default} and --properties instead of the folder file', async () => {
    const dir = workflowDir(GREET, 'greeter=folder\n');
    const other = join(dir, 'other.properties');
    writeFileSync(other, 'greeter=${MISSING_VAR:fallback}\n');
    const io = memoryIo({});
    expect(await main(['run', join(dir, 'wf.sw.yaml'), '--input', '{"name":"Bo"}', '--fast-timers', '--properties', other], io)).toBe(0);
    expect(JSON.parse(io.out())).toMatchObject({ who: 'fallback', region: null });
  });

  it('exits 1 with the error code, message and state when the run faults', async () => {
    const dir = workflowDir(`id: boom
specVersion: '0.8'
start: Fail
functions:
  - name: bad
    type: expression
    operation: 'error("no quota left")'
states:
  - name: Fail
    type: operation
    actions: [{ functionRef: bad }]
    end: true
`);
    const io = memoryIo();
    expect(await main(['run', join(dir, 'wf.sw.yaml')], io)).toBe(1);
    expect(io.err()).toMatch(/instance faulted: EXPRESSION_FAILED .*no quota left.*\(state Fail\)/);
  });

  it('refuses bad input JSON, a missing properties file and an invalid definition', async () => {
    const dir = workflowDir(GREET);
    const a = memoryIo();
    expect(await main(['run', join(dir, 'wf.sw.yaml'), '--input', '{nope'], a)).toBe(2);
    expect(a.err()).toContain('--input is not valid JSON');
    const b = memoryIo();
    expect(await main(['run', join(dir, 'wf.sw.yaml'), '--properties', join(dir, 'none.properties')], b)).toBe(2);
    expect(b.err()).toContain('cannot read');
    const bad = workflowDir("id: x\nspecVersion: '0.8'\nstart: Nope\nstates:\n  - name: A\n    type: inject\n    data: {}\n    end: true\n");
    const c = memoryIo();
    expect(await main(['run', join(bad, 'wf.sw.yaml')], c)).toBe(1);
    expect(c.err()).toMatch(/wf\.sw\.yaml:3:\d+ UNKNOWN_STATE/);
    const d = memoryIo();
    expect(await main(['run'], d)).toBe(2);
  });

  it('stops and says why when the run waits for an event that cannot arrive', async () => {
    const dir = workflowDir(`id: waiter
specVersion: '0.8'
start: Wait
events:
  - name: approved
    source: /x
    type: approved
states:
  - name: Wait
    type: event
    onEvents: [{ eventRefs: [approved] }]
    end: true
`);
    const io = memoryIo();
    expect(await main(['run', join(dir, 'wf.sw.yaml')], io)).toBe(1);
    expect(io.err()).toContain('waits for an event');
  });
});
