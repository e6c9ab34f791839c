/**
 * A `text/event-stream` response written by hand on the raw Node response: named events with
 * JSON data, comment lines, a heartbeat comment so proxies keep the connection open. A client that
 * stops reading (more than `maxBufferedBytes` queued) is disconnected; EventSource reconnects.
 */
import type { ServerResponse } from 'node:http';

export interface SseStreamOptions {
  /** Between heartbeat comments. */
  readonly heartbeatMs: number;
  /** Queued bytes beyond which the client is dropped. Default 1 MiB. */
  readonly maxBufferedBytes?: number;
}

/** @internal */
export class SseStream {
  private readonly heartbeat: NodeJS.Timeout;
  private readonly closeListeners: (() => void)[] = [];
  private ended = false;

  /** Writes the response head at once; the stream is open until `close()` or the client leaves. */
  constructor(
    private readonly res: ServerResponse,
    private readonly o: SseStreamOptions,
  ) {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      // Tells nginx-style proxies not to buffer the stream.
      'x-accel-buffering': 'no',
    });
    res.flushHeaders();
    res.on('close', () => this.finish());
    this.heartbeat = setInterval(() => this.comment('heartbeat'), o.heartbeatMs);
    this.heartbeat.unref();
  }

  get closed(): boolean {
    return this.ended;
  }

  /** Sends `event: <name>` with `data` as one line of JSON. */
  send(name: string, data: unknown): void {
    this.write(`event: ${name}\ndata: ${JSON.stringify(data)}\n\n`);
  }

  /** Sends a comment line (ignored by EventSource). */
  comment(text: string): void {
    this.write(`: ${text.replace(/[\r\n]+/g, ' ')}\n\n`);
  }

  /** Sends the reconnection delay EventSource should use. */
  retry(ms: number): void {
    this.write(`retry: ${Math.max(0, Math.round(ms))}\n\n`);
  }

  /** Called once when the stream ends, whoever ends it. */
  onClose(listener: () => void): void {
    if (this.ended) listener();
    else this.closeListeners.push(listener);
  }

  /** Ends the response (and its connection, so a server closing is not held up by it). */
  close(): void {
    if (this.ended) return;
    // The response lets go of its socket once finished: keep it to close the connection then.
    const socket = this.res.socket;
    this.res.end(() => socket?.destroy());
    this.finish();
  }

  private write(text: string): void {
    if (this.ended) return;
    if (this.res.writableLength > (this.o.maxBufferedBytes ?? 1024 * 1024)) {
      this.close();
      return;
    }
    this.res.write(text);
  }

  private finish(): void {
    if (this.ended) return;
    this.ended = true;
    clearInterval(this.heartbeat);
    for (const l of this.closeListeners.splice(0)) {
      try {
        l();
      } catch {
        // a listener's failure must not keep the others from running
      }
    }
  }
}
