/**
 * Line-at-a-time reading of an input, the way jq 1.6 reads with `fgets` into a 4096-byte buffer:
 * a chunk ends after a newline or after 4095 bytes. jq counts a line each time a chunk holds a
 * newline, which is where the N in `jq: error (at <stdin>:N)` comes from.
 * @module
 */

/** jq's input buffer size; `fgets` fills at most one byte less. @internal */
export const FGETS_MAX = 4095;

/** One `fgets` result: the bytes read and whether the stream hit EOF while reading them. @internal */
export interface Chunk {
  bytes: Uint8Array;
  eof: boolean;
}

/**
 * A readable input: all bytes at once, or pulled piece by piece (standard input of the real
 * process, so `tail -f log | sluice-jq .` prints values as they arrive).
 */
export type ByteInput = Uint8Array | { read(): Uint8Array | null };

/** Reads chunks with `fgets` semantics from a `ByteInput`. @internal */
export class ByteSource {
  private data: Uint8Array;
  private pos = 0;
  private ended: boolean;
  private readonly pull: (() => Uint8Array | null) | null;

  constructor(input: ByteInput) {
    if (input instanceof Uint8Array) {
      this.data = input;
      this.ended = true;
      this.pull = null;
    } else {
      this.data = new Uint8Array(0);
      this.ended = false;
      this.pull = () => input.read();
    }
  }

  /** The next chunk: up to and including a newline, at most 4095 bytes; empty at EOF. */
  fgets(): Chunk {
    for (;;) {
      const avail = this.data.length - this.pos;
      const limit = Math.min(avail, FGETS_MAX);
      const nl = this.data.subarray(this.pos, this.pos + limit).indexOf(10);
      if (nl >= 0 || avail >= FGETS_MAX || this.ended) {
        const len = nl >= 0 ? nl + 1 : limit;
        const bytes = this.data.subarray(this.pos, this.pos + len);
        this.pos += len;
        // fgets sets EOF only when it tried to read past the end: no newline and short.
        const eof = this.ended && nl < 0 && len < FGETS_MAX;
        return { bytes, eof };
      }
      this.fill();
    }
  }

  private fill(): void {
    const more = this.pull!();
    if (more === null || more.length === 0) {
      this.ended = true;
      return;
    }
    const rest = this.data.subarray(this.pos);
    const joined = new Uint8Array(rest.length + more.length);
    joined.set(rest);
    joined.set(more, rest.length);
    this.data = joined;
    this.pos = 0;
  }
}
