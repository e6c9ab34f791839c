/**
 * The six Orchestrator run statuses in words, and which of them mean the run has ended (nothing
 * more will happen unless someone retriggers it).
 */
import type { ProcessInstanceStatusDTO } from '../../api/types';

export const RUN_STATUS_LABEL: Readonly<Record<ProcessInstanceStatusDTO, string>> = {
  ACTIVE: 'Running',
  COMPLETED: 'Completed',
  ERROR: 'Failed',
  ABORTED: 'Aborted',
  SUSPENDED: 'Suspended',
  PENDING: 'Pending',
};

/** The status in words ("Unknown" when the server gave none). */
export function runStatusLabel(status: ProcessInstanceStatusDTO | undefined): string {
  return status ? (RUN_STATUS_LABEL[status] ?? status) : 'Unknown';
}

/** True when the run has ended: completed, failed or aborted. */
export function isRunEnded(status: ProcessInstanceStatusDTO | undefined): boolean {
  return status === 'COMPLETED' || status === 'ERROR' || status === 'ABORTED';
}
