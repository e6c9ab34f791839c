// Known errors in the seed workflow's published OpenAPI specs, each with its evidence, applied to a
// copy of the spec before the conformance check so the fakes can answer what the real service answers.
import { isNode, type NamedOpenApiDocument, type OpenApiDocument, type OpenApiNode } from './openapi-document.js';

/** One documented correction to a published spec. */
export interface SpecErratum {
  /** File name of the spec it applies to, e.g. `gitlab-openapi.yaml`. */
  spec: string;
  id: string;
  /** Why the published spec is wrong, with the evidence. */
  reason: string;
  apply(document: OpenApiDocument): void;
}

/**
 * The errata for the specs in `workflows/create-ocp-namespace-swt/specs/`.
 *
 * Only response/entity shapes are corrected. Request rules are left as published, so a client
 * that breaks the spec is still caught. The scaffolder's undefined `bearerAuth` scheme is not an
 * erratum: the checker handles any undefined scheme (see `resolveSecurity`).
 */
export const SEED_SPEC_ERRATA: readonly SpecErratum[] = [
  {
    spec: 'gitlab-openapi.yaml',
    id: 'GITLAB_ISSUE_SCALAR_TYPES',
    reason:
      'The spec was generated from Grape entity docs and types several API_Entities_Issue fields as ' +
      'string, but GitLab sends user_notes_count, merge_requests_count, upvotes, downvotes and ' +
      'moved_to_id as JSON integers and has_tasks, subscribed and imported as booleans ' +
      '(GitLab REST docs, issue example responses; client libraries such as the `gitlab` Rust crate ' +
      'model them as u64 and bool).',
    apply(document) {
      const issue = schemaProperties(document, 'API_Entities_Issue');
      for (const name of ['user_notes_count', 'merge_requests_count', 'upvotes', 'downvotes', 'moved_to_id']) {
        issue[name] = { type: 'integer' };
      }
      for (const name of ['has_tasks', 'subscribed', 'imported']) issue[name] = { type: 'boolean' };
    },
  },
  {
    spec: 'gitlab-openapi.yaml',
    id: 'GITLAB_NULLABLE_OPTIONALS',
    reason:
      'Grape-generated specs never declare `nullable`, yet GitLab sends null for unset optional ' +
      'fields (issue description, closed_at, closed_by, milestone, assignee, due_date; project ' +
      'description, readme_url, avatar_url) and accepts null for optional parameters, such as the ' +
      'seed workflow\'s `description: null` when `reason` is absent. Every optional property in ' +
      'components.schemas is therefore made nullable.',
    apply(document) {
      const schemas = isNode(document.components) ? document.components['schemas'] : undefined;
      if (!isNode(schemas)) return;
      for (const schema of Object.values(schemas)) if (isNode(schema)) nullableOptionals(schema);
    },
  },
];

/**
 * Returns a deep copy of the document with the errata for its file name applied, and the ids of
 * those applied. The input is not modified.
 */
export function applySpecErrata(
  named: NamedOpenApiDocument,
  errata: readonly SpecErratum[] = SEED_SPEC_ERRATA,
): { named: NamedOpenApiDocument; applied: string[] } {
  const document = structuredClone(named.document);
  const applied: string[] = [];
  for (const erratum of errata) {
    if (erratum.spec !== named.name) continue;
    erratum.apply(document);
    applied.push(erratum.id);
  }
  return { named: { name: named.name, document }, applied };
}

function schemaProperties(document: OpenApiDocument, name: string): OpenApiNode {
  const schemas = isNode(document.components) ? document.components['schemas'] : undefined;
  const schema = isNode(schemas) ? schemas[name] : undefined;
  const properties = isNode(schema) ? schema['properties'] : undefined;
  if (!isNode(properties)) throw new Error(`erratum target components.schemas.${name}.properties is missing`);
  return properties;
}

function nullableOptionals(schema: OpenApiNode): void {
  const properties = schema['properties'];
  if (isNode(properties)) {
    const required = new Set(Array.isArray(schema['required']) ? (schema['required'] as unknown[]) : []);
    for (const [name, property] of Object.entries(properties)) {
      if (!isNode(property)) continue;
      nullableOptionals(property);
      if (!required.has(name)) properties[name] = allowNull(property);
    }
  }
  if (isNode(schema['items'])) nullableOptionals(schema['items']);
}

function allowNull(schema: OpenApiNode): OpenApiNode {
  // Ajv accepts OpenAPI's `nullable` only next to `type`; a bare `$ref` gets an anyOf instead.
  if (typeof schema['type'] === 'string') return { ...schema, nullable: true };
  return { anyOf: [schema, { type: 'null' }] };
}
