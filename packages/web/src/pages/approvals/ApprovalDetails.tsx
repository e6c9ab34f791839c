/**
 * What a request is about, the same in the inbox and the history: title (the item's heading),
 * description as markdown, requester, workflow, approvers, when it was asked, and a link to the run.
 */
import { Box, Link, Stack, Typography } from '@mui/material';
import { Link as RouterLink } from 'react-router';
import type { Approval } from '../../api/types';
import { AppLink } from '../../components/AppLink';
import { displayRef } from '../../components/entity-refs';
import { Markdown } from '../../components/Markdown';
import { toPortalLink } from '../../components/portal-link';
import { Timestamp } from '../../components/Timestamp';

export function ApprovalDetails({ approval, titleId }: { approval: Approval; titleId: string }) {
  const runPath = `/runs/${encodeURIComponent(approval.instanceId)}`;
  const extra = approval.link ? toPortalLink(approval.link) : undefined;
  const showExtra = extra !== undefined && !(extra.kind === 'internal' && extra.to === runPath);
  return (
    <Box sx={{ minWidth: 0 }}>
      <Typography variant="h6" component="h2" id={titleId} sx={{ wordBreak: 'break-word' }}>
        {approval.title}
      </Typography>
      {approval.description && <Markdown source={approval.description} />}
      <Stack component="dl" direction="row" sx={{ flexWrap: 'wrap', columnGap: 3, rowGap: 0.5, my: 1, '& dt': { color: 'text.secondary', mr: 0.5 }, '& dd': { m: 0 }, '& div': { display: 'flex' } }}>
        <div>
          <dt>Requested by</dt>
          <dd>{displayRef(approval.requester)}</dd>
        </div>
        <div>
          <dt>Workflow</dt>
          <dd>
            {approval.workflowId ? (
              <Link component={RouterLink} to={`/workflows/${encodeURIComponent(approval.workflowId)}`}>
                {approval.workflowId}
              </Link>
            ) : (
              'unknown'
            )}
          </dd>
        </div>
        <div>
          <dt>Approvers</dt>
          <dd>{approval.approvers.map(displayRef).join(', ')}</dd>
        </div>
        <div>
          <dt>Asked</dt>
          <dd>
            <Timestamp iso={approval.createdAt} />
          </dd>
        </div>
      </Stack>
      <Stack direction="row" spacing={2}>
        <Link component={RouterLink} to={runPath}>
          View the run
        </Link>
        {showExtra && approval.link && <AppLink href={approval.link}>More details</AppLink>}
      </Stack>
    </Box>
  );
}
