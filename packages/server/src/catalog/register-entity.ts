/**
 * What other modules (templates, ...) call to put an entity in the catalog, naming themselves as
 * its source so it can be told apart from the catalog folder's entities and from API registrations.
 */
import type { Entity } from './entity.js';
import type { EntityCatalog } from './entity-catalog.js';

/**
 * Creates or replaces `entity` with `source` (e.g. `template:<task id>`; `file:` sources belong to
 * the catalog folder). Resolves to the stored entity with `metadata.uid`/`etag` and relations.
 * Rejects with InputError (problems in `details`) when it is not a valid entity, ConflictError
 * when a catalog file defines the same ref.
 *
 * @example
 * await registerEntity(ctx.catalog, { apiVersion: 'backstage.io/v1alpha1', kind: 'Component',
 *   metadata: { name: 'team-a-ns' }, spec: { type: 'namespace', owner: 'group:default/developers' } },
 *   { source: `template:${taskId}` });
 */
export function registerEntity(catalog: EntityCatalog, entity: unknown, options: { source: string }): Promise<Entity> {
  return catalog.register(entity, options);
}

/** Removes an entity a module registered (NotFoundError / ConflictError as EntityCatalog.unregister). */
export function unregisterEntity(catalog: EntityCatalog, entityRef: string): Promise<void> {
  return catalog.unregister(entityRef);
}
