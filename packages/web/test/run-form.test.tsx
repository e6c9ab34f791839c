// @vitest-environment jsdom
/**
 * The run form: `ui:*` extraction and step splitting (pure), review rows and server error wording
 * (pure), then the wizard itself (RJSF + MUI in jsdom): steps, inline errors blocking Next, the
 * Review table and the data handed to Run; and the run form page against a faked API.
 */
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import createNamespaceSchema from '../../../workflows/create-ocp-namespace-swt/schemas/create-ocp-namespace-swt-schema.json?raw';
import requestNamespaceSchema from '../../../workflows/request-namespace/schemas/request-namespace-input.json?raw';
import { ApiError } from '../src/api/client';
import type { JsonSchema } from '../src/components/form/json-schema';
import { reviewRows } from '../src/components/form/review';
import { describeRunError } from '../src/components/form/run-errors';
import { SchemaForm } from '../src/components/form/SchemaForm';
import { extraErrorsOf } from '../src/components/form/server-field-errors';
import { isMultiStep, splitSteps } from '../src/components/form/steps';
import { extractUiSchema, supportedUiSchema } from '../src/components/form/ui-schema';
import RunFormPage from '../src/pages/workflows/RunFormPage';

/** The seed workflows' input schemas, as their files hold them. */
const SEEDS: Record<string, string> = {
  'create-ocp-namespace-swt/schemas/create-ocp-namespace-swt-schema.json': createNamespaceSchema,
  'request-namespace/schemas/request-namespace-input.json': requestNamespaceSchema,
};
const seedSchema = (path: string): JsonSchema => JSON.parse(SEEDS[path]!) as JsonSchema;

/** Two object steps (one by $ref), a hidden step, an empty step, inline ui keys all over. */
const WIZARD: JsonSchema = {
  $id: 'classpath:/schemas/wizard.json',
  title: 'Request',
  type: 'object',
  definitions: {
    owner: {
      type: 'object',
      title: 'Owner',
      description: 'Who owns it',
      properties: {
        team: { type: 'string', title: 'Team', 'ui:placeholder': 'e.g. payments' },
        email: { type: 'string', title: 'Contact email', format: 'email' },
      },
      required: ['team'],
    },
  },
  properties: {
    basics: {
      type: 'object',
      title: 'Basics',
      properties: {
        name: { type: 'string', title: 'Namespace name', pattern: '^[a-z0-9-]+$', 'ui:help': 'Lower case letters, digits and dashes' },
        size: { type: 'string', title: 'Size', enum: ['small', 'large'], default: 'small' },
        secret: { type: 'string', title: 'Token', 'ui:widget': 'password' },
      },
      required: ['name'],
    },
    owner: { $ref: '#/definitions/owner' },
    internal: { type: 'object', title: 'Internal', 'ui:widget': 'hidden', properties: { trace: { type: 'string' } } },
    nothing: { type: 'object', title: 'Nothing', properties: {} },
  },
};

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('extractUiSchema', () => {
  it('lifts ui:* keys from properties, nested objects and array items into the uiSchema', () => {
    const ui = extractUiSchema({
      type: 'object',
      'ui:order': ['b', 'a'],
      properties: {
        a: { type: 'string', 'ui:widget': 'textarea', 'ui:help': 'help a' },
        b: { type: 'object', 'ui:title': 'B!', properties: { c: { type: 'number', 'ui:widget': 'updown' }, d: { type: 'string' } } },
        list: { type: 'array', items: { type: 'object', properties: { e: { type: 'string', 'ui:placeholder': 'an e' } } } },
        plain: { type: 'string' },
      },
    });
    expect(ui).toEqual({
      'ui:order': ['b', 'a'],
      a: { 'ui:widget': 'textarea', 'ui:help': 'help a' },
      b: { 'ui:title': 'B!', c: { 'ui:widget': 'updown' } },
      list: { items: { e: { 'ui:placeholder': 'an e' } } },
    });
  });

  it("follows $ref'd definitions (with the referring schema's own keys), and survives circular refs", () => {
    const ui = extractUiSchema({
      type: 'object',
      $defs: { node: { type: 'object', properties: { label: { type: 'string', 'ui:autofocus': true }, child: { $ref: '#/$defs/node' } } } },
      definitions: { color: { type: 'string', 'ui:widget': 'color' } },
      properties: {
        fg: { $ref: '#/definitions/color', 'ui:help': 'the text colour' },
        tree: { $ref: '#/$defs/node' },
      },
    });
    expect(ui.fg).toEqual({ 'ui:widget': 'color', 'ui:help': 'the text colour' });
    expect(ui.tree).toEqual({ label: { 'ui:autofocus': true } });
  });

  it('merges the ui keys of anyOf/oneOf alternatives and conditionals at the same level', () => {
    const ui = extractUiSchema({
      type: 'object',
      properties: {
        target: {
          oneOf: [
            { type: 'object', properties: { cluster: { type: 'string', 'ui:placeholder': 'cluster' } } },
            { type: 'object', properties: { url: { type: 'string', 'ui:widget': 'uri' } } },
          ],
        },
        mode: { anyOf: [{ type: 'string', 'ui:widget': 'radio' }, { type: 'null' }] },
      },
      if: { properties: { mode: { const: 'x' } } },
      then: { properties: { extra: { type: 'string', 'ui:widget': 'textarea' } } },
    });
    expect(ui).toEqual({
      target: { cluster: { 'ui:placeholder': 'cluster' }, url: { 'ui:widget': 'uri' } },
      mode: { 'ui:widget': 'radio' },
      extra: { 'ui:widget': 'textarea' },
    });
  });

  it('finds nothing in the seed schemas, which carry no ui keys', () => {
    expect(extractUiSchema(seedSchema('create-ocp-namespace-swt/schemas/create-ocp-namespace-swt-schema.json'))).toEqual({});
  });

  it('hides headless RHDH widgets and falls back to plain inputs for the others', () => {
    const { uiSchema, replaced } = supportedUiSchema({
      token: { 'ui:widget': 'AuthRequester', 'ui:props': { authTokenDescriptors: [] } },
      repo: { 'ui:widget': 'ActiveTextInput', 'ui:props': { 'fetch:url': 'x' } },
      size: { 'ui:widget': 'radio' },
      nested: { items: { pick: { 'ui:widget': 'ActiveDropdown' } } },
    });
    expect(uiSchema).toEqual({
      token: { 'ui:widget': 'hidden', 'ui:props': { authTokenDescriptors: [] } },
      repo: { 'ui:props': { 'fetch:url': 'x' } },
      size: { 'ui:widget': 'radio' },
      nested: { items: { pick: {} } },
    });
    expect(replaced).toEqual(['ActiveDropdown', 'ActiveTextInput']);
  });
});

