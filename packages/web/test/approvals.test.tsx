// @vitest-environment jsdom
/**
 * The approvals inbox against a fake of the approvals API behind `fetch` (the only thing mocked):
 * deciding posts `{decision, comment}` and moves the request to the history; the server's refusals
 * (409 already decided, 403 own request) are shown in plain words inside the dialog.
 */
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Approval } from '../src/api/types';
import ApprovalsPage from '../src/pages/approvals/ApprovalsPage';

const ME = 'user:default/ops1';

function approval(over: Partial<Approval> = {}): Approval {
  return {
    id: '5b7e3c1a-0000-4000-8000-000000000001',
    instanceId: 'inst-1',
    workflowId: 'request-namespace',
    title: 'Large namespace team-a for dev1',
    description: 'Needed for the **load tests**',
    link: 'http://localhost:7007/orchestrator/instances/inst-1',
    approvers: ['group:default/platform-admins'],
    requester: 'user:default/dev1',
    requestedBy: 'sluice-self',
    status: 'pending',
    decision: null,
    decidedBy: null,
    decidedAt: null,
    comment: null,
    createdAt: '2025-01-10T09:00:00.000Z',
    history: [{ at: '2025-01-10T09:00:00.000Z', action: 'requested', by: 'sluice-self' }],
    ...over,
  };
}

/** The server's error body (Backstage's shape). */
function errorBody(status: number, name: string, message: string, url: string) {
  return { error: { name, message }, request: { method: 'POST', url }, response: { statusCode: status } };
}

interface Call {
  readonly method: string;
  readonly url: string;
  readonly body?: unknown;
}

/** A fake `/api/approvals` holding `store`; `decide` answers a decision (default: records it). */
function fakeServer(store: Approval[], decide?: (a: Approval, url: string) => Response | undefined) {
  const calls: Call[] = [];
  const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  const fetchFn = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://localhost');
    const method = init?.method ?? 'GET';
    const body = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
    calls.push({ method, url: url.pathname + url.search, ...(body !== undefined ? { body } : {}) });
    if (method === 'GET' && url.pathname === '/api/approvals') {
      const status = url.searchParams.get('status');
      const mine = url.searchParams.get('mine') === 'true';
      const rows = store.filter((a) => (status === 'all' || a.status === status) && (!mine || a.requester !== ME));
      return json(200, { approvals: rows });
    }
    const one = url.pathname.match(/^\/api\/approvals\/([^/]+)(\/decision)?$/);
    const found = one && store.find((a) => a.id === decodeURIComponent(one[1]!));
    if (!one || !found) return json(404, errorBody(404, 'NotFoundError', `approval not found`, url.pathname));
    if (method === 'GET' && !one[2]) return json(200, found);
    const answer = decide?.(found, url.pathname);
    if (answer) return answer;
    const decided: Approval = {
      ...found,
      status: 'decided',
      decision: body.decision,
      decidedBy: ME,
      decidedAt: '2025-01-10T10:00:00.000Z',
      comment: body.comment ?? null,
      history: [...found.history, { at: '2025-01-10T10:00:00.000Z', action: body.decision, by: ME, ...(body.comment ? { comment: body.comment } : {}) }],
    };
    store.splice(store.indexOf(found), 1, decided);
    return json(200, decided);
  });
  vi.stubGlobal('fetch', fetchFn);
  return { calls, json };
}

function renderPage() {
  return render(
    <MemoryRouter initialEntries={['/approvals']}>
      <ApprovalsPage />
    </MemoryRouter>,
  );
}

async function openDecision(title: string, button: 'Approve' | 'Deny') {
  const item = await screen.findByRole('listitem', { name: title });
  await userEvent.click(within(item).getByRole('button', { name: button }));
  return screen.findByRole('dialog');
}

beforeEach(() => {
  localStorage.setItem('sluice.token', 'test-token');
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  localStorage.clear();
});

