/**
 * Reads the server configuration once: defaults, then `sluice.yaml` (from `--config`, `SLUICE_CONFIG`
 * or `./sluice.yaml` when present), then the environment, then command-line flags. The result is
 * validated against CONFIG_SCHEMA (unknown keys rejected) and frozen. Every problem is reported at
 * once, each saying where it is: `file:line:col /pointer`, `env NAME` or `--flag`.
 */
import { readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Ajv } from 'ajv';
import { parseSource } from '@sluice/engine';
import { CONFIG_SCHEMA } from './config-schema.js';
import type { ServerConfig } from './server-config.js';

/** The flags of `sluice serve`, as parsed (strings). */
export interface ServeFlags {
  readonly port?: string;
  readonly host?: string;
  readonly database?: string;
  readonly workflows?: string;
  readonly templates?: string;
  readonly catalog?: string;
  readonly config?: string;
  readonly 'data-dir'?: string;
}

/** Every problem found in the configuration. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`invalid configuration:\n  ${problems.join('\n  ')}`);
    this.name = 'ConfigError';
  }
}

/** Flag name → (config key, env twin). */
const TWINS: readonly (readonly [keyof ServeFlags, string, string])[] = [
  ['port', 'port', 'SLUICE_PORT'],
  ['host', 'host', 'SLUICE_HOST'],
  ['database', 'database', 'SLUICE_DATABASE'],
  ['workflows', 'workflows', 'SLUICE_WORKFLOWS'],
  ['templates', 'templates', 'SLUICE_TEMPLATES'],
  ['catalog', 'catalog', 'SLUICE_CATALOG'],
  ['data-dir', 'dataDir', 'SLUICE_DATA_DIR'],
];

const ENV_ONLY: readonly (readonly [string, string])[] = [
  ['baseUrl', 'SLUICE_BASE_URL'],
  ['logLevel', 'SLUICE_LOG_LEVEL'],
  ['portalDir', 'SLUICE_PORTAL_DIR'],
];

const ajv = new Ajv({ allErrors: true, strict: false });
const validate = ajv.compile(CONFIG_SCHEMA);

