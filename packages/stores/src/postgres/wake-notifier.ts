/**
 * Sends the wake notification after writes that made an instance due now. Outside the writing
 * transaction and coalesced: at most one NOTIFY in flight, and any number of wakes requested
 * meanwhile become one more.
 */
import type { Pool } from 'pg';
import { NOTIFY_WAKE } from './sql/queryable.js';

// Why not NOTIFY inside the writing transaction: PostgreSQL serializes the commits of notifying
// transactions on one lock held through the WAL flush, so 500 notifying creates/s cannot share
// fsyncs. Measured here (2,000 instances x 6 steps, 100 in flight): create latency 25-40 ms with
// NOTIFY inside, 11 ms without. A NOTIFY alone writes no WAL. Losing one (a crash right after a
// commit) costs a poll interval: polling is the source of truth.

/** Coalescing sender of wake notifications. @internal */
export class WakeNotifier {
  private inFlight: Promise<void> | undefined;
  private again = false;

  constructor(
    private readonly pool: Pool,
    private readonly onError: (err: unknown) => void = () => undefined,
  ) {}

  /** Requests a notification; never throws (a failed NOTIFY is only reported). */
  wake(): void {
    if (this.inFlight) {
      this.again = true;
      return;
    }
    this.inFlight = this.send();
  }

  /** Resolves when no notification is in flight. */
  async flush(): Promise<void> {
    while (this.inFlight) await this.inFlight;
  }

  private async send(): Promise<void> {
    try {
      do {
        this.again = false;
        await this.pool.query(`SELECT ${NOTIFY_WAKE}`);
      } while (this.again);
    } catch (err) {
      this.onError(err);
    } finally {
      this.inFlight = undefined;
    }
  }
}
