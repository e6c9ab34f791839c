/**
 * An in-process lock per repository directory: calls for the same directory run one after the
 * other, so two tasks never interleave their writes and commits.
 */
import { resolve } from 'node:path';

const tails = new Map<string, Promise<void>>();

/** Runs `fn` once every earlier call for `dir` has settled. */
export async function withRepositoryLock<T>(dir: string, fn: () => Promise<T>): Promise<T> {
  const key = resolve(dir);
  const previous = tails.get(key) ?? Promise.resolve();
  let release!: () => void;
  const mine = new Promise<void>((r) => (release = r));
  const tail = previous.then(() => mine);
  tails.set(key, tail);
  await previous;
  try {
    return await fn();
  } finally {
    release();
    if (tails.get(key) === tail) tails.delete(key);
  }
}
