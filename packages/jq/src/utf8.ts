/**
 * UTF-8 decoding the way jq 1.6 does it (`jvp_utf8_next`): each malformed sequence becomes one
 * U+FFFD, which is not what `TextDecoder` does (it replaces byte by byte in some cases).
 * @module
 */

/** Smallest code point allowed for each sequence length (shorter encodings are overlong). */
const FIRST_CODE_POINT = [0, 0, 0x80, 0x800, 0x10000];

/** Sequence length announced by a lead byte; 0 = invalid lead, -1 = continuation byte. */
function codingLength(b: number): number {
  if (b < 0x80) return 1;
  if (b < 0xc0) return -1;
  if (b < 0xc2) return 0; // C0, C1 are only ever overlong
  if (b < 0xe0) return 2;
  if (b < 0xf0) return 3;
  if (b < 0xf5) return 4;
  return 0;
}

const CHUNK = 8192;
const SHORT = 16;
/** Well-formed UTF-8 decodes the same everywhere; only malformed input needs jq's rules. */
const STRICT = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Decodes `bytes[start, end)` as jq does: every malformed, overlong, surrogate or out-of-range
 * sequence becomes a single U+FFFD.
 * @internal
 */
export function decodeUtf8(bytes: Uint8Array, start = 0, end = bytes.length): string {
  if (end - start <= SHORT) {
    let s = '';
    for (let i = start; i < end; i++) {
      const b = bytes[i]!;
      if (b >= 0x80) return decodeJq(bytes, start, end);
      s += String.fromCharCode(b);
    }
    return s;
  }
  try {
    return STRICT.decode(bytes.subarray(start, end));
  } catch {
    return decodeJq(bytes, start, end);
  }
}

/** The replacing decoder (`jvp_utf8_next`), code point by code point. */
function decodeJq(bytes: Uint8Array, start: number, end: number): string {
  let out = '';
  const units: number[] = [];
  let i = start;
  while (i < end) {
    const first = bytes[i]!;
    let cp: number;
    let len = codingLength(first);
    if (len === 1) {
      cp = first;
    } else if (len <= 0) {
      cp = -1;
      len = 1;
    } else if (i + len > end) {
      cp = -1;
      len = end - i;
    } else {
      cp = first & (0xff >> (len + 1));
      for (let k = 1; k < len; k++) {
        const ch = bytes[i + k]!;
        if ((ch & 0xc0) !== 0x80) {
          cp = -1;
          len = k;
          break;
        }
        cp = (cp << 6) | (ch & 0x3f);
      }
      if (cp !== -1 && (cp < FIRST_CODE_POINT[len]! || (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff)) cp = -1;
    }
    i += len;
    if (cp === -1) cp = 0xfffd;
    if (cp >= 0x10000) {
      cp -= 0x10000;
      units.push(0xd800 + (cp >> 10), 0xdc00 + (cp & 0x3ff));
    } else {
      units.push(cp);
    }
    if (units.length >= CHUNK) {
      out += String.fromCharCode(...units);
      units.length = 0;
    }
  }
  if (units.length > 0) out += String.fromCharCode(...units);
  return out;
}

/**
 * Appends the UTF-8 encoding of `cp` to `out` at `pos` and returns the new position. Like jq's
 * `jvp_utf8_encode` it encodes surrogate code points too (decoding then turns them into U+FFFD).
 * @internal
 */
export function encodeUtf8(cp: number, out: Uint8Array, pos: number): number {
  if (cp < 0x80) {
    out[pos++] = cp;
  } else if (cp < 0x800) {
    out[pos++] = 0xc0 | (cp >> 6);
    out[pos++] = 0x80 | (cp & 0x3f);
  } else if (cp < 0x10000) {
    out[pos++] = 0xe0 | (cp >> 12);
    out[pos++] = 0x80 | ((cp >> 6) & 0x3f);
    out[pos++] = 0x80 | (cp & 0x3f);
  } else {
    out[pos++] = 0xf0 | (cp >> 18);
    out[pos++] = 0x80 | ((cp >> 12) & 0x3f);
    out[pos++] = 0x80 | ((cp >> 6) & 0x3f);
    out[pos++] = 0x80 | (cp & 0x3f);
  }
  return pos;
}

/** The UTF-8 bytes of a JS string (lone surrogates become U+FFFD). @internal */
export function encodeString(s: string): Uint8Array {
  return new TextEncoder().encode(s);
}