/** Loads, validates and freezes the configuration. Throws ConfigError listing every problem. */
export function loadServerConfig(opts: {
  flags: ServeFlags;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
}): ServerConfig {
  const { flags, env, cwd } = opts;
  const problems: string[] = [];
  const origin = new Map<string, string>();
  const merged: Record<string, unknown> = {};

  const configPath = flags.config ?? env.SLUICE_CONFIG ?? (existsSync(join(cwd, 'sluice.yaml')) ? 'sluice.yaml' : undefined);
  let configFile: string | undefined;
  if (configPath !== undefined) {
    configFile = resolve(cwd, configPath);
    let text: string | undefined;
    try {
      text = readFileSync(configFile, 'utf8');
    } catch (err) {
      problems.push(`${configPath}: cannot read: ${(err as Error).message}`);
    }
    if (text !== undefined) {
      const parsed = parseSource(configPath, text);
      for (const i of parsed.issues) if (i.severity === 'error') problems.push(`${configPath}:${i.line ?? 1}:${i.column ?? 1} ${i.message}`);
      const value = parsed.value?.value;
      if (parsed.value && value !== null && value !== undefined) {
        if (typeof value !== 'object' || Array.isArray(value)) problems.push(`${configPath}:1:1 expected a mapping of settings`);
        else if (!validate(value)) {
          for (const e of validate.errors ?? []) {
            const pointer = e.keyword === 'additionalProperties' ? `${e.instancePath}/${(e.params as { additionalProperty: string }).additionalProperty}` : e.instancePath;
            const at = parsed.value.locate(pointer) ?? { line: 1, column: 1 };
            problems.push(`${configPath}:${at.line}:${at.column} ${pointer || '/'} ${describe(e.keyword, e.message, e.params)}`);
          }
        } else {
          for (const [k, v] of Object.entries(value)) {
            merged[k] = v;
            origin.set(k, `${configPath} /${k}`);
          }
        }
      }
    }
  }

  const overlay = (key: string, raw: string | undefined, where: string): void => {
    if (raw === undefined || raw === '') return;
    merged[key] = key === 'port' ? toPort(raw) : raw;
    origin.set(key, where);
  };
  for (const [, key, name] of TWINS) overlay(key, env[name], `env ${name}`);
  for (const [key, name] of ENV_ONLY) overlay(key, env[name], `env ${name}`);
  for (const [flag, key] of TWINS) overlay(key, flags[flag], `--${flag}`);

  const fromEnv = env.SLUICE_EXTERNAL_ACCESS;
  if (fromEnv) {
    const tokens = parseExternalAccess(fromEnv, problems);
    const auth = { ...((merged.auth as Record<string, unknown> | undefined) ?? {}) };
    auth.externalAccess = [...((auth.externalAccess as unknown[] | undefined) ?? []), ...tokens];
    merged.auth = auth;
    if (!origin.has('auth')) origin.set('auth', 'env SLUICE_EXTERNAL_ACCESS');
  }

  if (!validate(merged)) {
    for (const e of validate.errors ?? []) {
      const top = e.instancePath.split('/')[1] ?? '';
      const where = origin.get(top) ?? 'configuration';
      problems.push(`${where}: ${e.instancePath || '/'} ${describe(e.keyword, e.message, e.params)}`);
    }
  }
  if (problems.length > 0) throw new ConfigError([...new Set(problems)]);

  const m = merged as Partial<Record<string, unknown>> & { auth?: Record<string, unknown> };
  const dataDir = resolve(cwd, (m.dataDir as string | undefined) ?? 'data');
  const port = (m.port as number | undefined) ?? 7007;
  const host = (m.host as string | undefined) ?? '127.0.0.1';
  const oidc = m.auth?.oidc as Record<string, string> | undefined;
  const config: ServerConfig = {
    port,
    host,
    database: (m.database as string | undefined) ?? `sqlite:${join(dataDir, 'sluice.db')}`,
    dataDir,
    workflows: resolve(cwd, (m.workflows as string | undefined) ?? 'workflows'),
    templates: resolve(cwd, (m.templates as string | undefined) ?? 'templates'),
    catalog: resolve(cwd, (m.catalog as string | undefined) ?? 'catalog'),
    ...(m.portalDir ? { portalDir: resolve(cwd, m.portalDir as string) } : {}),
    ...(m.baseUrl ? { baseUrl: String(m.baseUrl).replace(/\/+$/, '') } : {}),
    logLevel: (m.logLevel as ServerConfig['logLevel'] | undefined) ?? 'info',
    watch: (m.watch as boolean | undefined) ?? true,
    ...(((m.gitlab as { webhookSecret?: string } | undefined)?.webhookSecret ?? env.SLUICE_GITLAB_WEBHOOK_SECRET)
      ? { gitlabWebhookSecret: (m.gitlab as { webhookSecret?: string } | undefined)?.webhookSecret ?? env.SLUICE_GITLAB_WEBHOOK_SECRET! }
      : {}),
    maxPendingWork: (m.limits as { maxPendingWork?: number } | undefined)?.maxPendingWork ?? 2000,
    workflowEnv: (m.workflowEnv as Record<string, string> | undefined) ?? {},
    workflowProperties: (m.workflowProperties as Record<string, Record<string, string>> | undefined) ?? {},
    workflowPermissions: Object.fromEntries(
      Object.entries(((m.permissions as { workflows?: Record<string, { read?: string[]; use?: string[] }> } | undefined)?.workflows) ?? {}).map(([id, g]) => [
        id,
        { read: g.read ?? ['*'], use: g.use ?? ['*'] },
      ]),
    ),
    auth: {
      externalAccess: (m.auth?.externalAccess as ServerConfig['auth']['externalAccess'] | undefined) ?? [],
      guest: (m.auth?.guest as boolean | undefined) ?? true,
      admins: (m.auth?.admins as string[] | undefined) ?? ['group:default/platform-admins'],
      ...(oidc
        ? {
            oidc: {
              issuer: oidc.issuer!,
              clientId: oidc.clientId!,
              ...(oidc.clientSecret !== undefined ? { clientSecret: oidc.clientSecret } : {}),
              ...(oidc.redirectUrl !== undefined ? { redirectUrl: oidc.redirectUrl } : {}),
              scope: oidc.scope ?? 'openid profile email',
              userClaim: oidc.userClaim ?? 'preferred_username',
            },
          }
        : {}),
    },
    ...(configFile ? { configFile } : {}),
  };
  return deepFreeze(config);
}

/** `subject1:token1,subject2:token2`. */
function parseExternalAccess(raw: string, problems: string[]): { subject: string; token: string }[] {
  const out: { subject: string; token: string }[] = [];
  raw.split(',').forEach((part, i) => {
    const p = part.trim();
    const colon = p.indexOf(':');
    if (colon <= 0 || colon === p.length - 1) problems.push(`env SLUICE_EXTERNAL_ACCESS: entry ${i + 1} is not subject:token`);
    else out.push({ subject: p.slice(0, colon), token: p.slice(colon + 1) });
  });
  return out;
}

function toPort(raw: string): unknown {
  return /^\d+$/.test(raw) ? Number(raw) : raw;
}

function describe(keyword: string, message: string | undefined, params: Record<string, unknown>): string {
  if (keyword === 'additionalProperties') return `unknown setting ${String(params.additionalProperty)}`;
  if (keyword === 'enum') return `must be one of ${(params.allowedValues as unknown[]).join(', ')}`;
  return message ?? keyword;
}

function deepFreeze<T>(v: T): T {
  if (v && typeof v === 'object') {
    for (const x of Object.values(v)) deepFreeze(x);
    Object.freeze(v);
  }
  return v;
}
