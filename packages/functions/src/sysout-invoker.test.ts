// The sysout custom function: logs at the operation's level and changes no data.
import { describe, expect, it } from 'vitest';
import { captureLogger, customFunction, invokeRequest, mapConfig } from '../test/recording-server.js';
import { SysoutInvoker } from './sysout-invoker.js';

describe('SysoutInvoker', () => {
  const run = async (operation: string, args: Parameters<typeof invokeRequest>[1]) => {
    const { logger, lines } = captureLogger();
    const result = await new SysoutInvoker().invoke(invokeRequest(customFunction('logInfo', operation), args, mapConfig({}), { log: logger }));
    return { result, lines };
  };

  it('logs a string message as it is at the given level and returns an empty object', async () => {
    const { result, lines } = await run('sysout:INFO', { message: 'Sleeping before checking the software template ' });
    expect(result).toEqual({ body: {} });
    expect(lines).toEqual([
      {
        level: 'info',
        message: 'Sleeping before checking the software template ',
        fields: { function: 'logInfo', workflowId: 'create-ocp-namespace-swt', instanceId: 'i-1' },
      },
    ]);
  });

  it('logs other JSON compactly; maps every level; defaults to INFO', async () => {
    expect((await run('sysout:warn', { message: [{ id: 42 }] })).lines[0]).toMatchObject({ level: 'warn', message: '[{"id":42}]' });
    for (const [op, level] of [
      ['sysout:TRACE', 'trace'],
      ['sysout:DEBUG', 'debug'],
      ['sysout:ERROR', 'error'],
      ['sysout', 'info'],
      ['sysout:LOUD', 'info'],
    ] as const) {
      expect((await run(op, { message: 1 })).lines[0]).toMatchObject({ level, message: '1' });
    }
    expect((await run('sysout', {})).lines[0]).toMatchObject({ message: '' });
    expect((await run('sysout', { message: null })).lines[0]).toMatchObject({ message: 'null' });
  });
});
