/**
 * Credentials a run was started with (`authTokens` of execute, passed on as `X-Authorization-<Provider>`
 * headers to the functions that ask for them). They live in memory only, never in instance data,
 * responses or logs: after a restart a run continues without them (as a user's token would have
 * expired anyway), and functions that need them fail with 401 from the called service.
 * `observer` forgets a run's credentials once it has ended for good (a run in error that can be
 * retriggered keeps them).
 */
import type { RuntimeObserver } from '@sluice/engine';

export class CredentialVault {
  private readonly byInstance = new Map<string, Readonly<Record<string, string>>>();

  /** Runtime hook: drops the credentials of runs that completed, were aborted, or failed for good. */
  readonly observer: RuntimeObserver = {
    stepCommitted: (state) => {
      if (state.status === 'completed' || state.status === 'cancelled' || (state.status === 'faulted' && !state.retriggerable)) this.delete(state.id);
    },
  };

  set(instanceId: string, headers: Readonly<Record<string, string>>): void {
    if (Object.keys(headers).length > 0) this.byInstance.set(instanceId, { ...headers });
  }

  get(instanceId: string): Readonly<Record<string, string>> | undefined {
    return this.byInstance.get(instanceId);
  }

  delete(instanceId: string): void {
    this.byInstance.delete(instanceId);
  }
}
