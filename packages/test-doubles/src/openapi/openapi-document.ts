// The slice of an OpenAPI 3.0 document the conformance checker reads, with YAML loading, local
// `$ref` resolution and JSON-pointer building.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parse as parseYaml } from 'yaml';

/** A JSON-ish object node of an OpenAPI document. */
export type OpenApiNode = Record<string, unknown>;

/** An OpenAPI document (3.0.x) with the fields the checker uses; everything else is kept as is. */
export interface OpenApiDocument extends OpenApiNode {
  openapi: string;
  servers?: { url: string }[];
  security?: Record<string, string[]>[];
  paths: Record<string, OpenApiNode>;
  components?: OpenApiNode;
}

/** A named OpenAPI document, as the conformance checker takes it. */
export interface NamedOpenApiDocument {
  /** Short name used in violation messages, e.g. `gitlab-openapi.yaml`. */
  name: string;
  document: OpenApiDocument;
}

/**
 * Reads an OpenAPI YAML or JSON file. Throws when the file is not an object with `openapi` and
 * `paths`.
 *
 * @example
 * const gitlab = loadOpenApiFile('/work/main/workflows/x/specs/gitlab-openapi.yaml');
 */
export function loadOpenApiFile(file: string): NamedOpenApiDocument {
  const parsed: unknown = parseYaml(readFileSync(file, 'utf8'));
  if (!isNode(parsed) || typeof parsed['openapi'] !== 'string' || !isNode(parsed['paths'])) {
    throw new Error(`${file}: not an OpenAPI 3 document (missing "openapi" or "paths")`);
  }
  return { name: basename(file), document: parsed as OpenApiDocument };
}

/** True for a plain (non-array, non-null) object. @internal */
export function isNode(value: unknown): value is OpenApiNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Builds a JSON pointer (`/a/b~1c`) from raw tokens (RFC 6901 escaping). @internal */
export function jsonPointer(tokens: readonly (string | number)[]): string {
  return tokens.map((t) => `/${String(t).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

/** A node together with the JSON pointer it was found at. @internal */
export interface LocatedNode {
  node: OpenApiNode;
  pointer: string;
}

/**
 * Follows local `$ref`s (`#/components/...`) from a node until a node without `$ref`. Returns
 * undefined for a dangling or non-local reference, or a cycle. @internal
 */
export function resolveLocalRef(doc: OpenApiDocument, located: LocatedNode): LocatedNode | undefined {
  let current = located;
  for (let hops = 0; hops < 32; hops++) {
    const ref = current.node['$ref'];
    if (typeof ref !== 'string') return current;
    if (!ref.startsWith('#/')) return undefined;
    const tokens = ref
      .slice(2)
      .split('/')
      .map((t) => decodeURIComponent(t).replace(/~1/g, '/').replace(/~0/g, '~'));
    let target: unknown = doc;
    for (const token of tokens) target = isNode(target) ? target[token] : undefined;
    if (!isNode(target)) return undefined;
    current = { node: target, pointer: jsonPointer(tokens) };
  }
  return undefined;
}
