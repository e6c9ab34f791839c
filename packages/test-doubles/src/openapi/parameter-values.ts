// Turns the text of a path, query or header parameter into the JSON value its OpenAPI schema
// describes, so Ajv can check it (OpenAPI 3.0 "Parameter Object": style and explode).
import type { OpenApiNode } from './openapi-document.js';

/** How a parameter is serialized: the Parameter Object's `in`, `style` and `explode`. @internal */
export interface ParameterSerialization {
  in: string;
  style?: string;
  explode?: boolean;
}

/**
 * Converts raw parameter text to the type its (resolved) schema names. Text that does not parse as
 * that type is returned unchanged, so the schema check reports it (`"abc"` for an integer stays
 * `"abc"` and fails `type: integer`).
 *
 * Arrays follow the defaults of OpenAPI 3.0: query parameters use `form` style, exploded unless
 * `explode: false`, when one value holds comma-separated items; path and header parameters use
 * `simple` style (comma-separated). A repeated non-array query parameter keeps its last value, as
 * Rack (GitLab) and Express's `qs` last-wins reading do. @internal
 */
export function coerceParameterValue(
  raw: string | string[],
  schema: OpenApiNode,
  serialization: ParameterSerialization,
  resolveItems: (items: OpenApiNode) => OpenApiNode,
): unknown {
  if (schema['type'] === 'array') {
    const items = typeof schema['items'] === 'object' && schema['items'] !== null ? resolveItems(schema['items'] as OpenApiNode) : {};
    return splitArray(raw, serialization).map((item) => coerceScalar(item, items));
  }
  const last = Array.isArray(raw) ? (raw[raw.length - 1] ?? '') : raw;
  return coerceScalar(last, schema);
}

function splitArray(raw: string | string[], serialization: ParameterSerialization): string[] {
  const values = Array.isArray(raw) ? raw : [raw];
  const style = serialization.style ?? (serialization.in === 'query' ? 'form' : 'simple');
  const exploded = serialization.explode ?? style === 'form';
  if (style === 'form' && exploded) return values;
  const separator = style === 'spaceDelimited' ? ' ' : style === 'pipeDelimited' ? '|' : ',';
  return values.flatMap((value) => (value === '' ? [] : value.split(separator)));
}

function coerceScalar(text: string, schema: OpenApiNode): unknown {
  switch (schema['type']) {
    case 'integer':
      return /^-?\d+$/.test(text) ? Number(text) : text;
    case 'number': {
      const value = Number(text);
      return text.trim() !== '' && Number.isFinite(value) ? value : text;
    }
    case 'boolean':
      return text === 'true' ? true : text === 'false' ? false : text;
    default:
      return text;
  }
}
