/**
 * Made-up outputs for actions skipped in a dry run, from their output schema, so later steps that
 * read `steps.<id>.output.x` still render (Backstage's dry-run does the same).
 */
import type { JsonSchema } from '../actions/template-action.js';

/**
 * One value per output property: its first `examples` entry, its `default`, or a placeholder by type.
 *
 * @example exampleOutput({ type: 'object', properties: { remoteUrl: { type: 'string' } } }) // { remoteUrl: 'example' }
 */
export function exampleOutput(schema: JsonSchema | undefined): Record<string, unknown> {
  const props = (schema?.properties ?? {}) as Record<string, JsonSchema>;
  const out: Record<string, unknown> = {};
  for (const [name, prop] of Object.entries(props)) out[name] = exampleValue(prop);
  return out;
}

function exampleValue(schema: JsonSchema): unknown {
  if (Array.isArray(schema.examples) && schema.examples.length > 0) return schema.examples[0];
  if (schema.default !== undefined) return schema.default;
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'number':
    case 'integer':
      return 0;
    case 'boolean':
      return false;
    case 'array':
      return [];
    case 'object':
      return exampleOutput(schema);
    default:
      return 'example';
  }
}
