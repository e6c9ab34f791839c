// Test helpers for the invokers: a real HTTP server on 127.0.0.1 that records every request, and
// builders for InvokeRequest, ConfigSource, Logger and OpenAPI FunctionDefs from the seed specs.
import { readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ConfigSource, FunctionDef, InvokeRequest, Json, JsonObject, Logger, LogLevel } from '@sluice/engine';
import { parse } from 'yaml';

/** One request as the server saw it. `headers` are lower-cased by node:http. */
export interface Recorded {
  readonly method: string;
  /** Path and query exactly as sent on the request line. */
  readonly target: string;
  readonly path: string;
  readonly query: string;
  readonly headers: IncomingHttpHeaders;
  /** The raw body text ('' when none). */
  readonly body: string;
}

/** How the server answers one request. */
export type Responder = (req: Recorded, res: ServerResponse) => void;

/** A running recording server. */
export interface RecordingServer {
  readonly url: string;
  readonly requests: Recorded[];
  respond(fn: Responder): void;
  close(): Promise<void>;
}

/** Answers with status 200 and `{"ok":true}` unless `respond` sets another responder. */
export async function startRecordingServer(): Promise<RecordingServer> {
  const requests: Recorded[] = [];
  let responder: Responder = (_r, res) => json(res, 200, { ok: true });
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const target = req.url ?? '';
      const q = target.indexOf('?');
      const rec: Recorded = {
        method: req.method ?? '',
        target,
        path: q < 0 ? target : target.slice(0, q),
        query: q < 0 ? '' : target.slice(q + 1),
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(rec);
      responder(rec, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    respond: (fn) => (responder = fn),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}

/** Writes a JSON response. */
export function json(res: ServerResponse, status: number, body: Json): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

/** A ConfigSource over a plain record. */
export function mapConfig(values: Readonly<Record<string, string>>): ConfigSource {
  return { get: (k) => (Object.hasOwn(values, k) ? values[k] : undefined), keys: () => Object.keys(values) };
}

/**
 * Reads `key=value` lines of an application.properties text, substituting `${NAME}` from earlier
 * properties, then from `env` (unresolved references stay as written). Enough for the seed file.
 */
export function loadProperties(text: string, env: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const t = line.trim();
    if (t === '' || t.startsWith('#') || t.startsWith('!')) continue;
    const eq = t.indexOf('=');
    if (eq < 0) continue;
    const value = t.slice(eq + 1).trim().replace(/\$\{([^}]+)\}/g, (whole, name: string) => out[name] ?? env[name] ?? whole);
    out[t.slice(0, eq).trim()] = value;
  }
  return out;
}

/** A Logger that keeps every line. */
export function captureLogger(): { logger: Logger; lines: { level: LogLevel; message: string; fields?: unknown }[] } {
  const lines: { level: LogLevel; message: string; fields?: unknown }[] = [];
  return { lines, logger: { log: (level, message, fields) => void lines.push({ level, message, fields }) } };
}

/** An InvokeRequest for `fn` with `args`; the rest has test defaults. */
export function invokeRequest(
  fn: FunctionDef,
  args: Json,
  config: ConfigSource,
  extra: { log?: Logger; signal?: AbortSignal } = {},
): InvokeRequest {
  return {
    instanceId: 'i-1',
    workflowId: 'create-ocp-namespace-swt',
    callId: 'c-1',
    attempt: 1,
    fn,
    args,
    config,
    signal: extra.signal ?? new AbortController().signal,
    log: extra.log ?? captureLogger().logger,
  };
}

/** The seed workflow's folder, for its specs and application.properties. */
export const SEED_DIR = new URL('../../../workflows/create-ocp-namespace-swt/', import.meta.url);

/** Parses a YAML/JSON file. */
export function readYaml(url: URL): JsonObject {
  return parse(readFileSync(url, 'utf8')) as JsonObject;
}

/**
 * An OpenAPI FunctionDef the way the loader builds it: `uri` as written, configKey from the file
 * name, method and path looked up by operationId in `document`.
 */
export function openApiFunction(name: string, uri: string, operationId: string, document: JsonObject): FunctionDef {
  const fileName = uri.slice(uri.lastIndexOf('/') + 1);
  for (const [path, item] of Object.entries(document.paths as JsonObject)) {
    for (const [method, op] of Object.entries(item as JsonObject)) {
      if ((op as JsonObject | null)?.operationId !== operationId) continue;
      return {
        name,
        type: 'rest',
        operation: `${uri}#${operationId}`,
        invoker: 'rest',
        openapi: { uri, configKey: fileName.replace(/[^A-Za-z0-9]/g, '_'), operationId, method: method.toUpperCase(), path, document },
        metadata: {},
        pointer: `/functions/${name}`,
      };
    }
  }
  throw new Error(`no operation ${operationId} in ${uri}`);
}

/** A custom FunctionDef (`type: custom`) with the invoker key the loader would derive. */
export function customFunction(name: string, operation: string, metadata: Record<string, Json> = {}): FunctionDef {
  const kind = operation.split(':')[0] ?? operation;
  return { name, type: 'custom', operation, invoker: `custom:${kind}`, metadata, pointer: `/functions/${name}` };
}
