// Quarkus token propagation: `auth.<scheme>.token-propagation=true` takes the bearer token from the
// run's credentials (the header named by `header-name`) instead of the configured `bearer-token`.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { JsonObject } from '@sluice/engine';
import { captureLogger, invokeRequest, mapConfig, openApiFunction, startRecordingServer, type RecordingServer } from '../test/recording-server.js';
import { OpenApiInvoker } from './openapi-invoker.js';

const DOC: JsonObject = {
  openapi: '3.0.3',
  paths: {
    '/repos': { get: { operationId: 'listRepos', security: [{ githubBearer: [] }] } },
    '/orgs': { get: { operationId: 'listOrgs', security: [{ githubOauth: [] }] } },
  },
  components: {
    securitySchemes: {
      githubBearer: { type: 'http', scheme: 'bearer' },
      githubOauth: { type: 'oauth2', flows: { implicit: { authorizationUrl: 'https://example.invalid/auth', scopes: {} } } },
    },
  },
};

describe('OpenApiInvoker token propagation', () => {
  let server: RecordingServer;
  const invoker = new OpenApiInvoker();
  beforeAll(async () => (server = await startRecordingServer()));
  afterAll(() => server.close());
  beforeEach(() => server.requests.splice(0));

  const fn = (op: string) => openApiFunction(op, 'specs/github.yaml', op, DOC);
  const prefix = 'quarkus.openapi-generator.github_yaml.auth';
  const call = (op: string, config: Record<string, string>, credentials?: Record<string, string>, log = captureLogger().logger) =>
    invoker.invoke({
      ...invokeRequest(fn(op), {}, mapConfig({ 'quarkus.rest-client.github_yaml.url': server.url, ...config }), { log }),
      ...(credentials ? { credentials } : {}),
    });

  it('sends the token of the named X-Authorization header (any case) instead of the configured bearer token', async () => {
    const config = {
      [`${prefix}.githubBearer.token-propagation`]: 'true',
      [`${prefix}.githubBearer.header-name`]: 'x-authorization-github',
      [`${prefix}.githubBearer.bearer-token`]: 'configured-token',
    };
    const { logger, lines } = captureLogger();
    await call('listRepos', config, { 'X-Authorization-Github': 'user-gh-token', 'X-Authorization-Backstage': 'other' }, logger);
    expect(server.requests[0]!.headers.authorization).toBe('Bearer user-gh-token');
    expect(JSON.stringify(lines)).not.toContain('user-gh-token');
  });

  it('defaults header-name to Authorization, drops a Bearer prefix, and works for oauth2 schemes', async () => {
    await call('listOrgs', { [`${prefix}.githubOauth.token-propagation`]: 'TRUE' }, { authorization: 'Bearer propagated' });
    expect(server.requests[0]!.headers.authorization).toBe('Bearer propagated');
  });

  it('sends no Authorization when propagation is on and the run has no such credential', async () => {
    const config = { [`${prefix}.githubBearer.token-propagation`]: 'true', [`${prefix}.githubBearer.bearer-token`]: 'configured-token' };
    await call('listRepos', { ...config, [`${prefix}.githubBearer.header-name`]: 'X-Authorization-Github' }, { 'X-Authorization-Gitlab': 'x' });
    await call('listRepos', config);
    expect(server.requests.map((r) => r.headers.authorization)).toEqual([undefined, undefined]);
  });

  it('ignores the run credentials without token-propagation', async () => {
    await call('listRepos', { [`${prefix}.githubBearer.bearer-token`]: 'configured-token' }, { Authorization: 'Bearer propagated' });
    await call('listOrgs', {}, { Authorization: 'Bearer propagated' });
    expect(server.requests.map((r) => r.headers.authorization)).toEqual(['Bearer configured-token', undefined]);
  });
});
