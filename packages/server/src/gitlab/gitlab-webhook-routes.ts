/**
 * `POST /api/gitlab/webhook`: GitLab issue webhooks (beyond upstream). GitLab authenticates with the
 * configured secret in `X-Gitlab-Token` (compared in constant time); a label change becomes a
 * CloudEvent delivered like any other (duplicates by `X-Gitlab-Event-UUID` ignored). Off (404)
 * unless `gitlab.webhookSecret` (or SLUICE_GITLAB_WEBHOOK_SECRET) is set.
 */
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../app/context.js';
import { notFound, unauthorized } from '../http/http-error.js';
import { issueHookToEvent } from './issue-hook-event.js';

export async function registerGitLabWebhookRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const secret = ctx.config.gitlabWebhookSecret;
  app.post('/api/gitlab/webhook', async (req, reply) => {
    if (!secret) throw notFound('GitLab webhooks are not configured (gitlab.webhookSecret)');
    const given = Buffer.from(String(req.headers['x-gitlab-token'] ?? ''));
    const want = Buffer.from(secret);
    if (given.length !== want.length || !timingSafeEqual(given, want)) throw unauthorized('missing or wrong X-Gitlab-Token');
    const uuid = req.headers['x-gitlab-event-uuid'];
    const event = issueHookToEvent(req.body, typeof uuid === 'string' && uuid !== '' ? uuid : undefined);
    if (!event) return reply.status(202).send({ ignored: true });
    const r = await ctx.events.receive(event);
    return reply.status(202).send({ id: r.id, type: event.type, ...(r.duplicate ? { duplicate: true } : {}), delivered: r.delivered, started: r.started });
  });
}
