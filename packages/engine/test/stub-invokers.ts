/** Stubbed function invokers for the workflow corpus: answers come from the case, in call order. */
import { WorkflowError, type InvokeRequest, type InvokeResult, type Invoker, type Json } from '@sluice/engine';
import type { SimulatedClock } from '../src/testing/simulated-clock.js';
import { parseDuration } from '../src/expr/duration.js';

/** One stubbed answer. */
export interface StubAnswer {
  returns?: Json;
  error?: { code: string; message?: string; status?: number; name?: string; details?: Json };
  delay?: string;
}

/** A recorded call. */
export interface RecordedCall {
  fn: string;
  args: Json;
  at: number;
}

/** Answers calls from per-function queues; delayed answers wait for the simulated clock. */
export class StubFunctions {
  readonly calls: RecordedCall[] = [];
  readonly logs: string[] = [];
  private readonly pending: { dueAt: number; resolve: () => void }[] = [];

  constructor(
    private readonly queues: Record<string, StubAnswer[]>,
    private readonly clock: SimulatedClock,
  ) {}

  /** Invokers for every non-expression function kind. */
  invokers(): Invoker[] {
    const keys = ['rest', 'custom:rest', 'custom:sysout', 'custom:service', 'asyncapi', 'rpc', 'graphql', 'odata'];
    return keys.map((key) => ({ key, invoke: (req: InvokeRequest) => this.answer(req) }));
  }

  /** How many calls wait for a delayed answer. */
  parked(): number {
    return this.pending.length;
  }

  /** Earliest due time of a delayed answer. */
  nextDue(): number | undefined {
    return this.pending.reduce<number | undefined>((m, p) => (m === undefined || p.dueAt < m ? p.dueAt : m), undefined);
  }

  /** Releases every parked answer at once (end of a case). */
  releaseAll(): void {
    for (const p of this.pending.splice(0)) p.resolve();
  }

  /** Releases delayed answers due by now. */
  release(): number {
    const now = this.clock.now();
    const due = this.pending.filter((p) => p.dueAt <= now);
    for (const p of due) {
      this.pending.splice(this.pending.indexOf(p), 1);
      p.resolve();
    }
    return due.length;
  }

  private async answer(req: InvokeRequest): Promise<InvokeResult> {
    this.calls.push({ fn: req.fn.name, args: req.args, at: this.clock.now() });
    if (req.fn.invoker === 'custom:sysout') {
      const m = (req.args as { message?: Json } | null)?.message;
      this.logs.push(typeof m === 'string' ? m : JSON.stringify(m ?? null));
    }
    const queue = this.queues[req.fn.name];
    const a: StubAnswer = queue && queue.length > 0 ? queue.shift()! : { returns: {} };
    if (a.delay) {
      const ms = parseDuration(a.delay) ?? 0;
      await new Promise<void>((resolve) => {
        this.pending.push({ dueAt: this.clock.now() + ms, resolve });
      });
      if (req.signal.aborted) throw new WorkflowError({ code: 'TimedOut', message: 'aborted' });
    }
    if (a.error) {
      throw new WorkflowError({
        code: a.error.code,
        name: a.error.name ?? (a.error.status !== undefined ? 'HttpError' : a.error.code),
        message: a.error.message ?? `stubbed error ${a.error.code}`,
        ...(a.error.status !== undefined ? { status: a.error.status } : {}),
        ...(a.error.details !== undefined ? { details: a.error.details } : {}),
      });
    }
    return { body: a.returns ?? null };
  }
}
