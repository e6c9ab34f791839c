/**
 * The top of a run page: the workflow's name (a link to it) as the page's heading, the run's id
 * (copyable), its status, when it started and ended, how long it took (ticking while it runs) and
 * who started it.
 */
import { Box, Breadcrumbs, IconButton, Link, Tooltip, Typography } from '@mui/material';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import { useState, type ReactNode } from 'react';
import { Link as RouterLink } from 'react-router';
import type { ProcessInstanceDTO } from '../../api/types';
import { formatDateTime, formatDuration, runDurationMs } from '../../components/format';
import { RunStatusChip } from '../../components/status/RunStatusChip';

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <Box sx={{ minWidth: 0 }}>
      <Typography component="dt" variant="caption" sx={{ color: 'text.secondary', textTransform: 'uppercase', letterSpacing: 0.4 }}>
        {term}
      </Typography>
      <Typography component="dd" variant="body2" sx={{ m: 0, wordBreak: 'break-word' }}>
        {children}
      </Typography>
    </Box>
  );
}

export function RunHeader({ run, now }: { run: ProcessInstanceDTO; now: number }) {
  const [copied, setCopied] = useState(false);
  const duration = runDurationMs(run, now);
  const copy = (): void => {
    void navigator.clipboard?.writeText(run.id).then(() => {
      setCopied(true);
      setTimeout(() => setCopied(false), 1500);
    });
  };
  return (
    <Box>
      <Breadcrumbs aria-label="Breadcrumb" sx={{ mb: 0.5 }}>
        <Link component={RouterLink} to="/runs">
          Runs
        </Link>
        <Typography color="text.primary" sx={{ fontFamily: 'monospace', fontSize: 14 }}>
          {run.id}
        </Typography>
      </Breadcrumbs>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.5, flexWrap: 'wrap' }}>
        <Typography variant="h4" component="h1">
          <Link component={RouterLink} to={`/workflows/${encodeURIComponent(run.processId)}`} underline="hover" color="inherit">
            {run.processName || run.processId}
          </Link>
        </Typography>
        <RunStatusChip status={run.state} size="medium" />
      </Box>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 0.5, color: 'text.secondary' }}>
        <Typography variant="body2">
          Run <span style={{ fontFamily: 'monospace' }}>{run.id}</span>
        </Typography>
        <Tooltip title={copied ? 'Copied' : 'Copy the run id'}>
          <IconButton size="small" onClick={copy} aria-label="Copy the run id">
            <ContentCopyIcon sx={{ fontSize: 16 }} />
          </IconButton>
        </Tooltip>
      </Box>
      <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(150px, 1fr))', gap: 2, m: 0, mt: 1 }}>
        <Fact term="Started">{formatDateTime(run.start)}</Fact>
        {run.end && <Fact term="Ended">{formatDateTime(run.end)}</Fact>}
        <Fact term={run.end ? 'Duration' : 'Running for'}>
          <span aria-live="off">{duration === undefined ? '—' : formatDuration(duration)}</span>
        </Fact>
        <Fact term="Started by">{run.initiatorEntity ?? '—'}</Fact>
        {run.targetEntity && <Fact term="For">{run.targetEntity}</Fact>}
      </Box>
      {run.description && (
        <Typography variant="body2" sx={{ mt: 1, color: 'text.secondary' }}>
          {run.description}
        </Typography>
      )}
    </Box>
  );
}
