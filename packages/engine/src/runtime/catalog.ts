/** A simple in-memory WorkflowCatalog (latest registration of an id wins unless a version is asked for). */
import type { WorkflowCatalog, WorkflowRegistration } from '../ports/workflows.js';

/** Catalog of registered workflows. */
export class MemoryCatalog implements WorkflowCatalog {
  private readonly byId = new Map<string, WorkflowRegistration[]>();

  /** Adds (or replaces the same version of) a workflow. */
  add(reg: WorkflowRegistration): this {
    const list = (this.byId.get(reg.def.id) ?? []).filter((r) => r.def.version !== reg.def.version);
    list.push(reg);
    this.byId.set(reg.def.id, list);
    return this;
  }

  get(id: string, version?: string): WorkflowRegistration | undefined {
    const list = this.byId.get(id);
    if (!list || list.length === 0) return undefined;
    return version === undefined ? list[list.length - 1] : list.find((r) => r.def.version === version);
  }

  list(): Iterable<WorkflowRegistration> {
    return [...this.byId.values()].map((l) => l[l.length - 1]!);
  }
}
