/** Catalog reads the templates and components pages make: every entity of one kind. */
import { api } from '../../api/client';
import type { Entity } from '../../api/types';

export function listEntitiesOfKind(kind: 'template' | 'component', signal: AbortSignal): Promise<Entity[]> {
  return api<Entity[]>(`/api/catalog/entities?filter=${encodeURIComponent(`kind=${kind}`)}`, { signal });
}

/** The title people read: `metadata.title`, else the name. */
export function entityTitle(e: Entity): string {
  return e.metadata.title ?? e.metadata.name;
}

/** A string field of the spec (owner, type, lifecycle, …), if it is one. */
export function specString(e: Entity, key: string): string | undefined {
  const v = e.spec?.[key];
  return typeof v === 'string' ? v : undefined;
}
