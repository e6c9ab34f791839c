// What a fake saw of one HTTP request: method, path, query, headers and body, kept for assertions
// and for the OpenAPI conformance check.
import type { IncomingMessage } from 'node:http';

/** A query string parsed into an object; a repeated key becomes an array in arrival order. */
export type ParsedQuery = Record<string, string | string[]>;

/** What a fake answered to a recorded request. */
export interface RecordedResponse {
  status: number;
  /** The JSON body sent, or null when there was none. */
  body: unknown;
}

/**
 * One request as a fake received it.
 *
 * `path` is the raw path without the query (percent-escapes kept, so `rhdh%2Fapprovals` stays one
 * segment); `headers` are lower-cased and repeated headers joined with `, `; `body` is the parsed
 * JSON body, or null when the body is empty or not JSON (`rawBody` always holds the text).
 */
export interface RecordedRequest {
  method: string;
  path: string;
  query: ParsedQuery;
  rawQuery: string;
  headers: Record<string, string>;
  body: unknown;
  rawBody: string;
  /** Filled in once the fake has answered. */
  response?: RecordedResponse;
}

/** Parses `a=1&b=2&b=3` into `{ a: '1', b: ['2', '3'] }` (form decoding: `+` is a space). */
export function parseQuery(rawQuery: string): ParsedQuery {
  const query: ParsedQuery = {};
  for (const [key, value] of new URLSearchParams(rawQuery)) {
    const prior = query[key];
    if (prior === undefined) query[key] = value;
    else if (Array.isArray(prior)) prior.push(value);
    else query[key] = [prior, value];
  }
  return query;
}

/** Parses a body as JSON; returns null for an empty or malformed text. */
export function parseJsonBody(rawBody: string): unknown {
  if (rawBody.trim() === '') return null;
  try {
    return JSON.parse(rawBody) as unknown;
  } catch {
    return null;
  }
}

/** Reads a whole Node request into a {@link RecordedRequest}. @internal */
export async function readRecordedRequest(req: IncomingMessage): Promise<RecordedRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const rawBody = Buffer.concat(chunks).toString('utf8');
  const target = req.url ?? '/';
  const mark = target.indexOf('?');
  const path = mark < 0 ? target : target.slice(0, mark);
  const rawQuery = mark < 0 ? '' : target.slice(mark + 1);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return {
    method: (req.method ?? 'GET').toUpperCase(),
    path,
    query: parseQuery(rawQuery),
    rawQuery,
    headers,
    body: parseJsonBody(rawBody),
    rawBody,
  };
}
