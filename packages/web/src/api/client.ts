/**
 * The portal's HTTP client: JSON in and out, the signed-in user's token on every call, and errors
 * turned into ApiError with the server's message (Backstage's error shape) and status, or into
 * NetworkError when the server did not answer.
 */

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The server did not answer at all (it is down, or the network is): no HTTP status. */
export class NetworkError extends Error {
  constructor(cause: unknown) {
    super('Sluice did not answer: the server may be down or the network unreachable. Try again in a moment.', { cause });
    this.name = 'NetworkError';
  }
}

const TOKEN_KEY = 'sluice.token';

export const tokenStore = {
  get: (): string | null => sessionStorage.getItem(TOKEN_KEY) ?? localStorage.getItem(TOKEN_KEY),
  set: (token: string): void => localStorage.setItem(TOKEN_KEY, token),
  clear: (): void => {
    localStorage.removeItem(TOKEN_KEY);
    sessionStorage.removeItem(TOKEN_KEY);
  },
};

/** Called when the server says the token is no longer good (401). */
let onUnauthorized: () => void = () => {};
export function setUnauthorizedHandler(fn: () => void): void {
  onUnauthorized = fn;
}

async function errorOf(res: Response): Promise<ApiError> {
  const text = await res.text();
  let message = `${res.status} ${res.statusText}`;
  let details: unknown;
  try {
    const body = JSON.parse(text) as { error?: { message?: string; details?: unknown }; message?: string; errors?: unknown };
    message = body.error?.message ?? body.message ?? message;
    details = body.error?.details ?? body.errors;
  } catch {
    if (text.trim()) message = text.trim();
  }
  return new ApiError(res.status, message, details);
}

export interface RequestOptions {
  readonly method?: string;
  readonly body?: unknown;
  readonly signal?: AbortSignal;
  /** Answer as text instead of JSON. */
  readonly text?: boolean;
}

/** Calls the API at `path` (from the site root, e.g. `/api/orchestrator/v2/...`). */
export async function api<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: opts.text ? 'text/plain, */*' : 'application/json' };
  const token = tokenStore.get();
  if (token) headers.authorization = `Bearer ${token}`;
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(path, {
      method: opts.method ?? (opts.body !== undefined ? 'POST' : 'GET'),
      headers,
      ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}),
      ...(opts.signal ? { signal: opts.signal } : {}),
    });
  } catch (err) {
    // The browser's own words ("Failed to fetch") mean nothing to a user: say what happened.
    if (opts.signal?.aborted) throw err;
    throw new NetworkError(err);
  }
  if (res.status === 401 && token) onUnauthorized();
  if (!res.ok) throw await errorOf(res);
  if (opts.text) return (await res.text()) as T;
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/**
 * Follows a server-sent event stream with the token in the Authorization header (EventSource cannot
 * send one). Calls `onEvent` per event until the signal aborts; reconnects after a dropped stream.
 */
export async function followEvents(path: string, onEvent: (event: string, data: string) => void, signal: AbortSignal): Promise<void> {
  while (!signal.aborted) {
    try {
      const token = tokenStore.get();
      const res = await fetch(path, { headers: { accept: 'text/event-stream', ...(token ? { authorization: `Bearer ${token}` } : {}) }, signal });
      if (!res.ok || !res.body) throw await errorOf(res);
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let cut: number;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          let event = 'message';
          const data: string[] = [];
          for (const line of block.split('\n')) {
            if (line.startsWith('event:')) event = line.slice(6).trim();
            else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
          }
          if (data.length > 0) onEvent(event, data.join('\n'));
        }
      }
    } catch (err) {
      if (signal.aborted) return;
      if (err instanceof ApiError && (err.status === 401 || err.status === 403 || err.status === 404)) throw err;
    }
    await new Promise((r) => setTimeout(r, 2000));
  }
}
