/**
 * A task's events, live: follows `/v2/tasks/:id/eventstream` (server-sent events, from the first
 * event) and stops at the `completion` event. A reconnect replays the stream; repeats are dropped
 * by event id. When the task is known to have ended and no completion arrives (an old task without
 * one), following stops a few seconds later.
 */
import { useEffect, useRef, useState } from 'react';
import { followEvents } from '../../api/client';
import type { SerializedTaskEvent } from '../../api/types';

const GRACE_MS = 5000;

export interface TaskEvents {
  readonly events: readonly SerializedTaskEvent[];
  readonly completed: boolean;
  readonly error?: Error;
}

export function useTaskEvents(taskId: string, taskEnded: boolean): TaskEvents {
  const [events, setEvents] = useState<SerializedTaskEvent[]>([]);
  const [completed, setCompleted] = useState(false);
  const [error, setError] = useState<Error>();
  const controller = useRef<AbortController | null>(null);

  useEffect(() => {
    const ctl = new AbortController();
    controller.current = ctl;
    const seen = new Set<number>();
    setEvents([]);
    setCompleted(false);
    setError(undefined);
    followEvents(
      `/api/scaffolder/v2/tasks/${encodeURIComponent(taskId)}/eventstream`,
      (_type, data) => {
        let e: SerializedTaskEvent;
        try {
          e = JSON.parse(data) as SerializedTaskEvent;
        } catch {
          return;
        }
        if (typeof e.id !== 'number' || seen.has(e.id)) return;
        seen.add(e.id);
        setEvents((list) => [...list, e]);
        if (e.type === 'completion') {
          setCompleted(true);
          ctl.abort();
        }
      },
      ctl.signal,
    ).catch((err: unknown) => {
      if (!ctl.signal.aborted) setError(err instanceof Error ? err : new Error(String(err)));
    });
    return () => ctl.abort();
  }, [taskId]);

  useEffect(() => {
    if (!taskEnded || completed) return;
    const id = setTimeout(() => controller.current?.abort(), GRACE_MS);
    return () => clearTimeout(id);
  }, [taskEnded, completed]);

  return { events, completed, ...(error ? { error } : {}) };
}
