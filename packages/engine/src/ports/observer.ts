/** Optional hooks through which a host watches the runtime (metrics); they must not throw or block. */
import type { HistoryEntry } from '../interpret/commands.js';
import type { InstanceState } from '../interpret/instance-state.js';

export interface RuntimeObserver {
  /** A step was committed: the new state and the history entries it appended. */
  stepCommitted?(state: InstanceState, history: readonly HistoryEntry[]): void;
  /** A function call finished (`ok` false when it failed), after `ms` milliseconds. */
  callFinished?(info: { readonly workflowId: string; readonly fn: string; readonly invoker: string; readonly ms: number; readonly ok: boolean }): void;
  /** A timer fired `lateMs` after its due time. */
  timerFired?(info: { readonly workflowId: string; readonly lateMs: number }): void;
}

/**
 * Per-run credentials the host keeps outside instance data (e.g. `X-Authorization-<Provider>`
 * headers from the request that started the run); handed to invokers with each call.
 */
export interface CredentialSource {
  forInstance(instanceId: string): Readonly<Record<string, string>> | undefined;
}
