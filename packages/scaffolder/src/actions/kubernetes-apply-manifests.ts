/**
 * The objects `kubernetes:apply` applies: read from a YAML string (several documents allowed), an
 * array of objects, or a file / directory of `*.yaml`/`*.yml` in the workspace; checked for
 * `apiVersion`, `kind` and `metadata.name`; given the default namespace when namespaced and
 * without one; and put in apply order (Namespaces first, then the rest in a stable order).
 */
import { readFile, stat } from 'node:fs/promises';
import { parseAllDocuments } from 'yaml';
import { ScaffolderError } from '../errors/scaffolder-error.js';
import { listFiles } from '../fs/list-files.js';
import { resolveSafeChildPath } from '../fs/safe-child-path.js';

/** A Kubernetes object as applied: the header is checked, the rest is passed through. */
export interface ManifestObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; [key: string]: unknown };
  [key: string]: unknown;
}

/** Where the manifests come from (exactly one of the three). */
export interface ManifestSource {
  readonly manifest?: string;
  readonly manifests?: readonly unknown[];
  readonly manifestPath?: string;
}

/**
 * Kinds that are cluster-scoped (no namespace). Everything else is taken as namespaced, so the
 * default namespace is filled in without asking the cluster (the GitOps fallback has none).
 */
const CLUSTER_SCOPED_KINDS: ReadonlySet<string> = new Set([
  'Namespace',
  'Node',
  'PersistentVolume',
  'ClusterRole',
  'ClusterRoleBinding',
  'CustomResourceDefinition',
  'StorageClass',
  'PriorityClass',
  'IngressClass',
  'RuntimeClass',
  'CSIDriver',
  'CSINode',
  'VolumeAttachment',
  'MutatingWebhookConfiguration',
  'ValidatingWebhookConfiguration',
  'ValidatingAdmissionPolicy',
  'ValidatingAdmissionPolicyBinding',
  'APIService',
  'PodSecurityPolicy',
  'CertificateSigningRequest',
  'FlowSchema',
  'PriorityLevelConfiguration',
  'Project',
  'ProjectRequest',
  'ClusterResourceQuota',
  'SecurityContextConstraints',
]);

/** True when `kind` is cluster-scoped. */
export function isClusterScoped(kind: string): boolean {
  return CLUSTER_SCOPED_KINDS.has(kind);
}

/** Reads, checks, defaults and orders the objects of `source`. */
export async function loadManifests(source: ManifestSource, workspacePath: string, defaultNamespace?: string): Promise<ManifestObject[]> {
  const given = [source.manifest, source.manifests, source.manifestPath].filter((v) => v !== undefined).length;
  if (given !== 1) {
    throw new ScaffolderError('INPUT_INVALID', 'kubernetes:apply needs exactly one of manifest, manifests and manifestPath');
  }
  let raw: { origin: string; value: unknown }[];
  if (source.manifest !== undefined) raw = parseYamlDocuments(source.manifest, 'manifest');
  else if (source.manifests !== undefined) raw = source.manifests.map((value, i) => ({ origin: `manifests[${i}]`, value }));
  else raw = await readManifestPath(source.manifestPath as string, workspacePath);

  const objects = raw
    .flatMap(({ origin, value }) => expandList(value).map((v) => ({ origin, value: v })))
    .map(({ origin, value }) => checkObject(value, origin, defaultNamespace));
  if (objects.length === 0) throw new ScaffolderError('INPUT_INVALID', 'kubernetes:apply: the manifests hold no objects');
  return orderForApply(objects);
}

/** Namespaces first, then by namespace, kind, name (a stable order whatever the input order). */
export function orderForApply(objects: readonly ManifestObject[]): ManifestObject[] {
  const key = (o: ManifestObject): string => [o.kind === 'Namespace' ? '0' : '1', o.metadata.namespace ?? '', o.kind, o.metadata.name].join('\u0000');
  return [...objects].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** `Kind namespace/name` or `Kind name`, as error messages and logs name an object. */
export function describeObject(o: { kind: string; metadata: { name: string; namespace?: string } }): string {
  return `${o.kind} ${o.metadata.namespace ? `${o.metadata.namespace}/` : ''}${o.metadata.name}`;
}

function parseYamlDocuments(text: string, origin: string): { origin: string; value: unknown }[] {
  const out: { origin: string; value: unknown }[] = [];
  for (const [i, doc] of parseAllDocuments(text).entries()) {
    if (doc.errors.length > 0) {
      throw new ScaffolderError('INPUT_INVALID', `kubernetes:apply: ${origin} document ${i + 1} is not valid YAML: ${doc.errors[0]?.message ?? ''}`);
    }
    const value: unknown = doc.toJS();
    if (value !== null && value !== undefined) out.push({ origin: `${origin} document ${i + 1}`, value });
  }
  return out;
}

async function readManifestPath(path: string, workspacePath: string): Promise<{ origin: string; value: unknown }[]> {
  const full = resolveSafeChildPath(workspacePath, path);
  const info = await stat(full).catch((err: unknown) => {
    throw new ScaffolderError('INPUT_INVALID', `kubernetes:apply: manifestPath ${path} does not exist in the workspace`, { cause: err });
  });
  const files = info.isDirectory() ? (await listFiles(full)).filter((f) => /\.ya?ml$/.test(f)).map((f) => ({ name: `${path}/${f}`, file: `${full}/${f}` })) : [{ name: path, file: full }];
  const out: { origin: string; value: unknown }[] = [];
  for (const { name, file } of files) out.push(...parseYamlDocuments(await readFile(file, 'utf8'), name));
  return out;
}

/** A `kind: List` (or `*List`) becomes its items. */
function expandList(value: unknown): unknown[] {
  if (isRecord(value) && typeof value['kind'] === 'string' && value['kind'].endsWith('List') && Array.isArray(value['items'])) return value['items'];
  return [value];
}

function checkObject(value: unknown, origin: string, defaultNamespace: string | undefined): ManifestObject {
  const fail = (what: string): never => {
    throw new ScaffolderError('INPUT_INVALID', `kubernetes:apply: ${origin}: ${what}`);
  };
  if (!isRecord(value)) return fail('is not an object');
  if (typeof value['apiVersion'] !== 'string' || value['apiVersion'] === '') return fail('has no apiVersion');
  if (typeof value['kind'] !== 'string' || value['kind'] === '') return fail('has no kind');
  const metadata = value['metadata'];
  if (!isRecord(metadata) || typeof metadata['name'] !== 'string' || metadata['name'] === '') return fail(`${value['kind']} has no metadata.name`);
  const kind = value['kind'];
  const copy = structuredClone(value) as ManifestObject;
  if (isClusterScoped(kind)) {
    if (copy.metadata.namespace !== undefined) delete copy.metadata.namespace;
  } else if (typeof metadata['namespace'] !== 'string' || metadata['namespace'] === '') {
    if (defaultNamespace) copy.metadata.namespace = defaultNamespace;
    else delete copy.metadata.namespace;
  }
  return copy;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
