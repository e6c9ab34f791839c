// The package entry point: the default invoker set.
import { describe, expect, it } from 'vitest';
import { CustomRestInvoker, OpenApiInvoker, SysoutInvoker, createDefaultInvokers } from './index.js';

describe('createDefaultInvokers', () => {
  it('returns one invoker per key', () => {
    const invokers = createDefaultInvokers({ defaultTimeoutMs: 1000 });
    expect(invokers.map((i) => i.key)).toEqual(['rest', 'custom:rest', 'custom:sysout']);
    expect(invokers[0]).toBeInstanceOf(OpenApiInvoker);
    expect(invokers[1]).toBeInstanceOf(CustomRestInvoker);
    expect(invokers[2]).toBeInstanceOf(SysoutInvoker);
  });
});
