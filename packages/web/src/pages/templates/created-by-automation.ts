/**
 * Whether a catalog entity was created by a template or a workflow: Backstage's
 * `backstage.io/managed-by` (the namespace template sets `orchestrator`) or `source-template`
 * annotations, or a `scaffoldedFrom` relation.
 */
import type { Entity } from '../../api/types';

const ANNOTATIONS = ['backstage.io/managed-by', 'backstage.io/source-template'] as const;

/** What created `e` ("orchestrator", "template:default/x"), or undefined when nothing says so. */
export function createdBy(e: Entity): string | undefined {
  const a = e.metadata.annotations ?? {};
  for (const key of ANNOTATIONS) if (a[key]) return a[key];
  return e.relations?.find((r) => r.type.toLowerCase() === 'scaffoldedfrom')?.targetRef;
}
