/** CloudEvents 1.0 as the engine sees them (structured form, extensions as top-level attributes). */
import type { Json } from '../model/json.js';

/**
 * A CloudEvent: required `id`, `source`, `type`, `specversion`; optional `data`, `subject`, `time`,
 * `datacontenttype`; any other string attribute is an extension (used for correlation).
 */
export interface CloudEvent {
  id: string;
  source: string;
  type: string;
  specversion: string;
  data?: Json;
  subject?: string;
  time?: string;
  datacontenttype?: string;
  [extension: string]: Json | undefined;
}
