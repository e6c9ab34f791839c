/**
 * A run's timeline: the run's events, each state it went through and, under it, each action with
 * its start time, duration, attempts (retry delay, error code) and the error that ended it. Built
 * from the run's history by `buildTimeline`; durations of what is still going run up to `now`.
 * Long runs (polling loops) show their latest steps first-hand and the rest behind a button.
 */
import { Box, Button, Typography } from '@mui/material';
import BoltIcon from '@mui/icons-material/Bolt';
import CancelIcon from '@mui/icons-material/Cancel';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import ErrorIcon from '@mui/icons-material/Error';
import FlagIcon from '@mui/icons-material/Flag';
import ReplayIcon from '@mui/icons-material/Replay';
import SyncIcon from '@mui/icons-material/Sync';
import TimerIcon from '@mui/icons-material/Timer';
import WarningIcon from '@mui/icons-material/Warning';
import { useMemo, useState, type ReactNode } from 'react';
import type { RunHistoryEntry } from '../../api/types';
import { formatDuration, formatTime } from '../format';
import {
  attemptDuration,
  buildTimeline,
  itemDuration,
  itemStart,
  type ActionAttempt,
  type ActionOutcome,
  type StateOutcome,
  type TimelineAction,
  type TimelineError,
  type TimelineItem,
  type TimelineNote,
  type TimelineRunEvent,
  type TimelineState,
} from './timeline-model';

type Tone = 'success' | 'error' | 'info' | 'warning' | 'default';

const TONE_COLOR: Readonly<Record<Tone, string>> = {
  success: 'success.main',
  error: 'error.main',
  info: 'info.dark',
  warning: 'warning.dark',
  default: 'text.secondary',
};

const ACTION_OUTCOME: Readonly<Record<ActionOutcome, { word: string; tone: Tone; icon: ReactNode }>> = {
  running: { word: 'Running', tone: 'info', icon: <SyncIcon fontSize="small" /> },
  retrying: { word: 'Waiting to retry', tone: 'warning', icon: <ReplayIcon fontSize="small" /> },
  completed: { word: 'Completed', tone: 'success', icon: <CheckCircleIcon fontSize="small" /> },
  failed: { word: 'Failed', tone: 'error', icon: <ErrorIcon fontSize="small" /> },
  interrupted: { word: 'Stopped', tone: 'default', icon: <CancelIcon fontSize="small" /> },
  'not-awaited': { word: 'Started (not awaited)', tone: 'success', icon: <CheckCircleIcon fontSize="small" /> },
};

const STATE_OUTCOME: Readonly<Record<StateOutcome, { word: string; tone: Tone; icon: ReactNode }>> = {
  running: { word: 'Running', tone: 'info', icon: <SyncIcon fontSize="small" /> },
  done: { word: 'Done', tone: 'success', icon: <CheckCircleIcon fontSize="small" /> },
  failed: { word: 'Failed', tone: 'error', icon: <ErrorIcon fontSize="small" /> },
  interrupted: { word: 'Stopped', tone: 'default', icon: <CancelIcon fontSize="small" /> },
};

function ErrorText({ error, prefix = 'Error' }: { error: TimelineError; prefix?: string }) {
  return (
    <Typography variant="body2" sx={{ color: 'error.dark', mt: 0.25, wordBreak: 'break-word' }}>
      {prefix}
      {error.code ? ` ${error.code}` : ''}: {error.message}
    </Typography>
  );
}

