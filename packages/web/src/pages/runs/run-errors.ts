/** Why a run cannot be shown, or an action on it failed, in plain words. */
import { ApiError } from '../../api/client';

/** Title and text for an error loading run `id`. */
export function runLoadError(error: Error, id: string): { title: string; text: string } {
  if (error instanceof ApiError) {
    if (error.status === 404) return { title: `No run ${id}`, text: 'There is no run with this id. It may have been deleted, or the link is wrong.' };
    if (error.status === 403) {
      return /another user/i.test(error.message)
        ? { title: 'This run was started by another user', text: 'You can only see the runs you started yourself.' }
        : { title: 'You may not see this run', text: `You are not allowed to read its workflow. (${error.message})` };
    }
  }
  return { title: 'The run could not be loaded', text: error.message };
}

/** Text for a failed abort or retrigger. */
export function actionError(what: string, error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 403) return `You are not allowed to ${what} this run: ${error.message}`;
    if (error.status === 409) return `The run cannot be ${what === 'abort' ? 'aborted' : 'retried'} in its current state: ${error.message}`;
    return `Could not ${what} the run: ${error.message}`;
  }
  return `Could not ${what} the run: ${error instanceof Error ? error.message : String(error)}`;
}
