// `npm start`: Sluice on the embedded default (SQLite under ./data, workflows from ./workflows, the
// catalog from ./catalog), with the seed workflow ready to run. Configuration comes from
// ./sluice.yaml and SLUICE_* variables as for `sluice serve`.
//
// The seed workflow's scaffolder and notification calls reach Sluice itself (self-wiring; the
// namespace template in ./templates runs on Sluice's scaffolder and, with no KUBECONFIG, commits its
// manifests to data/gitops). It also needs GitLab (GITLAB_URL, GITLAB_TOKEN) for approvals of large
// namespaces: when that is not configured, this script starts a local in-memory GitLab stand-in (the
// test double from packages/test-doubles) and says so, so that a first run works on a machine with
// nothing else installed. `sluice serve` itself never does this: there an unconfigured GITLAB_URL
// lists the workflow as unavailable, with the reason.
import { loadServerConfig, startServer, ConfigError } from '../packages/server/dist/index.js';
import { SEED_APPROVALS_PROJECT, startGitLabFake } from '../packages/test-doubles/dist/index.js';

const env = { ...process.env };
let config;
try {
  config = loadServerConfig({ flags: {}, env, cwd: process.cwd() });
} catch (err) {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(2);
}

const standIns = [];
const say = (line) => process.stderr.write(`[start] ${line}\n`);

if (!env.SWT_REF) env.SWT_REF = 'template:default/orchestrator-namespace-request';
if (!env.GITLAB_URL) {
  const gitlab = await startGitLabFake({ projects: [SEED_APPROVALS_PROJECT] });
  standIns.push(gitlab);
  env.GITLAB_URL = gitlab.url;
  env.GITLAB_TOKEN = gitlab.token;
  say(`GITLAB_URL is not set: approvals go to a local GitLab stand-in at ${gitlab.url} (project ${SEED_APPROVALS_PROJECT.path_with_namespace}).`);
  say(`  approve a large request: curl -X PUT -H "PRIVATE-TOKEN: ${gitlab.token}" "${gitlab.url}/api/v4/projects/${encodeURIComponent(SEED_APPROVALS_PROJECT.path_with_namespace)}/issues/<iid>?add_labels=approved"`);
}
const server = await startServer(config, { env });
say(`Sluice is up: open ${server.url} in a browser and sign in as dev1 (or admin, to approve). A static token for scripts is in ${config.dataDir}/workflows.token; the README shows a first run.`);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await server.close();
  await Promise.all(standIns.map((s) => s.close()));
  process.exit(0);
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
