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
  /** Values that win over the properties file (sluice.yaml `workflowProperties`); `--set` wins over these. */
  overrides?: Readonly<Record<string, string>>;
}): Promise<ConfigSource> {
  const file = opts.propertiesFile ?? join(dirname(opts.workflowFile), 'application.properties');
  const text = await readFile(file, 'utf8').catch((err: NodeJS.ErrnoException) => {
    if (opts.propertiesFile || err.code !== 'ENOENT') throw new Error(`cannot read ${file}: ${err.message}`);
    return '';
  });
  const overrides: Record<string, string> = { ...opts.overrides };
  for (const s of opts.sets) {
    const eq = s.indexOf('=');
    if (eq <= 0) throw new Error(`--set ${s}: expected key=value`);
    overrides[s.slice(0, eq)] = s.slice(eq + 1);
  }
  return createConfig({ properties: parseProperties(text), env: { ...opts.env }, overrides });
}

/**
 * The environment variables that the workflow folder's `application.properties` names (`${NAME}` with no
 * default) and that `config` cannot resolve, each with the line that names it (the line's text is
 * not returned: it may hold a credential).
 */
export async function unsetVariables(workflowFile: string, config: ConfigSource): Promise<{ name: string; line: number }[]> {
  const file = join(dirname(workflowFile), 'application.properties');
  const text = await readFile(file, 'utf8').catch(() => '');
  const keys = new Set(Object.keys(parseProperties(text)));
  const out: { name: string; line: number }[] = [];
  const seen = new Set<string>();
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith('!')) return;
    for (const m of line.matchAll(/\$\{([^}:]+)\}/g)) {
      const name = m[1]!;
      // A reference to another property is reported where that property's own reference fails.
      if (seen.has(name) || keys.has(name) || config.get(name) !== undefined) continue;
      const key = line.split(/\s*[=:]\s*/, 1)[0]!;
      if (config.get(key) !== undefined) continue;
      seen.add(name);
      out.push({ name, line: i + 1 });
    }
  });
  return out;
}
