/**
 * The workflow catalogue of a server: every workflow definition under the workflows folder
 * (SonataFlow layout: `<folder>/<id>.sw.yaml` beside `application.properties`, `schemas/`, `specs/`),
 * loaded and validated. An invalid workflow, or one whose configuration names an unset variable, is
 * listed as unavailable with its problems and never stops the server. `reload()` (called when files
 * change) replaces definitions; earlier versions stay reachable by version, so an instance keeps the
 * definition it started with. A registration's version is the definition's `version` plus a hash of
 * the definition source (`1.0+3f2a9c1b`), so an edit that keeps `version` is still a new version and
 * a restart with unchanged files finds the same one.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import {
  evalNowSeconds,
  formatIssue,
  loadWorkflow,
  type ConfigSource,
  type WorkflowCatalog,
  type WorkflowDef,
  type WorkflowRegistration,
} from '@sluice/engine';
import { findWorkflowFiles } from './find-workflows.js';
import { fsReader } from './fs-reader.js';
import { runConfig, unsetVariables } from './run-config.js';

/** One workflow as the catalogue lists it. */
export interface WorkflowEntry {
  /** The workflow id (the file name stem when the definition could not be read). */
  readonly id: string;
  readonly file: string;
  readonly format: 'yaml' | 'json';
  /** The definition file's text, served untouched by `/source`. */
  readonly source: string;
  readonly available: boolean;
  /** Why it is unavailable: definition issues (`file:line:col CODE message`) or unset variables. */
  readonly problems: readonly string[];
  /** Set when the definition loaded (even when unavailable for configuration reasons). */
  readonly def?: WorkflowDef;
  readonly config?: ConfigSource;
  /** Registration version (definition version + source hash). */
  readonly version?: string;
}

export interface WorkflowRegistryOptions {
  readonly folder: string;
  /** Environment for `${VAR}` in application.properties (process env, self-wiring, `workflowEnv`). */
  readonly env: () => Readonly<Record<string, string | undefined>>;
  /** `workflowProperties` from sluice.yaml: per workflow id or `*`, values that win over application.properties. */
  readonly properties?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  readonly log?: (level: 'info' | 'warn', message: string) => void;
}

export class WorkflowRegistry implements WorkflowCatalog {
  private entries = new Map<string, WorkflowEntry>();
  /** Every registration ever loaded, by `id` then version. */
  private readonly versions = new Map<string, Map<string, WorkflowRegistration>>();
  private generation = 0;

  constructor(private readonly opts: WorkflowRegistryOptions) {}

  /** (Re)loads every workflow under the folder. Resolves once the new catalogue is in place. */
  async reload(): Promise<void> {
    const gen = ++this.generation;
    const { files } = await findWorkflowFiles([this.opts.folder]);
    const next = new Map<string, WorkflowEntry>();
    for (const file of files) {
      const entry = await this.loadOne(file);
      const dup = next.get(entry.id);
      if (dup) {
        const problem = `workflow id ${entry.id} is defined twice: ${dup.file} and ${file}`;
        next.set(entry.id, { ...dup, available: false, problems: [...dup.problems, problem] });
        continue;
      }
      next.set(entry.id, entry);
    }
    if (gen !== this.generation) return; // a newer reload started meanwhile; it wins
    this.entries = next;
    for (const e of next.values()) {
      if (!e.available) this.opts.log?.('warn', `workflow ${e.id} is unavailable: ${e.problems.join('; ')}`);
    }
  }

  /** Every workflow, available or not, sorted by id. */
  list(): Iterable<WorkflowRegistration> {
    return [...this.entries.values()].filter((e) => e.available && e.def && e.config).map((e) => this.registration(e)!);
  }

  /** Every catalogue entry (available and unavailable), sorted by id. */
  entriesList(): WorkflowEntry[] {
    return [...this.entries.values()].sort((a, b) => a.id.localeCompare(b.id));
  }

  entry(id: string): WorkflowEntry | undefined {
    return this.entries.get(id);
  }

  /**
   * The registration for `id`: the given version when it was ever loaded (instances keep theirs), or
   * the current one when it is available.
   */
  get(id: string, version?: string): WorkflowRegistration | undefined {
    if (version !== undefined) {
      const old = this.versions.get(id)?.get(version);
      if (old) return old;
    }
    const e = this.entries.get(id);
    if (!e?.available) return undefined;
    if (version !== undefined && e.version !== version) return undefined;
    return this.registration(e);
  }

  private registration(e: WorkflowEntry): WorkflowRegistration | undefined {
    if (!e.def || !e.config || !e.version) return undefined;
    return this.versions.get(e.id)?.get(e.version);
  }

  private async loadOne(file: string): Promise<WorkflowEntry> {
    const format = /\.json$/.test(file) ? 'json' : 'yaml';
    const source = await readFile(file, 'utf8').catch(() => '');
    const stem = basename(file).replace(/\.sw\.(json|ya?ml)$/, '');
    const r = await loadWorkflow({ path: file, reader: fsReader, now: evalNowSeconds });
    const errors = r.issues.filter((i) => i.severity === 'error').map(formatIssue);
    if (!r.value) return { id: stem, file, format, source, available: false, problems: errors.length ? errors : [`${file}: could not be loaded`] };
    const id = r.value.id;
    const problems: string[] = [];
    let config: ConfigSource | undefined;
    try {
      config = await runConfig({
        workflowFile: file,
        sets: [],
        env: this.opts.env(),
        overrides: { ...this.opts.properties?.['*'], ...this.opts.properties?.[id] },
      });
      for (const u of await unsetVariables(file, config)) {
        problems.push(`${dirname(file)}/application.properties:${u.line}: ${u.name} is not set`);
      }
    } catch (err) {
      problems.push((err as Error).message);
    }
    const version = `${r.value.version ?? '0'}+${createHash('sha256').update(source).digest('hex').slice(0, 8)}`;
    const def: WorkflowDef = { ...r.value, version };
    if (config) {
      let byVersion = this.versions.get(id);
      if (!byVersion) this.versions.set(id, (byVersion = new Map()));
      // Same source, same version: the fresh registration (new configuration, resources) replaces it.
      byVersion.set(version, { def, config });
    }
    return { id, file, format, source, available: problems.length === 0 && config !== undefined, problems, def, ...(config ? { config } : {}), version };
  }
}
