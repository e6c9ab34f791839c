/**
 * Live notification events for connected portals: delivered at once to this process's subscribers
 * (a user gets their own events and every broadcast one) and, when a remote channel is given
 * (PostgreSQL), sent to the other replicas, which deliver them to theirs. Each replica tags what it
 * sends and ignores its own echo.
 */
import type { RemoteChannel } from './pg-live-channel.js';

/** What the portal is told (Backstage's signal actions). */
export type LiveAction = 'new_notification' | 'notification_read' | 'notification_unread';

export interface LiveEvent {
  readonly action: LiveAction;
  /** The user it concerns; null for a broadcast (everyone). */
  readonly user: string | null;
  readonly ids: readonly string[];
}

export type LiveListener = (event: LiveEvent) => void;

// PostgreSQL refuses NOTIFY payloads of 8000 bytes or more.
const MAX_PAYLOAD = 7000;

type Wire = [LiveAction, string | null, readonly string[]];

/** @internal */
export class LiveFeed {
  private readonly byUser = new Map<string, Set<LiveListener>>();
  private readonly remote: RemoteChannel | undefined;

  constructor(
    private readonly o: {
      /** This replica's id. */
      readonly replica: string;
      /** Builds the channel to other replicas, given where their messages go. */
      readonly remote?: (onMessage: (payload: string) => void) => RemoteChannel;
      readonly onError: (err: unknown) => void;
    },
  ) {
    this.remote = o.remote?.((payload) => this.received(payload));
  }

  /** Calls `listener` with the events for `user` until the returned function is called. */
  async subscribe(user: string, listener: LiveListener): Promise<() => void> {
    let set = this.byUser.get(user);
    if (!set) this.byUser.set(user, (set = new Set()));
    set.add(listener);
    const remove = (): void => {
      const s = this.byUser.get(user);
      s?.delete(listener);
      if (s?.size === 0) this.byUser.delete(user);
    };
    await this.remote?.listen();
    return remove;
  }

  /** Delivers `events` here and sends them to the other replicas (failures there are reported, not thrown). */
  async publish(events: readonly LiveEvent[]): Promise<void> {
    for (const e of events) this.deliver(e);
    if (!this.remote || events.length === 0) return;
    for (const payload of this.encode(events)) {
      try {
        await this.remote.send(payload);
      } catch (err) {
        this.o.onError(err);
      }
    }
  }

  async close(): Promise<void> {
    this.byUser.clear();
    await this.remote?.close();
  }

  private deliver(e: LiveEvent): void {
    const targets = e.user === null ? [...this.byUser.values()].flatMap((s) => [...s]) : [...(this.byUser.get(e.user) ?? [])];
    for (const listener of targets) {
      try {
        listener(e);
      } catch (err) {
        this.o.onError(err);
      }
    }
  }

  private received(payload: string): void {
    let msg: { r?: unknown; e?: unknown };
    try {
      msg = JSON.parse(payload) as { r?: unknown; e?: unknown };
    } catch {
      return;
    }
    if (msg.r === this.o.replica || !Array.isArray(msg.e)) return;
    for (const [action, user, ids] of msg.e as Wire[]) this.deliver({ action, user, ids });
  }

  /** Events as NOTIFY payloads under the size limit (a long id list is split). */
  private encode(events: readonly LiveEvent[]): string[] {
    const wires: Wire[] = [];
    for (const e of events) {
      for (let i = 0; i < e.ids.length; i += 100) wires.push([e.action, e.user, e.ids.slice(i, i + 100)]);
    }
    const payloads: string[] = [];
    const head = `{"r":${JSON.stringify(this.o.replica)},"e":[`;
    let parts: string[] = [];
    let size = head.length + 2;
    for (const w of wires) {
      const text = JSON.stringify(w);
      if (parts.length > 0 && size + Buffer.byteLength(text) + 1 > MAX_PAYLOAD) {
        payloads.push(`${head}${parts.join(',')}]}`);
        parts = [];
        size = head.length + 2;
      }
      parts.push(text);
      size += Buffer.byteLength(text) + 1;
    }
    if (parts.length > 0) payloads.push(`${head}${parts.join(',')}]}`);
    return payloads;
  }
}