describe('approvals inbox', () => {
  it('approves with a comment: posts {decision, comment} and moves the request to the history', async () => {
    const { calls } = fakeServer([approval()]);
    renderPage();

    const dialog = await openDecision('Large namespace team-a for dev1', 'Approve');
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Comment' }), 'Fine for the load tests');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Approve' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const post = calls.find((c) => c.method === 'POST');
    expect(post).toEqual({
      method: 'POST',
      url: '/api/approvals/5b7e3c1a-0000-4000-8000-000000000001/decision',
      body: { decision: 'approved', comment: 'Fine for the load tests' },
    });
    expect(screen.queryByRole('listitem', { name: 'Large namespace team-a for dev1' })).toBeNull();
    expect(screen.getByRole('status').textContent).toContain('Approved “Large namespace team-a for dev1”');

    await userEvent.click(screen.getByRole('tab', { name: 'History' }));
    const item = await screen.findByRole('listitem', { name: 'Large namespace team-a for dev1' });
    expect(item.textContent).toContain('Approved');
    expect(item.textContent).toContain('by ops1');
    expect(item.textContent).toContain('Fine for the load tests');
  });

  it('denies without a comment: the body has the decision only', async () => {
    const { calls } = fakeServer([approval()]);
    renderPage();

    const dialog = await openDecision('Large namespace team-a for dev1', 'Deny');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Deny' }));

    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ decision: 'denied' });
  });

  it("shows the server's 409 as who already decided, and does not offer to send again", async () => {
    const store = [approval()];
    fakeServer(store, (a, url) => {
      // Another approver was faster: the request is decided by the time ours arrives.
      const decided: Approval = { ...a, status: 'decided', decision: 'approved', decidedBy: 'user:default/ops2', decidedAt: '2025-01-10T09:30:00.000Z' };
      store.splice(store.indexOf(a), 1, decided);
      const message = `approval ${a.id} was already approved by user:default/ops2 at 2025-01-10T09:30:00.000Z`;
      return new Response(JSON.stringify(errorBody(409, 'ConflictError', message, url)), { status: 409, headers: { 'content-type': 'application/json' } });
    });
    renderPage();

    const dialog = await openDecision('Large namespace team-a for dev1', 'Deny');
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Comment' }), 'Too big');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Deny' }));

    const alert = await within(dialog).findByRole('alert');
    expect(alert.textContent).toMatch(/^Already decided by ops2 \(approved\) on .+\.$/);
    expect(within(dialog).getByRole('button', { name: 'Deny' }).hasAttribute('disabled')).toBe(true);
    // The inbox reloads: the request is gone from Pending.
    await waitFor(() => expect(screen.queryByRole('listitem', { name: 'Large namespace team-a for dev1' })).toBeNull());
  });

  it("shows the server's 403 for the requester in plain words", async () => {
    fakeServer([approval({ requester: 'user:default/dev9' })], (a, url) => {
      const message = `${ME} requested this approval and cannot decide it; one of the other approvers (${a.approvers.join(', ')}) must`;
      return new Response(JSON.stringify(errorBody(403, 'NotAllowedError', message, url)), { status: 403, headers: { 'content-type': 'application/json' } });
    });
    renderPage();

    const dialog = await openDecision('Large namespace team-a for dev1', 'Approve');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Approve' }));

    expect((await within(dialog).findByRole('alert')).textContent).toBe('You cannot decide your own request.');
  });

  it('sends the token and asks for the caller’s pending requests', async () => {
    const { calls } = fakeServer([]);
    renderPage();
    expect(await screen.findByText('Nothing waits for your decision')).toBeTruthy();
    expect(calls.map((c) => c.url)).toContain('/api/approvals?status=pending&mine=true&limit=200');
    const [, init] = vi.mocked(fetch).mock.calls[0]!;
    expect((init?.headers as Record<string, string>).authorization).toBe('Bearer test-token');
  });
});
