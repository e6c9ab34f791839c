/**
 * Why a run failed, in plain words: "The run failed in state «X» while calling «action»: <message>",
 * with the number of attempts, the error code and, folded away, the details the engine kept (an
 * HTTP failure's status and body). Built from the run's error and its history.
 */
import { Alert, AlertTitle, Box, Typography } from '@mui/material';
import { useMemo } from 'react';
import type { ProcessInstanceDTO, RunHistoryEntry } from '../../api/types';
import { JsonSection } from './JsonSection';
import { buildTimeline, type TimelineAction, type TimelineError, type TimelineItem } from './timeline-model';

export interface Failure {
  readonly state?: string;
  readonly action?: TimelineAction;
  readonly error?: TimelineError;
}

/** The last failed action (in `state`, if given) since the run was last retriggered. */
function lastFailure(items: readonly TimelineItem[], faulted: TimelineItem | undefined, state: string | undefined): TimelineAction | undefined {
  for (let i = items.length - 1; i >= 0; i--) {
    const it = items[i]!;
    if (it === faulted) continue;
    if (it.kind === 'action' && it.outcome === 'failed' && (state === undefined || it.state === state)) return it;
    if (it.kind === 'run' && it.event === 'retriggered') return undefined;
  }
  return undefined;
}

/** The state, the action being called and the error a failed run stopped on. */
export function failureOf(run: Pick<ProcessInstanceDTO, 'error' | 'nodes'>, items: readonly TimelineItem[]): Failure {
  let faulted: Extract<TimelineItem, { kind: 'run' }> | undefined;
  for (let i = items.length - 1; i >= 0 && !faulted; i--) {
    const it = items[i]!;
    if (it.kind === 'run' && it.event === 'failed') faulted = it;
  }
  const state = run.error?.nodeDefinitionId || faulted?.state || undefined;
  const action = lastFailure(items, faulted, state) ?? lastFailure(items, faulted, undefined);
  const message = run.error?.message;
  const error: TimelineError | undefined = action?.error ?? faulted?.error ?? (message ? { message } : undefined);
  return { ...(state ? { state } : {}), ...(action ? { action } : {}), ...(error ? { error } : {}) };
}

/**
 * What the called service said, from an HTTP failure's details (`{status, body}`): the body's
 * `message` (or `error`, `detail`, `title`), or a short text body.
 */
export function serviceAnswer(details: unknown): string | undefined {
  const body = details !== null && typeof details === 'object' ? (details as { body?: unknown }).body : undefined;
  if (typeof body === 'string') return body.trim() ? body.trim().slice(0, 300) : undefined;
  if (body === null || typeof body !== 'object') return undefined;
  const b = body as Record<string, unknown>;
  const nested = b.error !== null && typeof b.error === 'object' ? (b.error as Record<string, unknown>).message : undefined;
  for (const v of [b.message, nested, b.error, b.detail, b.title]) if (typeof v === 'string' && v.trim()) return v.trim().slice(0, 300);
  return undefined;
}

/** The one-sentence summary. */
export function failureSentence(f: Failure): string {
  const where = f.state ? ` in state «${f.state}»` : '';
  const what = f.action ? ` while calling «${f.action.name}»${f.action.target && f.action.target !== f.action.name ? ` (${f.action.target})` : ''}` : '';
  return `The run failed${where}${what}${f.error ? `: ${f.error.message}` : '.'}`;
}

export function FailureSummary({ run, history }: { run: ProcessInstanceDTO; history: readonly RunHistoryEntry[] }) {
  const failure = useMemo(() => failureOf(run, buildTimeline(history)), [run, history]);
  const attempts = failure.action?.attempts.length ?? 0;
  const answer = serviceAnswer(failure.error?.details);
  return (
    <Alert severity="error" role="alert" aria-live="polite">
      <AlertTitle component="h2">Run failed</AlertTitle>
      <Typography variant="body1" sx={{ wordBreak: 'break-word' }} data-testid="failure-sentence">
        {failureSentence(failure)}
      </Typography>
      <Box sx={{ mt: 0.5 }}>
        {failure.error?.code && (
          <Typography variant="body2">
            Error code: <strong>{failure.error.code}</strong>
            {failure.error.name ? ` (${failure.error.name})` : ''}
          </Typography>
        )}
        {answer && (
          <Typography variant="body2" sx={{ wordBreak: 'break-word' }}>
            The service answered: “{answer}”
          </Typography>
        )}
        {attempts > 1 && <Typography variant="body2">The action was tried {attempts} times.</Typography>}
        <Typography variant="body2" sx={{ mt: 0.5 }}>
          Fix the cause, then use “Retry from failure point” to go on from {failure.state ? `«${failure.state}»` : 'where it stopped'}, or “Run again” to start over.
        </Typography>
      </Box>
      {failure.error?.details !== undefined && (
        <Box sx={{ mt: 1 }}>
          <JsonSection title="Error details" value={failure.error.details} headingLevel={3} />
        </Box>
      )}
    </Alert>
  );
}
