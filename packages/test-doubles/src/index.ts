/**
 * @module @sluice/test-doubles
 * Stateful HTTP doubles of the services the seed workflow calls (GitLab issues, Backstage
 * notifications and scaffolder), on real sockets, checking every request and reply against the
 * workflow's published OpenAPI specs.
 *
 * @example
 * const gitlab = await startGitLabFake({ projects: [SEED_APPROVALS_PROJECT] });
 * const backstage = await startBackstageFake();
 * gitlab.onPoll('rhdh/orchestrator-approvals', 1, (reads) => (reads >= 3 ? ['approved'] : []));
 * // ... run the workflow with GITLAB_URL=gitlab.url, BACKSTAGE_BACKEND_URL=backstage.url ...
 * expect([...gitlab.violations, ...backstage.violations]).toEqual([]);
 * await Promise.all([gitlab.close(), backstage.close()]);
 */
export { startGitLabFake, GITLAB_FAKE_TOKEN, SEED_APPROVALS_PROJECT } from './gitlab/gitlab-fake.js';
export type { GitLabFake, GitLabFakeOptions } from './gitlab/gitlab-fake.js';
export type { GitLabIssue, GitLabProject, GitLabProjectInput, GitLabUser, PollScript } from './gitlab/gitlab-state.js';
export { startBackstageFake } from './backstage/backstage-fake.js';
export type { BackstageFake, BackstageFakeOptions } from './backstage/backstage-fake.js';
export { BACKSTAGE_FAKE_TOKEN } from './backstage/backstage-http.js';
export type { BackstagePrincipal, BackstageTokenConfig } from './backstage/backstage-http.js';
export type { BackstageNotification } from './backstage/notifications.js';
export type { ScaffolderTask, TaskStatus } from './backstage/scaffolder.js';
export { SEED_NAMESPACE_TEMPLATE } from './backstage/scaffolder-templates.js';
export type { ScaffolderTemplate, TemplateValidationError } from './backstage/scaffolder-templates.js';
export { expandRecipients, entityDirectory, normalizeEntityRef, parseEntityRef } from './backstage/entity-ref.js';
export type { EntityDirectory, EntityRefParts } from './backstage/entity-ref.js';
export { ConformanceChecker } from './openapi/conformance-checker.js';
export type { ConformanceCheckerOptions, RequestCheck } from './openapi/conformance-checker.js';
export { loadOpenApiFile } from './openapi/openapi-document.js';
export type { NamedOpenApiDocument, OpenApiDocument } from './openapi/openapi-document.js';
export { SEED_SPEC_ERRATA, applySpecErrata } from './openapi/spec-errata.js';
export type { SpecErratum } from './openapi/spec-errata.js';
export { SEED_SPECS_DIR, SEED_SPEC_FILES } from './seed-specs.js';
export type { FakeServerHandle } from './http/fake-server.js';
export type { RecordedRequest, RecordedResponse, ParsedQuery } from './http/recorded-request.js';
export { startKubernetesFake, KUBERNETES_FAKE_TOKEN } from './kubernetes/kubernetes-fake.js';
export type { KubernetesFake, KubernetesFakeOptions, ScriptedFailure } from './kubernetes/kubernetes-fake.js';
export type { KubernetesObject } from './kubernetes/kubernetes-store.js';
export { modelViolations } from './kubernetes/model-check.js';
export type { ModelCheckOptions, ModelSerializer } from './kubernetes/model-check.js';
export { parseQuantity } from './kubernetes/parse-quantity.js';
export { serveSeedFakes } from './serve-seed-fakes.js';
export type { SeedFakes, SeedFakesOptions } from './serve-seed-fakes.js';
