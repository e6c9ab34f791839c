// The Backstage fake's scaffolder task endpoints over real sockets: launching the seed template,
// scripted statuses per template and per task, Backstage's error answers, and spec conformance.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startBackstageFake, type BackstageFake } from './backstage-fake.js';
import { SEED_NAMESPACE_TEMPLATE } from './scaffolder-templates.js';

const SEED_REF = SEED_NAMESPACE_TEMPLATE.ref;
const seedValues = { git_host: 'gitlab.example.com', component_id: 'dev1-small', namespace_owner: 'dev1', size: 'small' };
let backstage: BackstageFake;

beforeEach(async () => {
  backstage = await startBackstageFake({ tokens: [{ token: 'svc', subject: 'Orchestrator' }, { token: 'usr', userEntityRef: 'user:default/dev1' }] });
});
afterEach(async () => {
  await backstage.close();
});

/** The reply fields these tests read. */
interface Reply {
  status: number;
  body: { [key: string]: unknown; id: string; status?: string; spec?: { steps: { id: string }[] }; errors?: unknown[] };
}

async function call(method: string, path: string, body?: unknown, token: string | null = 'svc'): Promise<Reply> {
  const headers: Record<string, string> = {};
  if (token !== null) headers['Authorization'] = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(`${backstage.url}${path}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  return { status: response.status, body: (await response.json()) as Reply['body'] };
}

const launch = (values: unknown = seedValues, templateRef = SEED_REF, token?: string) =>
  call('POST', '/api/scaffolder/v2/tasks', { templateRef, values }, token);

const statusesOf = async (id: string, reads: number): Promise<string[]> => {
  const seen: string[] = [];
  for (let i = 0; i < reads; i++) seen.push((await call('GET', `/api/scaffolder/v2/tasks/${id}`)).body.status ?? '');
  return seen;
};

describe('Backstage fake: scaffolder tasks', () => {
  it('launches the seed template with 201 {id} and serves the task, completed by default', async () => {
    const created = await launch();
    expect(created.status).toBe(201);
    expect(Object.keys(created.body)).toEqual(['id']);
    const task = await call('GET', `/api/scaffolder/v2/tasks/${created.body.id}`);
    expect(task.status).toBe(200);
    expect(task.body).toMatchObject({
      id: created.body.id,
      status: 'completed',
      spec: {
        apiVersion: 'scaffolder.backstage.io/v1beta3',
        parameters: seedValues,
        templateInfo: { entityRef: SEED_REF, entity: { metadata: { name: 'orchestrator-namespace-request' } } },
      },
    });
    expect(task.body.spec?.steps.map((s) => s.id)).toEqual(['template-gitops-deployment', 'publish', 'create-argocd-resources', 'register']);
    expect(task.body).not.toHaveProperty('createdBy');
    expect(task.body['createdAt']).toEqual(expect.any(String));
    expect(task.body['lastHeartbeatAt']).toEqual(expect.any(String));
    expect(backstage.violations).toEqual([]);
  });

  it('follows a per-template script on successive GETs, repeating the last status', async () => {
    backstage.scriptTemplate('orchestrator-namespace-request', ['processing', 'processing', 'failed']);
    const { body } = await launch();
    expect(await statusesOf(body.id, 4)).toEqual(['processing', 'processing', 'failed', 'failed']);
    expect(backstage.task(body.id)?.reads).toBe(4);
  });

  it('follows a per-task script, restarting the read count', async () => {
    const { body } = await launch();
    await statusesOf(body.id, 2);
    backstage.scriptTask(body.id, ['open', 'processing', 'completed']);
    expect(await statusesOf(body.id, 3)).toEqual(['open', 'processing', 'completed']);
    expect(() => backstage.scriptTask('missing', ['completed'])).toThrow('no task');
  });

  it('keeps secrets but never serves them, and records createdBy for a user token', async () => {
    const created = await call('POST', '/api/scaffolder/v2/tasks', { templateRef: SEED_REF, values: seedValues, secrets: { token: 's3cret' } }, 'usr');
    expect(backstage.task(created.body.id)).toMatchObject({ secrets: { token: 's3cret' }, createdBy: 'user:default/dev1' });
    const task = await call('GET', `/api/scaffolder/v2/tasks/${created.body.id}`);
    expect(JSON.stringify(task.body)).not.toContain('s3cret');
    expect(task.body).toMatchObject({ createdBy: 'user:default/dev1', spec: { user: { ref: 'user:default/dev1' } } });
  });

  it('answers 400 {errors} when values fail the template parameters, without applying defaults', async () => {
    const { status, body } = await launch({ component_id: 'x', namespace_size: 'huge' });
    expect(status).toBe(400);
    expect(body.errors).toEqual([
      expect.objectContaining({ name: 'required', argument: 'namespace_owner', property: 'instance', message: 'requires property "namespace_owner"' }),
      expect.objectContaining({ name: 'enum', property: 'instance.namespace_size', path: ['namespace_size'] }),
    ]);
    expect(backstage.tasks()).toEqual([]);
  });

  it('answers 404 for an unknown template or task and 400 for a malformed or non-template ref', async () => {
    expect(await launch(seedValues, 'template:default/nope')).toMatchObject({ status: 404, body: { error: { name: 'NotFoundError' } } });
    expect(await launch(seedValues, 'component:default/web')).toMatchObject({ status: 400, body: { error: { name: 'InputError' } } });
    expect(await launch(seedValues, 'a:b:c')).toMatchObject({ status: 400, body: { error: { name: 'InputError' } } });
    expect(await call('GET', '/api/scaffolder/v2/tasks/none')).toMatchObject({ status: 404, body: { error: { name: 'NotFoundError' } } });
  });

  it('answers 401 without a bearer token and records the violation', async () => {
    expect(await call('GET', '/api/scaffolder/v2/tasks/x', undefined, null)).toMatchObject({ status: 401, body: { error: { name: 'AuthenticationError' } } });
    expect(backstage.violations).toEqual([expect.stringContaining('[scaffolder-openapi.yaml#getTaskDetails] security: missing credentials')]);
  });

  it('records a violation for a createTask body of the wrong shape', async () => {
    await call('POST', '/api/scaffolder/v2/tasks', { templateRef: SEED_REF, values: ['not', 'an', 'object'] });
    expect(backstage.violations).toEqual([expect.stringMatching(/\[scaffolder-openapi.yaml#createTask\] request body: \/values must be object$/)]);
  });

  it('accepts added templates and unknown routes answer 404 with a violation', async () => {
    backstage.addTemplate({ ref: 'template:default/plain', parameters: { type: 'object' } });
    expect((await launch({}, 'plain')).status).toBe(201);
    expect(await call('POST', '/api/scaffolder/v2/tasks/x/cancel')).toMatchObject({ status: 404, body: { error: { name: 'NotFoundError' } } });
    expect(backstage.violations).toEqual([expect.stringContaining('no operation in notifications-openapi.yaml, scaffolder-openapi.yaml matches')]);
  });
});
