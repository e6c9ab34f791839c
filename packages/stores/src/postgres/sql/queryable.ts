/**
 * What the SQL operations run on: a pool (one statement, autocommit) or a checked-out client
 * (inside a transaction the caller opened).
 */
import type { Pool, PoolClient } from 'pg';

/** A pool or a pool client. @internal */
export type Queryable = Pool | PoolClient;

/** The NOTIFY channel that wakes idle workers; the payload is the schema whose instances are due. @internal */
export const WAKE_CHANNEL = 'sluice_wake';

/** SQL: the expression that notifies WAKE_CHANNEL (delivered on commit, deduplicated per transaction). @internal */
export const NOTIFY_WAKE = `pg_notify('${WAKE_CHANNEL}', current_schema())`;

/** SQL: the statuses of a finished instance (see isFinished). @internal */
export const FINISHED_STATUSES = `('completed', 'faulted', 'cancelled')`;
