/** The `sluice_entities` table: one row per entity, by lower-cased ref, with where it came from. */
import type { ServerDb } from '../db/server-db.js';
import { entityRefOf, type Entity } from './entity.js';

/** A stored entity and its source (`file:<path>`, `api`, or what a template task names). */
export interface StoredEntity {
  readonly ref: string;
  readonly source: string;
  readonly entity: Entity;
}

/** Reads and writes entity rows. @internal */
export class EntityStore {
  constructor(private readonly db: ServerDb) {}

  async get(ref: string): Promise<StoredEntity | undefined> {
    const row = await this.db.db.selectFrom('sluice_entities').select(['ref', 'source', 'entity']).where('ref', '=', ref).executeTakeFirst();
    return row && this.toStored(row);
  }

  async getMany(refs: readonly string[]): Promise<Map<string, StoredEntity>> {
    const out = new Map<string, StoredEntity>();
    for (let i = 0; i < refs.length; i += 500) {
      const chunk = refs.slice(i, i + 500);
      if (chunk.length === 0) continue;
      const rows = await this.db.db.selectFrom('sluice_entities').select(['ref', 'source', 'entity']).where('ref', 'in', chunk).execute();
      for (const r of rows) out.set(r.ref, this.toStored(r));
    }
    return out;
  }

  /** Every entity, by ref. */
  async all(): Promise<StoredEntity[]> {
    const rows = await this.db.db.selectFrom('sluice_entities').select(['ref', 'source', 'entity']).orderBy('ref').execute();
    return rows.map((r) => this.toStored(r));
  }

  /** Inserts or replaces the entity (its ref is the key). */
  async put(entity: Entity, source: string, now: number): Promise<void> {
    const ref = entityRefOf(entity);
    const row = {
      ref,
      kind: entity.kind.toLowerCase(),
      namespace: (entity.metadata.namespace ?? 'default').toLowerCase(),
      name: entity.metadata.name.toLowerCase(),
      source,
      entity: this.db.toJson(entity),
      updated_at: now,
    };
    await this.db.db
      .insertInto('sluice_entities')
      .values(row)
      .onConflict((oc) => oc.column('ref').doUpdateSet({ source: row.source, entity: row.entity, updated_at: row.updated_at }))
      .execute();
  }

  /** Deletes `ref`; with `source`, only while the row still has that source. True when a row went. */
  async delete(ref: string, source?: string): Promise<boolean> {
    let q = this.db.db.deleteFrom('sluice_entities').where('ref', '=', ref);
    if (source !== undefined) q = q.where('source', '=', source);
    const res = await q.executeTakeFirst();
    return Number(res.numDeletedRows) > 0;
  }

  private toStored(row: { ref: string; source: string; entity: unknown }): StoredEntity {
    return { ref: row.ref, source: row.source, entity: this.db.fromJson<Entity>(row.entity) };
  }
}
