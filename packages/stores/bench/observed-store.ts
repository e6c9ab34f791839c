/**
 * An InstanceStore decorator for the benches: it forwards every call to the real store and watches
 * commits, so the driver learns that an instance ended (and how) without polling the database, and
 * the waiting bench learns when each timer fired relative to its due time.
 *
 * - An instance counts as ended on the commit whose history holds `instance.completed`,
 *   `instance.faulted` or `instance.cancelled`; `settled()` resolves on the next such commit.
 * - Store calls: how many of each write (create, claim, claimDue, commit, release, heartbeat) and
 *   their total wall time, to say where an instance's time goes.
 * - Timer lateness: `claimDue` results carry the claimed state with its timers, so the due time of
 *   each claimed due timer is remembered (only while the instance is claimed, so the map stays as
 *   small as the work in flight); the commit whose history holds `timer.fired` reports
 *   `claimedAt - dueAt` and `committedAt - dueAt` (`committedAt` read from the clock after the
 *   commit resolved: the timer has durably fired).
 */
import type {
  ClaimedInstance,
  Clock,
  CommitOptions,
  HistoryEntry,
  InstanceMeta,
  InstancePage,
  InstanceQuery,
  InstanceState,
  InstanceStore,
  InstanceSummary,
  OutboxEntry,
  StoredHistoryEntry,
  Trigger,
} from '@sluice/engine';

/** A fired timer: how late it was claimed and how late its step was committed, in ms. */
export interface TimerFiring {
  readonly claimLateMs: number;
  readonly commitLateMs: number;
}

/** Counts of ended instances. */
export interface EndCounts {
  completed: number;
  faulted: number;
  cancelled: number;
}

/** Calls of one store method and their summed latency. */
export interface OpStat {
  n: number;
  ms: number;
}

const END_TYPES = new Set(['instance.completed', 'instance.faulted', 'instance.cancelled']);

/** The decorator (see the module comment). */
export class ObservedStore implements InstanceStore {
  readonly ended: EndCounts = { completed: 0, faulted: 0, cancelled: 0 };
  /** The first faulted instance's error, to explain a broken bench. */
  firstFault: string | undefined;
  /** Called for every fired timer (set by the waiting bench). */
  onTimerFired: ((f: TimerFiring) => void) | undefined;
  /** Due-claims while timers are watched: instances returned, and how many of them were already
   * claimed by an earlier poll and not yet fired (work queued twice, ending in a claim + release). */
  readonly claims = { claimed: 0, reclaimed: 0 };
  /** Store writes by method. */
  readonly ops: Record<string, OpStat> = {};
  private readonly dueOf = new Map<string, { dueAt: number; claimedAt: number }>();
  private wake: (() => void)[] = [];

  constructor(
    readonly inner: InstanceStore,
    private readonly clock: Clock,
  ) {}

  /** Instances ended so far (any outcome). */
  get endedTotal(): number {
    return this.ended.completed + this.ended.faulted + this.ended.cancelled;
  }

  /** Resolves on the next commit that ends an instance. */
  settled(): Promise<void> {
    return new Promise((resolve) => this.wake.push(resolve));
  }

  private async timed<T>(op: string, call: () => Promise<T>): Promise<T> {
    const t = performance.now();
    try {
      return await call();
    } finally {
      const s = (this.ops[op] ??= { n: 0, ms: 0 });
      s.n += 1;
      s.ms += performance.now() - t;
    }
  }

  async commit(state: InstanceState, history: readonly HistoryEntry[], opts: CommitOptions): Promise<void> {
    await this.timed('commit', () => this.inner.commit(state, history, opts));
    for (const h of history) {
      if (h.type === 'timer.fired') this.fired(state.id);
      if (!END_TYPES.has(h.type)) continue;
      if (state.status === 'completed') this.ended.completed += 1;
      else if (state.status === 'faulted') {
        this.ended.faulted += 1;
        this.firstFault ??= `${state.id}: ${state.error?.code ?? ''} ${state.error?.message ?? ''}`;
      } else this.ended.cancelled += 1;
      const waiting = this.wake;
      this.wake = [];
      for (const w of waiting) w();
    }
  }

  async claimDue(worker: string, now: number, leaseMs: number, limit: number): Promise<ClaimedInstance[]> {
    const claimed = await this.timed('claimDue', () => this.inner.claimDue(worker, now, leaseMs, limit));
    if (this.onTimerFired) {
      const claimedAt = this.clock.now();
      for (const c of claimed) {
        const first = c.dueTimers[0];
        const timer = first === undefined ? undefined : c.state.timers[first];
        this.claims.claimed += 1;
        if (this.dueOf.has(c.state.id)) this.claims.reclaimed += 1;
        else if (timer) this.dueOf.set(c.state.id, { dueAt: timer.dueAt, claimedAt });
      }
    }
    return claimed;
  }

  private fired(id: string): void {
    const due = this.dueOf.get(id);
    if (!due) return;
    this.dueOf.delete(id);
    this.onTimerFired?.({ claimLateMs: due.claimedAt - due.dueAt, commitLateMs: this.clock.now() - due.dueAt });
  }

  create(state: InstanceState, meta: InstanceMeta, trigger: Trigger, now: number): Promise<void> {
    return this.timed('create', () => this.inner.create(state, meta, trigger, now));
  }
  get(id: string): Promise<InstanceState | undefined> {
    return this.inner.get(id);
  }
  summary(id: string): Promise<InstanceSummary | undefined> {
    return this.inner.summary(id);
  }
  claim(id: string, worker: string, now: number, leaseMs: number): Promise<ClaimedInstance | undefined> {
    return this.timed('claim', () => this.inner.claim(id, worker, now, leaseMs));
  }
  release(id: string, worker: string): Promise<void> {
    return this.timed('release', () => this.inner.release(id, worker));
  }
  heartbeat(worker: string, ids: readonly string[], until: number): Promise<string[]> {
    return this.timed('heartbeat', () => this.inner.heartbeat(worker, ids, until));
  }
  enqueue(instanceId: string, trigger: Trigger, now: number): Promise<boolean> {
    return this.inner.enqueue(instanceId, trigger, now);
  }
  nextWakeAt(): Promise<number | undefined> {
    return this.inner.nextWakeAt();
  }
  history(id: string, after?: number, limit?: number): Promise<StoredHistoryEntry[]> {
    return this.inner.history(id, after, limit);
  }
  query(q: InstanceQuery): Promise<InstancePage> {
    return this.inner.query(q);
  }
  takeOutbox(limit: number): Promise<OutboxEntry[]> {
    return this.inner.takeOutbox(limit);
  }
  markPublished(ids: readonly number[]): Promise<void> {
    return this.inner.markPublished(ids);
  }
  purge(before: number): Promise<number> {
    return this.inner.purge(before);
  }
}
