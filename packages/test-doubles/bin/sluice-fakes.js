#!/usr/bin/env node
// `sluice-fakes [--deny] [--after N] [--gitlab-port P] [--backstage-port P]`: starts GitLab and
// Backstage fakes for trying the seed workflow locally, and prints the environment to export.
import { parseArgs } from 'node:util';
import { serveSeedFakes } from '../dist/index.js';

const { values } = parseArgs({
  options: {
    deny: { type: 'boolean' },
    after: { type: 'string' },
    'gitlab-port': { type: 'string' },
    'backstage-port': { type: 'string' },
  },
});
const fakes = await serveSeedFakes({
  decision: values.deny ? 'denied' : 'approved',
  decideAfter: Number(values.after ?? 2),
  gitlabPort: Number(values['gitlab-port'] ?? 8929),
  backstagePort: Number(values['backstage-port'] ?? 7007),
  log: (line) => process.stderr.write(`${line}\n`),
});
process.stdout.write(`export ${Object.entries(fakes.env).map(([k, v]) => `${k}=${v}`).join(' ')}\n`);
process.stderr.write(`GitLab and Backstage fakes are up; approval issues get '${values.deny ? 'denied' : 'approved'}' on poll ${values.after ?? 2}. Ctrl-C stops them.\n`);
process.on('SIGINT', () => void fakes.close().then(() => process.exit(0)));
process.on('SIGTERM', () => void fakes.close().then(() => process.exit(0)));
