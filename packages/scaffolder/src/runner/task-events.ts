/** The events a task run emits, shaped like the bodies of Backstage's `SerializedTaskEvent`. */

/** Status of a task (and, with `skipped`, of a step). */
export type TaskStatus = 'open' | 'processing' | 'completed' | 'failed' | 'cancelled' | 'skipped';

/** `{name, message}` of an error, as in Backstage task events. */
export interface SerializedTaskError {
  readonly name: string;
  readonly message: string;
  readonly code?: string;
}

/** The body of a task event. */
export interface TaskEventBody {
  readonly message: string;
  readonly stepId?: string;
  readonly status?: TaskStatus;
  /** On the final `completion` event of a completed run. */
  readonly output?: Record<string, unknown>;
  /** On the final `completion` event of a failed or cancelled run. */
  readonly error?: SerializedTaskError;
}

/** An event without the id, task id and time the store adds. */
export interface TaskEvent {
  readonly type: 'log' | 'completion';
  readonly body: TaskEventBody;
}

/** A log event. */
export function logEvent(body: TaskEventBody): TaskEvent {
  return { type: 'log', body };
}

/** The final event of a run. */
export function completionEvent(
  status: 'completed' | 'failed' | 'cancelled',
  extra: { output?: Record<string, unknown>; error?: SerializedTaskError },
): TaskEvent {
  return { type: 'completion', body: { message: `Run completed with status: ${status}`, status, ...extra } };
}
