/**
 * Applies objects to a cluster with server-side apply through @kubernetes/client-node, one at a
 * time in the given order, stopping between objects when the signal fires; a failure `Status`
 * becomes a ScaffolderError naming the object, its code, reason and causes (for a 409 conflict,
 * which field managers own the fields).
 */
import { ApiException, KubeConfig, KubernetesObjectApi, PatchStrategy, loadYaml, type KubernetesObject } from '@kubernetes/client-node';
import { ScaffolderError } from '../errors/scaffolder-error.js';
import { describeObject, type ManifestObject } from './kubernetes-apply-manifests.js';

/** Where the cluster is: a kubeconfig file, a loaded KubeConfig, or the pod's service account. */
export interface ClusterTarget {
  readonly kubeconfig?: string | KubeConfig;
  /** Use the in-cluster service account (`KubeConfig.loadFromCluster`). */
  readonly inCluster?: boolean;
  /** Context of the kubeconfig file to use (default: its current context). */
  readonly context?: string;
}

/** One applied object, as the action outputs it. */
export interface AppliedObject {
  apiVersion: string;
  kind: string;
  namespace?: string;
  name: string;
  uid?: string;
  resourceVersion?: string;
}

/** How to apply. */
export interface ApplyOptions {
  readonly dryRun: boolean;
  readonly fieldManager: string;
  readonly force: boolean;
  readonly signal: AbortSignal;
  readonly log: (message: string) => void;
}

/** A KubeConfig for `target`; throws when it names no cluster. */
export function loadKubeConfig(target: ClusterTarget): KubeConfig {
  if (target.kubeconfig instanceof KubeConfig) return target.kubeconfig;
  const kc = new KubeConfig();
  if (typeof target.kubeconfig === 'string') kc.loadFromFile(target.kubeconfig);
  else if (target.inCluster) kc.loadFromCluster();
  else throw new ScaffolderError('INPUT_INVALID', 'kubernetes:apply: no cluster configured');
  if (target.context) kc.setCurrentContext(target.context);
  return kc;
}

/** Applies `objects` in order and returns what the API server answered for each. */
export async function applyToCluster(kc: KubeConfig, objects: readonly ManifestObject[], opts: ApplyOptions): Promise<AppliedObject[]> {
  const client = KubernetesObjectApi.makeApiClient(kc);
  const applied: AppliedObject[] = [];
  for (const object of objects) {
    if (opts.signal.aborted) {
      throw new ScaffolderError('CANCELLED', `kubernetes:apply was cancelled after ${applied.length} of ${objects.length} objects`);
    }
    let result: KubernetesObject;
    try {
      result = await client.patch(toModel(object), undefined, opts.dryRun ? 'All' : undefined, opts.fieldManager, opts.force, PatchStrategy.ServerSideApply);
    } catch (err) {
      throw applyError(object, err, opts.fieldManager);
    }
    const meta = result.metadata ?? {};
    const namespace = meta.namespace ?? object.metadata.namespace;
    applied.push({
      apiVersion: result.apiVersion ?? object.apiVersion,
      kind: result.kind ?? object.kind,
      ...(namespace ? { namespace } : {}),
      name: meta.name ?? object.metadata.name,
      ...(meta.uid ? { uid: meta.uid } : {}),
      ...(meta.resourceVersion ? { resourceVersion: meta.resourceVersion } : {}),
    });
    opts.log(`${opts.dryRun ? 'Dry-run applied' : 'Applied'} ${describeObject(object)}`);
  }
  return applied;
}

/**
 * The object as the client's typed model. `patch` serializes through the generated models, which
 * map property names to wire names (`_default` → `default` in a LimitRange): a plain object would
 * lose such fields. `loadYaml` (JSON is YAML) deserializes into the model for known kinds and
 * keeps other kinds as they are.
 */
function toModel(object: ManifestObject): KubernetesObject {
  return loadYaml<KubernetesObject>(JSON.stringify(object));
}

interface StatusBody {
  message?: string;
  reason?: string;
  code?: number;
  details?: { causes?: { reason?: string; message?: string; field?: string }[] };
}

/** The action error for a failed apply of `object`. */
export function applyError(object: ManifestObject, err: unknown, fieldManager: string): ScaffolderError {
  const what = describeObject(object);
  if (!(err instanceof ApiException)) {
    const message = err instanceof Error ? err.message : String(err);
    return new ScaffolderError('ACTION_FAILED', `${what}: ${message}`, { cause: err });
  }
  const status = parseStatus(err.body);
  const code = status.code ?? err.code;
  const reason = status.reason ?? 'Failure';
  const causes = status.details?.causes ?? [];
  let detail: string;
  if (code === 409 && causes.some((c) => c.reason === 'FieldManagerConflict')) {
    const owners = new Map<string, string[]>();
    for (const c of causes.filter((x) => x.reason === 'FieldManagerConflict')) {
      const owner = /"([^"]*)"/.exec(c.message ?? '')?.[1] ?? 'another manager';
      owners.set(owner, [...(owners.get(owner) ?? []), c.field ?? '?']);
    }
    const owned = [...owners].map(([owner, fields]) => `${fields.join(', ')} owned by field manager "${owner}"`).join('; ');
    detail = `${owned} (applying as field manager "${fieldManager}"; set force: true to take them over)`;
  } else if (causes.length > 0) {
    detail = causes.map((c) => (c.field ? `${c.field}: ${c.message ?? c.reason ?? ''}` : (c.message ?? c.reason ?? ''))).join('; ');
  } else {
    detail = status.message ?? err.message;
  }
  return new ScaffolderError(code === 422 || code === 400 ? 'INPUT_INVALID' : 'ACTION_FAILED', `${what}: ${code} ${reason}: ${detail}`, {
    cause: err,
    details: { code, reason },
  });
}

function parseStatus(body: unknown): StatusBody {
  if (typeof body === 'string') {
    try {
      const parsed: unknown = JSON.parse(body);
      return typeof parsed === 'object' && parsed !== null ? (parsed as StatusBody) : { message: body };
    } catch {
      return { message: body };
    }
  }
  return typeof body === 'object' && body !== null ? (body as StatusBody) : {};
}
