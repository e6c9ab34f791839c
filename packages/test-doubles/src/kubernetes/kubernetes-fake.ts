// startKubernetesFake: a stateful Kubernetes API server double on a real socket, serving
// discovery and get, list, create, delete and server-side apply for the kinds a namespace
// onboarding applies (Namespace, ResourceQuota, LimitRange, ServiceAccount, ConfigMap,
// RoleBinding, NetworkPolicy), with the API server's Status errors.
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readRecordedRequest, type RecordedRequest } from '../http/recorded-request.js';
import type { FakeServerHandle } from '../http/fake-server.js';
import { typeOfKind } from './kubernetes-resources.js';
import { rejectionReply, serveKubernetes, type KubernetesReply } from './kubernetes-routes.js';
import { failure, unauthorized } from './kubernetes-status.js';
import { KubernetesStore, type KubernetesObject } from './kubernetes-store.js';
import { modelViolations, type ModelCheckOptions } from './model-check.js';

/** The bearer token the Kubernetes fake accepts unless told otherwise. */
export const KUBERNETES_FAKE_TOKEN = 'sluice-kubernetes-fake-token';

/** Options for {@link startKubernetesFake}. */
export interface KubernetesFakeOptions {
  /** The bearer token to accept; default {@link KUBERNETES_FAKE_TOKEN}. */
  token?: string;
  /** Port on 127.0.0.1 (default: ephemeral). */
  port?: number;
  /** Clock for creationTimestamp and managedFields times; default the wall clock. */
  now?: () => Date;
  /** Check every reply body against a generated client's models; findings go to `violations`. */
  modelCheck?: ModelCheckOptions;
}

/** A scripted failure: the next matching request gets this Status instead of being served. */
export interface ScriptedFailure {
  method?: string;
  /** A path, or a pattern over it. */
  path?: string | RegExp;
  code: number;
  reason: string;
  message?: string;
}

/** A running Kubernetes fake. Getters return copies. */
export interface KubernetesFake extends FakeServerHandle {
  readonly token: string;
  /** Every stored object, as GET returns it. */
  objects(): KubernetesObject[];
  /** One stored object; `namespace` is ignored for cluster-scoped kinds. */
  object(apiVersion: string, kind: string, namespace: string | undefined, name: string): KubernetesObject | undefined;
  /** Answers the next request matching `failure` (after authentication) with that Status. */
  failNext(failure: ScriptedFailure): void;
}

/**
 * Starts a Kubernetes API fake on 127.0.0.1. Point a KubeConfig at `url` with `token`.
 *
 * @example
 * const k8s = await startKubernetesFake({ modelCheck: { serializer: ObjectSerializer } });
 * const kc = new KubeConfig();
 * kc.loadFromOptions({ clusters: [{ name: 'fake', server: k8s.url, skipTLSVerify: true }],
 *   users: [{ name: 'u', token: k8s.token }], contexts: [{ name: 'c', cluster: 'fake', user: 'u' }], currentContext: 'c' });
 * await KubernetesObjectApi.makeApiClient(kc).patch(namespace, undefined, undefined, 'sluice', true, PatchStrategy.ServerSideApply);
 * expect(k8s.violations).toEqual([]);
 * await k8s.close();
 */
export async function startKubernetesFake(options: KubernetesFakeOptions = {}): Promise<KubernetesFake> {
  const token = options.token ?? KUBERNETES_FAKE_TOKEN;
  const store = new KubernetesStore(options.now ?? (() => new Date()));
  const requests: RecordedRequest[] = [];
  const violations: string[] = [];
  const scripted: ScriptedFailure[] = [];
  let host = '';
  const answer = (request: RecordedRequest): KubernetesReply => {
    if (request.headers['authorization'] !== `Bearer ${token}`) return { ...unauthorized(), model: 'V1Status' };
    const index = scripted.findIndex((f) => matches(f, request));
    if (index >= 0) {
      const [f] = scripted.splice(index, 1) as [ScriptedFailure];
      return { ...failure(f.code, f.reason, f.message ?? f.reason), model: 'V1Status' };
    }
    try {
      return serveKubernetes(store, request, host, (note) => violations.push(note));
    } catch (error) {
      const reply = rejectionReply(error, request);
      if (reply) return reply;
      throw error;
    }
  };
  const server = createServer((req, res) => {
    void (async () => {
      const request = await readRecordedRequest(req);
      requests.push(request);
      const reply = answer(request);
      if (options.modelCheck && reply.model) {
        for (const v of modelViolations(options.modelCheck, reply.body, reply.model)) violations.push(`${request.method} ${request.path} → ${reply.status}: ${v}`);
      }
      request.response = { status: reply.status, body: reply.body };
      send(res, reply.status, reply.body);
    })().catch((error: unknown) => {
      violations.push(`Kubernetes fake crashed: ${error instanceof Error ? error.message : String(error)}`);
      send(res, 500, failure(500, 'InternalError', 'Internal error occurred: fake crashed').body);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `http://${host}`,
    token,
    requests,
    violations,
    objects: () => structuredClone(store.all()),
    object: (apiVersion, kind, namespace, name) => {
      const type = typeOfKind(apiVersion, kind);
      if (!type) throw new Error(`Kubernetes fake: ${apiVersion} ${kind} is not served`);
      return structuredClone(store.get(type, namespace ?? '', name));
    },
    failNext: (f) => void scripted.push(f),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function matches(f: ScriptedFailure, request: RecordedRequest): boolean {
  if (f.method && f.method.toUpperCase() !== request.method) return false;
  if (f.path === undefined) return true;
  return typeof f.path === 'string' ? f.path === request.path : f.path.test(request.path);
}

function send(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) return;
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)) }).end(text);
}
