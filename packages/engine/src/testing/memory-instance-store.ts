/**
 * An in-memory InstanceStore. States are kept as JSON text, so every save and load round-trips
 * through JSON exactly as a durable store would.
 */
import { WorkflowError } from '../errors/workflow-error.js';
import type { HistoryEntry } from '../interpret/commands.js';
import type { InstanceState, InstanceStatus } from '../interpret/instance-state.js';
import type { DueTimer, InstanceStore, StoredHistoryEntry } from '../ports/instance-store.js';

/** In-memory store for tests, the CLI and benchmarks. */
export class MemoryInstanceStore implements InstanceStore {
  private readonly states = new Map<string, string>();
  private readonly logs = new Map<string, StoredHistoryEntry[]>();
  private readonly order: string[] = [];
  private readonly timers = new Map<string, DueTimer[]>();

  async create(state: InstanceState, history: readonly HistoryEntry[]): Promise<void> {
    if (this.states.has(state.id)) {
      throw new WorkflowError({ code: 'INSTANCE_CONFLICT', message: `instance ${state.id} already exists` });
    }
    this.order.push(state.id);
    this.logs.set(state.id, []);
    await this.save(state, history);
  }

  async save(state: InstanceState, history: readonly HistoryEntry[]): Promise<void> {
    this.states.set(state.id, JSON.stringify(state));
    const timers = Object.entries(state.timers).map(([timerId, t]) => ({ instanceId: state.id, timerId, dueAt: t.dueAt }));
    if (timers.length > 0) this.timers.set(state.id, timers);
    else this.timers.delete(state.id);
    const log = this.logs.get(state.id) ?? [];
    for (const h of history) log.push({ ...h, seq: log.length + 1 });
    this.logs.set(state.id, log);
  }

  async get(id: string): Promise<InstanceState | undefined> {
    const text = this.states.get(id);
    return text === undefined ? undefined : (JSON.parse(text) as InstanceState);
  }

  async history(id: string, after = 0): Promise<StoredHistoryEntry[]> {
    return (this.logs.get(id) ?? []).filter((h) => h.seq > after);
  }

  async list(filter: { status?: readonly InstanceStatus[]; workflowId?: string; limit?: number } = {}): Promise<InstanceState[]> {
    const out: InstanceState[] = [];
    for (let i = this.order.length - 1; i >= 0 && out.length < (filter.limit ?? Infinity); i--) {
      const s = JSON.parse(this.states.get(this.order[i]!)!) as InstanceState;
      if (filter.status && !filter.status.includes(s.status)) continue;
      if (filter.workflowId && s.workflowId !== filter.workflowId) continue;
      out.push(s);
    }
    return out;
  }

  async dueTimers(now: number, limit = 1000): Promise<DueTimer[]> {
    const due: DueTimer[] = [];
    for (const list of this.timers.values()) for (const t of list) if (t.dueAt <= now) due.push(t);
    return due.sort((a, b) => a.dueAt - b.dueAt || a.timerId.localeCompare(b.timerId)).slice(0, limit);
  }

  async nextDueAt(): Promise<number | undefined> {
    let min: number | undefined;
    for (const list of this.timers.values()) for (const t of list) if (min === undefined || t.dueAt < min) min = t.dueAt;
    return min;
  }
}
