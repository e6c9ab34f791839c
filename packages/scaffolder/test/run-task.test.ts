import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBuiltinRegistry } from '../src/actions/builtin-actions.js';
import { createTemplateAction, type ActionContext } from '../src/actions/template-action.js';
import { runTask, type RunTaskOptions } from '../src/runner/run-task.js';
import type { TaskEvent } from '../src/runner/task-events.js';
import { loadTemplateFromDir } from '../src/template/load-template-from-dir.js';
import type { TemplateEntityV1beta3, TemplateStep } from '../src/template/template-types.js';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'sluice-scaffolder-run-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

function template(steps: TemplateStep[], output: Record<string, unknown> = {}): TemplateEntityV1beta3 {
  return { apiVersion: 'scaffolder.backstage.io/v1beta3', kind: 'Template', metadata: { name: 't' }, spec: { type: 'service', steps, output } };
}

/** `test:echo` outputs its input `value` as `echo`; `test:fail` throws; `test:hang` waits for abort. */
function registry(started?: (ctx: ActionContext) => void) {
  const r = createBuiltinRegistry();
  r.register(
    createTemplateAction<{ value?: unknown }>({
      id: 'test:echo',
      schema: { input: { type: 'object', properties: { value: {} } }, output: { type: 'object', properties: { echo: { type: 'string', examples: ['dry'] } } } },
      async handler(ctx) {
        ctx.logger.info(`echo ${JSON.stringify(ctx.input.value)}`);
        ctx.output('echo', ctx.input.value);
      },
    }),
  );
  r.register(
    createTemplateAction({
      id: 'test:fail',
      async handler() {
        throw new Error('boom');
      },
    }),
  );
  r.register(
    createTemplateAction({
      id: 'test:hang',
      supportsDryRun: true,
      async handler(ctx) {
        started?.(ctx as ActionContext);
        await new Promise<void>((resolve) => ctx.signal.addEventListener('abort', () => resolve()));
      },
    }),
  );
  return r;
}

async function run(opts: Partial<RunTaskOptions> & Pick<RunTaskOptions, 'template'>) {
  const events: TaskEvent[] = [];
  const result = await runTask({ registry: registry(), workspaceRoot: root, taskId: 'task-1', onEvent: (e) => void events.push(e), ...opts });
  return { result, events };
}

