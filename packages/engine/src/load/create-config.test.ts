import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { createConfig } from './create-config.js';
import { parseProperties } from './properties.js';

const SEED = new URL('../../../../workflows/create-ocp-namespace-swt/application.properties', import.meta.url);

describe('createConfig', () => {
  it('answers the seed workflow keys from the environment', () => {
    const config = createConfig({
      properties: parseProperties(readFileSync(SEED, 'utf8')),
      env: {
        BACKSTAGE_BACKEND_URL: 'https://rhdh.example.com',
        BACKSTAGE_BACKEND_BEARER_TOKEN: 'bs-token',
        GITLAB_URL: 'https://gitlab.example.com',
        GITLAB_TOKEN: 'gl-token',
        SWT_REF: 'template:default/orchestrator-namespace-request',
      },
    });
    expect(config.get('quarkus.rest-client.gitlab_openapi_yaml.url')).toBe('https://gitlab.example.com');
    expect(config.get('SWT_REF')).toBe('template:default/orchestrator-namespace-request');
    expect(config.get('rhdh_url')).toBe('https://rhdh.example.com');
    expect(config.get('quarkus.rest-client.notifications_openapi_yaml.url')).toBe('https://rhdh.example.com');
    expect(config.get('quarkus.openapi-generator.scaffolder_openapi_yaml.auth.BearerToken.bearer-token')).toBe(
      'bs-token',
    );
    expect(config.get('quarkus.openapi-generator.gitlab_openapi_yaml.auth.access_token_header.api-key')).toBe(
      'gl-token',
    );
    expect(config.get('swt_ref')).toBe('template:default/orchestrator-namespace-request');
    expect(config.get('quarkus.log.category."org.apache.http".level')).toBe('INFO');
    expect(config.get('no.such.key')).toBeUndefined();
  });

  it('treats a property with an unresolvable reference as missing', () => {
    const config = createConfig({ properties: parseProperties('rhdh_url=${BACKSTAGE_BACKEND_URL}\nb=x${nope}y'), env: {} });
    expect(config.get('rhdh_url')).toBeUndefined();
    expect(config.get('b')).toBeUndefined();
  });

  it('falls back to the environment when the property is unresolvable', () => {
    const config = createConfig({ properties: { 'a.b': '${nope}' }, env: { A_B: 'from-env' } });
    expect(config.get('a.b')).toBe('from-env');
  });

  it('expands defaults, nested defaults and references inside defaults', () => {
    const config = createConfig({
      properties: { a: '${X:plain}', b: '${X:${Y:deep}}', c: '${X:${d}}', d: 'dee', e: '${X:}', f: 'p${a}q${e}r' },
      env: {},
    });
    expect(config.get('a')).toBe('plain');
    expect(config.get('b')).toBe('deep');
    expect(config.get('c')).toBe('dee');
    expect(config.get('e')).toBe('');
    expect(config.get('f')).toBe('pplainqr');
  });

  it('expands recursively through other properties', () => {
    const config = createConfig({ properties: { a: '${b}/x', b: '${c}/y', c: '${ROOT}' }, env: { ROOT: 'r' } });
    expect(config.get('a')).toBe('r/y/x');
  });

  it('keeps an escaped \\${ literal', () => {
    const config = createConfig({ properties: { a: '\\${b}', b: '1' }, env: {} });
    expect(config.get('a')).toBe('${b}');
  });

  it('keeps an unterminated ${ literal', () => {
    const config = createConfig({ properties: { a: 'x${b' }, env: {} });
    expect(config.get('a')).toBe('x${b');
  });

  it('leaves cyclic references as text and terminates', () => {
    const config = createConfig({ properties: { a: '${b}', b: '${a}', self: 'x${self}' }, env: {} });
    expect(config.get('a')).toBe('${a}');
    expect(config.get('b')).toBe('${b}');
    expect(config.get('self')).toBe('x${self}');
  });

  it('reads the environment for a self reference (SWT_REF=${SWT_REF})', () => {
    const config = createConfig({ properties: { SWT_REF: '${SWT_REF}' }, env: { SWT_REF: 'env-value' } });
    expect(config.get('SWT_REF')).toBe('env-value');
  });

  it('stops an exponential expansion without hanging', () => {
    const properties: Record<string, string> = { k0: 'x' };
    for (let i = 1; i <= 40; i++) properties[`k${i}`] = `\${k${i - 1}}\${k${i - 1}}`;
    const config = createConfig({ properties, env: {} });
    expect(config.get('k40')).toBeUndefined();
    expect(config.get('k3')).toBe('xxxxxxxx');
  });

  it('maps keys to environment names: exact, sanitized, upper-cased', () => {
    const config = createConfig({
      properties: {},
      env: { 'exact.key': 'e', other_key_x: 's', QUARKUS_LOG_CATEGORY__ORG_APACHE_HTTP__LEVEL: 'DEBUG', UNSET: undefined },
    });
    expect(config.get('exact.key')).toBe('e');
    expect(config.get('other.key-x')).toBe('s');
    expect(config.get('quarkus.log.category."org.apache.http".level')).toBe('DEBUG');
    expect(config.get('unset')).toBeUndefined();
  });

  it('prefers overrides, then properties, then the environment', () => {
    const config = createConfig({
      properties: { a: 'prop', b: 'prop' },
      env: { a: 'env', b: 'env', c: 'env' },
      overrides: { a: 'override ${b}' },
    });
    expect(config.get('a')).toBe('override ${b}');
    expect(config.get('b')).toBe('prop');
    expect(config.get('c')).toBe('env');
  });

  it('lets references see overrides', () => {
    const config = createConfig({ properties: { url: '${host}/api' }, env: {}, overrides: { host: 'http://h' } });
    expect(config.get('url')).toBe('http://h/api');
  });

  it('lists property, environment and override keys once each', () => {
    const config = createConfig({ properties: { a: '1', b: '2' }, env: { b: 'x', C: 'y', D: undefined }, overrides: { e: '3' } });
    expect([...config.keys()].sort()).toEqual(['C', 'a', 'b', 'e']);
  });

  it('takes a snapshot of its inputs', () => {
    const env: Record<string, string | undefined> = { A: '1' };
    const config = createConfig({ properties: {}, env });
    env['A'] = '2';
    expect(config.get('A')).toBe('1');
  });
});
