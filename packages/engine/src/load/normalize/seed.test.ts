// Normalizes the seed workflow (create-ocp-namespace-swt) and checks the facts the interpreter relies on.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { OperationState, SwitchState, WorkflowDef } from '../../model/definition.js';
import type { ArgTemplate } from '../../model/expression.js';
import { inputFromFile } from '../../../test/bad-definitions/load-fixture.js';
import { normalize } from './normalize.js';

const SEED = fileURLToPath(
  new URL('../../../../../workflows/create-ocp-namespace-swt/create-ocp-namespace-swt.sw.yaml', import.meta.url),
);

function load(): WorkflowDef {
  const result = normalize(inputFromFile(SEED));
  expect(result.issues).toEqual([]);
  return result.value!;
}

function op(def: WorkflowDef, name: string): OperationState {
  const s = def.states.get(name);
  if (s?.type !== 'operation') throw new Error(`${name} is not an operation state`);
  return s;
}

function entry(t: ArgTemplate | undefined, ...path: string[]): ArgTemplate {
  let cur = t;
  for (const key of path) {
    if (cur?.kind !== 'object') throw new Error(`no object at ${key}`);
    cur = cur.entries.find(([k]) => k === key)?.[1];
  }
  if (!cur) throw new Error(`nothing at ${path.join('.')}`);
  return cur;
}

describe('seed workflow create-ocp-namespace-swt', () => {
  const def = load();

  it('reads the header and defaults', () => {
    expect(def.id).toBe('create-ocp-namespace-swt');
    expect(def.name).toBe('Create OpenShift Namespace');
    expect(def.version).toBe('1.0');
    expect(def.specVersion).toBe('0.8');
    expect(def.start).toBe('NamespaceSizeSwitch');
    expect(def.keepActive).toBe(false);
    expect(def.secretNames).toEqual([]);
    expect(def.outputSchema).toBeUndefined();
    expect(def.dataInputSchema?.uri).toBe('schemas/create-ocp-namespace-swt-schema.json');
    expect(def.dataInputSchema?.failOnValidationErrors).toBe(true);
    expect(def.dataInputSchema?.schema['type']).toBe('object');
  });

  it('has 16 states and 13 functions', () => {
    expect(def.states.size).toBe(16);
    expect(def.functions.size).toBe(13);
  });

  it('resolves rest functions against their OpenAPI documents', () => {
    const createIssue = def.functions.get('createIssue')!;
    expect(createIssue.invoker).toBe('rest');
    expect(createIssue.openapi).toMatchObject({
      uri: 'specs/gitlab-openapi.yaml',
      configKey: 'gitlab_openapi_yaml',
      operationId: 'postApiV4ProjectsIdIssues',
      method: 'POST',
      path: '/api/v4/projects/{id}/issues',
    });
    expect(def.functions.get('closeIssue')!.openapi).toMatchObject({ method: 'PUT', path: '/api/v4/projects/{id}/issues/{issue_iid}' });
    expect(def.functions.get('launchSoftwareTemplate')!.openapi).toMatchObject({
      configKey: 'scaffolder_openapi_yaml',
      method: 'POST',
      path: '/api/scaffolder/v2/tasks',
    });
    expect(def.functions.get('createNotification')!.openapi?.configKey).toBe('notifications_openapi_yaml');
  });

  it('gives custom and expression functions their invokers', () => {
    expect(def.functions.get('logInfo')!.invoker).toBe('custom:sysout');
    const success = def.functions.get('templateSuccessResult')!;
    expect(success.invoker).toBe('expression');
    expect(success.expr?.program).toBeDefined();
  });

  it('keeps non-jq argument strings literal and compiles the rest', () => {
    const notify = op(def, 'SendNotificationIssueCreated').actions[0]!.functionRef!;
    expect(entry(notify.arguments, 'payload', 'severity')).toEqual({ kind: 'literal', value: 'normal' });
    expect(entry(notify.arguments, 'payload', 'topic')).toEqual({ kind: 'literal', value: 'Create OCP Namespace workflow' });
    expect(entry(notify.arguments, 'payload', 'title').kind).toBe('expr');
    const create = op(def, 'CreateIssue').actions[0]!.functionRef!;
    const reason = entry(create.arguments, 'description');
    expect(reason.kind).toBe('expr');
    if (reason.kind === 'expr') expect(reason.expr.pointer).toBe('/states/2/actions/0/functionRef/arguments/description');
    const getProject = op(def, 'GetGitlabProjectId').actions[0]!.functionRef!;
    expect(entry(getProject.arguments, 'search')).toEqual({ kind: 'literal', value: 'orchestrator-approvals' });
    expect(entry(getProject.arguments, 'simple')).toEqual({ kind: 'literal', value: true });
    const close = op(def, 'CloseIssue').actions[1]!.functionRef!;
    expect(entry(close.arguments, 'state_event')).toEqual({ kind: 'literal', value: 'close' });
  });

  it('reads toStateData targets, useResults and action sleep', () => {
    expect(op(def, 'GetGitlabProjectId').actions[0]!.actionDataFilter).toEqual({
      useResults: true,
      toStateData: { text: '.getProjectIdResult', path: ['getProjectIdResult'] },
    });
    expect(op(def, 'GetSoftwareTemplate').actions[1]!.actionDataFilter.toStateData?.path).toEqual(['readTask']);
    expect(op(def, 'GetSoftwareTemplate').actions[0]!.sleep?.after?.ms).toBe(15_000);
    expect(op(def, 'PollIssue').actions[0]!.sleep?.before?.ms).toBe(60_000);
    expect(op(def, 'SendTaskCompletedNotification').actions[0]!.actionDataFilter).toEqual({ useResults: true });
  });

  it('reads ends, switch conditions and errorMessage', () => {
    const denied = op(def, 'CloseIssueDenied');
    expect(denied.end).toEqual({ terminate: true, compensate: false, produceEvents: [] });
    expect(denied.transition).toBeUndefined();
    expect(denied.errorMessage?.kind).toBe('expr');
    expect(op(def, 'CloseIssue').errorMessage).toBeUndefined();
    const sw = def.states.get('CloseIssueSwitch') as SwitchState;
    expect(sw.dataConditions[0]!.end?.terminate).toBe(true);
    expect(sw.dataConditions[1]!.transition?.nextState).toBe('CloseIssue');
    expect(sw.defaultCondition.end?.terminate).toBe(true);
    const first = def.states.get('NamespaceSizeSwitch') as SwitchState;
    expect(first.dataConditions.map((c) => c.name)).toEqual(['Namespace small', 'Namespace medium', 'Namespace large']);
    expect(first.dataConditions[2]!.condition.program.first({ size: 'large' })).toBe(true);
  });
});
