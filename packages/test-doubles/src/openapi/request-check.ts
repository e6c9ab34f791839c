// Checks one recorded request against the operation it addresses: required parameters, parameter
// schemas (after OpenAPI style decoding) and the JSON request body schema.
import type { RecordedRequest } from '../http/recorded-request.js';
import { isNode, resolveLocalRef, type OpenApiDocument, type OpenApiNode } from './openapi-document.js';
import type { SpecOperation } from './operation-index.js';
import { coerceParameterValue } from './parameter-values.js';
import type { SpecSchemaValidator } from './spec-schema-validator.js';

interface ParameterRef {
  node: OpenApiNode;
  pointer: string;
}

/**
 * Returns one message per problem with the request's parameters and body, empty when it conforms.
 * Undeclared query parameters and a body sent to an operation without `requestBody` are not
 * reported: OpenAPI 3.0 does not forbid either. @internal
 */
export function checkRequestParts(
  document: OpenApiDocument,
  validator: SpecSchemaValidator,
  operation: SpecOperation,
  request: RecordedRequest,
  pathParams: Record<string, string>,
): string[] {
  const problems: string[] = [];
  for (const parameter of operationParameters(document, operation)) {
    const name = String(parameter.node['name'] ?? '');
    const location = String(parameter.node['in'] ?? '');
    const raw = rawParameter(location, name, request, pathParams);
    if (raw === undefined) {
      if (parameter.node['required'] === true || location === 'path') problems.push(`${location} parameter "${name}": required but missing`);
      continue;
    }
    if (!isNode(parameter.node['schema'])) continue;
    const schemaPointer = `${parameter.pointer}/schema`;
    const resolve = (node: OpenApiNode): OpenApiNode => resolveLocalRef(document, { node, pointer: '' })?.node ?? {};
    const value = coerceParameterValue(
      raw,
      resolve(parameter.node['schema']),
      { in: location, style: parameter.node['style'] as string | undefined, explode: parameter.node['explode'] as boolean | undefined },
      resolve,
    );
    for (const message of validator.validate(schemaPointer, value)) {
      problems.push(`${location} parameter "${name}": ${message.replace(/^\(root\) /, '')}`);
    }
  }
  problems.push(...checkBody(document, validator, operation, request));
  return problems;
}

function operationParameters(document: OpenApiDocument, operation: SpecOperation): ParameterRef[] {
  const byKey = new Map<string, ParameterRef>();
  const collect = (list: unknown, pointer: string): void => {
    if (!Array.isArray(list)) return;
    list.forEach((entry, index) => {
      if (!isNode(entry)) return;
      const resolved = resolveLocalRef(document, { node: entry, pointer: `${pointer}/parameters/${index}` });
      if (resolved) byKey.set(`${String(resolved.node['in'])}:${String(resolved.node['name'])}`, resolved);
    });
  };
  collect(operation.pathItem['parameters'], operation.pathItemPointer);
  collect(operation.node['parameters'], operation.pointer);
  return [...byKey.values()];
}

function rawParameter(
  location: string,
  name: string,
  request: RecordedRequest,
  pathParams: Record<string, string>,
): string | string[] | undefined {
  switch (location) {
    case 'path':
      return pathParams[name];
    case 'query':
      return request.query[name];
    case 'header':
      return request.headers[name.toLowerCase()];
    case 'cookie': {
      const pair = (request.headers['cookie'] ?? '').split(/;\s*/).find((c) => c.startsWith(`${name}=`));
      return pair === undefined ? undefined : decodeURIComponent(pair.slice(name.length + 1));
    }
    default:
      return undefined;
  }
}

function checkBody(document: OpenApiDocument, validator: SpecSchemaValidator, operation: SpecOperation, request: RecordedRequest): string[] {
  const declared = operation.node['requestBody'];
  if (!isNode(declared)) return [];
  const body = resolveLocalRef(document, { node: declared, pointer: `${operation.pointer}/requestBody` });
  if (!body) return ['request body: unresolvable requestBody reference in the spec'];
  if (request.rawBody.trim() === '') return body.node['required'] === true ? ['request body: required but missing'] : [];
  const content = isNode(body.node['content']) ? body.node['content'] : {};
  const given = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  const mediaType = Object.keys(content).find((declaredType) => mediaTypeMatches(declaredType.toLowerCase(), given));
  if (mediaType === undefined) {
    return [`request body: content type "${given || '(none)'}" not declared (declared: ${Object.keys(content).join(', ')})`];
  }
  if (!/^application\/(.+\+)?json$/.test(given)) return [];
  let value: unknown;
  try {
    value = JSON.parse(request.rawBody);
  } catch {
    return ['request body: not valid JSON'];
  }
  const media = content[mediaType];
  if (!isNode(media) || !isNode(media['schema'])) return [];
  const pointer = `${body.pointer}/content/${mediaType.replace(/~/g, '~0').replace(/\//g, '~1')}/schema`;
  return validator.validate(pointer, value).map((message) => `request body: ${message}`);
}

function mediaTypeMatches(declared: string, given: string): boolean {
  if (declared === given || declared === '*/*') return true;
  return declared.endsWith('/*') && given.startsWith(declared.slice(0, -1));
}
