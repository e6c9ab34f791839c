// Checks reply bodies against the typed models of a client generated from Kubernetes' OpenAPI
// (for example @kubernetes/client-node's ObjectSerializer, passed in so the fake does not depend
// on it): a body must survive deserialize → serialize unchanged, and required fields must be set.

/** The part of a generated client's serializer the check uses. */
export interface ModelSerializer {
  serialize(data: unknown, type: string): unknown;
  deserialize(data: unknown, type: string): unknown;
}

/** Options of {@link modelViolations}. */
export interface ModelCheckOptions {
  serializer: ModelSerializer;
  /** The required properties of a model class (e.g. read from the client's typings). */
  requiredFields?: (model: string) => readonly string[];
}

interface ModelClass {
  name: string;
  getAttributeTypeMap?: () => { name: string; baseName: string }[];
}

/**
 * What differs between `body` and its round trip through the model `type`: a property the model
 * does not know is dropped, a value of the wrong shape is lost or changed, an invalid date throws.
 * Dates are compared as instants, since the client re-serializes them with milliseconds.
 */
export function modelViolations(options: ModelCheckOptions, body: unknown, type: string): string[] {
  // Compare what goes on the wire: JSON drops undefined properties.
  const sent = JSON.parse(JSON.stringify(body ?? null)) as unknown;
  let typed: unknown;
  let back: unknown;
  try {
    typed = options.serializer.deserialize(structuredClone(sent), type);
    back = JSON.parse(JSON.stringify(options.serializer.serialize(typed, type) ?? null)) as unknown;
  } catch (error) {
    return [`${type}: round trip failed: ${error instanceof Error ? error.message : String(error)}`];
  }
  const problems: string[] = [];
  diff(sent, back, type, problems);
  if (options.requiredFields) missingRequired(typed, type, options.requiredFields, problems);
  return problems;
}

function diff(sent: unknown, kept: unknown, path: string, problems: string[]): void {
  if (sent === kept) return;
  if (typeof sent === 'string' && typeof kept === 'string' && sameInstant(sent, kept)) return;
  if (Array.isArray(sent) && Array.isArray(kept) && sent.length === kept.length) {
    sent.forEach((item, i) => diff(item, kept[i], `${path}[${i}]`, problems));
    return;
  }
  if (isPlain(sent) && isPlain(kept)) {
    for (const key of new Set([...Object.keys(sent), ...Object.keys(kept)])) {
      if (!(key in kept)) problems.push(`${path}.${key}: not in the model (sent ${JSON.stringify(sent[key])})`);
      else diff(sent[key], kept[key], `${path}.${key}`, problems);
    }
    return;
  }
  problems.push(`${path}: sent ${JSON.stringify(sent)}, the model kept ${JSON.stringify(kept)}`);
}

function missingRequired(value: unknown, path: string, required: (model: string) => readonly string[], problems: string[]): void {
  if (Array.isArray(value)) {
    value.forEach((item, i) => missingRequired(item, `${path}[${i}]`, required, problems));
    return;
  }
  if (!isPlainOrModel(value)) return;
  const model = (value as { constructor: ModelClass }).constructor;
  if (typeof model.getAttributeTypeMap === 'function') {
    for (const field of required(model.name)) {
      if ((value as Record<string, unknown>)[field] === undefined) problems.push(`${path}.${field}: required by ${model.name}, missing`);
    }
  }
  for (const [key, child] of Object.entries(value)) missingRequired(child, `${path}.${key}`, required, problems);
}

const isPlain = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isPlainOrModel = (v: unknown): v is object => isPlain(v) && !(v instanceof Date);
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const sameInstant = (a: string, b: string): boolean => RFC3339.test(a) && RFC3339.test(b) && Date.parse(a) === Date.parse(b);
