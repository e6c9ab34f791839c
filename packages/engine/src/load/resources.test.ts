import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { parse } from 'yaml';
import type { Json } from '../model/json.js';
import { collectOperationUris, collectResourceUris, uriAliases } from './resources.js';

const SEED = new URL('../../../../workflows/create-ocp-namespace-swt/create-ocp-namespace-swt.sw.yaml', import.meta.url);

describe('collectResourceUris', () => {
  it('lists the seed workflow resources', () => {
    const raw = parse(readFileSync(SEED, 'utf8')) as Json;
    const refs = collectResourceUris(raw);
    expect(refs[0]).toEqual({
      uri: 'schemas/create-ocp-namespace-swt-schema.json',
      pointer: '/dataInputSchema/schema',
      kind: 'dataInputSchema',
    });
    expect(refs.slice(1)).toHaveLength(7);
    expect(refs.slice(1).every((r) => r.kind === 'operation')).toBe(true);
    expect(new Set(refs.map((r) => r.uri))).toEqual(
      new Set([
        'schemas/create-ocp-namespace-swt-schema.json',
        'specs/gitlab-openapi.yaml',
        'specs/notifications-openapi.yaml',
        'specs/scaffolder-openapi.yaml',
      ]),
    );
    expect(refs[5]).toEqual({ uri: 'specs/notifications-openapi.yaml', pointer: '/functions/4/operation', kind: 'operation' });
  });

  it('takes dataInputSchema as a string or {schema}, and skips inline schemas', () => {
    expect(collectResourceUris({ dataInputSchema: 'in.json' })).toEqual([
      { uri: 'in.json', pointer: '/dataInputSchema', kind: 'dataInputSchema' },
    ]);
    expect(collectResourceUris({ dataInputSchema: { schema: { type: 'object' } } })).toEqual([]);
    expect(collectResourceUris({ dataInputSchema: '' })).toEqual([]);
  });

  it('lists every section given as a URI', () => {
    const raw = {
      functions: 'f.json',
      events: 'file://e.yml',
      errors: 'classpath:/errors.yaml',
      retries: 'r.json',
      constants: 'c.json',
      secrets: 's.json',
      timeouts: 't.json',
      auth: 'https://example.com/auth.json',
    };
    expect(collectResourceUris(raw)).toEqual(
      Object.entries(raw).map(([kind, uri]) => ({ uri, pointer: `/${kind}`, kind })),
    );
  });

  it('lists the documents of rest, asyncapi, rpc, graphql and odata functions only', () => {
    const raw: Json = {
      functions: [
        { name: 'a', operation: 'specs/a.yaml#op' },
        { name: 'b', type: 'rest', operation: 'classpath:/specs/b.json#x#op' },
        { name: 'c', type: 'asyncapi', operation: 'async.yaml#pub' },
        { name: 'd', type: 'rpc', operation: 'file://a.proto#Svc#Method' },
        { name: 'e', type: 'graphql', operation: 'https://gql.example.com/graphql#query#hero' },
        { name: 'f', type: 'odata', operation: 'https://odata.example.com/svc#People' },
        { name: 'g', type: 'expression', operation: '.a # not a uri' },
        { name: 'h', type: 'custom', operation: 'rest:get:http://x#y' },
        { name: 'i', operation: 'no-hash.yaml' },
        { name: 'j', operation: '#onlyid' },
        'not an object',
      ],
    };
    expect(collectResourceUris(raw)).toEqual([
      { uri: 'specs/a.yaml', pointer: '/functions/0/operation', kind: 'operation' },
      { uri: 'classpath:/specs/b.json#x', pointer: '/functions/1/operation', kind: 'operation' },
      { uri: 'async.yaml', pointer: '/functions/2/operation', kind: 'operation' },
      { uri: 'file://a.proto', pointer: '/functions/3/operation', kind: 'operation' },
      { uri: 'https://gql.example.com/graphql', pointer: '/functions/4/operation', kind: 'operation' },
      { uri: 'https://odata.example.com/svc', pointer: '/functions/5/operation', kind: 'operation' },
    ]);
  });

  it('replaces a workflow-uri-definitions alias by the URI it stands for', () => {
    const raw = {
      extensions: [
        { extensionid: 'workflow-uri-definitions', definitions: { notifications: 'https://rhdh/api/openapi.yaml', 'a/b': 'x.yaml' } },
      ],
      functions: [
        { name: 'n', operation: 'notifications#createNotification' },
        { name: 'm', operation: 'a/b#op' },
        { name: 'o', operation: 'specs/other.yaml#op' },
      ],
    };
    expect(collectResourceUris(raw)).toEqual([
      { uri: 'https://rhdh/api/openapi.yaml', pointer: '/extensions/0/definitions/notifications', kind: 'operation', alias: 'notifications' },
      { uri: 'x.yaml', pointer: '/extensions/0/definitions/a~1b', kind: 'operation', alias: 'a/b' },
      { uri: 'specs/other.yaml', pointer: '/functions/2/operation', kind: 'operation' },
    ]);
  });

  it('lists the workflow-output-schema extension schema', () => {
    const raw = {
      extensions: [
        { extensionid: 'workflow-output-schema', outputSchema: 'schemas/out.json' },
        { extensionid: 'workflow-output-schema', outputSchema: { schema: 'schemas/out2.json', failOnValidationErrors: false } },
        { extensionid: 'other', outputSchema: 'ignored.json' },
      ],
    };
    expect(collectResourceUris(raw)).toEqual([
      { uri: 'schemas/out.json', pointer: '/extensions/0/outputSchema', kind: 'outputSchema' },
      { uri: 'schemas/out2.json', pointer: '/extensions/1/outputSchema/schema', kind: 'outputSchema' },
    ]);
  });

  it('ignores odd shapes', () => {
    expect(collectResourceUris(null)).toEqual([]);
    expect(collectResourceUris([1, 2])).toEqual([]);
    expect(collectResourceUris({ functions: 5, extensions: 'x', dataInputSchema: { schema: 3 } })).toEqual([]);
  });
});

describe('collectOperationUris', () => {
  it('reads the functions of a functions file with the definition aliases', () => {
    const aliases = uriAliases({ extensions: [{ extensionid: 'workflow-uri-definitions', definitions: { api: 'api.yaml' } }] });
    const fns = [{ name: 'a', operation: 'api#x' }, { name: 'b', operation: 'specs/b.yaml#y' }];
    expect(collectOperationUris(fns, '/functions', aliases)).toEqual([
      { uri: 'api.yaml', pointer: '/extensions/0/definitions/api', kind: 'operation', alias: 'api' },
      { uri: 'specs/b.yaml', pointer: '/functions/1/operation', kind: 'operation' },
    ]);
    expect(collectOperationUris(fns, '', new Map())[1]!.pointer).toBe('/1/operation');
    expect(collectOperationUris({ functions: fns }, '', new Map())).toEqual([]);
  });
});
