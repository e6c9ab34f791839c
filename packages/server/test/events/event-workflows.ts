/**
 * The workflows the CloudEvents tests deploy, one folder each (each with its own event types, so
 * the tests do not reach each other's instances):
 * - `ev-callback`: a callback state (a sysout action, then the `approved` event), reached by
 *   `kogitoprocrefid`;
 * - `ev-orders`: started by `created` (correlated on `orderid`), then an action the test holds
 *   open, then an event state for `paid` (correlated on `orderid` too);
 * - `ev-started`: an event start state for `ping`, then the end.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const CALLBACK = `
id: ev-callback
version: '1.0'
specVersion: '0.8'
start: Prepare
events:
  - { name: approved, type: test.callback.approved, source: /approvals }
functions:
  - { name: log, type: custom, operation: 'sysout:INFO' }
states:
  - { name: Prepare, type: inject, data: { asked: true }, transition: AwaitApproval }
  - name: AwaitApproval
    type: callback
    action: { functionRef: { refName: log, arguments: { message: '"waiting for approval"' } } }
    eventRef: approved
    eventDataFilter: { toStateData: .approval }
    end: true
`;

const orders = (holdUrl: string): string => `
id: ev-orders
version: '1.0'
specVersion: '0.8'
start: Receive
events:
  - { name: created, type: test.order.created, source: /orders, correlation: [{ contextAttributeName: orderid }] }
  - { name: paid, type: test.order.paid, source: /payments, correlation: [{ contextAttributeName: orderid }] }
functions:
  - { name: reserve, type: custom, operation: 'rest:post:${holdUrl}/reserve/{orderid}' }
states:
  - name: Receive
    type: event
    onEvents:
      - eventRefs: [created]
        eventDataFilter: { toStateData: .order }
    transition: Reserve
  - name: Reserve
    type: operation
    actions:
      - functionRef: { refName: reserve, arguments: { orderid: .order.id } }
        actionDataFilter: { toStateData: .reservation }
    transition: AwaitPayment
  - name: AwaitPayment
    type: event
    onEvents:
      - eventRefs: [paid]
        eventDataFilter: { toStateData: .payment }
    end: true
`;

const STARTED = `
id: ev-started
version: '1.0'
specVersion: '0.8'
start: Receive
events:
  - { name: ping, type: test.started.ping, source: /pings }
states:
  - name: Receive
    type: event
    onEvents:
      - eventRefs: [ping]
        eventDataFilter: { toStateData: .ping }
    end: true
`;

/** Writes the workflow folders under `dir`; returns their paths (for startTestServer's `workflows`). */
export function writeEventWorkflows(dir: string, holdUrl: string): string[] {
  const files: Record<string, string> = { 'ev-callback': CALLBACK, 'ev-orders': orders(holdUrl), 'ev-started': STARTED };
  return Object.entries(files).map(([id, text]) => {
    const folder = join(dir, id);
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, `${id}.sw.yaml`), text.trimStart());
    return folder;
  });
}
