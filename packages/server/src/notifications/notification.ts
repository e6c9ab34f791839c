/** Backstage's notification shapes (`@backstage/plugin-notifications-common`), as the API serves them. */

/** Most severe first (Backstage's `notificationSeverities` order). */
export const SEVERITIES = ['critical', 'high', 'normal', 'low'] as const;
export type NotificationSeverity = (typeof SEVERITIES)[number];

/** `severity` lower-cased; anything unknown (or missing) is `normal`, as Backstage does. */
export function normalizeSeverity(value: unknown): NotificationSeverity {
  const lower = typeof value === 'string' ? value.toLowerCase() : 'normal';
  return (SEVERITIES as readonly string[]).includes(lower) ? (lower as NotificationSeverity) : 'normal';
}

/** The severities at least as severe as `minimum`. */
export function severitiesFrom(minimum: NotificationSeverity): NotificationSeverity[] {
  return SEVERITIES.slice(0, SEVERITIES.indexOf(minimum) + 1);
}

export interface NotificationPayload {
  readonly title: string;
  readonly description?: string;
  /** As sent: absolute, or relative to the portal's base URL. */
  readonly link?: string;
  readonly severity: NotificationSeverity;
  readonly topic?: string;
  /** Same (user, scope, origin) → the notification is updated in place and marked unread again. */
  readonly scope?: string;
  readonly icon?: string;
}

export interface Notification {
  readonly id: string;
  /** The recipient user ref; null for a broadcast. */
  readonly user: string | null;
  /** ISO 8601. */
  readonly created: string;
  /** When the caller saved it (absent when not saved). */
  readonly saved?: string;
  /** When the caller read it (absent when unread). */
  readonly read?: string;
  /** When a scoped send last replaced it. */
  readonly updated?: string;
  /** The sending service's subject. */
  readonly origin: string;
  readonly payload: NotificationPayload;
}

/** `{unread, read}` counts of what a user sees (their own and broadcasts). */
export interface NotificationStatus {
  readonly unread: number;
  readonly read: number;
}

/** Who gets a notification. */
export type NotificationRecipients =
  | { readonly type: 'broadcast' }
  | { readonly type: 'entity'; readonly entityRef: readonly string[]; readonly excludeEntityRef: readonly string[] };

/** A validated send request. */
export interface NotificationSendRequest {
  readonly recipients: NotificationRecipients;
  readonly payload: NotificationPayload;
}
