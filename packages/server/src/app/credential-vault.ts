/**
 * Credentials a run was started with (`authTokens` of execute, passed on as `X-Authorization-<Provider>`
 * headers to the functions that ask for them). They live in memory only, never in instance data,
 * responses or logs: after a restart a run continues without them (as a user's token would have
 * expired anyway), and functions that need them fail with 401 from the called service.
 */
export class CredentialVault {
  private readonly byInstance = new Map<string, Readonly<Record<string, string>>>();

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
