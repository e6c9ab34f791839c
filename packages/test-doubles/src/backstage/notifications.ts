// The Backstage notifications backend's create endpoint (`POST /api/notifications` and its
// `/notifications` twin): service-only, validated like upstream, one notification per recipient user.
import type { FakeReply, FakeRoute, RouteContext } from '../http/fake-server.js';
import { backstageError, principalOf, rejectMalformedJson, type BackstageTokenConfig } from './backstage-http.js';
import { expandRecipients, type EntityDirectory } from './entity-ref.js';

/** A created notification, as the API returns it (`created` as ISO text). */
export interface BackstageNotification {
  id: string;
  /** The recipient user ref, or null for a broadcast. */
  user: string | null;
  created: string;
  /** The sender's principal subject, e.g. `external:Orchestrator`. */
  origin: string;
  payload: { title: string; severity: string; description?: string; link?: string; topic?: string; scope?: string; icon?: string };
}

/** What the notification routes need from the fake. @internal */
export interface NotificationsContext {
  tokens: readonly BackstageTokenConfig[];
  directory: () => EntityDirectory;
  /** Base for relative links (`app.baseUrl`). */
  appBaseUrl: string;
  now: () => Date;
  newId: () => string;
  sent: BackstageNotification[];
}

/**
 * The create routes. `POST /api/notifications` is the spec's `createNotification`; the newer
 * `POST /api/notifications/notifications` does the same and is checked as that operation.
 *
 * Not modelled: the `scope` upsert (an existing `(user, scope, origin)` notification is updated
 * and marked unread upstream; here every call inserts), processors, signals and throttling.
 * @internal
 */
export function notificationRoutes(context: NotificationsContext): FakeRoute[] {
  const handle = (route: RouteContext): FakeReply => createNotifications(context, route);
  return [
    { method: 'POST', path: '/api/notifications', handle },
    { method: 'POST', path: '/api/notifications/notifications', operationId: 'createNotification', handle },
  ];
}

function createNotifications(context: NotificationsContext, { request }: RouteContext): FakeReply {
  const principal = principalOf(request, context.tokens);
  if (principal?.type !== 'service') {
    return backstageError(403, 'NotAllowedError', "This endpoint does not allow 'user' credentials", request);
  }
  const malformed = rejectMalformedJson(request);
  if (malformed) return malformed;
  const body = record(request.body);
  const recipients = record(body['recipients']);
  const payload = record(body['payload']);
  if (body['recipients'] === undefined || body['recipients'] === null || typeof payload['title'] !== 'string' || payload['title'] === '') {
    return backstageError(400, 'InputError', 'Invalid notification request received: missing title, recipients', request);
  }
  if (payload['link'] !== undefined && payload['link'] !== null && !validLink(payload['link'], context.appBaseUrl)) {
    return backstageError(400, 'InputError', 'Invalid link provided', request);
  }
  let users: (string | null)[];
  if (recipients['type'] === 'broadcast') {
    users = [null];
  } else if (recipients['type'] === 'entity') {
    users = expandRecipients(refList(recipients['entityRef']), refList(recipients['excludeEntityRef']), context.directory());
  } else {
    return backstageError(400, 'InputError', `Invalid recipients type ${JSON.stringify(recipients['type'] ?? null)}`, request);
  }
  const created = context.now().toISOString();
  const stored = { ...payload, severity: typeof payload['severity'] === 'string' ? payload['severity'] : 'normal' };
  const notifications = users.map(
    (user): BackstageNotification => ({
      id: context.newId(),
      user,
      created,
      origin: principal.subject,
      payload: structuredClone(stored) as BackstageNotification['payload'],
    }),
  );
  context.sent.push(...notifications);
  return { status: 200, body: notifications };
}

/** A link must resolve, against `app.baseUrl` when relative, to an http(s) URL. */
function validLink(link: unknown, appBaseUrl: string): boolean {
  if (typeof link !== 'string') return false;
  try {
    return ['http:', 'https:'].includes(new URL(link, appBaseUrl).protocol);
  } catch {
    return false;
  }
}

/** Backstage accepts one ref or a list of refs. */
function refList(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
