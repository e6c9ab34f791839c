// `npm start`: Sluice on the embedded default (SQLite under ./data, workflows from ./workflows, the
// catalog from ./catalog), with the seed workflow ready to run. Configuration comes from
// ./sluice.yaml and SLUICE_* variables as for `sluice serve`.
//
// The seed workflow needs GitLab (GITLAB_URL, GITLAB_TOKEN) for approvals of large namespaces, and a
// Backstage scaffolder for the namespace template. When they are not configured, this script starts
// local stand-ins (the GitLab and scaffolder test doubles from packages/test-doubles) and says so,
// so that a first run works on a machine with nothing else installed. `sluice serve` itself never
// does this: there an unconfigured GITLAB_URL lists the workflow as unavailable, with the reason.
import { loadServerConfig, startServer, selfToken, SELF_SUBJECT, ConfigError } from '../packages/server/dist/index.js';
import { SEED_APPROVALS_PROJECT, startBackstageFake, startGitLabFake } from '../packages/test-doubles/dist/index.js';

const env = { ...process.env };
let config;
try {
  config = loadServerConfig({ flags: {}, env, cwd: process.cwd() });
} catch (err) {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(2);
}

const standIns = [];
const properties = { ...config.workflowProperties };
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
if (!env.BACKSTAGE_BACKEND_URL) {
  // Notifications go to Sluice itself (self-wiring); the namespace template runs on a stand-in
  // scaffolder until Sluice's own scaffolder serves it.
  const scaffolder = await startBackstageFake({ tokens: [{ token: selfToken(config.dataDir), subject: SELF_SUBJECT }], defaultTaskStatuses: ['processing', 'completed'] });
  standIns.push(scaffolder);
  properties['*'] = { 'quarkus.rest-client.scaffolder_openapi_yaml.url': scaffolder.url, ...properties['*'] };
  say(`scaffolder: template tasks run on a local stand-in at ${scaffolder.url}.`);
}

const server = await startServer({ ...config, workflowProperties: properties }, { env });
say(`Sluice is up at ${server.url}. A static token for scripts is in ${config.dataDir}/workflows.token; the README shows a first run.`);

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
