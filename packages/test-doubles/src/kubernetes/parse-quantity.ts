// A parser for Kubernetes resource quantities (k8s.io/apimachinery/pkg/api/resource.Quantity):
// `1`, `500m`, `2Gi`, `1.5`, `10G`, `1e3`, as ResourceQuota and LimitRange values are written.

/** The message the API server gives for a text that is not a quantity. */
export const QUANTITY_FORMAT_MESSAGE = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

const BINARY: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };
const DECIMAL: Record<string, number> = { n: 1e-9, u: 1e-6, m: 1e-3, '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18 };
const SHAPE = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]|[eE][+-]?\d+)?$/;

/**
 * The value of a quantity in base units (cores, bytes, counts), or undefined when `input` is not
 * one. JSON numbers are accepted, as the API server's decoder does.
 *
 * @example
 * parseQuantity('500m') // 0.5
 * parseQuantity('2Gi')  // 2147483648
 * parseQuantity('2 Gi') // undefined
 */
export function parseQuantity(input: unknown): number | undefined {
  if (typeof input === 'number') return Number.isFinite(input) ? input : undefined;
  if (typeof input !== 'string') return undefined;
  const match = SHAPE.exec(input);
  if (!match) return undefined;
  const number = Number(match[1]);
  const suffix = match[2] ?? '';
  if (suffix in BINARY) return number * (BINARY[suffix] as number);
  if (suffix in DECIMAL) return number * (DECIMAL[suffix] as number);
  return number * 10 ** Number(suffix.slice(1));
}
