/**
 * What the HTTP bench runs, each started through `POST /api/orchestrator/v2/workflows/{id}/execute`:
 * - `trivial`: one inject state, so the request's cost is the server's (auth, input, store create);
 * - `seed`: the unchanged seed workflow `create-ocp-namespace-swt`, small path: launch the software
 *   template (scaffolder: the Backstage fake), sysout, sleep 15 s, read the task, notify the
 *   recipients (Sluice's own notifications API, through the self-wiring), end. Each request gets its
 *   own namespace `demo-<n>`.
 * `sluiceYaml` gives the sluice.yaml settings a workload needs.
 */
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export type WorkloadName = 'trivial' | 'seed';

export interface Workload {
  readonly name: WorkloadName;
  readonly label: string;
  readonly workflowId: string;
  /** Copies or writes the workflow folder under `workflowsDir`. */
  install(workflowsDir: string): void;
  /** sluice.yaml settings (workflowEnv, workflowProperties) given the scaffolder's URL and token. */
  settings(backstage?: { url: string; token: string }): Record<string, unknown>;
  /** True when it needs the Backstage fake. */
  readonly needsBackstage: boolean;
  /** The request body of the n-th request. */
  body(n: number): string;
}

export const REPO = resolve(import.meta.dirname, '../../..');
const SEED_FOLDER = join(REPO, 'workflows/create-ocp-namespace-swt');

const TRIVIAL = `id: bench-trivial
version: '1.0'
specVersion: '0.8'
name: Bench trivial
start: Done
states:
  - { name: Done, type: inject, data: { done: true }, end: true }
`;

const trivial: Workload = {
  name: 'trivial',
  label: 'trivial (one inject state)',
  workflowId: 'bench-trivial',
  needsBackstage: false,
  install: (dir) => {
    mkdirSync(join(dir, 'bench-trivial'), { recursive: true });
    writeFileSync(join(dir, 'bench-trivial', 'bench-trivial.sw.yaml'), TRIVIAL);
  },
  settings: () => ({}),
  body: () => '{"inputData":{}}',
};

const seed: Workload = {
  name: 'seed',
  label: 'seed small path (create-ocp-namespace-swt)',
  workflowId: 'create-ocp-namespace-swt',
  needsBackstage: true,
  install: (dir) => cpSync(SEED_FOLDER, join(dir, 'create-ocp-namespace-swt'), { recursive: true }),
  settings: (backstage) => ({
    // GitLab is only called on the large path; the variables must be set for the workflow to load.
    workflowEnv: { GITLAB_URL: 'http://127.0.0.1:9', GITLAB_TOKEN: 'unused', SWT_REF: 'template:default/orchestrator-namespace-request' },
    // Notifications keep the self-wiring (rhdh_url is Sluice); only the scaffolder goes to the fake.
    workflowProperties: {
      'create-ocp-namespace-swt': {
        'quarkus.rest-client.scaffolder_openapi_yaml.url': backstage?.url ?? 'http://127.0.0.1:9',
        'quarkus.openapi-generator.scaffolder_openapi_yaml.auth.BearerToken.bearer-token': backstage?.token ?? 'unused',
      },
    },
  }),
  body: (n) =>
    JSON.stringify({
      inputData: { recipients: ['user:default/dev1'], namespace: `demo-${n}`, size: 'small', requester: 'dev1', git_host: 'gitlab.example.com' },
    }),
};

export const WORKLOADS: Readonly<Record<WorkloadName, Workload>> = { trivial, seed };
