/**
 * The six Orchestrator run statuses and how engine statuses map onto them. PENDING is listed (the
 * UI offers it as a filter) but never produced: a Sluice run is stored and queued in one step.
 */
import type { InstanceStatus } from '@sluice/engine';
import type { ProcessInstanceStatusDTO } from './dto.js';

export const ALL_STATUSES: readonly ProcessInstanceStatusDTO[] = ['ACTIVE', 'ERROR', 'COMPLETED', 'ABORTED', 'SUSPENDED', 'PENDING'];

const BY_ENGINE: Readonly<Record<InstanceStatus, ProcessInstanceStatusDTO>> = {
  running: 'ACTIVE',
  waiting: 'ACTIVE',
  suspended: 'SUSPENDED',
  completed: 'COMPLETED',
  faulted: 'ERROR',
  cancelled: 'ABORTED',
};

/** The Orchestrator status of an engine status. */
export function statusOf(s: InstanceStatus): ProcessInstanceStatusDTO {
  return BY_ENGINE[s];
}

/** The engine statuses shown as `dto` (none for PENDING). */
export function engineStatusesOf(dto: ProcessInstanceStatusDTO): InstanceStatus[] {
  return (Object.keys(BY_ENGINE) as InstanceStatus[]).filter((s) => BY_ENGINE[s] === dto);
}

/** `GET /v2/workflows/instances/statuses`: `[{key: 'Active', value: 'ACTIVE'}, ...]`. */
export function statusList(): { key: string; value: ProcessInstanceStatusDTO }[] {
  return ALL_STATUSES.map((value) => ({ key: value.charAt(0) + value.slice(1).toLowerCase(), value }));
}
