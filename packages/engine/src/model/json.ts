/** JSON values as the engine sees them: the same type jq works on. */
export type { Json } from '@sluice/jq';
import type { Json } from '@sluice/jq';

/** A JSON object. */
export type JsonObject = { [key: string]: Json };

/** True when `v` is a plain JSON object (not null, not an array). */
export function isObject(v: Json | undefined): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
