/**
 * Retry decisions and delays (spec 0.8 §Retry Definition, §Defining Retries). SonataFlow has no
 * retries; these follow the spec. Jitter is derived from the instance and call ids, not Math.random,
 * so a replayed step computes the same delay.
 */
import type { ActionDef, RetryDef, WorkflowDef } from '../model/definition.js';
import type { ErrorInfo } from '../errors/workflow-error.js';
import { matchesAny } from './error-match.js';

/**
 * The policy used with `autoRetries: true` and no `retryRef`: 1 s, doubling, at most 5 attempts,
 * delays capped at 5 min. The spec suggests unlimited attempts; a bounded default never hides an error forever.
 */
export const DEFAULT_RETRY: RetryDef = {
  name: '(default)',
  delayMs: 1000,
  maxAttempts: 5,
  maxDelayMs: 300_000,
  incrementMs: 0,
  multiplier: 2,
};

/** The retry policy for an action's failure, or undefined when it must not be retried. */
export function retryPolicy(def: WorkflowDef, action: ActionDef, err: ErrorInfo): RetryDef | undefined {
  if (matchesAny(def, action.nonRetryableErrors, err)) return undefined;
  const policy = action.retryRef ? def.retries.get(action.retryRef) : undefined;
  if (def.autoRetries) return policy ?? DEFAULT_RETRY;
  if (!policy) return undefined;
  if (action.retryableErrors && action.retryableErrors.length > 0) {
    return matchesAny(def, action.retryableErrors, err) ? policy : undefined;
  }
  return policy;
}

/** Delay before retry number `retry` (1 = the first retry), in ms, for an instance/call `seed`. */
export function retryDelay(policy: RetryDef, retry: number, seed: string): number {
  let delay = policy.delayMs;
  for (let i = 1; i < retry; i++) delay = delay * policy.multiplier + policy.incrementMs;
  if (policy.maxDelayMs !== undefined) delay = Math.min(delay, policy.maxDelayMs);
  const j = policy.jitter;
  if (j) {
    const span = 'fraction' in j ? delay * j.fraction : j.ms;
    delay += (unitHash(`${seed}:${retry}`) * 2 - 1) * span;
  }
  return Math.max(0, Math.round(delay));
}

/** A deterministic number in [0, 1) from a string (FNV-1a). */
function unitHash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h / 0x1_0000_0000;
}
