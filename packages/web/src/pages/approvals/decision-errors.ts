/**
 * Why a decision was refused, in plain words: the server's 403 (the requester, or not an approver)
 * and 409 (already decided, or expired) answers, told with who decided and when when known.
 */
import { ApiError } from '../../api/client';
import type { Approval } from '../../api/types';
import { displayRef } from '../../components/entity-refs';
import { localDateTime } from '../../components/format';

/**
 * The message to show for a failed decision. `current` is the approval as it is now (read again
 * after a 409), when it could be read.
 */
export function decisionErrorMessage(err: unknown, current?: Approval): string {
  if (!(err instanceof ApiError)) return `The decision could not be sent: ${err instanceof Error ? err.message : String(err)}`;
  switch (err.status) {
    case 403:
      return /requested this approval/i.test(err.message) ? 'You cannot decide your own request.' : 'You are not one of the approvers of this request.';
    case 404:
      return 'This request no longer exists.';
    case 409:
      return conflictMessage(err.message, current);
    default:
      return `The decision could not be recorded: ${err.message}`;
  }
}

function conflictMessage(message: string, current: Approval | undefined): string {
  if (current?.status === 'expired' || /expired/i.test(message)) return 'This request has expired: its workflow no longer waits for a decision.';
  const by = current?.decidedBy ?? message.match(/ by (\S+) at /)?.[1];
  const decision = current?.decision ?? message.match(/already (approved|denied)/)?.[1];
  const at = current?.decidedAt ?? message.match(/ at (\S+)$/)?.[1];
  if (!by) return 'This request was already decided.';
  const local = at ? localDateTime(at) : undefined;
  const when = local ? ` on ${local}` : '';
  return `Already decided by ${displayRef(by)}${decision ? ` (${decision})` : ''}${when}.`;
}
