// OpenAPI argument mapping, base URLs and security beyond the seed: $ref parameters, styles, cookies,
// whole-body arguments, absolute servers, quoted config keys, basic auth and api keys in query/cookie.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { JsonObject } from '@sluice/engine';
import {
  captureLogger,
  invokeRequest,
  mapConfig,
  openApiFunction,
  startRecordingServer,
  type RecordingServer,
} from '../test/recording-server.js';
import { OpenApiInvoker } from './openapi-invoker.js';

/** A small document exercising what the seed specs do not. */
function petDocument(servers: JsonObject[] = [{ url: '/v1/' }]): JsonObject {
  return {
    openapi: '3.0.3',
    servers,
    security: [{ basic: [] }],
    paths: {
      '/pets/{petId}': {
        parameters: [{ $ref: '#/components/parameters/PetId' }],
        get: {
          operationId: 'getPet',
          parameters: [
            { name: 'tags', in: 'query', schema: { type: 'array' } },
            { name: 'fields', in: 'query', style: 'form', explode: false, schema: { type: 'array' } },
            { name: 'X-Trace', in: 'header', schema: { type: 'string' } },
            { name: 'session', in: 'cookie', schema: { type: 'string' } },
            { name: 'Accept', in: 'header', schema: { type: 'string' } },
          ],
        },
        put: {
          operationId: 'replacePet',
          security: [],
          requestBody: { $ref: '#/components/requestBodies/Pet' },
          'x-codegen-request-body-name': 'pet',
        },
        post: {
          operationId: 'touchPet',
          security: [{ queryKey: [] }, { cookieKey: [] }],
          requestBody: { content: { 'application/json': { schema: { type: 'object', properties: { body: { type: 'string' } } } } } },
        },
        patch: { operationId: 'patchPet', requestBody: { content: { 'application/json': { schema: { type: 'object' } } } } },
      },
    },
    components: {
      parameters: { PetId: { name: 'petId', in: 'path', required: true, schema: { type: 'string' } } },
      requestBodies: { Pet: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Pet' } } } } },
      schemas: { Pet: { type: 'object', properties: { name: { type: 'string' } } } },
      securitySchemes: {
        basic: { type: 'http', scheme: 'basic' },
        queryKey: { type: 'apiKey', in: 'query', name: 'api_key' },
        cookieKey: { type: 'apiKey', in: 'cookie', name: 'key' },
      },
    },
  };
}

describe('OpenApiInvoker', () => {
  let server: RecordingServer;
  const invoker = new OpenApiInvoker();
  beforeAll(async () => (server = await startRecordingServer()));
  afterAll(() => server.close());
  beforeEach(() => server.requests.splice(0));

  const fnOf = (operationId: string, doc = petDocument()) => openApiFunction(operationId, 'specs/pet-store.yaml', operationId, doc);
  const base = () => ({ 'quarkus.rest-client.pet_store_yaml.url': `${server.url}/` });

  it('resolves $ref and path-level parameters and serializes query, header and cookie values', async () => {
    const args = {
      petId: 'a b/c',
      tags: ['x', 'y z'],
      fields: ['id', 'name'],
      'X-Trace': 't-1',
      session: 's 1',
      Accept: 'text/plain',
      extra: 1,
    };
    const result = await invoker.invoke(invokeRequest(fnOf('getPet'), args, mapConfig(base())));
    const r = server.requests[0]!;
    expect(r.method).toBe('GET');
    expect(r.target).toBe('/v1/pets/a%20b%2Fc?tags=x&tags=y%20z&fields=id,name');
    expect(r.headers['x-trace']).toBe('t-1');
    expect(r.headers.cookie).toBe('session=s%201');
    expect(r.headers.accept).toBe('application/json');
    expect(r.headers.authorization).toBeUndefined();
    expect(r.body).toBe('');
    expect(result.body).toEqual({ ok: true });
  });

  it('leaves out null query values and sends numbers and booleans as JSON text', async () => {
    await invoker.invoke(invokeRequest(fnOf('getPet'), { petId: 7, tags: [true, null, 1.5], fields: null }, mapConfig(base())));
    expect(server.requests[0]!.target).toBe('/v1/pets/7?tags=true&tags=1.5');
  });

  it('fails without a value for a path parameter', async () => {
    await expect(invoker.invoke(invokeRequest(fnOf('getPet'), { petId: null }, mapConfig(base())))).rejects.toMatchObject({
      code: 'FUNCTION_FAILED',
      message: expect.stringContaining("path parameter 'petId'"),
    });
    expect(server.requests).toHaveLength(0);
  });

  it('sends the x-codegen-request-body-name argument as the whole body; security: [] sends no credentials', async () => {
    const config = mapConfig({ ...base(), 'quarkus.openapi-generator.pet_store_yaml.auth.basic.username': 'u' });
    await invoker.invoke(invokeRequest(fnOf('replacePet'), { petId: '1', pet: { name: 'Rex' } }, config));
    const r = server.requests[0]!;
    expect(r.method).toBe('PUT');
    expect(r.body).toBe('{"name":"Rex"}');
    expect(r.headers.authorization).toBeUndefined();
  });

  it('keeps an argument named body as a field when the body schema has that property; applies query and cookie api keys', async () => {
    const config = mapConfig({
      ...base(),
      'quarkus.openapi-generator.pet_store_yaml.auth.queryKey.api-key': 'k&1',
      'quarkus.openapi-generator.pet_store_yaml.auth.cookieKey.api-key': 'c1',
    });
    await invoker.invoke(invokeRequest(fnOf('touchPet'), { petId: '1', body: 'text', n: 2 }, config));
    const r = server.requests[0]!;
    expect(r.target).toBe('/v1/pets/1?api_key=k%261');
    expect(r.headers.cookie).toBe('key=c1');
    expect(r.body).toBe('{"body":"text","n":2}');
  });

  it('sends {} when the operation declares a body and no argument is left; applies http basic', async () => {
    const config = mapConfig({
      ...base(),
      'quarkus.openapi-generator.pet_store_yaml.auth.basic.username': 'user',
      'quarkus.openapi-generator.pet_store_yaml.auth.basic.password': 'pa:ss',
    });
    await invoker.invoke(invokeRequest(fnOf('patchPet'), { petId: '1' }, config));
    const r = server.requests[0]!;
    expect(r.method).toBe('PATCH');
    expect(r.body).toBe('{}');
    expect(r.headers['content-type']).toBe('application/json');
    expect(r.headers.authorization).toBe(`Basic ${Buffer.from('user:pa:ss').toString('base64')}`);
  });

  it('accepts the quoted config key form', async () => {
    const config = mapConfig({ 'quarkus.rest-client."pet_store_yaml".url': server.url });
    await invoker.invoke(invokeRequest(fnOf('getPet'), { petId: 'p' }, config));
    expect(server.requests[0]!.target).toBe('/v1/pets/p');
  });

  it('uses an absolute servers[0].url (with variable defaults) when no base URL is configured', async () => {
    const doc = petDocument([{ url: '{scheme}://127.0.0.1:{port}/api', variables: { scheme: { default: 'http' }, port: { default: new URL(server.url).port } } }]);
    await invoker.invoke(invokeRequest(fnOf('getPet', doc), { petId: 'p' }, mapConfig({})));
    expect(server.requests[0]!.target).toBe('/api/pets/p');
  });

  it('a configured base URL replaces an absolute server URL entirely', async () => {
    const doc = petDocument([{ url: 'https://unreachable.invalid/api' }]);
    await invoker.invoke(invokeRequest(fnOf('getPet', doc), { petId: 'p' }, mapConfig({ 'quarkus.rest-client.pet_store_yaml.url': `${server.url}/gw` })));
    expect(server.requests[0]!.target).toBe('/gw/pets/p');
  });

  it('raises CONFIG_MISSING naming the key when there is no base URL', async () => {
    await expect(invoker.invoke(invokeRequest(fnOf('getPet'), { petId: 'p' }, mapConfig({})))).rejects.toMatchObject({
      code: 'CONFIG_MISSING',
      retryable: false,
      message: expect.stringContaining('quarkus.rest-client.pet_store_yaml.url'),
    });
    await expect(
      invoker.invoke(invokeRequest(fnOf('getPet'), { petId: 'p' }, mapConfig({ 'quarkus.rest-client.pet_store_yaml.url': 'localhost:1' }))),
    ).rejects.toMatchObject({ code: 'CONFIG_MISSING' });
  });

  it('logs one debug line per call without credentials', async () => {
    const { logger, lines } = captureLogger();
    const config = mapConfig({ ...base(), 'quarkus.openapi-generator.pet_store_yaml.auth.queryKey.api-key': 'secret-key' });
    await invoker.invoke(invokeRequest(fnOf('touchPet'), { petId: '1' }, config, { log: logger }));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 'debug', fields: { method: 'POST', path: '/v1/pets/1', status: 200 } });
    expect(JSON.stringify(lines)).not.toContain('secret-key');
  });
});
