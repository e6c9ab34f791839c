/** The `custom:sysout` invoker: SonataFlow's `sysout` / `sysout:LEVEL` custom function (checklist §18.3). */
import type { Invoker, InvokeRequest, InvokeResult, LogLevel } from '@sluice/engine';
import { isObject } from '@sluice/engine';

const LEVELS: Readonly<Record<string, LogLevel>> = {
  TRACE: 'trace',
  DEBUG: 'debug',
  INFO: 'info',
  WARN: 'warn',
  WARNING: 'warn',
  ERROR: 'error',
};

/**
 * Invoker for `operation: sysout` or `sysout:LEVEL` (TRACE, DEBUG, INFO, WARN, ERROR; any case;
 * default and fallback for an unknown level: INFO). Logs the `message` argument through `req.log`: a
 * string as it is, any other JSON value as compact JSON; an absent message logs an empty line.
 * It returns `{ body: {} }`: like Kogito's SysoutAction it produces no result, and an empty object
 * merges into the state data as nothing, so the call changes no workflow data.
 *
 * @example // functions: [{ name: logInfo, type: custom, operation: 'sysout:INFO' }]
 * // arguments: { message: '"Sleeping before checking the software template "' }
 */
export class SysoutInvoker implements Invoker {
  readonly key = 'custom:sysout';

  async invoke(req: InvokeRequest): Promise<InvokeResult> {
    const op = req.fn.operation.trim();
    const colon = op.indexOf(':');
    const levelName = colon < 0 ? 'INFO' : op.slice(colon + 1).trim().toUpperCase();
    const level = LEVELS[levelName] ?? 'info';
    const message = isObject(req.args) ? req.args.message : undefined;
    const text = message === undefined ? '' : typeof message === 'string' ? message : JSON.stringify(message);
    req.log.log(level, text, { function: req.fn.name, workflowId: req.workflowId, instanceId: req.instanceId });
    return { body: {} };
  }
}
