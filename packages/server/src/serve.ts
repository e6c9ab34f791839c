/**
 * The composition root of `sluice serve`: opens the store and the server tables, loads the catalog
 * and the workflows, wires Sluice's own workflows to itself, starts the runtime and the HTTP server.
 * `close()` is graceful: no new requests, calls in flight finish and are committed, leases released.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { watch, type FSWatcher } from 'node:fs';
import pino, { type DestinationStream, type Logger as PinoLogger } from 'pino';
import { Runtime, type Clock } from '@sluice/engine';
import { createDefaultInvokers } from '@sluice/functions';
import type { FastifyInstance } from 'fastify';
import { Authenticator } from './auth/authenticator.js';
import { Permissions } from './auth/permissions.js';
import { UserTokens } from './auth/user-token.js';
import { buildApp } from './app/build-app.js';
import type { AppContext } from './app/context.js';
import { CredentialVault } from './app/credential-vault.js';
import { SELF_SUBJECT, selfToken, sessionKey } from './app/data-dir-secrets.js';
import { nodeScheduler } from './app/node-scheduler.js';
import { runtimeLogger } from './app/runtime-logger.js';
import { combineObservers, lifecycleLog } from './app/lifecycle-log.js';
import { EntityCatalog } from './catalog/entity-catalog.js';
import type { ServerConfig } from './config/server-config.js';
import { openStore } from './db/open-store.js';
import { openServerDb } from './db/server-db.js';
import { EventIntake } from './events/event-intake.js';
import { NotificationService } from './notifications/notification-service.js';
import { Metrics } from './ops/metrics.js';
import { createScaffolder } from './scaffolder/create-scaffolder.js';
import { withBuiltinWorkflows } from './scaffolder/task-workflow.js';
import { createKubernetesApplyAction, type TemplateAction } from '@sluice/scaffolder';
import { WorkflowRegistry } from './workflows/workflow-registry.js';

export interface StartServerOptions {
  /** The process environment (workflow configuration reads it). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Where logs go (default stdout). */
  readonly logDestination?: DestinationStream;
  readonly clock?: Clock;
  /** Worker name (default `<hostname>-<pid>`). */
  readonly worker?: string;
  /** More scaffolder actions (e.g. `kubernetes:apply`), beside the built-in and server ones. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly scaffolderActions?: readonly TemplateAction<any>[];
}

export interface RunningServer {
  /** `http://host:port` it listens on. */
  readonly url: string;
  readonly ctx: AppContext;
  readonly app: FastifyInstance;
  readonly log: PinoLogger;
  /** Stops gracefully (idempotent). */
  close(): Promise<void>;
}

