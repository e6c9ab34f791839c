/** The workflow the crash and scale-out tests run: a REST call, a sleep, an event, another REST call. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const CRASH_WORKFLOW = `id: crash
specVersion: '0.8'
start: First
events:
  - name: go
    source: /crash-test
    type: crash.go
functions:
  - name: count
    type: custom
    operation: rest:post:/count/{step}
states:
  - name: First
    type: operation
    actions:
      - functionRef: { refName: count, arguments: { step: one, instance: $WORKFLOW.instanceId } }
        actionDataFilter: { toStateData: .first }
    transition: Nap
  - name: Nap
    type: sleep
    duration: PT0.3S
    transition: Wait
  - name: Wait
    type: event
    onEvents:
      - eventRefs: [go]
        eventDataFilter: { toStateData: .go }
    transition: Second
  - name: Second
    type: operation
    actions:
      - functionRef: { refName: count, arguments: { step: two, instance: $WORKFLOW.instanceId } }
        actionDataFilter: { toStateData: .second }
    end: true
`;

/** The states every instance must enter, in order, exactly once each. */
export const CRASH_STATES = ['First', 'Nap', 'Wait', 'Second'];

/** Writes the workflow folder (with application.properties pointing at the counting server). */
export function writeCrashWorkflow(port: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'sluice-crash-wf-'));
  writeFileSync(join(dir, 'crash.sw.yaml'), CRASH_WORKFLOW);
  writeFileSync(join(dir, 'application.properties'), `kogito.sw.functions.count.host=127.0.0.1\nkogito.sw.functions.count.port=${port}\n`);
  return dir;
}