describe('runTask', () => {
  it('runs steps in order, passes outputs along and renders spec.output', async () => {
    const { result, events } = await run({
      template: template(
        [
          { id: 'one', name: 'One', action: 'test:echo', input: { value: '${{ parameters.n }}' } },
          { id: 'two', action: 'test:echo', input: { value: '${{ steps.one.output.echo + 1 }}-${{ context.task.id }}-${{ user.ref }}' } },
        ],
        { links: [{ title: 'x', url: 'https://e/${{ steps.two.output.echo }}' }], n: '${{ steps.one.output.echo }}' },
      ),
      values: { n: 41 },
      user: { ref: 'user:default/dev1' },
      clock: { now: () => new Date('2025-01-01T00:00:00Z') },
    });
    expect(result.status).toBe('completed');
    expect(result.steps.map((s) => [s.id, s.status, s.output])).toEqual([
      ['one', 'completed', { echo: 41 }],
      ['two', 'completed', { echo: '42-task-1-user:default/dev1' }],
    ]);
    expect(result.steps[0]!.startedAt).toBe('2025-01-01T00:00:00.000Z');
    expect(result.output).toEqual({ links: [{ title: 'x', url: 'https://e/42-task-1-user:default/dev1' }], n: 41 });
    expect(events.map((e) => e.body)).toEqual([
      { message: 'Beginning step One', stepId: 'one', status: 'processing' },
      { message: 'echo 41', stepId: 'one' },
      { message: 'Finished step One', stepId: 'one', status: 'completed' },
      { message: 'Beginning step two', stepId: 'two', status: 'processing' },
      { message: 'echo "42-task-1-user:default/dev1"', stepId: 'two' },
      { message: 'Finished step two', stepId: 'two', status: 'completed' },
      { message: 'Run completed with status: completed', status: 'completed', output: result.output },
    ]);
    expect(events.at(-1)!.type).toBe('completion');
  });

  it('skips steps whose if is falsy and iterates each', async () => {
    const { result, events } = await run({
      template: template([
        { id: 'no', action: 'test:echo', if: '${{ parameters.flag }}', input: { value: 'x' } },
        { id: 'empty', action: 'test:echo', if: '${{ parameters.emptyList }}' },
        { id: 'lit', action: 'test:echo', if: false },
        { id: 'yes', action: 'test:echo', if: '${{ not parameters.flag }}', input: { value: 'y' } },
        { id: 'loop', action: 'test:echo', each: '${{ parameters.items }}', input: { value: '${{ each.key }}=${{ each.value.name }}' } },
        { id: 'obj', action: 'test:echo', each: { a: 1, b: 2 }, input: { value: '${{ each.key }}${{ each.value }}' } },
      ]),
      values: { flag: false, items: [{ name: 'a' }, { name: 'b' }], emptyList: [] },
    });
    expect(result.error).toBeUndefined();
    expect(result.status).toBe('completed');
    expect(result.steps.map((s) => s.status)).toEqual(['skipped', 'skipped', 'skipped', 'completed', 'completed', 'completed']);
    expect(result.steps[4]!.output).toEqual({ echo: ['0=a', '1=b'] });
    expect(result.steps[5]!.output).toEqual({ echo: ['a1', 'b2'] });
    expect(events.map((e) => e.body)).toContainEqual({ message: 'Skipping step no because its if condition was false', stepId: 'no', status: 'skipped' });
    expect(events.map((e) => e.body.message)).toContain('Running step each: {"key":"0","value":{"name":"a"}}');
  });

  it('stops at a failing action with status failed', async () => {
    const { result, events } = await run({
      template: template([
        { id: 'bad', name: 'Bad', action: 'test:fail' },
        { id: 'after', action: 'test:echo' },
      ]),
    });
    expect(result.status).toBe('failed');
    expect(result.error).toEqual({ name: 'Error', message: 'boom' });
    expect(result.steps.map((s) => s.status)).toEqual(['failed', 'open']);
    expect(events.map((e) => e.body)).toEqual([
      { message: 'Beginning step Bad', stepId: 'bad', status: 'processing' },
      { message: 'boom', stepId: 'bad', status: 'failed' },
      { message: 'Run completed with status: failed', status: 'failed', error: { name: 'Error', message: 'boom' } },
    ]);
  });

  it('fails on invalid input, unknown actions and bad each values', async () => {
    const invalid = await run({ template: template([{ id: 'a', action: 'debug:log', input: { message: '${{ parameters.n }}' } }]), values: { n: 5 } });
    expect(invalid.result.status).toBe('failed');
    expect(invalid.result.error).toMatchObject({ name: 'InputError', code: 'INPUT_INVALID' });
    expect(invalid.result.error!.message).toMatch(/input\.message must be string/);
    const unknown = await run({ template: template([{ id: 'a', action: 'publish:gitlab' }]) });
    expect(unknown.result.error).toMatchObject({ name: 'NotFoundError', code: 'ACTION_NOT_FOUND' });
    const each = await run({ template: template([{ id: 'a', action: 'test:echo', each: '${{ 3 }}' }]) });
    expect(each.result.error!.message).toMatch(/cannot be iterated/);
  });

  it('rejects when onEvent fails', async () => {
    await expect(
      runTask({
        template: template([{ id: 'a', action: 'test:echo' }]),
        registry: registry(),
        workspaceRoot: root,
        onEvent: () => Promise.reject(new Error('store down')),
      }),
    ).rejects.toThrow('store down');
  });

  it('redacts secrets in logs', async () => {
    const { events } = await run({
      template: template([{ id: 'a', action: 'test:echo', input: { value: 'token=${{ secrets.token }}' } }]),
      secrets: { token: 's3cr3t' },
    });
    expect(events[1]!.body.message).toBe('echo "token=***"');
  });

  it('cancels mid-step: the running action sees the abort and the run ends cancelled', async () => {
    const controller = new AbortController();
    let actionSignal: AbortSignal | undefined;
    const r = registry((ctx) => {
      actionSignal = ctx.signal;
      setTimeout(() => controller.abort(), 5);
    });
    const events: TaskEvent[] = [];
    const result = await runTask({
      template: template([
        { id: 'wait', name: 'Wait', action: 'test:hang' },
        { id: 'never', action: 'test:echo' },
      ]),
      registry: r,
      workspaceRoot: root,
      signal: controller.signal,
      onEvent: (e) => void events.push(e),
    });
    expect(actionSignal?.aborted).toBe(true);
    expect(result.status).toBe('cancelled');
    expect(result.error).toMatchObject({ name: 'CancelledError', code: 'CANCELLED' });
    expect(result.steps.map((s) => s.status)).toEqual(['cancelled', 'open']);
    expect(events.at(-1)).toMatchObject({ type: 'completion', body: { status: 'cancelled' } });
  });

  it('cancels without waiting for an action that ignores the signal', async () => {
    const controller = new AbortController();
    const r = registry();
    r.register(
      createTemplateAction({
        id: 'test:stubborn',
        async handler() {
          setTimeout(() => controller.abort(), 5);
          await new Promise((resolve) => setTimeout(resolve, 60_000).unref());
        },
      }),
    );
    const result = await runTask({ template: template([{ id: 's', action: 'test:stubborn' }]), registry: r, workspaceRoot: root, signal: controller.signal });
    expect(result.status).toBe('cancelled');
  });

  it('dry-runs: skips actions without dry-run support with example outputs and returns the workspace files', async () => {
    const { result, events } = await run({
      template: template(
        [
          { id: 'fetch', action: 'fetch:template', input: { url: './skeleton', targetPath: './out', values: { name: '${{ parameters.name }}' } } },
          { id: 'pub', action: 'test:echo', input: { value: 'x' } },
          { id: 'log', action: 'debug:log', input: { message: 'remote ${{ steps.pub.output.echo }}', listWorkspace: true } },
        ],
        { url: '${{ steps.pub.output.echo }}' },
      ),
      values: { name: 'svc' },
      dryRun: true,
      templateDirectoryContents: [
        { path: 'skeleton/README.md', base64Content: Buffer.from('# ${{ values.name }}\n').toString('base64') },
        { path: 'skeleton/run.sh', base64Content: Buffer.from('echo hi\n').toString('base64'), executable: true },
      ],
    });
    expect(result.status).toBe('completed');
    expect(result.output).toEqual({ url: 'dry' });
    expect(events.map((e) => e.body.message)).toContain('Skipping because test:echo does not support dry-run');
    expect(events.map((e) => e.body.message)).toContain('remote dry');
    expect(result.directoryContents).toEqual([
      { path: 'out/README.md', base64Content: Buffer.from('# svc\n').toString('base64'), executable: false },
      { path: 'out/run.sh', base64Content: Buffer.from('echo hi\n').toString('base64'), executable: true },
    ]);
  });

  it('dry-runs the upstream namespace template up to its server-side actions', async () => {
    const dir = fileURLToPath(new URL('./fixtures/namespace/', import.meta.url));
    const loaded = await loadTemplateFromDir(dir);
    const r = registry();
    for (const id of ['publish:gitlab', 'argocd:create-resources', 'catalog:register']) {
      r.register(createTemplateAction({ id, schema: { output: { type: 'object', properties: { remoteUrl: { type: 'string' }, repoContentsUrl: { type: 'string' }, entityRef: { type: 'string' } } } }, async handler() {} }));
    }
    const result = await runTask({
      template: loaded.template,
      templateBaseDir: loaded.baseDir,
      values: { component_id: 'team-a', namespace_owner: 'dev1', git_host: 'gitlab.example.com', namespace_size: 'small' },
      registry: r,
      workspaceRoot: root,
      dryRun: true,
    });
    expect(result.status).toBe('completed');
    const paths = result.directoryContents!.map((f) => f.path);
    expect(paths).toEqual(['dev1-team-a-gitops/argocd/namespace-application.yaml', 'dev1-team-a-gitops/catalog-info.yaml']);
    const catalog = Buffer.from(result.directoryContents![1]!.base64Content, 'base64').toString('utf8');
    expect(catalog).toContain('name: "team-a"');
    expect(catalog).not.toContain('${{');
    expect(result.output).toEqual({ links: [{ title: 'Source Code Repository', url: 'example' }, { title: 'Open Component in catalog', icon: 'catalog', entityRef: 'example' }] });
  });
});
