/**
 * Configuration for `sluice run`: the workflow folder's `application.properties` (or `--properties`),
 * the process environment for `${ENV}` and `$SECRET`, and `--set key=value` overrides.
 */
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { createConfig, parseProperties, type ConfigSource } from '@sluice/engine';

/** Builds the ConfigSource of a run. */
export async function runConfig(opts: {
  workflowFile: string;
  propertiesFile?: string;
  sets: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
}): Promise<ConfigSource> {
  const file = opts.propertiesFile ?? join(dirname(opts.workflowFile), 'application.properties');
  const text = await readFile(file, 'utf8').catch((err: NodeJS.ErrnoException) => {
    if (opts.propertiesFile || err.code !== 'ENOENT') throw new Error(`cannot read ${file}: ${err.message}`);
    return '';
  });
  const overrides: Record<string, string> = {};
  for (const s of opts.sets) {
    const eq = s.indexOf('=');
    if (eq <= 0) throw new Error(`--set ${s}: expected key=value`);
    overrides[s.slice(0, eq)] = s.slice(eq + 1);
  }
  return createConfig({ properties: parseProperties(text), env: { ...opts.env }, overrides });
}
