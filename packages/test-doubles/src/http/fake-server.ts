// The node:http server under every fake: records each request, checks it and the reply against
// the OpenAPI specs, authenticates, and dispatches to the fake's routes.
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ConformanceChecker } from '../openapi/conformance-checker.js';
import { matchPathTemplate, templateVariableCount } from './path-template.js';
import { readRecordedRequest, type RecordedRequest } from './recorded-request.js';

/** What a route answers: a status, an optional JSON body and extra headers. */
export interface FakeReply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** What a route handler gets: the request, the decoded path variables and the server's base URL. */
export interface RouteContext {
  request: RecordedRequest;
  params: Record<string, string>;
  baseUrl: string;
}

/** One route of a fake. `path` uses `{name}` variables. */
export interface FakeRoute {
  method: string;
  path: string;
  /** The spec operation this route answers when its path is not the spec's (an alias). */
  operationId?: string;
  handle(context: RouteContext): FakeReply | Promise<FakeReply>;
}

/** How a fake server behaves; the service-specific parts are callbacks. @internal */
export interface FakeServerOptions {
  routes: readonly FakeRoute[];
  checker: ConformanceChecker;
  /** Answer a request that breaks the spec with `invalidRequest` instead of serving it. */
  strict: boolean;
  /** Port to listen on (default: an ephemeral one). */
  port?: number;
  /** Called after each reply (e.g. to print a request log). */
  onRequest?: (request: RecordedRequest) => void;
  /** Returns the service's 401/403 reply, or undefined when the request may proceed. */
  authenticate(request: RecordedRequest): FakeReply | undefined;
  notFound(request: RecordedRequest): FakeReply;
  invalidRequest(message: string, request: RecordedRequest): FakeReply;
}

/** A running fake: its base URL, what it received, spec violations seen, and how to stop it. */
export interface FakeServerHandle {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  url: string;
  /** Every request received, in arrival order, with the reply once sent. */
  requests: RecordedRequest[];
  /** Spec violations in requests received and replies sent (and fake crashes), in order. */
  violations: string[];
  /** Stops listening and drops open connections. */
  close(): Promise<void>;
}

/** Starts a fake on 127.0.0.1, on `options.port` or an ephemeral port. @internal */
export async function startFakeServer(options: FakeServerOptions): Promise<FakeServerHandle> {
  const requests: RecordedRequest[] = [];
  const violations: string[] = [];
  let baseUrl = '';
  const server = createServer((req, res) => {
    void (async () => {
      const request = await readRecordedRequest(req);
      requests.push(request);
      const reply = await serve(options, request, baseUrl, violations);
      request.response = { status: reply.status, body: reply.body ?? null };
      send(res, reply);
      options.onRequest?.(request);
    })().catch((error: unknown) => {
      violations.push(`fake server crashed: ${error instanceof Error ? error.message : String(error)}`);
      send(res, { status: 500, body: { message: '500 Internal Server Error' } });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: baseUrl,
    requests,
    violations,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

async function serve(options: FakeServerOptions, request: RecordedRequest, baseUrl: string, violations: string[]): Promise<FakeReply> {
  const route = findRoute(options.routes, request);
  const check = route?.route.operationId
    ? options.checker.checkRequest(request, { operationId: route.route.operationId, pathParams: route.params })
    : options.checker.checkRequest(request);
  violations.push(...check.violations);
  let reply = options.authenticate(request);
  if (!reply && options.strict && check.violations.length > 0) reply = options.invalidRequest(check.violations.join('; '), request);
  if (!reply) reply = route ? await handle(route.route, { request, params: route.params, baseUrl }, violations) : options.notFound(request);
  if (check.operation) violations.push(...options.checker.checkResponse(check.operation, reply.status, reply.body ?? null));
  return reply;
}

async function handle(route: FakeRoute, context: RouteContext, violations: string[]): Promise<FakeReply> {
  try {
    return await route.handle(context);
  } catch (error) {
    violations.push(`fake route ${route.method} ${route.path} threw: ${error instanceof Error ? error.message : String(error)}`);
    return { status: 500, body: { message: '500 Internal Server Error' } };
  }
}

function findRoute(routes: readonly FakeRoute[], request: RecordedRequest): { route: FakeRoute; params: Record<string, string> } | undefined {
  let best: { route: FakeRoute; params: Record<string, string> } | undefined;
  for (const route of routes) {
    if (route.method !== request.method) continue;
    const params = matchPathTemplate(route.path, request.path);
    if (params && (!best || templateVariableCount(route.path) < templateVariableCount(best.route.path))) best = { route, params };
  }
  return best;
}

function send(res: ServerResponse, reply: FakeReply): void {
  if (res.headersSent) return;
  const headers: Record<string, string> = { ...reply.headers };
  if (reply.body === undefined) {
    res.writeHead(reply.status, headers).end();
    return;
  }
  const text = JSON.stringify(reply.body);
  headers['content-type'] ??= 'application/json; charset=utf-8';
  headers['content-length'] = String(Buffer.byteLength(text));
  res.writeHead(reply.status, headers).end(text);
}
