/** The engine's Logger port on pino: fields (instanceId, workflowId, ...) become structured log fields. */
import type { Logger } from '@sluice/engine';
import type { Logger as PinoLogger } from 'pino';

export function runtimeLogger(pino: PinoLogger): Logger {
  return {
    log(level, message, fields) {
      pino[level](fields ?? {}, message);
    },
  };
}
