// Checks requests and responses against published OpenAPI specs: finds the operation by method and
// path template, then validates security, parameters, request body and response body with Ajv.
import type { RecordedRequest } from '../http/recorded-request.js';
import { isNode, loadOpenApiFile, resolveLocalRef, type NamedOpenApiDocument } from './openapi-document.js';
import { findOperation, indexOperations, type OperationMatch, type SpecOperation } from './operation-index.js';
import { checkRequestParts } from './request-check.js';
import { checkSecurity, resolveSecurity } from './security-check.js';
import { applySpecErrata, SEED_SPEC_ERRATA, type SpecErratum } from './spec-errata.js';
import { SpecSchemaValidator } from './spec-schema-validator.js';

/** Options for {@link ConformanceChecker}. */
export interface ConformanceCheckerOptions {
  specs: readonly NamedOpenApiDocument[];
  /** Corrections applied to copies of the specs first; defaults to {@link SEED_SPEC_ERRATA}. */
  errata?: readonly SpecErratum[];
}

/** The result of checking one request. */
export interface RequestCheck {
  /** The operation the request addresses, when one was found. */
  operation?: SpecOperation;
  /** Problems found, each prefixed with the request line and `[spec#operationId]`. */
  violations: string[];
}

interface LoadedSpec {
  named: NamedOpenApiDocument;
  validator: SpecSchemaValidator;
  operations: SpecOperation[];
}

/**
 * Validates traffic against one or more OpenAPI 3.0 specs.
 *
 * @example
 * const checker = ConformanceChecker.fromFiles(['specs/gitlab-openapi.yaml']);
 * const { violations } = checker.checkRequest(recordedRequest);
 */
export class ConformanceChecker {
  /** Errata applied and spec quirks met (for example undefined security schemes), one line each. */
  readonly notes: string[] = [];
  readonly #specs: LoadedSpec[] = [];

  constructor(options: ConformanceCheckerOptions) {
    for (const original of options.specs) {
      const { named, applied } = applySpecErrata(original, options.errata ?? SEED_SPEC_ERRATA);
      for (const id of applied) this.notes.push(`${named.name}: erratum ${id} applied`);
      const operations = indexOperations(named);
      for (const operation of operations) {
        for (const note of resolveSecurity(named.document, operation).notes) this.notes.push(`${named.name}: ${note}`);
      }
      this.#specs.push({ named, validator: new SpecSchemaValidator(named), operations });
    }
  }

  /** Loads the given OpenAPI files (YAML or JSON) and builds a checker over them. */
  static fromFiles(files: readonly string[], errata?: readonly SpecErratum[]): ConformanceChecker {
    return new ConformanceChecker({ specs: files.map(loadOpenApiFile), ...(errata ? { errata } : {}) });
  }

  /** Finds the operation a method and raw path address, across all specs. */
  findOperation(method: string, path: string): OperationMatch | undefined {
    for (const spec of this.#specs) {
      const match = findOperation(spec.operations, method, path);
      if (match) return match;
    }
    return undefined;
  }

  /** Finds an operation by its operationId, across all specs. */
  operationById(operationId: string): SpecOperation | undefined {
    for (const spec of this.#specs) {
      const found = spec.operations.find((o) => o.operationId === operationId);
      if (found) return found;
    }
    return undefined;
  }

  /**
   * Checks a request. By default the operation is found by method and path; `alias` names it
   * instead, for a route the service serves under a path the spec does not list (Backstage's
   * `/api/notifications/notifications` is `createNotification`).
   */
  checkRequest(request: RecordedRequest, alias?: { operationId: string; pathParams: Record<string, string> }): RequestCheck {
    const line = `${request.method} ${request.path}`;
    const match = alias ? this.#byAlias(alias) : this.findOperation(request.method, request.path);
    if (!match) {
      const names = this.#specs.map((s) => s.named.name).join(', ');
      return { violations: [`${line}: no operation in ${names} matches this method and path`] };
    }
    const spec = this.#specFor(match.operation);
    const prefix = `${line} [${spec.named.name}#${match.operation.operationId}]`;
    const problems: string[] = [];
    const { requirements } = resolveSecurity(spec.named.document, match.operation);
    const security = checkSecurity(spec.named.document, requirements, request.headers, request.query);
    if (security) problems.push(security);
    problems.push(...checkRequestParts(spec.named.document, spec.validator, match.operation, request, match.pathParams));
    return { operation: match.operation, violations: problems.map((p) => `${prefix} ${p}`) };
  }

  /**
   * Checks a response body against the schema the operation declares for that status (exact code,
   * then `NXX`, then `default`). Statuses or media without a schema are not checked.
   */
  checkResponse(operation: SpecOperation, status: number, body: unknown): string[] {
    const spec = this.#specFor(operation);
    const responses = isNode(operation.node['responses']) ? operation.node['responses'] : {};
    const key = [String(status), `${String(status)[0]}XX`, 'default'].find((k) => isNode(responses[k]));
    if (key === undefined) return [];
    const response = resolveLocalRef(spec.named.document, {
      node: responses[key] as Record<string, unknown>,
      pointer: `${operation.pointer}/responses/${key}`,
    });
    const content = response && isNode(response.node['content']) ? response.node['content'] : {};
    const media = content['application/json'];
    if (!response || !isNode(media) || !isNode(media['schema'])) return [];
    const pointer = `${response.pointer}/content/application~1json/schema`;
    const prefix = `${operation.method} ${operation.pathTemplate} [${spec.named.name}#${operation.operationId}] response ${status}:`;
    return spec.validator.validate(pointer, body).map((message) => `${prefix} ${message}`);
  }

  #byAlias(alias: { operationId: string; pathParams: Record<string, string> }): OperationMatch | undefined {
    const operation = this.operationById(alias.operationId);
    return operation ? { operation, pathParams: alias.pathParams } : undefined;
  }

  #specFor(operation: SpecOperation): LoadedSpec {
    const spec = this.#specs.find((s) => s.operations.includes(operation));
    if (!spec) throw new Error(`operation ${operation.operationId} does not belong to this checker`);
    return spec;
  }
}
