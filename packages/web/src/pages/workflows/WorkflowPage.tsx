/**
 * /workflows/:workflowId: a workflow's name, description and availability, a Run button, and tabs
 * Definition (the graph), Source (the definition file) and Runs (its runs, paged). The tab is kept
 * in the address (`?tab=source`) so it survives a reload and can be linked to.
 */
import { Box, Breadcrumbs, Button, Link, Stack, Typography } from '@mui/material';
import PlayArrowIcon from '@mui/icons-material/PlayArrow';
import { Link as RouterLink, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../../api/client';
import { useApi } from '../../app/use-api';
import { EmptyState, ErrorState, Loading } from '../../components/PageStates';
import { PageTabs, TabPanel } from '../../components/PageTabs';
import { Availability } from './Availability';
import { WorkflowDefinitionTab } from './WorkflowDefinitionTab';
import { WorkflowRunsTab } from './WorkflowRunsTab';
import { WorkflowSourceTab } from './WorkflowSourceTab';
import { workflowOverview } from './workflow-api';

const TABS = [
  { value: 'definition', label: 'Definition' },
  { value: 'source', label: 'Source' },
  { value: 'runs', label: 'Runs' },
] as const;
type TabValue = (typeof TABS)[number]['value'];

export default function WorkflowPage() {
  const workflowId = useParams().workflowId ?? '';
  const [params, setParams] = useSearchParams();
  const tab: TabValue = TABS.find((t) => t.value === params.get('tab'))?.value ?? 'definition';
  const overview = useApi(`overview:${workflowId}`, (signal) => workflowOverview(workflowId, signal), { pollMs: 15_000 });
  const o = overview.data;

  if (overview.error && !o) {
    if (overview.error instanceof ApiError && overview.error.status === 404) {
      return (
        <EmptyState title={`There is no workflow ${workflowId}`}>
          <Button component={RouterLink} to="/workflows" variant="outlined">
            Go to the workflows
          </Button>
        </EmptyState>
      );
    }
    return <ErrorState error={overview.error} title="Could not load this workflow" onRetry={overview.reload} />;
  }
  if (!o) return <Loading label="Loading the workflow…" />;

  const name = o.name ?? o.workflowId;
  const selectTab = (value: TabValue) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        if (value === 'definition') next.delete('tab');
        else next.set('tab', value);
        return next;
      },
      { replace: true },
    );

  return (
    <Box>
      <Breadcrumbs aria-label="Breadcrumb" sx={{ mb: 1 }}>
        <Link component={RouterLink} to="/workflows">
          Workflows
        </Link>
        <Typography color="text.primary">{name}</Typography>
      </Breadcrumbs>
      <Stack direction="row" sx={{ alignItems: 'flex-start', justifyContent: 'space-between', gap: 2, flexWrap: 'wrap', mb: 1 }}>
        <Box sx={{ minWidth: 0, flex: '1 1 480px' }}>
          <Typography variant="h4" component="h1" sx={{ wordBreak: 'break-word' }}>
            {name}
          </Typography>
          <Typography variant="body2" color="text.secondary" sx={{ fontFamily: 'monospace' }}>
            {o.workflowId}
          </Typography>
        </Box>
        <Button
          component={RouterLink}
          to={`/workflows/${encodeURIComponent(o.workflowId)}/run`}
          variant="contained"
          startIcon={<PlayArrowIcon />}
          disabled={o.isAvailable === false}
        >
          Run
        </Button>
      </Stack>
      {o.description && <Typography sx={{ mb: 1, maxWidth: 900, whiteSpace: 'pre-line' }}>{o.description}</Typography>}
      <Box sx={{ mb: 2 }}>
        <Availability overview={o} />
      </Box>
      {overview.error && <ErrorState error={overview.error} title="Could not refresh this workflow" onRetry={overview.reload} />}

      <Box sx={{ borderBottom: 1, borderColor: 'divider' }}>
        <PageTabs idPrefix="workflow" label="Workflow details" tabs={TABS} value={tab} onChange={selectTab} />
      </Box>
      <TabPanel idPrefix="workflow" value={tab} sx={{ pt: 2 }}>
        {tab === 'definition' && <WorkflowDefinitionTab workflowId={o.workflowId} />}
        {tab === 'source' && <WorkflowSourceTab workflowId={o.workflowId} format={o.format} />}
        {tab === 'runs' && <WorkflowRunsTab workflowId={o.workflowId} />}
      </TabPanel>
    </Box>
  );
}
