/** `sluice validate <files or folders...>`: every problem as `file:line:col code message`; exit 1 on errors. */
import { findWorkflowFiles, fsReader } from '@sluice/server/host';
import { BUILTIN_INVOKERS, checkInvokers, evalNowSeconds, formatIssue, loadWorkflow, type DefinitionIssue } from '@sluice/engine';
import { EXIT, type CliIo } from './io.js';

/** Runs the validate command. */
export async function validateCommand(paths: readonly string[], io: CliIo): Promise<number> {
  if (paths.length === 0) {
    io.stderr.write('usage: sluice validate <workflow files or folders...>\n');
    return EXIT.usage;
  }
  const { files, missing } = await findWorkflowFiles(paths);
  for (const m of missing) io.stderr.write(`${m}: no such file or folder\n`);
  if (files.length === 0) {
    io.stderr.write(`no workflow files (*.sw.yaml, *.sw.yml, *.sw.json) under ${paths.join(', ')}\n`);
    return EXIT.failed;
  }
  let errors = 0;
  let warnings = 0;
  for (const file of files) {
    const r = await loadWorkflow({ path: file, reader: fsReader, now: evalNowSeconds });
    const issues: DefinitionIssue[] = [...r.issues];
    if (r.value) issues.push(...checkInvokers(r.value, new Set(BUILTIN_INVOKERS)));
    for (const i of issues) {
      io.stdout.write(`${formatIssue(i)}\n`);
      if (i.severity === 'error') errors += 1;
      else warnings += 1;
    }
  }
  io.stderr.write(`${files.length} workflow file(s): ${errors} error(s), ${warnings} warning(s)\n`);
  return errors > 0 || missing.length > 0 ? EXIT.failed : EXIT.ok;
}
