// Responses, HTTP errors, network errors, timeouts and cancellation of one call, through the OpenAPI
// invoker against a real local server.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { WorkflowError, type JsonObject } from '@sluice/engine';
import {
  invokeRequest,
  json,
  mapConfig,
  openApiFunction,
  startRecordingServer,
  type RecordingServer,
} from '../../test/recording-server.js';
import { OpenApiInvoker } from '../openapi-invoker.js';

const doc: JsonObject = {
  openapi: '3.0.3',
  servers: [{ url: '/' }],
  paths: { '/items/{id}': { get: { operationId: 'getItem', parameters: [{ name: 'id', in: 'path' }], security: [{ key: [] }] } } },
  components: { securitySchemes: { key: { type: 'apiKey', in: 'query', name: 'api_key' } } },
};
const fn = openApiFunction('getItem', 'items.yaml', 'getItem', doc);
const SECRET = 'sup3r-s3cret';

describe('sendHttpCall via OpenApiInvoker', () => {
  let server: RecordingServer;
  let url: string;
  beforeAll(async () => {
    server = await startRecordingServer();
    url = server.url;
  });
  afterAll(() => server.close());
  beforeEach(() => server.requests.splice(0));

  const config = (extra: Record<string, string> = {}) =>
    mapConfig({ 'quarkus.rest-client.items_yaml.url': url, 'quarkus.openapi-generator.items_yaml.auth.key.api-key': SECRET, ...extra });
  const call = (invoker = new OpenApiInvoker(), extra: Record<string, string> = {}, signal?: AbortSignal) =>
    invoker.invoke(invokeRequest(fn, { id: '1' }, config(extra), signal ? { signal } : {}));

  it('returns status, headers and parsed JSON', async () => {
    server.respond((_r, res) => json(res, 200, { a: [1, 2] }));
    const result = await call();
    expect(result).toMatchObject({ status: 200, body: { a: [1, 2] }, headers: { 'content-type': 'application/json' } });
  });

  it('returns text that is not JSON as a string, JSON text without a JSON content type parsed, and an empty body as null', async () => {
    server.respond((_r, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end('hello'));
    expect((await call()).body).toBe('hello');
    server.respond((_r, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end('42'));
    expect((await call()).body).toBe(42);
    server.respond((_r, res) => res.writeHead(204).end());
    expect(await call()).toMatchObject({ status: 204, body: null });
  });

  it('throws a WorkflowError with the status as code, without the query or credentials', async () => {
    server.respond((r, res) => json(res, 404, { message: '404 Not found', echo: r.target }));
    const err = (await call().catch((e: unknown) => e)) as WorkflowError;
    expect(err).toBeInstanceOf(WorkflowError);
    expect(err).toMatchObject({ code: '404', errorName: 'HttpError', status: 404, message: 'GET /items/1: HTTP 404' });
    expect(err.details).toEqual({ status: 404, body: { message: '404 Not found', echo: '/items/1?api_key=***' } });
    expect(JSON.stringify(err.toInfo())).not.toContain(SECRET);
  });

  it('keeps a non-JSON error body as text', async () => {
    server.respond((_r, res) => res.writeHead(503).end('down'));
    await expect(call()).rejects.toMatchObject({ code: '503', details: { status: 503, body: 'down' } });
  });

  it('maps a network failure to FUNCTION_FAILED with the cause', async () => {
    const closed = await startRecordingServer();
    const closedUrl = closed.url;
    await closed.close();
    const invoker = new OpenApiInvoker();
    const err = (await invoker
      .invoke(invokeRequest(fn, { id: '1' }, mapConfig({ 'quarkus.rest-client.items_yaml.url': closedUrl })))
      .catch((e: unknown) => e)) as WorkflowError;
    expect(err).toMatchObject({ code: 'FUNCTION_FAILED', errorName: 'NetworkError' });
    expect(err.message).toMatch(/^GET \/items\/1: .*ECONNREFUSED/);
  });

  it('times out with code TimedOut: read-timeout, sluice.functions.timeout, then the default option', async () => {
    server.respond((_r, res) => void setTimeout(() => json(res, 200, {}), 400));
    await expect(call(undefined, { 'quarkus.rest-client.items_yaml.read-timeout': '50' })).rejects.toMatchObject({
      code: 'TimedOut',
      message: 'GET /items/1: timed out after 50 ms',
    });
    await expect(call(undefined, { 'sluice.functions.timeout': 'PT0.06S' })).rejects.toMatchObject({ code: 'TimedOut', details: { timeoutMs: 60 } });
    await expect(call(new OpenApiInvoker({ defaultTimeoutMs: 70 }))).rejects.toMatchObject({ code: 'TimedOut', details: { timeoutMs: 70 } });
    await expect(call(undefined, { 'sluice.functions.timeout': '1000' })).resolves.toMatchObject({ status: 200 });
  });

  it('rethrows the reason of an aborted request signal when it is a WorkflowError', async () => {
    server.respond((_r, res) => void setTimeout(() => json(res, 200, {}), 400));
    const reason = new WorkflowError({ code: 'TimedOut', message: 'actionExecTimeout' });
    await expect(call(undefined, {}, AbortSignal.abort(reason))).rejects.toBe(reason);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 30);
    await expect(call(undefined, {}, controller.signal)).rejects.toMatchObject({ code: 'FUNCTION_FAILED', errorName: 'AbortError' });
  });

  it('uses the fetch given in the options', async () => {
    server.respond((_r, res) => json(res, 200, 'fine'));
    const seen: string[] = [];
    const counting: typeof fetch = (input, init) => {
      seen.push(String(init?.method));
      return fetch(input, init);
    };
    await expect(call(new OpenApiInvoker({ fetch: counting }))).resolves.toMatchObject({ body: 'fine' });
    expect(seen).toEqual(['GET']);
  });
});
