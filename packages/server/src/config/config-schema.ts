/** The JSON Schema of `sluice.yaml` (and of the merged configuration): unknown keys are rejected. */
export const CONFIG_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: {
    port: { type: 'integer', minimum: 0, maximum: 65535 },
    host: { type: 'string', minLength: 1 },
    database: { type: 'string', pattern: '^(sqlite:.+|postgres(ql)?://.+)$' },
    dataDir: { type: 'string', minLength: 1 },
    workflows: { type: 'string', minLength: 1 },
    templates: { type: 'string', minLength: 1 },
    catalog: { type: 'string', minLength: 1 },
    portalDir: { type: 'string', minLength: 1, description: 'The built portal (packages/web/dist) served at /.' },
    baseUrl: { type: 'string', pattern: '^https?://' },
    logLevel: { enum: ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] },
    watch: { type: 'boolean' },
    gitlab: {
      type: 'object',
      additionalProperties: false,
      properties: {
        webhookSecret: { type: 'string', minLength: 8, description: 'The secret token GitLab sends in X-Gitlab-Token; enables POST /api/gitlab/webhook.' },
      },
    },
    limits: {
      type: 'object',
      additionalProperties: false,
      properties: {
        maxPendingWork: { type: 'integer', minimum: 1, description: 'Steps and calls in progress on this server above which new runs are refused with 503.' },
      },
    },
    workflowEnv: { type: 'object', additionalProperties: { type: 'string' } },
    workflowProperties: {
      type: 'object',
      description: 'Per workflow id (or * for all): values that win over the workflow folder application.properties.',
      additionalProperties: { type: 'object', additionalProperties: { type: 'string' } },
    },
    permissions: {
      type: 'object',
      additionalProperties: false,
      properties: {
        workflows: {
          type: 'object',
          description: 'Per workflow id (or * for every workflow): who may read it and who may use it (run, retrigger, abort).',
          additionalProperties: {
            type: 'object',
            additionalProperties: false,
            properties: {
              read: { type: 'array', items: { type: 'string', pattern: '^(\\*|(user|group):[^/]+/.+)$' } },
              use: { type: 'array', items: { type: 'string', pattern: '^(\\*|(user|group):[^/]+/.+)$' } },
            },
          },
        },
      },
    },
    auth: {
      type: 'object',
      additionalProperties: false,
      properties: {
        externalAccess: {
          type: 'array',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['token', 'subject'],
            properties: {
              token: { type: 'string', minLength: 8, pattern: '^\\S+$' },
              subject: { type: 'string', minLength: 1, pattern: '^\\S+$' },
            },
          },
        },
        guest: { type: 'boolean' },
        admins: { type: 'array', items: { type: 'string', pattern: '^(user|group):[^/]+/.+$' } },
        oidc: {
          type: 'object',
          additionalProperties: false,
          required: ['issuer', 'clientId'],
          properties: {
            issuer: { type: 'string', pattern: '^https?://' },
            clientId: { type: 'string', minLength: 1 },
            clientSecret: { type: 'string' },
            redirectUrl: { type: 'string', pattern: '^https?://' },
            scope: { type: 'string' },
            userClaim: { type: 'string' },
          },
        },
      },
    },
  },
} as const;
