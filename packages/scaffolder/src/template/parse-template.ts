/**
 * Parses and validates a Template entity from YAML text: structure (JSON Schema), unique step ids,
 * each parameter page compiles as a JSON Schema, every `${{ }}` compiles, and (when a registry is
 * given) every step's action is registered. All problems are reported with `file:line:col`.
 */
import type { ErrorObject } from 'ajv';
import { TemplateError, type TemplateIssue } from '../errors/template-error.js';
import { createTemplater, type Templater } from '../templating/templater.js';
import { createAjv } from './ajv-instance.js';
import { TEMPLATE_ENTITY_SCHEMA } from './template-schema.js';
import { parameterPages, type TemplateEntityV1beta3 } from './template-types.js';
import { parseYamlSource, toPointer, type YamlSource } from './yaml-source.js';

/** A template that passed validation, with where it came from. */
export interface LoadedTemplate {
  readonly template: TemplateEntityV1beta3;
  /** The file name used in messages. */
  readonly file: string;
  /** Directory relative `url`s of fetch actions resolve against, when the template is on disk. */
  readonly baseDir?: string;
  /** `file:` or http(s) URL relative `url`s resolve against (Backstage `templateInfo.baseUrl`). */
  readonly baseUrl?: string;
}

/** Options for `parseTemplate`. */
export interface ParseTemplateOptions {
  readonly baseDir?: string;
  readonly baseUrl?: string;
  /** Known action ids; steps naming others are reported as `UNKNOWN_ACTION`. */
  readonly knownActions?: ReadonlySet<string> | readonly string[];
  readonly templater?: Templater;
}

/**
 * Parses `text` (the contents of `file`) as a Template; throws `TemplateError` listing all problems.
 *
 * @example parseTemplate('template.yaml', text, { baseDir: '/templates/ns' }).template.metadata.name
 */
export function parseTemplate(file: string, text: string, opts: ParseTemplateOptions = {}): LoadedTemplate {
  const { source, errors } = parseYamlSource(file, text);
  if (!source) {
    throw new TemplateError(
      errors.map((e) => ({ code: 'PARSE', message: e.message, file, pointer: '', line: e.line, column: e.column })),
    );
  }
  const issues = validateTemplateSource(source, opts);
  if (issues.length > 0) throw new TemplateError(issues);
  return {
    template: source.value as TemplateEntityV1beta3,
    file,
    ...(opts.baseDir !== undefined ? { baseDir: opts.baseDir } : {}),
    ...(opts.baseUrl !== undefined ? { baseUrl: opts.baseUrl } : {}),
  };
}

/** Every problem in a parsed template document (empty when it is valid). */
export function validateTemplateSource(source: YamlSource, opts: ParseTemplateOptions = {}): TemplateIssue[] {
  const issues: TemplateIssue[] = [];
  const add = (code: string, message: string, pointer: string): void => {
    issues.push({ code, message, file: source.file, pointer, ...source.locate(pointer) });
  };

  const ajv = createAjv();
  const validate = ajv.compile(TEMPLATE_ENTITY_SCHEMA);
  if (!validate(source.value)) {
    for (const e of simplifyErrors(validate.errors ?? [])) add('SCHEMA', schemaMessage(e), e.instancePath);
    return issues;
  }
  const template = source.value as TemplateEntityV1beta3;

  const seen = new Map<string, number>();
  template.spec.steps.forEach((step, i) => {
    const first = seen.get(step.id);
    if (first !== undefined) add('DUPLICATE_STEP_ID', `step id "${step.id}" is already used by step ${first}`, `/spec/steps/${i}/id`);
    else seen.set(step.id, i);
  });

  const known = opts.knownActions && new Set(opts.knownActions);
  if (known) {
    template.spec.steps.forEach((step, i) => {
      if (!known.has(step.action)) add('UNKNOWN_ACTION', `action "${step.action}" is not registered`, `/spec/steps/${i}/action`);
    });
  }

  const paged = Array.isArray(template.spec.parameters);
  parameterPages(template).forEach((page, i) => {
    try {
      ajv.compile(page as object);
    } catch (err) {
      add('PARAMETER_SCHEMA', `not a valid JSON Schema: ${err instanceof Error ? err.message : String(err)}`, paged ? `/spec/parameters/${i}` : '/spec/parameters');
    }
  });

  const templater = opts.templater ?? createTemplater();
  const checkExpressions = (value: unknown, path: (string | number)[]): void => {
    if (typeof value === 'string') {
      if (!value.includes('${{')) return;
      try {
        templater.check(value);
      } catch (err) {
        add('EXPRESSION', err instanceof Error ? err.message : String(err), toPointer(path));
      }
    } else if (Array.isArray(value)) {
      value.forEach((v, i) => checkExpressions(v, [...path, i]));
    } else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) checkExpressions(v, [...path, k]);
    }
  };
  checkExpressions(template.spec.steps, ['spec', 'steps']);
  checkExpressions(template.spec.output, ['spec', 'output']);
  return issues;
}

/** Drops the noise ajv adds for failed `oneOf`/`if` branches when a more specific error exists. */
function simplifyErrors(errors: readonly ErrorObject[]): ErrorObject[] {
  const specific = errors.filter((e) => e.keyword !== 'oneOf' && e.keyword !== 'anyOf' && e.keyword !== 'if');
  const list = specific.length > 0 ? specific : [...errors];
  const seen = new Set<string>();
  return list.filter((e) => {
    const key = `${e.instancePath} ${schemaMessage(e)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function schemaMessage(e: ErrorObject): string {
  const where = e.instancePath === '' ? 'the document' : e.instancePath;
  if (e.keyword === 'required') return `${where} is missing required property "${(e.params as { missingProperty: string }).missingProperty}"`;
  if (e.keyword === 'const') return `${where} must be ${JSON.stringify((e.params as { allowedValue: unknown }).allowedValue)}`;
  return `${where} ${e.message ?? 'is invalid'}`;
}