/** Starts a server; resolves once it listens and its workflows are loaded. */
export async function startServer(config: ServerConfig, opts: StartServerOptions): Promise<RunningServer> {
  const log = pino(
    {
      level: config.logLevel,
      base: { service: 'sluice' },
      redact: { paths: ['req.headers.authorization', '*.token', '*.authTokens', 'authorization'], censor: '***' },
    },
    opts.logDestination ?? pino.destination(1),
  );
  const clock = opts.clock ?? { now: () => Date.now() };
  const ids = { newId: () => randomUUID() };
  const token = selfToken(config.dataDir);
  const externalAccess = [...config.auth.externalAccess, { token, subject: SELF_SUBJECT }];

  const opened = await openStore(config.database);
  const db = openServerDb(config.database);
  const catalog = new EntityCatalog({ db, clock });
  let url = config.baseUrl ?? `http://${config.host}:${config.port}`;
  const baseUrl = (): string => url;
  const workflows = new WorkflowRegistry({
    folder: config.workflows,
    // Self-wiring first, so that a real Backstage configured in the environment wins.
    env: () => ({ BACKSTAGE_BACKEND_URL: baseUrl(), BACKSTAGE_BACKEND_BEARER_TOKEN: token, ...opts.env, ...config.workflowEnv }),
    properties: config.workflowProperties,
    log: (level, message) => log[level](message),
  });
  const metrics = new Metrics();
  const credentials = new CredentialVault();
  const notifications = new NotificationService({ db, directory: catalog, clock, ids, baseUrl });
  const scaffolder = await createScaffolder({
    db,
    clock,
    catalog,
    notifications,
    templatesFolder: config.templates,
    dataDir: config.dataDir,
    extraActions: opts.scaffolderActions ?? [kubernetesApply(config, opts.env, clock)],
    log: (level, message) => log[level](message),
  });
  const runtime = new Runtime({
    store: opened.store,
    clock,
    ids,
    catalog: withBuiltinWorkflows(workflows, [scaffolder.workflow]),
    invokers: [...createDefaultInvokers(), scaffolder.worker],
    log: runtimeLogger(log),
    observer: combineObservers(metrics.observer, lifecycleLog(log), credentials.observer),
    credentials: { forInstance: (id) => credentials.get(id) },
    events: { publish: async (e) => void (await runtime.publishEvent(e)) },
    worker: opts.worker ?? `${hostname()}-${process.pid}`,
  });
  const userTokens = new UserTokens(sessionKey(config.dataDir));
  let ready = false;
  const ctx: AppContext = {
    config,
    baseUrl,
    clock,
    runtime,
    store: opened.store,
    workflows,
    db,
    catalog,
    auth: new Authenticator(externalAccess, userTokens, catalog, config.auth.admins),
    userTokens,
    permissions: new Permissions(config.workflowPermissions),
    credentials,
    notifications,
    events: new EventIntake({ db, runtime, clock }),
    metrics,
    scaffolder: scaffolder.service(runtime),
    isReady: () => ready,
  };
  const app = await buildApp(ctx, log);
  await app.listen({ port: config.port, host: config.host });
  const addr = app.server.address();
  if (!config.baseUrl && addr && typeof addr === 'object') url = `http://${addr.family === 'IPv6' ? `[${addr.address}]` : addr.address}:${addr.port}`;

  for (const p of await catalog.loadFolder(config.catalog)) log.warn(`catalog: ${p}`);
  for (const p of await scaffolder.templates.loadAll()) log.warn(`templates: ${p}`);
  await workflows.reload();
  const recovered = await runtime.recover();
  runtime.run(nodeScheduler);
  const unlisten = opened.onWake?.(() => void runtime.tick().catch(() => undefined));
  const watchers = config.watch ? watchFolder(config.workflows, () => workflows.reload().catch((err: unknown) => log.error({ err }, 'reloading workflows failed'))) : [];
  ready = true;
  log.info(
    { url, database: opened.describe, workflows: workflows.entriesList().map((e) => `${e.id}${e.available ? '' : ' (unavailable)'}`), recovered },
    `sluice listening on ${url}`,
  );

  let closing: Promise<void> | undefined;
  return {
    url,
    ctx,
    app,
    log,
    close: () =>
      (closing ??= (async () => {
        ready = false;
        for (const w of watchers) w.close();
        unlisten?.();
        // Requests in progress may finish; connections still open after a grace period (a client
        // that connected and sent nothing holds close() until its keep-alive ends) are cut.
        const cut = setTimeout(() => app.server.closeAllConnections(), 2_000);
        cut.unref();
        await app.close();
        clearTimeout(cut);
        runtime.stop();
        // Scaffolder tasks running here stop without an end state; the next worker starts them over.
        scaffolder.worker.interruptAll();
        await runtime.idle();
        await db.close();
        await opened.close();
        log.info('sluice stopped');
        // Drain the asynchronous log stream before the process exits: a synchronous flush at exit
        // could overtake a write still in flight and print the last lines out of order.
        await new Promise<void>((resolve) => log.flush(() => resolve()));
      })()),
  };
}

/**
 * `kubernetes:apply`: to the cluster of `KUBECONFIG` (or the in-cluster service account when
 * running in a pod), else — the embedded default — into a local GitOps repository under the data
 * directory, one commit per request, for an Argo CD or Flux to sync.
 */
function kubernetesApply(config: ServerConfig, env: Readonly<Record<string, string | undefined>>, clock: Clock): TemplateAction<never> {
  if (env.KUBECONFIG) return createKubernetesApplyAction({ kubeconfig: env.KUBECONFIG }) as TemplateAction<never>;
  if (env.KUBERNETES_SERVICE_HOST) return createKubernetesApplyAction({ inCluster: true }) as TemplateAction<never>;
  return createKubernetesApplyAction({ gitops: { dir: join(config.dataDir, 'gitops'), clock: { now: () => new Date(clock.now()) } } }) as TemplateAction<never>;
}

/** Calls `onChange` (debounced) when files under `folder` change; nothing when it does not exist. */
function watchFolder(folder: string, onChange: () => void): FSWatcher[] {
  let timer: NodeJS.Timeout | undefined;
  try {
    const w = watch(folder, { recursive: true }, () => {
      clearTimeout(timer);
      timer = setTimeout(onChange, 200);
    });
    w.on('error', () => undefined);
    return [w];
  } catch {
    return [];
  }
}
