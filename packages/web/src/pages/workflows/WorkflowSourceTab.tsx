/** The Source tab of a workflow: its definition file as written, read-only, with its format and a Copy button. */
import { Box, Button, Chip, Paper, Stack, Typography } from '@mui/material';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import { useState } from 'react';
import type { WorkflowOverviewDTO } from '../../api/types';
import { useApi } from '../../app/use-api';
import { ErrorState, Loading } from '../../components/PageStates';
import { workflowSource } from './workflow-api';

type WorkflowFormatDTO = WorkflowOverviewDTO['format'];

export function WorkflowSourceTab({ workflowId, format }: { workflowId: string; format: WorkflowFormatDTO }) {
  const source = useApi(`source:${workflowId}`, (signal) => workflowSource(workflowId, signal));
  const [copied, setCopied] = useState<'yes' | 'failed'>();

  if (source.error) return <ErrorState error={source.error} title="Could not load the source" onRetry={source.reload} />;
  if (source.data === undefined) return <Loading label="Loading the source…" />;

  const copy = () => {
    navigator.clipboard.writeText(source.data ?? '').then(
      () => setCopied('yes'),
      () => setCopied('failed'),
    );
  };

  return (
    <Box>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1 }}>
        <Chip size="small" label={format === 'json' ? 'JSON' : 'YAML'} aria-label={`Format: ${format === 'json' ? 'JSON' : 'YAML'}`} />
        <Typography variant="body2" color="text.secondary" sx={{ flexGrow: 1 }}>
          Serverless Workflow 0.8 definition, {source.data.split('\n').length} lines
        </Typography>
        <Button size="small" startIcon={<ContentCopyIcon />} onClick={copy}>
          Copy
        </Button>
        <Typography role="status" variant="caption" color={copied === 'failed' ? 'error' : 'text.secondary'}>
          {copied === 'yes' ? 'Copied' : copied === 'failed' ? 'Could not copy' : ''}
        </Typography>
      </Stack>
      <Paper
        component="pre"
        tabIndex={0}
        aria-label={`Source of ${workflowId} (${format})`}
        sx={{ m: 0, p: 2, overflow: 'auto', maxHeight: '70vh', fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', fontSize: 13, lineHeight: 1.5, bgcolor: 'grey.50' }}
      >
        <code className={`language-${format}`}>{source.data}</code>
      </Paper>
    </Box>
  );
}
