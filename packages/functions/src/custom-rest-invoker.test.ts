// SonataFlow custom `rest:<method>:<url>` functions against a real local server.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  customFunction,
  invokeRequest,
  json,
  mapConfig,
  startRecordingServer,
  type RecordingServer,
} from '../test/recording-server.js';
import { CustomRestInvoker, parseRestOperation } from './custom-rest-invoker.js';

describe('CustomRestInvoker', () => {
  let server: RecordingServer;
  let port: string;
  const invoker = new CustomRestInvoker();
  beforeAll(async () => {
    server = await startRecordingServer();
    port = new URL(server.url).port;
  });
  afterAll(() => server.close());
  beforeEach(() => server.requests.splice(0));

  const hostConfig = (fn: string) =>
    mapConfig({ [`kogito.sw.functions.${fn}.host`]: '127.0.0.1', [`kogito.sw.functions.${fn}.port`]: port });

  it('parses rest:<method>:<url> with colons in the URL', () => {
    expect(parseRestOperation('rest:post:http://h:8080/x', 'f')).toEqual({ method: 'POST', target: 'http://h:8080/x' });
    expect(parseRestOperation('rest:get:/a/{b}', 'f')).toEqual({ method: 'GET', target: '/a/{b}' });
    expect(() => parseRestOperation('rest:/a', 'f')).toThrow(/rest:<method>:<url or path>/);
  });

  it('fills placeholders, HEADER_ and QUERY_ arguments and sends the rest as the body', async () => {
    const fn = customFunction('hello', 'rest:post:/greet/{who}/x');
    const args = { who: 'a b', HEADER_X_Trace: 't1', QUERY_lang: ['en', 'de'], QUERY_none: null, name: 'N', n: null };
    const result = await invoker.invoke(invokeRequest(fn, args, hostConfig('hello')));
    const r = server.requests[0]!;
    expect(r.method).toBe('POST');
    expect(r.target).toBe('/greet/a%20b/x?lang=en&lang=de');
    expect(r.headers.x_trace).toBe('t1');
    expect(r.headers['content-type']).toBe('application/json');
    expect(r.body).toBe('{"name":"N","n":null}');
    expect(r.headers.host).toBe(`127.0.0.1:${port}`);
    expect(result).toMatchObject({ status: 200, body: { ok: true } });
  });

  it('sends no body on GET and {} on a POST without arguments', async () => {
    await invoker.invoke(invokeRequest(customFunction('g', 'rest:get:/items'), { extra: 1 }, hostConfig('g')));
    await invoker.invoke(invokeRequest(customFunction('p', 'rest:post:/items'), {}, hostConfig('p')));
    expect(server.requests.map((r) => [r.method, r.body, r.headers['content-type']])).toEqual([
      ['GET', '', undefined],
      ['POST', '{}', 'application/json'],
    ]);
  });

  it('calls an absolute URL without host configuration', async () => {
    await invoker.invoke(invokeRequest(customFunction('abs', `rest:delete:${server.url}/items/{id}`), { id: 7 }, mapConfig({})));
    expect(server.requests[0]).toMatchObject({ method: 'DELETE', target: '/items/7', body: '' });
  });

  it('raises CONFIG_MISSING for a relative URL without a host, and FUNCTION_FAILED for a missing placeholder', async () => {
    await expect(invoker.invoke(invokeRequest(customFunction('rel', 'rest:get:/x'), {}, mapConfig({})))).rejects.toMatchObject({
      code: 'CONFIG_MISSING',
      message: expect.stringContaining('kogito.sw.functions.rel.host'),
    });
    await expect(invoker.invoke(invokeRequest(customFunction('ph', 'rest:get:/x/{id}'), {}, hostConfig('ph')))).rejects.toMatchObject({
      code: 'FUNCTION_FAILED',
    });
  });

  it('throws on non-2xx unless metadata failOnStatusCode is false', async () => {
    server.respond((_r, res) => json(res, 409, { error: 'conflict' }));
    await expect(invoker.invoke(invokeRequest(customFunction('c', 'rest:put:/c'), {}, hostConfig('c')))).rejects.toMatchObject({
      code: '409',
      errorName: 'HttpError',
      message: 'PUT /c: HTTP 409',
      details: { status: 409, body: { error: 'conflict' } },
    });
    const lenient = customFunction('c', 'rest:put:/c', { failOnStatusCode: 'false' });
    await expect(invoker.invoke(invokeRequest(lenient, {}, hostConfig('c')))).resolves.toMatchObject({
      status: 409,
      body: { error: 'conflict' },
    });
    server.respond((_r, res) => json(res, 200, { ok: true }));
  });

  it('times out with code TimedOut', async () => {
    server.respond((_r, res) => void setTimeout(() => json(res, 200, {}), 300));
    const config = mapConfig({ 'kogito.sw.functions.t.host': '127.0.0.1', 'kogito.sw.functions.t.port': port, 'sluice.functions.timeout': '40' });
    await expect(invoker.invoke(invokeRequest(customFunction('t', 'rest:get:/slow'), {}, config))).rejects.toMatchObject({
      code: 'TimedOut',
    });
    server.respond((_r, res) => json(res, 200, { ok: true }));
  });
});
