/**
 * UTF-8 helpers: Oniguruma's view of byte sequences written with `\xHH` escapes, and the byte
 * positions jq 1.6's match loop steps through.
 * @module
 */

/** Oniguruma's `EncLen_UTF8` (RFC 3629 range): the sequence length announced by a lead byte. @internal */
export function utf8Length(lead: number): number {
  if (lead < 0xc0) return 1;
  if (lead < 0xe0) return 2;
  if (lead < 0xf0) return 3;
  if (lead < 0xf5) return 4;
  return 1;
}

/** Oniguruma's `mbc_to_code`: decodes a lead byte and its tail bytes without validating them. @internal */
export function decodeUtf8Lead(bytes: readonly number[]): number {
  let len = Math.min(utf8Length(bytes[0]!), bytes.length);
  let n = bytes[0]!;
  if (len > 1) {
    len--;
    n &= (1 << (6 - len)) - 1;
    for (let i = 1; i <= len; i++) n = (n << 6) | (bytes[i]! & 0x3f);
  }
  return n;
}

/** Oniguruma's `is_valid_mbc_string` for UTF-8: lead bytes followed by the right number of tails. @internal */
export function isValidUtf8(bytes: readonly number[]): boolean {
  for (let i = 0; i < bytes.length; ) {
    const lead = bytes[i++]!;
    if ((lead & 0xc0) === 0x80) return false;
    const len = utf8Length(lead);
    for (let k = 1; k < len; k++) {
      if (i >= bytes.length || (bytes[i++]! & 0xc0) !== 0x80) return false;
    }
  }
  return true;
}

/** Bytes of a code point in UTF-8 (a lone surrogate counts 3, as jq would encode U+FFFD). @internal */
export function utf8Width(cp: number): number {
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

/**
 * Position tables of a string for one match run: UTF-8 byte offset and code point index of every
 * UTF-16 index that starts a code point. Built lazily, only for non-ASCII input. @internal
 */
export class PositionMap {
  readonly byteLength: number;
  readonly ascii: boolean;
  private readonly bytes: Int32Array | undefined;
  private readonly codePoints: Int32Array | undefined;

  constructor(readonly text: string) {
    let ascii = true;
    for (let i = 0; i < text.length; i++) {
      if (text.charCodeAt(i) >= 0x80) {
        ascii = false;
        break;
      }
    }
    this.ascii = ascii;
    if (ascii) {
      this.byteLength = text.length;
      return;
    }
    const bytes = new Int32Array(text.length + 1).fill(-1);
    const codePoints = new Int32Array(text.length + 1).fill(-1);
    let b = 0;
    let n = 0;
    for (let i = 0; i < text.length; ) {
      bytes[i] = b;
      codePoints[i] = n++;
      const cp = text.codePointAt(i)!;
      b += utf8Width(cp);
      i += cp > 0xffff ? 2 : 1;
    }
    bytes[text.length] = b;
    codePoints[text.length] = n;
    this.bytes = bytes;
    this.codePoints = codePoints;
    this.byteLength = b;
  }

  /** UTF-8 byte offset of a UTF-16 index at a code point boundary. */
  byteAt(index: number): number {
    return this.bytes ? this.bytes[index]! : index;
  }

  /** Code point index of a UTF-16 index at a code point boundary. */
  codePointAt(index: number): number {
    return this.codePoints ? this.codePoints[index]! : index;
  }

  /** The first code point boundary at or after a UTF-8 byte offset, as a UTF-16 index. */
  indexAtOrAfterByte(byte: number): number {
    if (!this.bytes) return byte;
    let lo = 0;
    let hi = this.text.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      let k = mid;
      while (this.bytes[k] === -1) k++;
      if (this.bytes[k]! < byte) lo = k + 1;
      else hi = mid;
    }
    while (this.bytes[lo] === -1) lo++;
    return lo;
  }
}
