/**
 * Reads the CloudEvents 1.0 in an HTTP request (HTTP protocol binding): binary mode (`ce-*`
 * headers, the body is `data`), structured mode (`application/cloudevents+json`) and batch mode
 * (`application/cloudevents-batch+json`). Attributes are parsed and checked against the spec's
 * schema by the `cloudevents` package; what that package leaves out is checked here first, so every
 * problem is a 400 naming what is wrong (it would invent a missing `id` or `time`, accept
 * specversion 0.3, and only decode `data` for the exact type `application/json`).
 */
import type { IncomingHttpHeaders } from 'node:http';
import { CloudEvent as PackageEvent, HTTP, ValidationError, type CloudEventV1 } from 'cloudevents';
import type { CloudEvent, Json } from '@sluice/engine';
import { badRequest, type HttpError } from '../http/http-error.js';

export type EventMode = 'binary' | 'structured' | 'batch';

/** The events of one request and how they came. */
export interface ParsedEvents {
  readonly mode: EventMode;
  readonly events: CloudEvent[];
}

const REQUIRED = ['id', 'source', 'type', 'specversion'] as const;
const STRUCTURED = 'application/cloudevents+json';
const BATCH = 'application/cloudevents-batch+json';

/**
 * The events in a request, or an HttpError (400) naming the problem.
 *
 * @example
 *   parseCloudEvents({ 'ce-id': '1', 'ce-source': '/x', 'ce-type': 't', 'ce-specversion': '1.0', 'content-type': 'application/json' }, Buffer.from('{"a":1}'))
 *   // { mode: 'binary', events: [{ id: '1', source: '/x', type: 't', specversion: '1.0', datacontenttype: 'application/json', data: { a: 1 } }] }
 */
export function parseCloudEvents(headers: IncomingHttpHeaders, body: Buffer | undefined): ParsedEvents {
  const contentType = headerText(headers['content-type']);
  const media = mediaType(contentType);
  if (media.startsWith('application/cloudevents-batch')) {
    if (media !== BATCH) throw badRequest(`unsupported batch format ${media}: only ${BATCH} is accepted`);
    const list = parseJsonBody(body, media);
    if (!Array.isArray(list)) throw badRequest(`a ${BATCH} body must be a JSON array of events`);
    return { mode: 'batch', events: list.map((e, i) => structuredEvent(e, `event ${i}: `)) };
  }
  if (media.startsWith('application/cloudevents')) {
    if (media !== STRUCTURED) throw badRequest(`unsupported structured format ${media}: only ${STRUCTURED} is accepted`);
    return { mode: 'structured', events: [structuredEvent(parseJsonBody(body, media), '')] };
  }
  if (Object.keys(headers).some((h) => h.startsWith('ce-'))) return { mode: 'binary', events: [binaryEvent(headers, contentType, body)] };
  throw badRequest(
    'not a CloudEvent: send ce-id, ce-source, ce-type and ce-specversion headers (binary mode), or a body of type application/cloudevents+json (structured mode)',
  );
}

/** Binary mode: attributes from `ce-*` headers, `data` from the body as its content type says. */
function binaryEvent(headers: IncomingHttpHeaders, contentType: string | undefined, body: Buffer | undefined): CloudEvent {
  const missing = REQUIRED.filter((a) => !headerText(headers[`ce-${a}`]));
  if (missing.length > 0) throw badRequest(`missing CloudEvents header${missing.length > 1 ? 's' : ''} ${missing.map((a) => `ce-${a}`).join(', ')}`);
  checkSpecVersion(headerText(headers['ce-specversion']), 'header ce-specversion');
  checkTime(headerText(headers['ce-time']), 'header ce-time');
  const ceHeaders: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) if (name.startsWith('ce-')) ceHeaders[name] = headerText(value) ?? '';
  if (contentType) ceHeaders['content-type'] = contentType;
  // The package only decodes `application/json` exactly; data is decoded below for any JSON type.
  const event = viaPackage(() => HTTP.toEvent({ headers: ceHeaders, body: undefined }), '');
  const data = decodeData(body, contentType);
  if (!ceHeaders['ce-time']) delete event.time;
  return data === undefined ? event : { ...event, data };
}

