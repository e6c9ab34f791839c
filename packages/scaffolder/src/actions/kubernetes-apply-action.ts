/**
 * `kubernetes:apply`: applies Kubernetes objects with server-side apply (Namespaces first, then the
 * rest in a stable order). With no cluster configured (neither `kubeconfig` nor `inCluster`) and a
 * `gitops` repository, it commits the manifests to that repository instead, one commit per call.
 * The library reads no environment: the server passes the kubeconfig path or `inCluster`.
 */
import { ScaffolderError } from '../errors/scaffolder-error.js';
import { commitToGitOps, type GitOpsOptions } from '../gitops/gitops-repository.js';
import { applyToCluster, loadKubeConfig, type AppliedObject, type ClusterTarget } from './kubernetes-apply-cluster.js';
import { describeObject, loadManifests, type ManifestObject } from './kubernetes-apply-manifests.js';
import { createTemplateAction, type TemplateAction } from './template-action.js';

/** Input of `kubernetes:apply`. */
export interface KubernetesApplyInput {
  readonly manifest?: string;
  readonly manifests?: readonly Record<string, unknown>[];
  readonly manifestPath?: string;
  readonly namespace?: string;
  readonly dryRun?: boolean;
  readonly fieldManager?: string;
  readonly force?: boolean;
}

/** Options of `kubernetes:apply`: a cluster, or a GitOps repository to fall back to. */
export interface KubernetesApplyOptions extends ClusterTarget {
  /** Used when no cluster is configured. */
  readonly gitops?: GitOpsOptions;
}

const APPLIED_SCHEMA = {
  type: 'array',
  description: 'The applied objects, in apply order',
  items: {
    type: 'object',
    required: ['apiVersion', 'kind', 'name'],
    properties: {
      apiVersion: { type: 'string' },
      kind: { type: 'string' },
      namespace: { type: 'string' },
      name: { type: 'string' },
      uid: { type: 'string' },
      resourceVersion: { type: 'string' },
    },
  },
  examples: [[{ apiVersion: 'v1', kind: 'Namespace', name: 'team-a' }]],
};

/**
 * Creates `kubernetes:apply`.
 *
 * @example
 * registry.register(createKubernetesApplyAction({ kubeconfig: '/etc/sluice/kubeconfig' }));
 * registry.register(createKubernetesApplyAction({ gitops: { dir: '/var/lib/sluice/gitops' } }));
 */
export function createKubernetesApplyAction(opts: KubernetesApplyOptions = {}): TemplateAction<KubernetesApplyInput> {
  const clusterConfigured = opts.kubeconfig !== undefined || opts.inCluster === true;
  return createTemplateAction<KubernetesApplyInput>({
    id: 'kubernetes:apply',
    description: clusterConfigured
      ? 'Applies Kubernetes manifests to the cluster with server-side apply'
      : 'Commits Kubernetes manifests to the GitOps repository (no cluster is configured)',
    supportsDryRun: true,
    examples: [
      {
        description: 'Apply the manifests rendered into the workspace',
        example: 'steps:\n  - id: apply\n    action: kubernetes:apply\n    input:\n      manifestPath: manifests\n      namespace: team-a\n',
      },
    ],
    schema: {
      input: {
        type: 'object',
        oneOf: [{ required: ['manifest'] }, { required: ['manifests'] }, { required: ['manifestPath'] }],
        properties: {
          manifest: { type: 'string', title: 'Manifest', description: 'YAML of one or more objects (documents separated by ---)' },
          manifests: { type: 'array', title: 'Manifests', description: 'The objects to apply', items: { type: 'object' } },
          manifestPath: { type: 'string', title: 'Manifest path', description: 'A YAML file in the workspace, or a directory of *.yaml files' },
          namespace: { type: 'string', title: 'Namespace', description: 'Namespace of namespaced objects that have none' },
          dryRun: { type: 'boolean', title: 'Dry run', description: 'Ask the API server to validate without storing (dryRun=All); nothing is committed' },
          fieldManager: { type: 'string', title: 'Field manager', description: 'The server-side apply field manager (default sluice)', minLength: 1 },
          force: { type: 'boolean', title: 'Force', description: 'Take over fields other field managers own' },
        },
      },
      output: {
        type: 'object',
        properties: {
          applied: APPLIED_SCHEMA,
          summary: { type: 'string', description: 'One line per object: Kind namespace/name', examples: ['Namespace team-a'] },
          commit: { type: 'string', description: 'GitOps fallback: the commit sha', examples: ['0000000000000000000000000000000000000000'] },
          files: { type: 'array', items: { type: 'string' }, description: 'GitOps fallback: the written files' },
          repository: { type: 'string', description: 'GitOps fallback: the repository directory' },
        },
      },
    },
    async handler(ctx) {
      const input = ctx.input;
      const dryRun = ctx.isDryRun || input.dryRun === true;
      const objects = await loadManifests(input, ctx.workspacePath, input.namespace);
      const log = (m: string): void => ctx.logger.info(m);
      if (clusterConfigured) {
        const applied = await applyToCluster(loadKubeConfig(opts), objects, {
          dryRun,
          fieldManager: input.fieldManager ?? 'sluice',
          force: input.force ?? false,
          signal: ctx.signal,
          log,
        });
        ctx.output('applied', applied);
        ctx.output('summary', summary(objects));
        return;
      }
      if (!opts.gitops) {
        throw new ScaffolderError('ACTION_FAILED', 'kubernetes:apply: no cluster and no GitOps repository are configured');
      }
      const result = await commitToGitOps(opts.gitops, objects, { taskId: ctx.taskId, dryRun, signal: ctx.signal, log });
      ctx.output('applied', objects.map(appliedEntry));
      ctx.output('summary', summary(objects));
      if (result.commit) ctx.output('commit', result.commit);
      ctx.output('files', result.files);
      ctx.output('repository', result.repository);
    },
  });
}

function appliedEntry(o: ManifestObject): AppliedObject {
  return { apiVersion: o.apiVersion, kind: o.kind, ...(o.metadata.namespace ? { namespace: o.metadata.namespace } : {}), name: o.metadata.name };
}

function summary(objects: readonly ManifestObject[]): string {
  return objects.map(describeObject).join('\n');
}