describe('splitSteps', () => {
  it('makes one step per object property, titled from the sub-schema, dropping hidden and empty ones', () => {
    const steps = splitSteps(WIZARD, extractUiSchema(WIZARD));
    expect(isMultiStep(WIZARD)).toBe(true);
    expect(steps.map((s) => [s.key, s.title, s.description])).toEqual([
      ['basics', 'Basics', undefined],
      ['owner', 'Owner', 'Who owns it'],
    ]);
    // Each step keeps the definitions so $refs resolve, holds only its property, and has no $id.
    expect(steps[1]!.schema).toEqual({ type: 'object', definitions: WIZARD.definitions, properties: { owner: { $ref: '#/definitions/owner' } } });
    expect(steps[0]!.uiSchema).toEqual({ 'ui:label': false, basics: { 'ui:label': false, name: { 'ui:help': 'Lower case letters, digits and dashes' }, secret: { 'ui:widget': 'password' } } });
  });

  it('orders the steps by the root ui:order', () => {
    const schema = { ...WIZARD, 'ui:order': ['owner', '*'] };
    expect(splitSteps(schema, extractUiSchema(schema)).map((s) => s.key)).toEqual(['owner', 'basics']);
  });

  it('keeps a schema with any non-object property in one step (the seed workflows)', () => {
    for (const file of ['create-ocp-namespace-swt/schemas/create-ocp-namespace-swt-schema.json', 'request-namespace/schemas/request-namespace-input.json']) {
      const schema = seedSchema(file);
      const steps = splitSteps(schema, extractUiSchema(schema));
      expect(isMultiStep(schema)).toBe(false);
      expect(steps).toHaveLength(1);
      expect(steps[0]!.key).toBeUndefined();
      expect(steps[0]!.title).toBe(schema.title);
      expect(steps[0]!.schema.$id).toBeUndefined();
      expect(Object.keys(steps[0]!.schema.properties as object)).toEqual(Object.keys(schema.properties as object));
    }
  });
});

