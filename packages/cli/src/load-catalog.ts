/**
 * Loads every workflow under some folders into a catalog, each with its own folder's
 * `application.properties` and the process environment as configuration.
 */
import { findWorkflowFiles, fsReader, runConfig } from '@sluice/server/host';
import { MemoryCatalog, evalNowSeconds, loadWorkflow, type DefinitionIssue } from '@sluice/engine';
import { dirname } from 'node:path';

/** The catalog and every issue met (workflows with errors are left out). */
export async function loadCatalog(opts: {
  paths: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
  sets?: readonly string[];
}): Promise<{ catalog: MemoryCatalog; issues: DefinitionIssue[]; loaded: string[] }> {
  const catalog = new MemoryCatalog();
  const issues: DefinitionIssue[] = [];
  const loaded: string[] = [];
  const { files } = await findWorkflowFiles(opts.paths);
  for (const file of files) {
    const r = await loadWorkflow({ path: file, reader: fsReader, now: evalNowSeconds });
    issues.push(...r.issues);
    if (!r.value) continue;
    const config = await runConfig({ workflowFile: file, sets: opts.sets ?? [], env: opts.env });
    catalog.add({ def: r.value, config });
    loaded.push(`${r.value.id} (${dirname(file)})`);
  }
  return { catalog, issues, loaded };
}

