// Timeout configuration: milliseconds or ISO-8601 durations, first configured key wins.
import { describe, expect, it } from 'vitest';
import { captureLogger, mapConfig } from '../../test/recording-server.js';
import { resolveTimeoutMs } from './timeout-config.js';

describe('resolveTimeoutMs', () => {
  const keys = ['a', 'b'];

  it('takes the first key with a usable value, in ms or as a duration', () => {
    const { logger } = captureLogger();
    expect(resolveTimeoutMs(mapConfig({ a: '250', b: '9' }), keys, 1, logger)).toBe(250);
    expect(resolveTimeoutMs(mapConfig({ b: 'PT2S' }), keys, 1, logger)).toBe(2000);
    expect(resolveTimeoutMs(mapConfig({}), keys, 30_000, logger)).toBe(30_000);
  });

  it('skips unusable values with a warning that names the key only', () => {
    const { logger, lines } = captureLogger();
    expect(resolveTimeoutMs(mapConfig({ a: 'soon', b: '0' }), keys, 5, logger)).toBe(5);
    expect(lines.map((l) => [l.level, l.message.split(':')[0]])).toEqual([
      ['warn', 'ignoring a'],
      ['warn', 'ignoring b'],
    ]);
  });
});
