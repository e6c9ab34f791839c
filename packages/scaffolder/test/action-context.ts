/** Test helper: an ActionContext over real directories, recording log lines and outputs. */
import type { ActionContext } from '../src/actions/template-action.js';

export interface TestContext<I> extends ActionContext<I> {
  readonly lines: string[];
  readonly outputs: Record<string, unknown>;
}

export function actionContext<I>(input: I, opts: { workspacePath: string; templateBaseDir?: string; templateBaseUrl?: string; signal?: AbortSignal }): TestContext<I> {
  const lines: string[] = [];
  const outputs: Record<string, unknown> = {};
  const log = (m: string): void => void lines.push(m);
  return {
    input,
    workspacePath: opts.workspacePath,
    ...(opts.templateBaseDir ? { templateBaseDir: opts.templateBaseDir } : {}),
    ...(opts.templateBaseUrl ? { templateBaseUrl: opts.templateBaseUrl } : {}),
    logger: { info: log, warn: log, error: log, debug: log },
    output: (name, value) => void (outputs[name] = value),
    signal: opts.signal ?? new AbortController().signal,
    isDryRun: false,
    secrets: {},
    taskId: 't',
    stepId: 's',
    createTemporaryDirectory: () => Promise.reject(new Error('not in tests')),
    lines,
    outputs,
  };
}
