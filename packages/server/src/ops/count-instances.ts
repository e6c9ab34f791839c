/**
 * Instances per status for the `sluice_instances` gauge: one `GROUP BY status` on the store's
 * instance table, which the `(status, started_at)` index answers without reading rows.
 *
 * Chosen over the alternatives: paging `InstanceStore.query` costs one round trip per 1,000
 * instances (100 for the 100,000 sleeping instances of the bench), and counts kept from observer
 * events would see only this worker's steps, start wrong after a restart and drift when several
 * workers share the database. The query counts what every worker sees, at scrape time only.
 */
import type { ServerDb } from '../db/server-db.js';

/** `{status: count}` for every status that has instances. */
export async function countInstancesByStatus(sdb: ServerDb): Promise<Record<string, number>> {
  const rows = await sdb.db
    .selectFrom('sluice_instances')
    .select((eb) => ['status', eb.fn.countAll<number | string>().as('n')])
    .groupBy('status')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}
