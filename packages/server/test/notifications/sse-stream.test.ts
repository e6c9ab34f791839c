// The event-stream writer on a fake response: framing, heartbeat comments, the end of the stream,
// and dropping a client that stops reading.
import { EventEmitter } from 'node:events';
import type { ServerResponse } from 'node:http';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { maskToken } from '../../src/notifications/live-route.js';
import { SseStream } from '../../src/notifications/sse-stream.js';

class FakeResponse extends EventEmitter {
  head: [number, Record<string, string>] | undefined;
  written = '';
  writableLength = 0;
  ended = false;
  readonly socket = { destroyed: false, destroy: () => void (this.socket.destroyed = true) };
  writeHead(status: number, headers: Record<string, string>): this {
    this.head = [status, headers];
    return this;
  }
  flushHeaders(): void {}
  write(text: string): boolean {
    this.written += text;
    return true;
  }
  end(cb: () => void): void {
    this.ended = true;
    cb();
    this.emit('close');
  }
}

let res: FakeResponse;
beforeEach(() => {
  vi.useFakeTimers();
  res = new FakeResponse();
});
afterEach(() => vi.useRealTimers());

const open = (maxBufferedBytes?: number): SseStream => new SseStream(res as unknown as ServerResponse, { heartbeatMs: 25_000, ...(maxBufferedBytes ? { maxBufferedBytes } : {}) });

it('writes the event-stream head, named JSON events, comments and retry', () => {
  const s = open();
  expect(res.head).toEqual([200, expect.objectContaining({ 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache, no-transform' })]);
  s.retry(3000);
  s.send('new_notification', { action: 'new_notification', notification_id: 'n1' });
  s.comment('two\nlines');
  expect(res.written).toBe('retry: 3000\n\nevent: new_notification\ndata: {"action":"new_notification","notification_id":"n1"}\n\n: two lines\n\n');
});

it('sends a heartbeat comment every 25 s until the stream ends', () => {
  const s = open();
  vi.advanceTimersByTime(24_999);
  expect(res.written).toBe('');
  vi.advanceTimersByTime(1);
  expect(res.written).toBe(': heartbeat\n\n');
  vi.advanceTimersByTime(25_000);
  expect(res.written).toBe(': heartbeat\n\n: heartbeat\n\n');
  const closed = vi.fn();
  s.onClose(closed);
  s.close();
  expect(res.ended).toBe(true);
  expect(res.socket.destroyed).toBe(true);
  expect(closed).toHaveBeenCalledOnce();
  vi.advanceTimersByTime(100_000);
  s.send('x', {});
  expect(res.written).toBe(': heartbeat\n\n: heartbeat\n\n');
});

it('notices the client leaving', () => {
  const s = open();
  const closed = vi.fn();
  s.onClose(closed);
  res.emit('close');
  expect(s.closed).toBe(true);
  expect(closed).toHaveBeenCalledOnce();
});

it('drops a client that stops reading', () => {
  const s = open(10);
  res.writableLength = 11;
  s.send('new_notification', {});
  expect(res.ended).toBe(true);
  expect(res.written).toBe('');
});

it('masks token query parameters', () => {
  expect(maskToken('/api/notifications/live?token=abc.def&x=1')).toBe('/api/notifications/live?token=***&x=1');
  expect(maskToken('/api/notifications/live?a=1&TOKEN=zz')).toBe('/api/notifications/live?a=1&TOKEN=***');
  expect(maskToken('/api/notifications/live')).toBe('/api/notifications/live');
});
