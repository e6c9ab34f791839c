// Software Templates the scaffolder fake knows, and the check of task `values` against their
// `spec.parameters`, which answers with jsonschema-style errors as Backstage's router does.
import type { ErrorObject, ValidateFunction } from 'ajv';
import { createAjv } from '../openapi/spec-schema-validator.js';
import { normalizeEntityRef } from './entity-ref.js';

/** A template as the fake stores it: enough of `scaffolder.backstage.io/v1beta3` to make tasks. */
export interface ScaffolderTemplate {
  /** `template:namespace/name` (kind may be omitted). */
  ref: string;
  title?: string;
  /** `spec.parameters`: one JSON Schema or a list of them (one per form page). */
  parameters?: Record<string, unknown> | Record<string, unknown>[];
  steps?: { id: string; name: string; action: string; input?: Record<string, unknown> }[];
  output?: Record<string, unknown>;
}

/** One failed parameter check, shaped like the `jsonschema` library's ValidationError. */
export interface TemplateValidationError {
  property: string;
  message: string;
  name: string;
  argument: unknown;
  path: string[];
  stack: string;
}

/**
 * The seed scenario's template `orchestrator-namespace-request` (`namespace/template.yaml` of
 * redhat-ads-tech/orchestrator-self-service @ 91c6ffb, as quoted in the seed scenario reference,
 * §6): its parameter page, step ids and output. Note that it reads `namespace_size`, while the
 * workflow sends `size`; the extra property passes validation, as upstream.
 */
export const SEED_NAMESPACE_TEMPLATE: ScaffolderTemplate = {
  ref: 'template:default/orchestrator-namespace-request',
  title: 'OpenShift Namespace Request',
  parameters: [
    {
      title: 'Provide Information about the OpenShift Namespace',
      required: ['component_id', 'namespace_owner'],
      properties: {
        component_id: { title: 'Namespace', type: 'string', description: 'Unique name of the namespace' },
        namespace_owner: { title: 'Namespace Owner', type: 'string', description: 'The OpenShift user who owns the namespace' },
        git_host: { title: 'Namespace Owner', type: 'string', description: 'The OpenShift user who owns the namespace' },
        namespace_size: { default: 'small', enum: ['small', 'medium', 'large'] },
      },
    },
  ],
  steps: [
    { id: 'template-gitops-deployment', name: 'Generating Deployment Resources', action: 'fetch:template' },
    { id: 'publish', name: 'Publishing to Resource Repository', action: 'publish:gitlab' },
    { id: 'create-argocd-resources', name: 'Create ArgoCD Resources', action: 'argocd:create-resources' },
    { id: 'register', name: 'Register', action: 'catalog:register' },
  ],
  output: {
    links: [
      { title: 'Source Code Repository', url: '${{ steps.publish.output.remoteUrl }}' },
      { title: 'Open Component in catalog', icon: 'catalog', entityRef: '${{ steps.register.output.entityRef }}' },
    ],
  },
};

/** The known templates by normalized ref, with their compiled parameter checks. @internal */
export class TemplateCatalog {
  readonly #ajv = createAjv();
  readonly #templates = new Map<string, { template: ScaffolderTemplate; checks: ValidateFunction[] }>();

  /** Adds or replaces a template. Throws for a malformed ref or a non-Template kind. */
  add(template: ScaffolderTemplate): void {
    const ref = normalizeEntityRef(template.ref, 'template');
    if (!ref?.startsWith('template:')) throw new Error(`"${template.ref}" is not a template reference`);
    const pages = template.parameters === undefined ? [] : Array.isArray(template.parameters) ? template.parameters : [template.parameters];
    this.#templates.set(ref, { template: structuredClone(template), checks: pages.map((page) => this.#ajv.compile(page)) });
  }

  get(ref: string): ScaffolderTemplate | undefined {
    return this.#templates.get(ref)?.template;
  }

  /** Checks values against every parameter page; Backstage applies no defaults here. */
  validate(ref: string, values: unknown): TemplateValidationError[] {
    const entry = this.#templates.get(ref);
    return entry ? entry.checks.flatMap((check) => (check(values) ? [] : (check.errors ?? []).map(toValidationError))) : [];
  }
}

function toValidationError(error: ErrorObject): TemplateValidationError {
  const path = error.instancePath.split('/').slice(1);
  const property = `instance${path.map((p) => (/^\d+$/.test(p) ? `[${p}]` : `.${p}`)).join('')}`;
  const params = error.params as Record<string, unknown>;
  const argument = error.keyword === 'required' ? params['missingProperty'] : Object.values(params)[0];
  const message = error.keyword === 'required' ? `requires property ${JSON.stringify(argument)}` : (error.message ?? error.keyword);
  return { property, message, name: error.keyword, argument, path, stack: `${property} ${message}` };
}
