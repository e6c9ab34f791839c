/**
 * One catalog component: name, ref, description, owner, type, lifecycle, tags, links, and its
 * annotations and relations on demand. Components created by a template or a workflow carry a
 * badge; the selected one (`?entity=`) is outlined and opens its details.
 */
import { Accordion, AccordionDetails, AccordionSummary, Card, CardContent, Chip, Link, Stack, Table, TableBody, TableCell, TableRow, Typography } from '@mui/material';
import AutoAwesomeIcon from '@mui/icons-material/AutoAwesome';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import type { Ref } from 'react';
import { Link as RouterLink } from 'react-router';
import type { Entity } from '../../api/types';
import { AppLink } from '../../components/AppLink';
import { displayRef, entityRefOf } from '../../components/entity-refs';
import { entityTitle, specString } from './catalog-api';
import { createdBy } from './created-by-automation';

export interface ComponentCardProps {
  readonly entity: Entity;
  readonly selected: boolean;
  readonly ref?: Ref<HTMLElement>;
}

function Fact({ label, value }: { label: string; value: string | undefined }) {
  if (!value) return null;
  return (
    <div>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

export function ComponentCard({ entity, selected, ref }: ComponentCardProps) {
  const refText = entityRefOf(entity);
  const titleId = `component-${refText.replace(/[^a-z0-9-]/g, '-')}-title`;
  const madeBy = createdBy(entity);
  const annotations = Object.entries(entity.metadata.annotations ?? {}).sort(([a], [b]) => a.localeCompare(b));
  const relations = entity.relations ?? [];
  const owner = specString(entity, 'owner');
  return (
    <Card
      ref={ref}
      component="article"
      aria-labelledby={titleId}
      aria-current={selected ? 'true' : undefined}
      sx={{ borderColor: selected ? 'primary.main' : madeBy ? 'secondary.light' : 'divider', borderWidth: selected ? 2 : 1, scrollMarginTop: 80 }}
    >
      <CardContent sx={{ display: 'grid', gap: 1 }}>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 0.5 }}>
          <Typography variant="h6" component="h2" id={titleId}>
            <Link component={RouterLink} to={`/components?entity=${encodeURIComponent(refText)}`} replace underline="hover" color="inherit">
              {entityTitle(entity)}
            </Link>
          </Typography>
          <Typography variant="body2" color="text.secondary" component="span">
            {refText}
          </Typography>
          {madeBy && <Chip size="small" color="secondary" icon={<AutoAwesomeIcon />} label={`Created by ${madeBy}`} />}
        </Stack>
        {entity.metadata.description && <Typography color="text.secondary">{entity.metadata.description}</Typography>}
        <Stack component="dl" direction="row" sx={{ flexWrap: 'wrap', columnGap: 3, rowGap: 0.5, m: 0, '& div': { display: 'flex' }, '& dt': { color: 'text.secondary', mr: 0.5 }, '& dd': { m: 0 } }}>
          <Fact label="Owner" value={owner && displayRef(owner)} />
          <Fact label="Type" value={specString(entity, 'type')} />
          <Fact label="Lifecycle" value={specString(entity, 'lifecycle')} />
          <Fact label="System" value={specString(entity, 'system')} />
        </Stack>
        {(entity.metadata.tags ?? []).length > 0 && (
          <Stack component="ul" direction="row" aria-label="Tags" sx={{ flexWrap: 'wrap', gap: 0.5, listStyle: 'none', p: 0, m: 0 }}>
            {entity.metadata.tags!.map((t) => (
              <li key={t}>
                <Chip size="small" label={t} />
              </li>
            ))}
          </Stack>
        )}
        {(entity.metadata.links ?? []).length > 0 && (
          <Stack component="ul" direction="row" aria-label="Links" sx={{ flexWrap: 'wrap', columnGap: 2, listStyle: 'none', p: 0, m: 0 }}>
            {entity.metadata.links!.map((l) => (
              <li key={l.url}>
                <AppLink href={l.url}>{l.title ?? l.url}</AppLink>
              </li>
            ))}
          </Stack>
        )}
        {(annotations.length > 0 || relations.length > 0) && (
          <Accordion defaultExpanded={selected} disableGutters elevation={0} sx={{ '&::before': { display: 'none' }, border: 1, borderColor: 'divider' }}>
            <AccordionSummary expandIcon={<ExpandMoreIcon />}>
              <Typography variant="body2">
                Annotations ({annotations.length}) and relations ({relations.length})
              </Typography>
            </AccordionSummary>
            <AccordionDetails>
              <Table size="small" aria-label={`Annotations and relations of ${entityTitle(entity)}`}>
                <TableBody>
                  {annotations.map(([k, v]) => (
                    <TableRow key={`a:${k}`}>
                      <TableCell component="th" scope="row" sx={{ color: 'text.secondary', width: '40%', wordBreak: 'break-all' }}>
                        {k}
                      </TableCell>
                      <TableCell sx={{ wordBreak: 'break-all' }}>{v}</TableCell>
                    </TableRow>
                  ))}
                  {relations.map((r) => (
                    <TableRow key={`r:${r.type}:${r.targetRef}`}>
                      <TableCell component="th" scope="row" sx={{ color: 'text.secondary' }}>
                        {r.type}
                      </TableCell>
                      <TableCell>{r.targetRef}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </AccordionDetails>
          </Accordion>
        )}
      </CardContent>
    </Card>
  );
}
