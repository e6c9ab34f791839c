// startBackstageFake: a stateful Backstage backend double (notifications create, scaffolder tasks)
// on a real socket, checked against the seed workflow's notifications and scaffolder specs.
import { randomUUID } from 'node:crypto';
import { startFakeServer, type FakeServerHandle } from '../http/fake-server.js';
import type { RecordedRequest } from '../http/recorded-request.js';
import { ConformanceChecker } from '../openapi/conformance-checker.js';
import { SEED_SPEC_FILES, seedSpecPath } from '../seed-specs.js';
import { authenticateBackstage, backstageError, BACKSTAGE_FAKE_TOKEN, type BackstageTokenConfig } from './backstage-http.js';
import { entityDirectory, normalizeEntityRef } from './entity-ref.js';
import { notificationRoutes, type BackstageNotification, type NotificationsContext } from './notifications.js';
import { scaffolderRoutes, type ScaffolderContext, type ScaffolderTask, type TaskStatus } from './scaffolder.js';
import { SEED_NAMESPACE_TEMPLATE, TemplateCatalog, type ScaffolderTemplate } from './scaffolder-templates.js';

/** Options for {@link startBackstageFake}. */
export interface BackstageFakeOptions {
  /** Accepted tokens; default one static token {@link BACKSTAGE_FAKE_TOKEN} with subject `Orchestrator`. */
  tokens?: readonly BackstageTokenConfig[];
  /** Group ref → member refs, for `group:` recipients; default none (a group reaches nobody). */
  groups?: Record<string, readonly string[]>;
  /** Entity ref → owner ref, for recipients that are neither users nor groups. */
  owners?: Record<string, string>;
  /** Templates the scaffolder knows; default [{@link SEED_NAMESPACE_TEMPLATE}]. */
  templates?: readonly ScaffolderTemplate[];
  /** Statuses a task reports on successive reads unless scripted; default `['completed']`. */
  defaultTaskStatuses?: readonly TaskStatus[];
  /** `app.baseUrl` that relative notification links resolve against; default the fake's URL. */
  appBaseUrl?: string;
  /** Answer requests that break the spec with a 400 `InputError` naming the violations; default false. */
  strict?: boolean;
  /** Port on 127.0.0.1 (default: ephemeral). */
  port?: number;
  /** Called after each reply. */
  onRequest?: (request: RecordedRequest) => void;
  /** Directory holding the notifications and scaffolder specs; default the seed workflow's `specs/`. */
  specsDir?: string;
  now?: () => Date;
  newId?: () => string;
}

/** A running Backstage fake. Getters return copies. */
export interface BackstageFake extends FakeServerHandle {
  /** The first configured token, for `Authorization: Bearer`. */
  readonly token: string;
  readonly checker: ConformanceChecker;
  /** Every notification created, in order. */
  notifications(): BackstageNotification[];
  /** Sets a group's members (user or group refs). */
  setGroupMembers(groupRef: string, members: readonly string[]): void;
  addTemplate(template: ScaffolderTemplate): void;
  /** Statuses for tasks created from this template from now on, one per read; the last repeats. */
  scriptTemplate(templateRef: string, statuses: readonly TaskStatus[]): void;
  /** Replaces a task's status script and restarts its read count. */
  scriptTask(taskId: string, statuses: readonly TaskStatus[]): void;
  tasks(): ScaffolderTask[];
  task(taskId: string): ScaffolderTask | undefined;
}

/**
 * Starts a Backstage fake on 127.0.0.1 with an ephemeral port.
 *
 * @example
 * const backstage = await startBackstageFake({ groups: { 'group:default/ops': ['user:default/ana'] } });
 * backstage.scriptTemplate('template:default/orchestrator-namespace-request', ['processing', 'failed']);
 * // point BACKSTAGE_BACKEND_URL at backstage.url and the bearer token at backstage.token, run, then:
 * expect(backstage.notifications().map((n) => n.user)).toEqual(['user:default/ana']);
 */
export async function startBackstageFake(options: BackstageFakeOptions = {}): Promise<BackstageFake> {
  const tokens = options.tokens ?? [{ token: BACKSTAGE_FAKE_TOKEN, subject: 'Orchestrator' }];
  if (tokens.length === 0) throw new Error('Backstage fake needs at least one token');
  const now = options.now ?? (() => new Date());
  const newId = options.newId ?? randomUUID;
  const groups: Record<string, readonly string[]> = { ...options.groups };
  const templates = new TemplateCatalog();
  for (const template of options.templates ?? [SEED_NAMESPACE_TEMPLATE]) templates.add(template);
  const notifications: NotificationsContext = {
    tokens,
    directory: () => entityDirectory(groups, options.owners),
    appBaseUrl: options.appBaseUrl ?? '',
    now,
    newId,
    sent: [],
  };
  const scaffolder: ScaffolderContext = {
    tokens,
    templates,
    tasks: new Map(),
    templateScripts: new Map(),
    defaultScript: statusList(options.defaultTaskStatuses ?? ['completed']),
    now,
    newId,
  };
  const dir = options.specsDir;
  const checker = ConformanceChecker.fromFiles([
    seedSpecPath(SEED_SPEC_FILES.notifications, dir),
    seedSpecPath(SEED_SPEC_FILES.scaffolder, dir),
  ]);
  const server = await startFakeServer({
    routes: [...notificationRoutes(notifications), ...scaffolderRoutes(scaffolder)],
    checker,
    strict: options.strict ?? false,
    ...(options.port !== undefined ? { port: options.port } : {}),
    ...(options.onRequest ? { onRequest: options.onRequest } : {}),
    authenticate: (request) => authenticateBackstage(request, tokens),
    notFound: (request) => backstageError(404, 'NotFoundError', `Not found: ${request.method} ${request.path}`, request),
    invalidRequest: (message, request) => backstageError(400, 'InputError', message, request),
  });
  notifications.appBaseUrl ||= server.url;
  const templateRef = (ref: string): string => {
    const normalized = normalizeEntityRef(ref, 'template');
    if (!normalized) throw new Error(`Backstage fake: malformed template ref "${ref}"`);
    return normalized;
  };
  return {
    ...server,
    token: (tokens[0] as BackstageTokenConfig).token,
    checker,
    notifications: () => structuredClone(notifications.sent),
    setGroupMembers: (groupRef, members) => {
      groups[groupRef] = [...members];
    },
    addTemplate: (template) => templates.add(template),
    scriptTemplate: (ref, statuses) => scaffolder.templateScripts.set(templateRef(ref), statusList(statuses)),
    scriptTask: (taskId, statuses) => {
      const task = scaffolder.tasks.get(taskId);
      if (!task) throw new Error(`Backstage fake: no task ${taskId}`);
      Object.assign(task, { script: statusList(statuses), reads: 0 });
    },
    tasks: () => structuredClone([...scaffolder.tasks.values()]),
    task: (taskId) => structuredClone(scaffolder.tasks.get(taskId)),
  };
}

function statusList(statuses: readonly TaskStatus[]): TaskStatus[] {
  if (statuses.length === 0) throw new Error('a task status script needs at least one status');
  return [...statuses];
}
