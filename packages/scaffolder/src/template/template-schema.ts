/**
 * JSON Schema (draft-07) of a `scaffolder.backstage.io/v1beta3` Template entity: the structure the
 * loader checks before the semantic checks (step ids, `${{ }}` syntax, parameter schemas).
 */
export const TEMPLATE_ENTITY_SCHEMA = {
  type: 'object',
  required: ['apiVersion', 'kind', 'metadata', 'spec'],
  properties: {
    apiVersion: { const: 'scaffolder.backstage.io/v1beta3' },
    kind: { const: 'Template' },
    metadata: {
      type: 'object',
      required: ['name'],
      properties: {
        name: { type: 'string', minLength: 1, maxLength: 63, pattern: '^[a-zA-Z0-9]([-_.a-zA-Z0-9]*[a-zA-Z0-9])?$' },
        namespace: { type: 'string', minLength: 1 },
        title: { type: 'string' },
        description: { type: 'string' },
        tags: { type: 'array', items: { type: 'string' } },
        annotations: { type: 'object', additionalProperties: { type: 'string' } },
        labels: { type: 'object', additionalProperties: { type: 'string' } },
      },
    },
    spec: {
      type: 'object',
      required: ['type', 'steps'],
      properties: {
        owner: { type: 'string', minLength: 1 },
        type: { type: 'string', minLength: 1 },
        parameters: {
          oneOf: [{ type: 'object' }, { type: 'array', items: { type: 'object' } }],
        },
        steps: {
          type: 'array',
          items: {
            type: 'object',
            required: ['id', 'action'],
            properties: {
              id: { type: 'string', minLength: 1 },
              name: { type: 'string' },
              action: { type: 'string', minLength: 1 },
              input: { type: 'object' },
              if: { type: ['string', 'boolean'] },
              each: { type: ['string', 'array', 'object'] },
            },
          },
        },
        output: {
          type: 'object',
          properties: {
            links: {
              type: 'array',
              items: {
                type: 'object',
                properties: {
                  title: { type: 'string' },
                  url: { type: 'string' },
                  entityRef: { type: 'string' },
                  icon: { type: 'string' },
                },
              },
            },
            text: {
              type: 'array',
              items: {
                type: 'object',
                properties: {
                  title: { type: 'string' },
                  content: { type: 'string' },
                  default: { type: 'boolean' },
                },
              },
            },
          },
        },
      },
    },
  },
} as const;
