/**
 * The `secrets` a task was created with, kept in this process's memory only: never in task rows,
 * events, responses or logs. A task that starts over on another replica or after a restart runs
 * without them (steps using `${{ secrets.x }}` then see an empty value), as a token would expire anyway.
 */
export class TaskSecrets {
  private readonly byTask = new Map<string, Readonly<Record<string, string>>>();

  set(taskId: string, secrets: Readonly<Record<string, string>>): void {
    if (Object.keys(secrets).length > 0) this.byTask.set(taskId, { ...secrets });
  }

  get(taskId: string): Readonly<Record<string, string>> | undefined {
    return this.byTask.get(taskId);
  }

  delete(taskId: string): void {
    this.byTask.delete(taskId);
  }
}
