/**
 * CloudEvents in: delivers events to waiting event and callback states (by `kogitoprocrefid` or
 * correlation) and starts instances for start events; duplicate event ids are ignored.
 * (Skeleton: filled in by the events work.)
 */
import type { Clock, Runtime } from '@sluice/engine';
import type { ServerDb } from '../db/server-db.js';

export class EventIntake {
  constructor(protected readonly o: { readonly db: ServerDb; readonly runtime: Runtime; readonly clock: Clock }) {}
}