describe('review rows and server errors', () => {
  it('labels values with schema titles, joins plain arrays, masks passwords and marks hidden values', () => {
    const ui = supportedUiSchema(extractUiSchema(WIZARD)).uiSchema;
    const data = { basics: { name: 'team-a', size: 'large', secret: 's3cr3t' }, owner: { team: 'payments' }, internal: { trace: 't1' } };
    expect(reviewRows(WIZARD, data, ui, WIZARD)).toEqual([
      { path: ['Basics', 'Namespace name'], value: 'team-a', hidden: false },
      { path: ['Basics', 'Size'], value: 'large', hidden: false },
      { path: ['Basics', 'Token'], value: '••••••••', hidden: false },
      { path: ['Owner', 'Team'], value: 'payments', hidden: false },
      { path: ['Internal', 'Trace'], value: 't1', hidden: true },
    ]);
    const seed = seedSchema('request-namespace/schemas/request-namespace-input.json');
    expect(reviewRows(seed, { recipients: ['user:default/a', 'group:default/b'], size: 'small' }, {}, seed)).toEqual([
      { path: ['Size'], value: 'small', hidden: false },
      { path: ['Notify'], value: 'user:default/a, group:default/b', hidden: false },
    ]);
  });

  it("turns a 400's pointers into field labels", () => {
    const seed = seedSchema('create-ocp-namespace-swt/schemas/create-ocp-namespace-swt-schema.json');
    const err = new ApiError(400, 'input does not match the schema', [
      { pointer: '/inputData/namespace', message: 'must match pattern "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"' },
      { pointer: '/inputData/recipients/1', message: 'must match pattern' },
      { pointer: '/inputData', message: "must have required property 'size'" },
    ]);
    const d = describeRunError(err, seed);
    expect(d.title).toBe('The server did not accept this input');
    expect(d.problems.map((p) => [p.pointer, p.labels.join(' › ')])).toEqual([
      ['/namespace', 'Namespace Name'],
      ['/recipients/1', 'Recipients › 2'],
      ['', ''],
    ]);
    expect(extraErrorsOf(d.problems)).toEqual({ namespace: { __errors: [d.problems[0]!.message] }, recipients: { 1: { __errors: ['must match pattern'] } } });
    expect(describeRunError(new ApiError(503, 'workflow x is unavailable: a', { problems: ['x/application.properties:2: URL is not set'] })).notes).toEqual([
      'x/application.properties:2: URL is not set',
    ]);
  });
});

/** The error text RJSF shows for the input labelled `label`. */
function errorsOf(label: RegExp | string): string {
  const input = screen.getByLabelText(label);
  const ids = (input.getAttribute('aria-describedby') ?? '').split(/\s+/).filter((id) => id.endsWith('__error'));
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
}