/** One event of structured or batch mode, from its JSON form. */
function structuredEvent(value: unknown, where: string): CloudEvent {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw badRequest(`${where}a CloudEvent must be a JSON object`);
  const obj = { ...(value as Record<string, unknown>) };
  const missing = REQUIRED.filter((a) => obj[a] === undefined || obj[a] === null || obj[a] === '');
  if (missing.length > 0) throw badRequest(`${where}missing CloudEvents attribute${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`);
  for (const a of REQUIRED) if (typeof obj[a] !== 'string') throw badRequest(`${where}attribute ${a} must be a string`);
  checkSpecVersion(obj['specversion'] as string, `${where}attribute specversion`);
  checkTime(obj['time'], `${where}attribute time`);
  // The package turns data_base64 into a Uint32Array; decode it here instead.
  const base64 = obj['data_base64'];
  delete obj['data_base64'];
  if (base64 !== undefined && typeof base64 !== 'string') throw badRequest(`${where}attribute data_base64 must be a string`);
  const event = viaPackage(() => HTTP.toEvent({ headers: { 'content-type': STRUCTURED }, body: obj }), where);
  if (obj['time'] === undefined) delete event.time;
  if (typeof base64 === 'string') {
    const type = typeof obj['datacontenttype'] === 'string' ? (obj['datacontenttype'] as string) : undefined;
    return { ...event, data: decodeData(Buffer.from(base64, 'base64'), type) ?? null };
  }
  return event;
}

/** Runs the package's parser and validation, and gives its result in the engine's shape. */
function viaPackage(parse: () => CloudEventV1<unknown> | CloudEventV1<unknown>[], where: string): CloudEvent {
  try {
    const ce = parse();
    if (!(ce instanceof PackageEvent)) throw badRequest(`${where}expected one event`);
    ce.validate();
    return JSON.parse(JSON.stringify(ce)) as CloudEvent;
  } catch (err) {
    if (err instanceof ValidationError || err instanceof TypeError || err instanceof SyntaxError) throw invalid(err, where);
    throw err;
  }
}

/** A 400 from a package error, with the schema violations spelled out. */
function invalid(err: Error, where: string): HttpError {
  const errors = (err as { errors?: unknown[] }).errors ?? [];
  const problems = errors
    .filter((e): e is { instancePath?: string; message?: string; params?: Record<string, unknown> } => typeof e === 'object' && e !== null)
    .map((e) => `${e.instancePath ? `attribute ${e.instancePath.replace(/^\//, '')} ` : ''}${e.message ?? 'is invalid'}${e.params?.['additionalProperty'] ? ` (${String(e.params['additionalProperty'])})` : ''}`);
  const message = problems.length > 0 ? problems.join('; ') : err.message.split('\n')[0]!;
  return badRequest(`${where}invalid CloudEvent: ${message}`, problems.length > 0 ? { problems } : undefined);
}

function checkSpecVersion(v: string | undefined, what: string): void {
  if (v !== '1.0') throw badRequest(`unsupported CloudEvents specversion ${JSON.stringify(v)} in ${what}: only 1.0 is accepted`);
}

/** The package replaces an unreadable time with the current time; refuse it instead. */
function checkTime(v: unknown, what: string): void {
  if (v === undefined) return;
  if (typeof v !== 'string' || Number.isNaN(Date.parse(v))) throw badRequest(`${what} is not an RFC 3339 timestamp: ${JSON.stringify(v)}`);
}

/**
 * `data` from a body: JSON for JSON types (`application/json`, `*\/*+json`, `text/json`) and for a
 * body without a type that parses as JSON; text for `text/*` and an untyped non-JSON body; base64
 * for other types (the engine keeps data as JSON). No body: no data.
 */
function decodeData(body: Buffer | undefined, contentType: string | undefined): Json | undefined {
  if (!body || body.length === 0) return undefined;
  const media = mediaType(contentType);
  if (isJsonType(media)) return parseJsonBody(body, media) as Json;
  const text = body.toString('utf8');
  if (media === '') {
    try {
      return JSON.parse(text) as Json;
    } catch {
      return text;
    }
  }
  if (media.startsWith('text/')) return text;
  return body.toString('base64');
}

function parseJsonBody(body: Buffer | undefined, media: string): unknown {
  const text = body?.toString('utf8') ?? '';
  if (text.trim() === '') throw badRequest(`the body is empty; ${media} needs JSON`);
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw badRequest(`the body is not valid JSON (content-type ${media}): ${(err as Error).message}`);
  }
}

/** True for `application/json`, `text/json` and any `+json` suffix type. */
export function isJsonType(media: string): boolean {
  return media === 'application/json' || media === 'text/json' || media.endsWith('+json');
}

/** The media type of a content type, lower-cased, without parameters (`''` when absent). */
function mediaType(contentType: string | undefined): string {
  return (contentType ?? '').split(';', 1)[0]!.trim().toLowerCase();
}

function headerText(v: string | string[] | undefined): string | undefined {
  const s = Array.isArray(v) ? v.join(',') : v;
  return s === undefined || s.trim() === '' ? undefined : s.trim();
}
