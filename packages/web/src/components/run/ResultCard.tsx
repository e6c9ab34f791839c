/**
 * What a run produced, per the Orchestrator result contract: the message as markdown, `link`
 * outputs as links (one into the portal opens its page in place, others a new tab), `markdown`
 * outputs rendered, other outputs in a key/value table, and the suggested next workflows as links
 * to their run form prefilled from this run.
 */
import { Alert, Box, Link, List, ListItem, Table, TableBody, TableCell, TableRow, Typography } from '@mui/material';
import { Link as RouterLink } from 'react-router';
import type { ProcessInstanceStatusDTO } from '../../api/types';
import { AppLink } from '../AppLink';
import { Markdown } from '../Markdown';
import { isWebUrl, resultOf } from './run-result';

const COMPLETED_WITH = {
  success: { severity: 'success', text: 'The workflow reports success.' },
  warning: { severity: 'warning', text: 'The workflow completed with warnings.' },
  error: { severity: 'error', text: 'The workflow reports an error.' },
} as const;

export function ResultCard({ workflowdata, instanceId, status }: { workflowdata: unknown; instanceId: string; status: ProcessInstanceStatusDTO | undefined }) {
  const result = resultOf(workflowdata);
  if (!result || (!result.message && result.outputs.length === 0 && result.nextWorkflows.length === 0 && !result.completedWith)) {
    const running = status === 'ACTIVE' || status === 'PENDING' || status === 'SUSPENDED';
    return <Typography sx={{ color: 'text.secondary' }}>{running ? 'The result appears here when the run completes.' : 'This run reported no result.'}</Typography>;
  }
  const links = result.outputs.filter((o) => o.format === 'link');
  const markdown = result.outputs.filter((o) => o.format === 'markdown');
  const values = result.outputs.filter((o) => o.format === 'text' || o.format === 'number');
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
      {result.completedWith && <Alert severity={COMPLETED_WITH[result.completedWith].severity}>{COMPLETED_WITH[result.completedWith].text}</Alert>}
      {result.message && <Markdown source={result.message} />}
      {links.length > 0 && (
        <Box>
          <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 700 }}>
            Links
          </Typography>
          <List dense disablePadding>
            {links.map((o, i) => (
              <ListItem key={i} disableGutters>
                {isWebUrl(o.value) ? (
                  <AppLink href={o.value}>{o.key}</AppLink>
                ) : (
                  <Typography variant="body2">
                    {o.key}: {o.value}
                  </Typography>
                )}
              </ListItem>
            ))}
          </List>
        </Box>
      )}
      {markdown.map((o, i) => (
        <Box key={i}>
          <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 700 }}>
            {o.key}
          </Typography>
          <Markdown source={o.value} />
        </Box>
      ))}
      {values.length > 0 && (
        <Table size="small" aria-label="Outputs">
          <TableBody>
            {values.map((o, i) => (
              <TableRow key={i}>
                <TableCell component="th" scope="row" sx={{ fontWeight: 600, width: '35%', verticalAlign: 'top' }}>
                  {o.key}
                </TableCell>
                <TableCell sx={{ wordBreak: 'break-word', fontFamily: o.format === 'number' ? 'monospace' : undefined }}>{o.value}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {result.nextWorkflows.length > 0 && (
        <Box>
          <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 700 }}>
            Suggested next workflows
          </Typography>
          <List dense disablePadding>
            {result.nextWorkflows.map((w) => (
              <ListItem key={w.id} disableGutters>
                <Link component={RouterLink} to={`/workflows/${encodeURIComponent(w.id)}/run?instanceId=${encodeURIComponent(instanceId)}`}>
                  Run {w.name}
                </Link>
              </ListItem>
            ))}
          </List>
        </Box>
      )}
    </Box>
  );
}
