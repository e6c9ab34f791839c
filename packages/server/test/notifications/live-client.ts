/** Reads a server-sent-events stream with fetch, for tests: waits for comments and named events. */

export interface SseMessage {
  /** `event:` name, or `comment` for `: ...` lines. */
  readonly event: string;
  readonly data: string;
}

export interface LiveClient {
  readonly status: number;
  /** Resolves with the first message (already received or still to come) that `match` accepts. */
  next(match: (m: SseMessage) => boolean, timeoutMs?: number): Promise<SseMessage>;
  /** Every message received so far. */
  readonly messages: SseMessage[];
  /** Resolves when the server ends the stream (or it is closed here). */
  readonly ended: Promise<void>;
  close(): void;
}

/** Opens `url` (with an optional bearer token) and parses the stream as it arrives. */
export async function openLive(url: string, token?: string): Promise<LiveClient> {
  const abort = new AbortController();
  const res = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {}, signal: abort.signal });
  const messages: SseMessage[] = [];
  const waiters = new Set<() => void>();
  let markEnded: () => void = () => undefined;
  const ended = new Promise<void>((resolve) => (markEnded = resolve));
  if (!res.ok || !res.body) markEnded();
  else {
    const reader = res.body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    void (async () => {
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          buffer += decoder.decode(value, { stream: true });
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            messages.push(parseBlock(block));
            for (const w of [...waiters]) w();
          }
        }
      } catch {
        // aborted
      }
      markEnded();
    })();
  }
  return {
    status: res.status,
    messages,
    ended,
    next: (match, timeoutMs = 5000) =>
      new Promise((resolve, reject) => {
        let seen = 0;
        const check = (): void => {
          for (; seen < messages.length; seen++) {
            if (match(messages[seen]!)) {
              waiters.delete(check);
              clearTimeout(timer);
              resolve(messages[seen]!);
              return;
            }
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no matching event within ${timeoutMs} ms; got ${JSON.stringify(messages)}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      }),
    close: () => abort.abort(),
  };
}

function parseBlock(block: string): SseMessage {
  let event = 'message';
  const data: string[] = [];
  for (const line of block.split('\n')) {
    if (line.startsWith(':')) return { event: 'comment', data: line.slice(1).trim() };
    if (line.startsWith('event:')) event = line.slice(6).trim();
    else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
    else if (line.startsWith('retry:')) event = 'retry';
  }
  return { event, data: data.join('\n') };
}

/** True for the `: connected` comment the live route sends once subscribed. */
export const isConnected = (m: SseMessage): boolean => m.event === 'comment' && m.data === 'connected';
