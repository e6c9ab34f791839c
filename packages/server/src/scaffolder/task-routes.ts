/**
 * Backstage's scaffolder task API under `/api/scaffolder`: `POST /v2/tasks` (201 `{id}`, 400
 * `{errors}`), `GET /v2/tasks` (createdBy, status, limit, offset, order), `GET /v2/tasks/:id`,
 * `POST /v2/tasks/:id/cancel`, `GET /v2/tasks/:id/events?after=` (long-poll up to 30 s) and
 * `/eventstream` (SSE, closed after the completion event). Events are read from the database, so
 * any replica serves them.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { JsonObject } from '@sluice/scaffolder';
import type { AppContext } from '../app/context.js';
import { badRequest, notFound } from '../http/http-error.js';
import { requireAuthenticated } from '../http/request-principal.js';
import { SseStream } from '../notifications/sse-stream.js';
import { canAccessTask, serializeTask } from './task-access.js';
import { FINAL_STATUSES, type SerializedTaskEvent, type StoredTask } from './task-store.js';

const LONG_POLL_MS = 30_000;
const POLL_MS = 200;

export async function registerTaskRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const s = ctx.scaffolder;
  const readable = async (req: FastifyRequest): Promise<StoredTask> => {
    const p = requireAuthenticated(req);
    const task = await s.get((req.params as { taskId: string }).taskId);
    if (!task || !canAccessTask(p, task)) throw notFound(`Task with id ${(req.params as { taskId: string }).taskId} does not exist`);
    return task;
  };

  app.post('/api/scaffolder/v2/tasks', async (req, reply) => {
    const p = requireAuthenticated(req);
    const body = (req.body ?? {}) as { templateRef?: unknown; values?: unknown; secrets?: unknown };
    if (typeof body.templateRef !== 'string' || body.templateRef === '') throw badRequest('templateRef is required');
    const values = body.values === undefined ? {} : body.values;
    if (values === null || typeof values !== 'object' || Array.isArray(values)) throw badRequest('values must be an object');
    const secrets = stringRecord(body.secrets);
    const r = await s.create({ templateRef: body.templateRef, values: values as JsonObject, ...(secrets ? { secrets } : {}), ...(p.type === 'user' ? { userRef: p.userEntityRef } : {}) });
    if ('errors' in r) return reply.status(400).send({ errors: r.errors });
    return reply.status(201).send({ id: r.id });
  });

  app.get('/api/scaffolder/v2/tasks', async (req) => {
    const p = requireAuthenticated(req);
    const q = req.query as Record<string, string | string[] | undefined>;
    let createdBy = list(q['createdBy']);
    if (p.type === 'user' && !p.isAdmin) createdBy = createdBy.length === 0 || createdBy.includes(p.userEntityRef) ? [p.userEntityRef] : ['\u0000none'];
    const order = String(q['order'] ?? 'desc:created_at').startsWith('asc') ? 'asc' : 'desc';
    const { tasks, total } = await s.o.store.list({
      createdBy,
      status: list(q['status']),
      limit: intParam(q['limit'], 'limit') ?? 100,
      offset: intParam(q['offset'], 'offset') ?? 0,
      order,
    });
    return { tasks: tasks.map((t) => serializeTask(t, p)), totalTasks: total };
  });

  app.get('/api/scaffolder/v2/tasks/:taskId', async (req) => serializeTask(await readable(req), req.principal));

  app.post('/api/scaffolder/v2/tasks/:taskId/cancel', async (req) => {
    const task = await readable(req);
    await s.cancel(task);
    return { status: 'cancelled' };
  });

  app.get('/api/scaffolder/v2/tasks/:taskId/events', async (req) => {
    const task = await readable(req);
    let after = intParam((req.query as Record<string, string | undefined>)['after'], 'after') ?? 0;
    const until = Date.now() + LONG_POLL_MS;
    let closed = false;
    req.raw.on('close', () => (closed = true));
    for (;;) {
      const events = await s.o.store.events(task.id, after);
      if (events.length > 0) return events;
      const now = await s.get(task.id);
      if (!now || FINAL_STATUSES.includes(now.status) || closed || Date.now() >= until) return [];
      await sleep(POLL_MS);
      after = Math.max(after, 0);
    }
  });

  app.get('/api/scaffolder/v2/tasks/:taskId/eventstream', async (req, reply) => {
    const task = await readable(req);
    let after = intParam((req.query as Record<string, string | undefined>)['after'], 'after') ?? 0;
    reply.hijack();
    const stream = new SseStream(reply.raw, { heartbeatMs: 15_000 });
    void (async () => {
      try {
        while (!stream.closed) {
          const events: SerializedTaskEvent[] = await s.o.store.events(task.id, after);
          for (const e of events) {
            stream.send(e.type, e);
            after = e.id;
            if (e.type === 'completion') return;
          }
          if (events.length === 0) {
            const now = await s.get(task.id);
            if (!now || FINAL_STATUSES.includes(now.status)) return;
            await sleep(POLL_MS);
          }
        }
      } catch (err) {
        req.log.warn({ err }, 'task event stream failed');
      } finally {
        stream.close();
      }
    })();
  });
}

function list(v: string | string[] | undefined): string[] {
  if (v === undefined) return [];
  return (Array.isArray(v) ? v : [v]).flatMap((x) => x.split(',')).filter(Boolean);
}

function intParam(v: unknown, name: string): number | undefined {
  if (v === undefined || v === '') return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw badRequest(`${name} must be a non-negative integer`);
  return n;
}

function stringRecord(v: unknown): Record<string, string> | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'object' || Array.isArray(v) || !Object.values(v).every((x) => typeof x === 'string')) throw badRequest('secrets must be an object of strings');
  return v as Record<string, string>;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
