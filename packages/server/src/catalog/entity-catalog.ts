/**
 * Catalog-lite: Backstage entities (users, groups with members, components, ...) by
 * `kind:namespace/name` (lower-cased), loaded from YAML files under the catalog folder and
 * registered through the API or by other modules (see register-entity.ts). Implements Directory
 * for auth and notification recipients. Entities live in `sluice_entities`, so replicas share them.
 */
import { randomUUID } from 'node:crypto';
import type { Clock, IdSource } from '@sluice/engine';
import type { ServerDb } from '../db/server-db.js';
import { badRequest, conflict, notFound } from '../http/http-error.js';
import type { CatalogGraph } from './catalog-graph.js';
import type { Directory, UserProfile } from './directory.js';
import { entityRefOf, type Entity } from './entity.js';
import { matchesEntityFilter, type EntityFilter } from './entity-filter.js';
import { normalizeEntityRef } from './entity-ref.js';
import { EntityStore } from './entity-store.js';
import { GraphCache } from './graph-cache.js';
import { isFileSource, loadCatalogFolder } from './load-catalog-folder.js';
import { prepareEntity } from './prepare-entity.js';
import { validateEntity } from './validate-entity.js';

/** How long another replica's catalog change may take to reach this one's group lookups. */
const GRAPH_TTL_MS = 1000;

export class EntityCatalog implements Directory {
  private readonly store: EntityStore;
  private readonly cache: GraphCache;
  private readonly ids: IdSource;

  constructor(protected readonly o: { readonly db: ServerDb; readonly clock: Clock; readonly ids?: IdSource }) {
    this.store = new EntityStore(o.db);
    this.ids = o.ids ?? { newId: () => randomUUID() };
    this.cache = new GraphCache({ load: async () => (await this.store.all()).map((s) => s.entity), clock: o.clock, ttlMs: GRAPH_TTL_MS });
  }

  /** Loads every `*.yaml`/`*.yml` under `folder`; returns the problems met (file:line:col message). */
  async loadFolder(folder: string): Promise<string[]> {
    try {
      return await loadCatalogFolder(folder, { store: this.store, clock: this.o.clock, ids: this.ids });
    } finally {
      this.cache.invalidate();
    }
  }

  /**
   * Creates or replaces an entity; `source` says who owns it (`api`, `template:<task id>`, ...).
   * InputError (with the problems as details) when it is not a valid entity, ConflictError when a
   * catalog file defines it.
   */
  async register(value: unknown, options: { source: string }): Promise<Entity> {
    if (isFileSource(options.source)) throw new Error('file sources belong to the catalog folder');
    const problems = validateEntity(value);
    if (problems.length > 0) throw badRequest(`invalid entity: ${problems.map((p) => p.message).join('; ')}`, problems);
    const ref = entityRefOf(value as Entity);
    const previous = await this.store.get(ref);
    if (previous && isFileSource(previous.source)) throw conflict(`${ref} is defined by the catalog file ${previous.source.slice('file:'.length)}; change that file instead`);
    const entity = prepareEntity(value as Entity, previous?.entity, this.ids);
    await this.store.put(entity, options.source, this.o.clock.now());
    this.cache.invalidate();
    return this.withRelations(entity, await this.cache.get());
  }

  /** Removes an entity. NotFoundError when there is none, ConflictError when a catalog file defines it. */
  async unregister(ref: string): Promise<void> {
    const key = normalizeEntityRef(ref) ?? ref.toLowerCase();
    const previous = await this.store.get(key);
    if (!previous) throw notFound(`no entity ${key}`);
    if (isFileSource(previous.source)) throw conflict(`${key} is defined by the catalog file ${previous.source.slice('file:'.length)}; remove it there`);
    await this.store.delete(key, previous.source);
    this.cache.invalidate();
  }

  /** The entity `ref` names (with its relations), or undefined. */
  async get(ref: string): Promise<Entity | undefined> {
    const key = normalizeEntityRef(ref);
    const stored = key === undefined ? undefined : await this.store.get(key);
    return stored && this.withRelations(stored.entity, await this.cache.get());
  }

  /** The entities `refs` name, in order, null where there is none. */
  async getByRefs(refs: readonly string[]): Promise<(Entity | null)[]> {
    const keys = refs.map((r) => normalizeEntityRef(r));
    const found = await this.store.getMany(keys.filter((k): k is string => k !== undefined));
    const graph = await this.cache.get();
    return keys.map((k) => {
      const s = k === undefined ? undefined : found.get(k);
      return s ? this.withRelations(s.entity, graph) : null;
    });
  }

  /** Entities passing `filter`, in ref order, paged. */
  async list(options: { filter?: EntityFilter; offset?: number; limit?: number } = {}): Promise<Entity[]> {
    const graph = await this.cache.get();
    const all = (await this.store.all()).map((s) => this.withRelations(s.entity, graph));
    const matching = all.filter((e) => matchesEntityFilter(e, options.filter ?? []));
    const offset = options.offset ?? 0;
    return matching.slice(offset, options.limit === undefined ? undefined : offset + options.limit);
  }

  /** Where an entity came from (`file:<path>`, `api`, ...), or undefined. */
  async sourceOf(ref: string): Promise<string | undefined> {
    const key = normalizeEntityRef(ref);
    return key === undefined ? undefined : (await this.store.get(key))?.source;
  }

  async hasUser(userRef: string): Promise<boolean> {
    const key = normalizeEntityRef(userRef, { defaultKind: 'user' });
    return key !== undefined && (await this.cache.get()).isKnown(key, 'user');
  }

  async groupsOf(userRef: string): Promise<string[]> {
    const key = normalizeEntityRef(userRef, { defaultKind: 'user' });
    return key === undefined ? [] : (await this.cache.get()).groupsOf(key);
  }

  async usersFor(entityRef: string, exclude: readonly string[] = []): Promise<string[]> {
    const key = normalizeEntityRef(entityRef);
    if (key === undefined) return [];
    const excluded = new Set(exclude.map((r) => normalizeEntityRef(r)).filter((r): r is string => r !== undefined));
    return (await this.cache.get()).usersFor(key, excluded);
  }

  async users(): Promise<string[]> {
    return (await this.cache.get()).users();
  }

  /** The User entity's `spec.profile` (display name, email, picture), or undefined. */
  async profile(userRef: string): Promise<UserProfile | undefined> {
    const key = normalizeEntityRef(userRef, { defaultKind: 'user' });
    if (key === undefined || !key.startsWith('user:')) return undefined;
    const profile = (await this.store.get(key))?.entity.spec?.['profile'];
    if (typeof profile !== 'object' || profile === null || Array.isArray(profile)) return undefined;
    const p = profile as Record<string, unknown>;
    const out: { displayName?: string; email?: string; picture?: string } = {};
    for (const k of ['displayName', 'email', 'picture'] as const) if (typeof p[k] === 'string' && p[k]) out[k] = p[k];
    return out;
  }

  private withRelations(entity: Entity, graph: CatalogGraph): Entity {
    return { ...entity, relations: graph.relationsOf(entityRefOf(entity)) };
  }
}
