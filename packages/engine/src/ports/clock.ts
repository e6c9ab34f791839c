/** Time and ids come from ports so that the engine is deterministic under test. */

/** Wall-clock time in epoch milliseconds. */
export interface Clock {
  now(): number;
}

/** Makes unique ids (instance ids). */
export interface IdSource {
  newId(): string;
}
