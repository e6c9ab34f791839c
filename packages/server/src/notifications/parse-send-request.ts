/**
 * Checks a `POST /api/notifications` body the way Backstage's router does, with its messages:
 * missing title or recipients, a link that is not http(s) once resolved against the portal's base
 * URL, an unknown recipients type. Sluice is stricter on types (a non-string title is refused
 * rather than stored) and normalizes severity (unknown → `normal`) before answering.
 */
import { badRequest } from '../http/http-error.js';
import { normalizeSeverity, type NotificationPayload, type NotificationSendRequest } from './notification.js';

const OPTIONAL_TEXT = ['description', 'link', 'topic', 'scope', 'icon'] as const;

/**
 * The validated request, or an InputError (400).
 *
 * @example
 * parseSendRequest({ recipients: { type: 'broadcast' }, payload: { title: 'Hi' } }, 'http://localhost:7007');
 */
export function parseSendRequest(body: unknown, baseUrl: string): NotificationSendRequest {
  const b = isObject(body) ? body : {};
  const recipients = b.recipients;
  const payload = isObject(b.payload) ? b.payload : {};
  const missing = [!payload.title ? 'title' : undefined, !recipients ? 'recipients' : undefined].filter(Boolean);
  if (missing.length > 0) throw badRequest(`Invalid notification request received: missing ${missing.join(', ')}`);
  if (typeof payload.title !== 'string') throw badRequest('payload.title must be a string');
  for (const key of OPTIONAL_TEXT) {
    if (payload[key] !== undefined && payload[key] !== null && typeof payload[key] !== 'string') throw badRequest(`payload.${key} must be a string`);
  }
  if (typeof payload.link === 'string' && payload.link !== '') validateLink(payload.link, baseUrl);
  const clean: NotificationPayload = {
    title: payload.title,
    ...Object.fromEntries(OPTIONAL_TEXT.filter((k) => typeof payload[k] === 'string' && payload[k] !== '').map((k) => [k, payload[k]])),
    severity: normalizeSeverity(payload.severity),
  };
  if (!isObject(recipients) || (recipients.type !== 'broadcast' && recipients.type !== 'entity')) {
    throw badRequest(`Invalid recipients type, please use either 'broadcast' or 'entity'`);
  }
  if (recipients.type === 'broadcast') return { recipients: { type: 'broadcast' }, payload: clean };
  const entityRef = refList(recipients.entityRef, 'entityRef');
  if (entityRef === undefined) throw badRequest('recipients.entityRef must be an entity ref or a list of them');
  const excludeEntityRef = refList(recipients.excludeEntityRef, 'excludeEntityRef') ?? [];
  return { recipients: { type: 'entity', entityRef, excludeEntityRef }, payload: clean };
}

/**
 * Resolves `link` against `baseUrl` (relative links are allowed) and requires http or https, as
 * Backstage does; 400 "Invalid link provided" otherwise.
 */
export function validateLink(link: string, baseUrl: string): void {
  let url: URL;
  try {
    url = new URL(link.replace(/^\//, ''), baseUrl.replace(/\/?$/, '/'));
  } catch {
    throw badRequest('Invalid link provided');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw badRequest('Invalid link provided');
}

/** A string or string[] as a list; undefined when absent; 400 when something else. */
function refList(value: unknown, field: string): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as string[];
  throw badRequest(`recipients.${field} must be an entity ref or a list of them`);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
