/**
 * Structured log lines for instance lifecycle events (started, completed, faulted, cancelled,
 * suspended, resumed, retriggered) at info, and state transitions at debug, each carrying
 * `instanceId` and `workflowId`. Never workflow data: it may hold personal data or secrets.
 */
import type { RuntimeObserver } from '@sluice/engine';
import type { Logger as PinoLogger } from 'pino';

export function lifecycleLog(log: PinoLogger): RuntimeObserver {
  return {
    stepCommitted(state, history) {
      for (const h of history) {
        if (h.type.startsWith('instance.')) {
          const fields = { instanceId: state.id, workflowId: state.workflowId, event: h.type, ...(h.type === 'instance.faulted' && state.error ? { errorCode: state.error.code, error: state.error.message } : {}) };
          log[h.type === 'instance.faulted' ? 'warn' : 'info'](fields, `instance ${state.id} ${h.type.slice('instance.'.length)}`);
        } else if (h.type === 'state.entered') {
          log.debug({ instanceId: state.id, workflowId: state.workflowId, state: h.state }, `instance ${state.id} entered ${h.state ?? ''}`);
        }
      }
    },
  };
}

/** One observer that calls each of `observers` in turn (a throwing one does not stop the others). */
export function combineObservers(...observers: readonly RuntimeObserver[]): RuntimeObserver {
  return {
    stepCommitted: (state, history) => observers.forEach((o) => safely(() => o.stepCommitted?.(state, history))),
    callFinished: (info) => observers.forEach((o) => safely(() => o.callFinished?.(info))),
    timerFired: (info) => observers.forEach((o) => safely(() => o.timerFired?.(info))),
  };
}

function safely(f: () => void): void {
  try {
    f();
  } catch {
    // An observer must not break the runtime.
  }
}
