/** JSON Schemas (for fastify) of the Orchestrator request bodies that are not SearchRequests. */

const AUTH_TOKENS = {
  type: 'array',
  items: {
    type: 'object',
    required: ['provider', 'token'],
    properties: { provider: { type: 'string', minLength: 1 }, token: { type: 'string' } },
    additionalProperties: false,
  },
} as const;

/** ExecuteWorkflowRequestDTO. */
export const EXECUTE_BODY = {
  type: 'object',
  properties: {
    inputData: { type: 'object' },
    authTokens: AUTH_TOKENS,
    targetEntity: { type: 'string', minLength: 1 },
  },
} as const;

/** RetriggerInstanceRequestDTO. */
export const RETRIGGER_BODY = { type: 'object', properties: { authTokens: AUTH_TOKENS } } as const;

/** The body of `POST /v2/workflows/overview/entity`. */
export const ENTITY_OVERVIEW_BODY = {
  type: 'object',
  properties: { targetEntity: { type: 'string' }, annotationWorkflowIds: { type: 'array', items: { type: 'string' } } },
} as const;
