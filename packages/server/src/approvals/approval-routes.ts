/**
 * The approvals API under `/api/approvals`: services (the workflows' static token) request, users
 * list their inbox, read and decide. See approval-service.ts for the rules.
 */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../app/context.js';
import { badRequest } from '../http/http-error.js';
import { requireAuthenticated, requireService, requireUser } from '../http/request-principal.js';
import { APPROVAL_STATUSES, type ApprovalStatus } from './approval.js';
import { ApprovalService } from './approval-service.js';
import { parseApprovalRequest, parseDecisionRequest } from './parse-approval-request.js';

const BASE = '/api/approvals';
const MAX_LIMIT = 1000;

type Query = Record<string, string | string[] | undefined>;

export async function registerApprovalRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const approvals = new ApprovalService({
    db: ctx.db,
    instances: ctx.store,
    runtime: ctx.runtime,
    notifications: ctx.notifications,
    clock: ctx.clock,
    warn: (err, message) => app.log.warn({ err }, message),
  });

  app.post(BASE, async (req, reply) => {
    const service = requireService(req);
    const approval = await approvals.request(service.subject, parseApprovalRequest(req.body, ctx.baseUrl()));
    return reply.status(201).send(approval);
  });

  app.get(BASE, async (req) => {
    const viewer = requireAuthenticated(req);
    return { approvals: await approvals.list(viewer, parseListQuery(req.query as Query)) };
  });

  app.get<{ Params: { id: string } }>(`${BASE}/:id`, async (req) => approvals.get(requireAuthenticated(req), req.params.id));

  app.post<{ Params: { id: string } }>(`${BASE}/:id/decision`, async (req) => approvals.decide(requireUser(req), req.params.id, parseDecisionRequest(req.body)));
}

function one(q: Query, key: string): string | undefined {
  const v = q[key];
  return Array.isArray(v) ? v[v.length - 1] : v;
}

function parseListQuery(q: Query): { status: ApprovalStatus | 'all'; mine: boolean; limit: number; offset: number } {
  const status = one(q, 'status') ?? 'all';
  if (status !== 'all' && !APPROVAL_STATUSES.includes(status as ApprovalStatus)) throw badRequest(`status must be one of ${[...APPROVAL_STATUSES, 'all'].join(', ')}`);
  const mine = one(q, 'mine');
  if (mine !== undefined && mine !== 'true' && mine !== 'false') throw badRequest('mine must be true or false');
  const limit = integer(one(q, 'limit'), 100, 'limit');
  const offset = integer(one(q, 'offset'), 0, 'offset');
  if (limit < 1 || limit > MAX_LIMIT) throw badRequest(`limit must be between 1 and ${MAX_LIMIT}`);
  return { status: status as ApprovalStatus | 'all', mine: mine === 'true', limit, offset };
}

function integer(v: string | undefined, fallback: number, name: string): number {
  if (v === undefined) return fallback;
  if (!/^\d+$/.test(v)) throw badRequest(`${name} must be a non-negative integer`);
  return Number(v);
}