describe('SchemaForm', () => {
  it('walks the steps: inline errors block Next, Review lists the values, Run gets what was typed', async () => {
    const user = userEvent.setup();
    const onRun = vi.fn(async () => {});
    render(<SchemaForm schema={WIZARD} onRun={onRun} />);

    const stepper = screen.getByLabelText('Form steps');
    expect(within(stepper).getAllByText(/^(Basics|Owner|Review)$/).map((e) => e.textContent)).toEqual(['Basics', 'Owner', 'Review']);
    expect(screen.getByRole('heading', { level: 2, name: 'Basics' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Back' })).toBeNull();

    // Next with the required name empty: stays on the step, error next to the field.
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(screen.getByRole('heading', { level: 2, name: 'Basics' })).toBeTruthy();
    expect(errorsOf(/Namespace name/)).toMatch(/This field is required/);

    // Live validation from now on: a bad value shows its pattern error, a good one clears it.
    await user.type(screen.getByLabelText(/Namespace name/), 'Bad Name');
    await waitFor(() => expect(errorsOf(/Namespace name/)).toMatch(/Must match the pattern/));
    await user.clear(screen.getByLabelText(/Namespace name/));
    await user.type(screen.getByLabelText(/Namespace name/), 'team-a');
    await waitFor(() => expect(errorsOf(/Namespace name/)).toBe(''));
    await user.type(screen.getByLabelText(/Token/), 'hunter2');
    await user.click(screen.getByRole('button', { name: 'Next' }));

    // Owner step (a $ref'd definition): required team.
    expect(await screen.findByRole('heading', { level: 2, name: 'Owner' })).toBeTruthy();
    expect(screen.getByText('Who owns it')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Review' }));
    expect(errorsOf(/Team/)).toMatch(/This field is required/);
    expect(screen.getByRole('heading', { level: 2, name: 'Owner' })).toBeTruthy();
    await user.type(screen.getByLabelText(/Team/), 'payments');
    await user.click(screen.getByRole('button', { name: 'Review' }));

    // Review: a table per step with the titles as labels; the password masked.
    expect(await screen.findByRole('heading', { level: 2, name: 'Review' })).toBeTruthy();
    const basics = screen.getByRole('table', { name: 'Values for Basics' });
    const rows = within(basics)
      .getAllByRole('row')
      .slice(1)
      .map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent));
    expect(rows).toEqual([
      ['Namespace name', 'team-a'],
      ['Size', 'small'],
      ['Token', '••••••••'],
    ]);
    expect(within(screen.getByRole('table', { name: 'Values for Owner' })).getByText('payments')).toBeTruthy();

    // Back keeps the values.
    await user.click(screen.getByRole('button', { name: 'Back' }));
    expect((screen.getByLabelText(/Team/) as HTMLInputElement).value).toBe('payments');
    await user.click(screen.getByRole('button', { name: 'Review' }));

    await user.click(await screen.findByRole('button', { name: 'Run' }));
    expect(onRun).toHaveBeenCalledTimes(1);
    expect(onRun.mock.calls[0]).toEqual([{ basics: { name: 'team-a', size: 'small', secret: 'hunter2' }, owner: { team: 'payments' } }]);
  });

  it('fills in the seed workflow form (text, pattern, select, array) and submits exactly that', async () => {
    const user = userEvent.setup();
    const onRun = vi.fn(async () => {});
    render(<SchemaForm schema={seedSchema('create-ocp-namespace-swt/schemas/create-ocp-namespace-swt-schema.json')} onRun={onRun} />);
    expect(screen.getByRole('heading', { level: 2, name: 'Workflow input data' })).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Review' }));
    for (const label of [/Namespace Name/, /GitLab Host/, /Requester/]) expect(errorsOf(label)).toMatch(/This field is required/);

    await user.type(screen.getByLabelText(/Namespace Name/), 'team-a');
    await user.type(screen.getByLabelText(/GitLab Host/), 'gitlab.acme.com');
    await user.type(screen.getByLabelText(/Requester/), 'jsmith');
    await user.click(screen.getByRole('combobox', { name: /Size/ }));
    await user.click(await screen.findByRole('option', { name: 'large' }));
    await user.type(screen.getByLabelText(/Reason/), 'load tests');
    const recipients = screen.getAllByLabelText(/Recipient/).filter((e) => e.tagName === 'INPUT');
    if (recipients.length === 0) await user.click(screen.getByRole('button', { name: /add/i }));
    await user.type(screen.getAllByLabelText(/Recipient/).find((e) => e.tagName === 'INPUT')!, 'user:default/jsmith');
    await user.click(screen.getByRole('button', { name: 'Review' }));

    const table = await screen.findByRole('table', { name: 'Values entered' });
    expect(within(table).getByText('Namespace Name')).toBeTruthy();
    expect(within(table).getByText('user:default/jsmith')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Run' }));
    expect(onRun.mock.calls[0]).toEqual([
      { namespace: 'team-a', git_host: 'gitlab.acme.com', requester: 'jsmith', size: 'large', reason: 'load tests', recipients: ['user:default/jsmith'] },
    ]);
  });

  it('prefills from earlier values and shows the fields the server rejected, with a way back to them', async () => {
    const user = userEvent.setup();
    const schema = seedSchema('request-namespace/schemas/request-namespace-input.json');
    const initialData = { namespace: 'team-a', requester: 'jsmith', git_host: 'gitlab.acme.com', size: 'small', recipients: ['user:default/jsmith'] };
    const onRun = vi.fn(async () => {
      throw new ApiError(400, 'input does not match the schema', [{ pointer: '/inputData/namespace', message: 'is already taken' }]);
    });
    render(<SchemaForm schema={schema} initialData={initialData} onRun={onRun} />);
    expect((screen.getByLabelText(/Namespace name/) as HTMLInputElement).value).toBe('team-a');
    await user.click(screen.getByRole('button', { name: 'Review' }));
    await user.click(await screen.findByRole('button', { name: 'Run' }));
    expect(onRun.mock.calls[0]).toEqual([initialData]);

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/The server did not accept this input/);
    expect(alert.textContent).toMatch(/Namespace name: is already taken/);
    await user.click(within(alert).getByRole('button', { name: 'Edit Namespace name' }));
    expect(await screen.findByLabelText(/Namespace name/)).toBe(document.activeElement);
    expect(errorsOf(/Namespace name/)).toMatch(/is already taken/);
  });
});

describe('RunFormPage', () => {
  function fakeApi(routes: Record<string, (init?: RequestInit) => { status?: number; body: unknown }>) {
    const calls: { url: string; body?: unknown }[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init?: RequestInit) => {
        calls.push({ url, ...(init?.body ? { body: JSON.parse(String(init.body)) } : {}) });
        const route = Object.entries(routes).find(([k]) => url === k || url.startsWith(`${k}?`));
        const answer = route ? route[1](init) : { status: 404, body: { error: { message: `no ${url}` } } };
        return new Response(JSON.stringify(answer.body), { status: answer.status ?? 200, headers: { 'content-type': 'application/json' } });
      }),
    );
    return calls;
  }

  const renderAt = (path: string) => {
    const router = createMemoryRouter(
      [
        { path: '/workflows/:workflowId/run', element: <RunFormPage /> },
        { path: '/runs/:id', element: <p>run page</p> },
      ],
      { initialEntries: [path] },
    );
    render(<RouterProvider router={router} />);
    return router;
  };

  it('with no input schema, says so and runs with no input, then opens the run', async () => {
    const user = userEvent.setup();
    const V2 = '/api/orchestrator/v2/workflows/hello';
    const calls = fakeApi({
      [`${V2}/overview`]: () => ({ body: { workflowId: 'hello', format: 'yaml', name: 'Hello', isAvailable: true } }),
      [`${V2}/inputSchema`]: () => ({ body: {} }),
      [`${V2}/execute`]: () => ({ body: { id: 'run-1' } }),
    });
    const router = renderAt('/workflows/hello/run');
    expect(await screen.findByRole('heading', { level: 1, name: 'Run Hello' })).toBeTruthy();
    expect(screen.getByText('This workflow has no input schema: it will run with no input')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Run' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/runs/run-1'));
    expect(calls.find((c) => c.url.endsWith('/execute'))?.body).toEqual({ inputData: {} });
  });

  it('prefills from ?instanceId and shows a server refusal in plain words', async () => {
    const user = userEvent.setup();
    const V2 = '/api/orchestrator/v2/workflows/request-namespace';
    const schema = seedSchema('request-namespace/schemas/request-namespace-input.json');
    const data = { namespace: 'team-a', requester: 'jsmith', git_host: 'gitlab.acme.com', size: 'small', recipients: ['user:default/jsmith'] };
    const calls = fakeApi({
      [`${V2}/overview`]: () => ({ body: { workflowId: 'request-namespace', format: 'yaml', name: 'Request a namespace', isAvailable: true } }),
      [`${V2}/inputSchema`]: () => ({ body: { inputSchema: schema, data } }),
      [`${V2}/execute`]: () => ({ status: 503, body: { error: { name: 'ServiceUnavailableError', message: 'busy: 9 steps in progress here; retry shortly' } } }),
    });
    renderAt('/workflows/request-namespace/run?instanceId=old-1');
    expect(await screen.findByRole('heading', { level: 1, name: 'Run Request a namespace' })).toBeTruthy();
    expect(calls[1]!.url).toBe(`${V2}/inputSchema?instanceId=old-1`);
    expect(screen.getByRole('link', { name: 'old-1' }).getAttribute('href')).toBe('/runs/old-1');
    await user.click(screen.getByRole('button', { name: 'Review' }));
    await user.click(await screen.findByRole('button', { name: 'Run' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/The workflow cannot run right now/);
    expect(alert.textContent).toMatch(/busy: 9 steps in progress here; retry shortly/);
    expect(calls.find((c) => c.url.endsWith('/execute'))?.body).toEqual({ inputData: data });
  });
});
