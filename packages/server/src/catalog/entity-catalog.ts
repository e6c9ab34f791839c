/**
 * Catalog-lite: Backstage entities (users, groups with members, components, ...) by
 * `kind:namespace/name`, loaded from YAML files under the catalog folder and registered through the
 * API (later by templates). Implements Directory for auth and notification recipients.
 * (Skeleton: filled in by the catalog work.)
 */
import type { Clock } from '@sluice/engine';
import type { ServerDb } from '../db/server-db.js';
import type { Directory } from './directory.js';

export class EntityCatalog implements Directory {
  constructor(protected readonly o: { readonly db: ServerDb; readonly clock: Clock }) {}

  /** Loads every `*.yaml`/`*.yml` under `folder`; returns the problems met (file:line:col message). */
  async loadFolder(_folder: string): Promise<string[]> {
    return [];
  }

  async hasUser(_userRef: string): Promise<boolean> {
    return false;
  }

  async groupsOf(_userRef: string): Promise<string[]> {
    return [];
  }

  async usersFor(_entityRef: string): Promise<string[]> {
    return [];
  }

  async users(): Promise<string[]> {
    return [];
  }
}