function Row({ tone, icon, indent, title, children, item, now }: { tone: Tone; icon: ReactNode; indent?: boolean; title: ReactNode; children?: ReactNode; item: TimelineItem; now: number | undefined }) {
  const duration = itemDuration(item, now);
  const start = itemStart(item);
  return (
    <Box
      component="li"
      data-kind={item.kind}
      sx={{ display: 'grid', gridTemplateColumns: '24px minmax(0, 1fr) auto', columnGap: 1, py: 0.75, pl: indent ? 4 : 0, borderBottom: 1, borderColor: 'divider' }}
    >
      <Box sx={{ color: TONE_COLOR[tone], display: 'flex', pt: '2px' }} aria-hidden>
        {icon}
      </Box>
      <Box sx={{ minWidth: 0 }}>
        {title}
        {children}
      </Box>
      <Box sx={{ textAlign: 'right', color: 'text.secondary', whiteSpace: 'nowrap' }}>
        <Typography variant="body2" component="div">
          <time dateTime={new Date(start).toISOString()}>{formatTime(start)}</time>
        </Typography>
        {duration !== undefined && (
          <Typography variant="caption" component="div">
            {formatDuration(duration)}
          </Typography>
        )}
      </Box>
    </Box>
  );
}

function Outcome({ word, tone }: { word: string; tone: Tone }) {
  return (
    <Typography component="span" variant="body2" sx={{ color: TONE_COLOR[tone], fontWeight: 600, ml: 1 }}>
      {word}
    </Typography>
  );
}

function attemptText(a: ActionAttempt, now: number | undefined): string {
  const took = formatDuration(attemptDuration(a, now));
  const parts = [`Attempt ${a.attempt}`];
  if (a.outcome === 'running') parts.push(`running for ${took}`);
  else if (a.outcome === 'failed') parts.push(`failed${a.code ? ` (${a.code})` : ''} after ${took}${a.message ? `: ${a.message}` : ''}`);
  else if (a.outcome === 'completed') parts.push(`completed in ${took}`);
  else if (a.outcome === 'not-awaited') parts.push('started, not awaited');
  else parts.push(`stopped after ${took}`);
  if (a.retryDelayMs !== undefined) parts.push(`retried after ${formatDuration(a.retryDelayMs)}`);
  if (a.note) parts.push(a.note);
  return parts.join(' · ');
}

function ActionRow({ item, now }: { item: TimelineAction; now: number | undefined }) {
  const o = ACTION_OUTCOME[item.outcome];
  const n = item.attempts.length;
  const showAttempts = n > 1 || item.outcome === 'retrying';
  return (
    <Row
      item={item}
      now={now}
      indent
      tone={o.tone}
      icon={o.icon}
      title={
        <Typography variant="body2">
          Action <strong>{item.name}</strong>
          {item.target && item.target !== item.name ? <> → {item.target}</> : null}
          <Outcome word={n > 1 && (item.outcome === 'completed' || item.outcome === 'failed') ? `${o.word} after ${n} attempts` : o.word} tone={o.tone} />
        </Typography>
      }
    >
      {showAttempts && (
        <Box component="ol" aria-label={`Attempts of ${item.name}`} sx={{ m: 0, mt: 0.25, pl: 2.5 }}>
          {item.attempts.map((a, i) => (
            <Typography key={i} component="li" variant="caption" sx={{ display: 'list-item', color: a.outcome === 'failed' ? 'error.dark' : 'text.secondary' }}>
              {attemptText(a, now)}
            </Typography>
          ))}
        </Box>
      )}
      {item.error && <ErrorText error={item.error} />}
    </Row>
  );
}

function StateRow({ item, now }: { item: TimelineState; now: number | undefined }) {
  const o = STATE_OUTCOME[item.outcome];
  return (
    <Row
      item={item}
      now={now}
      tone={o.tone}
      icon={o.icon}
      title={
        <Typography variant="body2">
          State <strong>{item.name}</strong>
          <Outcome word={o.word} tone={o.tone} />
        </Typography>
      }
    >
      {item.handledError && (
        <Typography variant="body2" sx={{ color: 'warning.dark' }}>
          Left through its error handler after: {item.handledError.message}
        </Typography>
      )}
    </Row>
  );
}

