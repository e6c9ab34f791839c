/**
 * Turns a validated entity into what the catalog stores: the namespace filled in, served-only
 * fields (`relations`) dropped, `metadata.uid` kept from the previous version (or new), and
 * `metadata.etag` a hash of the content, so an unchanged entity keeps its etag and is not rewritten.
 */
import { createHash } from 'node:crypto';
import type { IdSource } from '@sluice/engine';
import type { Entity } from './entity.js';

/** The entity to store; `previous` is the stored version with the same ref, if any. */
export function prepareEntity(input: Entity, previous: Entity | undefined, ids: IdSource): Entity {
  const { relations: _relations, ...rest } = input;
  const { uid: _uid, etag: _etag, ...metadata } = input.metadata;
  const content = { ...rest, metadata: { ...metadata, namespace: metadata.namespace ?? 'default' } };
  const etag = createHash('sha256').update(JSON.stringify(content)).digest('base64url').slice(0, 27);
  return { ...content, metadata: { ...content.metadata, uid: previous?.metadata.uid ?? ids.newId(), etag } };
}
