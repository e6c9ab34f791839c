/**
 * A `ConfigSource` over parsed `application.properties` and an environment snapshot, with
 * MicroProfile-style `${name}` / `${name:default}` expansion and environment-variable name mapping.
 */
import type { ConfigSource } from '../ports/config.js';

/** Inputs of {@link createConfig}. They are copied: later changes to the records are not seen. */
export interface CreateConfigOptions {
  /** Parsed properties (see `parseProperties`); values may contain `${…}` expressions. */
  readonly properties: Readonly<Record<string, string>>;
  /** The environment variables the host passes in (the engine never reads the real environment). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Values that win over everything (CLI flags, test cases). Taken literally, not expanded. */
  readonly overrides?: Readonly<Record<string, string>>;
}

/**
 * Lookups allowed while answering one `get`, so that a pathological file (`a=${b}${b}`,
 * `b=${c}${c}`, …) cannot take exponential time. Real files use a handful.
 */
const MAX_LOOKUPS = 1000;

type Lookup = { readonly value: string } | { readonly missing: true } | { readonly cycle: true };

/**
 * Builds the configuration the engine reads. `get(key)` answers, in order:
 * 1. `overrides[key]`;
 * 2. the property `key`, with `${name}` / `${name:default}` expanded recursively against this same
 *    config (`\${` stays a literal `${`). A reference that cannot be resolved and has no default
 *    makes the property count as missing (MicroProfile fails at startup instead), and the lookup
 *    goes on to the environment. A reference cycle leaves the `${…}` text as written;
 * 3. the environment, with MicroProfile's mapping: the exact name, then every character outside
 *    `[A-Za-z0-9_]` replaced by `_`, then that upper-cased (`a.b-c` → `a_b_c` → `A_B_C`).
 *
 * Divergence: MicroProfile ranks environment variables above `application.properties`; here the
 * file wins, as the seed's `rhdh_url=${BACKSTAGE_BACKEND_URL}` style intends. A reference to the
 * key being expanded (`SWT_REF=${SWT_REF}`) skips the file and reads the environment.
 *
 * @example
 * const config = createConfig({
 *   properties: { rhdh_url: '${BACKSTAGE_BACKEND_URL}', timeout: '${TIMEOUT:30}' },
 *   env: { BACKSTAGE_BACKEND_URL: 'https://rhdh.example.com' },
 * });
 * config.get('rhdh_url'); // 'https://rhdh.example.com'
 * config.get('timeout');  // '30'
 */
export function createConfig(options: CreateConfigOptions): ConfigSource {
  const properties = new Map(Object.entries(options.properties));
  const overrides = new Map(Object.entries(options.overrides ?? {}));
  const env = new Map<string, string>();
  for (const [k, v] of Object.entries(options.env)) if (v !== undefined) env.set(k, v);
  const cache = new Map<string, string | undefined>();

  function fromEnv(key: string): string | undefined {
    const sanitized = key.replace(/[^A-Za-z0-9_]/g, '_');
    return env.get(key) ?? env.get(sanitized) ?? env.get(sanitized.toUpperCase());
  }

  function lookup(key: string, stack: Set<string>, budget: { left: number }): Lookup {
    if (--budget.left < 0) return { missing: true };
    const override = overrides.get(key);
    if (override !== undefined) return { value: override };
    const raw = properties.get(key);
    const onStack = stack.has(key);
    if (raw !== undefined && !onStack) {
      stack.add(key);
      const expanded = expand(raw, stack, budget);
      stack.delete(key);
      if (expanded !== undefined) return { value: expanded };
    }
    const envValue = fromEnv(key);
    if (envValue !== undefined) return { value: envValue };
    return onStack ? { cycle: true } : { missing: true };
  }

  /** Expands every `${…}` in `text`; `undefined` when one cannot be resolved. */
  function expand(text: string, stack: Set<string>, budget: { left: number }): string | undefined {
    let out = '';
    let i = 0;
    while (i < text.length) {
      if (text[i] === '\\' && text[i + 1] === '$') {
        out += '$';
        i += 2;
        continue;
      }
      if (!text.startsWith('${', i)) {
        out += text[i++];
        continue;
      }
      const end = closingBrace(text, i + 2);
      if (end < 0) return out + text.slice(i);
      const whole = text.slice(i, end + 1);
      const { name, fallback } = splitReference(text.slice(i + 2, end));
      i = end + 1;
      const expandedName = expand(name, stack, budget);
      if (expandedName === undefined) return undefined;
      const found = lookup(expandedName, stack, budget);
      if ('value' in found) {
        out += found.value;
        continue;
      }
      if (fallback !== undefined) {
        const value = expand(fallback, stack, budget);
        if (value === undefined) return undefined;
        out += value;
        continue;
      }
      if ('cycle' in found) {
        out += whole;
        continue;
      }
      return undefined;
    }
    return out;
  }

  return {
    get(key: string): string | undefined {
      if (cache.has(key)) return cache.get(key);
      const found = lookup(key, new Set(), { left: MAX_LOOKUPS });
      const value = 'value' in found ? found.value : undefined;
      cache.set(key, value);
      return value;
    },
    keys(): Iterable<string> {
      return new Set([...overrides.keys(), ...properties.keys(), ...env.keys()]);
    },
  };
}

/** Index of the `}` that closes a `${` whose body starts at `from`, or -1. Nested `${…}` count. */
function closingBrace(text: string, from: number): number {
  let depth = 0;
  for (let i = from; i < text.length; i++) {
    if (text.startsWith('${', i)) {
      depth++;
      i++;
    } else if (text[i] === '}') {
      if (depth === 0) return i;
      depth--;
    }
  }
  return -1;
}

/** Splits `name:default` at the first `:` outside nested `${…}`. */
function splitReference(body: string): { name: string; fallback?: string } {
  let depth = 0;
  for (let i = 0; i < body.length; i++) {
    if (body.startsWith('${', i)) {
      depth++;
      i++;
    } else if (body[i] === '}') depth--;
    else if (body[i] === ':' && depth === 0) return { name: body.slice(0, i), fallback: body.slice(i + 1) };
  }
  return { name: body };
}