const RUN_WORDS: Readonly<Record<TimelineRunEvent['event'], { word: string; tone: Tone; icon: ReactNode }>> = {
  started: { word: 'Run started', tone: 'info', icon: <FlagIcon fontSize="small" /> },
  completed: { word: 'Run completed', tone: 'success', icon: <CheckCircleIcon fontSize="small" /> },
  failed: { word: 'Run failed', tone: 'error', icon: <ErrorIcon fontSize="small" /> },
  aborted: { word: 'Run aborted', tone: 'default', icon: <CancelIcon fontSize="small" /> },
  suspended: { word: 'Run suspended', tone: 'warning', icon: <TimerIcon fontSize="small" /> },
  resumed: { word: 'Run resumed', tone: 'info', icon: <FlagIcon fontSize="small" /> },
  retriggered: { word: 'Run retriggered', tone: 'info', icon: <ReplayIcon fontSize="small" /> },
};

function RunRow({ item, now, shown }: { item: TimelineRunEvent; now: number | undefined; shown: ReadonlySet<string> }) {
  const w = RUN_WORDS[item.event];
  const where = item.state ? (item.event === 'retriggered' ? ` from state «${item.state}»` : ` in state «${item.state}»`) : '';
  return (
    <Row item={item} now={now} tone={w.tone} icon={w.icon} title={<Typography variant="body2" sx={{ fontWeight: 700 }}>{`${w.word}${where}${item.detail ? ` (${item.detail})` : ''}`}</Typography>}>
      {item.error && !shown.has(item.error.message) && <ErrorText error={item.error} />}
    </Row>
  );
}

function NoteRow({ item, now }: { item: TimelineNote; now: number | undefined }) {
  const warn = item.what === 'error-handled' || item.what === 'timeout';
  const icon = item.what === 'sleep' || item.what === 'timeout' ? <TimerIcon fontSize="small" /> : warn ? <WarningIcon fontSize="small" /> : <BoltIcon fontSize="small" />;
  return (
    <Row
      item={item}
      now={now}
      indent
      tone={warn ? 'warning' : 'default'}
      icon={icon}
      title={
        <Typography variant="body2" sx={{ color: warn ? 'warning.dark' : 'text.secondary' }}>
          {item.text}
          {item.until !== undefined ? ` until ${formatTime(item.until)}` : ''}
        </Typography>
      }
    />
  );
}

function ItemRow({ item, now, shown }: { item: TimelineItem; now: number | undefined; shown: ReadonlySet<string> }) {
  switch (item.kind) {
    case 'action':
      return <ActionRow item={item} now={now} />;
    case 'state':
      return <StateRow item={item} now={now} />;
    case 'run':
      return <RunRow item={item} now={now} shown={shown} />;
    case 'note':
      return <NoteRow item={item} now={now} />;
  }
}

export function Timeline({ entries, now, maxItems = 150 }: { entries: readonly RunHistoryEntry[]; now?: number; maxItems?: number }) {
  const items = useMemo(() => buildTimeline(entries), [entries]);
  // Error messages a failed action already shows: the run's failure row does not repeat them.
  const shown = useMemo(() => new Set(items.flatMap((i) => (i.kind === 'action' && i.error ? [i.error.message] : []))), [items]);
  const [all, setAll] = useState(false);
  if (items.length === 0) return <Typography sx={{ color: 'text.secondary' }}>Nothing has happened yet.</Typography>;
  const hidden = all ? 0 : Math.max(0, items.length - maxItems);
  return (
    <Box>
      {hidden > 0 && (
        <Button size="small" onClick={() => setAll(true)} sx={{ mb: 1 }}>
          Show {hidden} earlier steps
        </Button>
      )}
      <Box component="ol" aria-label="Run timeline" sx={{ listStyle: 'none', m: 0, p: 0 }}>
        {items.slice(hidden).map((item) => (
          <ItemRow key={`${item.kind}-${item.seq}`} item={item} now={now} shown={shown} />
        ))}
      </Box>
    </Box>
  );
}
