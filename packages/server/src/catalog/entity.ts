/** The Backstage entity shape (`backstage.io/v1alpha1` and friends), as the catalog stores and serves it. */

/** A relation to another entity (Backstage `relations[]`), computed when an entity is served. */
export interface EntityRelation {
  /** `memberOf`, `hasMember`, `parentOf`, `childOf`, `ownedBy`, `ownerOf`. */
  readonly type: string;
  readonly targetRef: string;
}

export interface EntityMeta {
  readonly name: string;
  /** Always set once stored (`default` when the source leaves it out). */
  readonly namespace?: string;
  /** Stable while the entity exists; set by the catalog. */
  readonly uid?: string;
  /** Changes whenever the entity's content changes; set by the catalog. */
  readonly etag?: string;
  readonly title?: string;
  readonly description?: string;
  readonly labels?: Readonly<Record<string, string>>;
  readonly annotations?: Readonly<Record<string, string>>;
  readonly tags?: readonly string[];
  readonly [key: string]: unknown;
}

export interface Entity {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: EntityMeta;
  readonly spec?: Readonly<Record<string, unknown>>;
  readonly relations?: readonly EntityRelation[];
  readonly [key: string]: unknown;
}

/** The entity's own ref, lower-cased. */
export function entityRefOf(e: Entity): string {
  return `${e.kind}:${e.metadata.namespace ?? 'default'}/${e.metadata.name}`.toLowerCase();
}
