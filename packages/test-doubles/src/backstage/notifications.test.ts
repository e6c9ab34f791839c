// The Backstage fake's notifications endpoint over real sockets: creation and recipient expansion,
// upstream's validation, auth answers, and spec conformance.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startBackstageFake, type BackstageFake } from './backstage-fake.js';
import type { BackstageNotification } from './notifications.js';

let backstage: BackstageFake;
let ids = 0;

beforeEach(async () => {
  ids = 0;
  backstage = await startBackstageFake({
    groups: { 'group:default/ops': ['user:default/ana', 'group:default/oncall'], 'group:default/oncall': ['user:default/bo', 'user:default/ana'] },
    owners: { 'component:default/web': 'group:default/oncall' },
    tokens: [
      { token: 'service-token', subject: 'Orchestrator' },
      { token: 'user-token', userEntityRef: 'user:default/dev1' },
    ],
    now: () => new Date('2025-10-01T12:00:00.000Z'),
    newId: () => `00000000-0000-4000-8000-00000000000${++ids}`,
  });
});
afterEach(async () => {
  await backstage.close();
});

/** The reply fields these tests read (lists are cast where read). */
interface Reply {
  status: number;
  body: { [key: string]: unknown; error?: { name: string; message: string } };
}

async function post(path: string, body: unknown, token: string | null = 'service-token'): Promise<Reply> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (token !== null) headers['Authorization'] = `Bearer ${token}`;
  const response = await fetch(`${backstage.url}${path}`, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as Reply['body'] };
}

const payload = {
  title: 'Namespace dev1-small created',
  description: 'Namespace dev1-small created',
  link: 'https://rhdh.example.com/catalog/default/component/dev1-small',
  severity: 'normal',
  topic: 'Create OCP Namespace workflow',
};

describe('Backstage fake: creating notifications', () => {
  it('creates one notification per user recipient, as the seed workflow sends them', async () => {
    const { status, body } = await post('/api/notifications', { recipients: { type: 'entity', entityRef: ['user:default/dev1'] }, payload });
    expect(status).toBe(200);
    expect(body).toEqual([
      { id: '00000000-0000-4000-8000-000000000001', user: 'user:default/dev1', created: '2025-10-01T12:00:00.000Z', origin: 'external:Orchestrator', payload },
    ]);
    expect(backstage.notifications()).toEqual(body);
    expect(backstage.violations).toEqual([]);
  });

  it('expands groups recursively and owners, de-duplicates, applies excludeEntityRef and skips unknown refs', async () => {
    const recipients = {
      type: 'entity',
      entityRef: ['group:default/ops', 'component:default/web', 'group:default/unknown', 'user:Default/cy'],
      excludeEntityRef: ['user:default/bo'],
    };
    const { body } = await post('/api/notifications/notifications', { recipients, payload: { title: 'Hi' } });
    const sent = body as unknown as BackstageNotification[];
    expect(sent.map((n) => n.user)).toEqual(['user:default/ana', 'user:default/cy']);
    expect(sent[0]?.payload).toEqual({ title: 'Hi', severity: 'normal' });
    expect(backstage.violations).toEqual([]);
  });

  it('reaches nobody through a group without seeded members, and everybody with a broadcast', async () => {
    backstage.setGroupMembers('group:default/empty', []);
    expect((await post('/api/notifications', { recipients: { type: 'entity', entityRef: ['group:default/tssc'] }, payload })).body).toEqual([]);
    const broadcast = await post('/api/notifications', { recipients: { type: 'broadcast' }, payload: { title: 'All' } });
    expect(broadcast.body).toMatchObject([{ user: null, payload: { title: 'All' } }]);
  });

  it('accepts relative and http(s) links and rejects other schemes', async () => {
    const to = { type: 'entity', entityRef: ['user:default/dev1'] };
    expect((await post('/api/notifications', { recipients: to, payload: { title: 't', link: '/catalog/x' } })).status).toBe(200);
    const bad = await post('/api/notifications', { recipients: to, payload: { title: 't', link: 'javascript:alert(1)' } });
    expect(bad).toEqual({
      status: 400,
      body: {
        error: { name: 'InputError', message: 'Invalid link provided' },
        request: { method: 'POST', url: '/api/notifications' },
        response: { statusCode: 400 },
      },
    });
  });

  it('answers 400 without title or recipients, for an unknown recipients type, and for malformed JSON', async () => {
    const missing = 'Invalid notification request received: missing title, recipients';
    expect((await post('/api/notifications', { recipients: { type: 'broadcast' }, payload: {} })).body.error?.message).toBe(missing);
    expect((await post('/api/notifications', { payload: { title: 't' } })).body.error?.message).toBe(missing);
    expect((await post('/api/notifications', { recipients: { type: 'team' }, payload: { title: 't' } })).status).toBe(400);
    expect((await post('/api/notifications', '{"payload":')).body.error?.name).toBe('InputError');
    expect(backstage.notifications()).toEqual([]);
    expect(backstage.violations).toEqual([
      expect.stringMatching(/request body: \/payload must have required property 'title'$/),
      expect.stringMatching(/request body: \/recipients\/type must be equal to one of the allowed values \("broadcast", "entity"\)$/),
      expect.stringMatching(/request body: not valid JSON$/),
    ]);
  });
});

describe('Backstage fake: notification auth', () => {
  const body = { recipients: { type: 'broadcast' }, payload: { title: 't' } };

  it('answers 401 AuthenticationError without a token or with an unknown one', async () => {
    expect(await post('/api/notifications', body, null)).toMatchObject({ status: 401, body: { error: { name: 'AuthenticationError', message: 'Missing credentials' } } });
    expect(await post('/api/notifications', body, 'nope')).toMatchObject({ status: 401, body: { error: { name: 'AuthenticationError' } } });
    expect(backstage.violations).toEqual([expect.stringContaining('security: missing credentials, expected Authorization: bearer')]);
  });

  it('refuses user credentials with 403, since only services may send', async () => {
    expect(await post('/api/notifications', body, 'user-token')).toMatchObject({ status: 403, body: { error: { name: 'NotAllowedError' } } });
  });

  it('strict mode answers 400 naming the violation', async () => {
    const strict = await startBackstageFake({ strict: true });
    try {
      const response = await fetch(`${strict.url}/api/notifications`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${strict.token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ recipients: { type: 'entity', entityRef: 'user:default/a' }, payload: { title: 't' } }),
      });
      expect(response.status).toBe(400);
      expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/\/recipients\/entityRef must be array$/);
      expect(strict.notifications()).toEqual([]);
    } finally {
      await strict.close();
    }
  });
});
