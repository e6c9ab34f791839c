/**
 * Checks an entity's envelope with ajv (apiVersion, kind, metadata.name and namespace patterns,
 * label/annotation/tag types) and the relation fields the catalog reads (User `memberOf`, Group
 * `members`/`children`/`parent`, any `spec.owner`). Other spec fields are the kind's business.
 */
import { Ajv, type ErrorObject } from 'ajv';
import type { Entity } from './entity.js';

/** One problem, at a JSON pointer into the entity. */
export interface EntityProblem {
  readonly pointer: string;
  readonly message: string;
}

// Backstage's rules: names are at most 63 characters of [A-Za-z0-9-_.], starting and ending with a
// letter or digit; namespaces are DNS-label-like.
const NAME = '^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$';
const NAMESPACE = '^[A-Za-z0-9]([-A-Za-z0-9]*[A-Za-z0-9])?$';
const STRINGS = { type: 'array', items: { type: 'string', minLength: 1 } } as const;
/** An ajv `if` matching `kind` case-insensitively (`user` → `^[Uu][Ss][Ee][Rr]$`). */
const kindIs = (kind: string): object => ({
  properties: { kind: { type: 'string', pattern: `^${[...kind].map((c) => `[${c.toUpperCase()}${c}]`).join('')}$` } },
});

const SCHEMA = {
  type: 'object',
  required: ['apiVersion', 'kind', 'metadata'],
  properties: {
    apiVersion: { type: 'string', minLength: 1, maxLength: 253, pattern: '^([a-z0-9]([-a-z0-9.]*[a-z0-9])?/)?[a-zA-Z0-9][-a-zA-Z0-9.]*$' },
    kind: { type: 'string', minLength: 1, maxLength: 63, pattern: '^[a-zA-Z][a-zA-Z0-9]*$' },
    metadata: {
      type: 'object',
      required: ['name'],
      properties: {
        name: { type: 'string', minLength: 1, maxLength: 63, pattern: NAME },
        namespace: { type: 'string', minLength: 1, maxLength: 63, pattern: NAMESPACE },
        title: { type: 'string' },
        description: { type: 'string' },
        labels: { type: 'object', additionalProperties: { type: 'string' } },
        annotations: { type: 'object', additionalProperties: { type: 'string' } },
        tags: STRINGS,
      },
    },
    spec: { type: 'object', properties: { owner: { type: 'string', minLength: 1 } } },
  },
  allOf: [
    { if: kindIs('user'), then: { properties: { spec: { properties: { memberOf: STRINGS } } } } },
    {
      if: kindIs('group'),
      then: { properties: { spec: { properties: { members: STRINGS, children: STRINGS, parent: { type: 'string', minLength: 1 } } } } },
    },
  ],
} as const;

const ajv = new Ajv({ allErrors: true, strict: false });
const check = ajv.compile(SCHEMA);

/**
 * The entity's problems ([] when valid). `if` keywords are not reported themselves.
 *
 * @example
 * validateEntity({ apiVersion: 'backstage.io/v1alpha1', kind: 'User', metadata: { name: 'dev1' } }); // []
 */
export function validateEntity(value: unknown): EntityProblem[] {
  if (check(value)) return [];
  return (check.errors ?? []).filter((e) => e.keyword !== 'if').map(toProblem);
}

/** True when `value` is a valid entity. */
export function isEntity(value: unknown): value is Entity {
  return validateEntity(value).length === 0;
}

function toProblem(e: ErrorObject): EntityProblem {
  if (e.keyword === 'required') {
    const missing = (e.params as { missingProperty: string }).missingProperty;
    return { pointer: `${e.instancePath}/${missing}`, message: `${missing} is required` };
  }
  const field = e.instancePath === '' ? 'the entity' : e.instancePath.slice(1).replace(/\//g, '.');
  return { pointer: e.instancePath, message: `${field} ${e.message ?? 'is invalid'}` };
}
