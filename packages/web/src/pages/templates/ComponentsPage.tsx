/**
 * Components (`/components`): the catalog's components, those created by templates or workflows
 * marked (and filterable), with a filter box over name, title, description, owner and tags.
 * `?entity=component:ns/name` (the output link of a task) selects one: outlined, scrolled to, its
 * details open, and shown even when the filter would hide it.
 */
import { Alert, Box, Checkbox, FormControlLabel } from '@mui/material';
import { useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useApi } from '../../app/use-api';
import { entityRefOf, parseRef } from '../../components/entity-refs';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, WhenLoaded } from '../../components/PageStates';
import { SearchField } from '../../components/SearchField';
import { entityTitle, listEntitiesOfKind, specString } from './catalog-api';
import { ComponentCard } from './ComponentCard';
import { createdBy } from './created-by-automation';

export default function ComponentsPage() {
  const [params] = useSearchParams();
  const components = useApi('catalog:components', (signal) => listEntitiesOfKind('component', signal));
  const [filter, setFilter] = useState('');
  const [onlyCreated, setOnlyCreated] = useState(false);
  const selectedCard = useRef<HTMLElement>(null);

  const wanted = params.get('entity');
  const parsed = wanted ? parseRef(wanted, 'component') : undefined;
  const selectedRef = parsed ? `${parsed.kind}:${parsed.namespace}/${parsed.name}` : undefined;

  const all = [...(components.data ?? [])].sort((a, b) => entityTitle(a).localeCompare(entityTitle(b)));
  const needle = filter.trim().toLowerCase();
  const shown = all.filter((e) => {
    if (entityRefOf(e) === selectedRef) return true;
    if (onlyCreated && !createdBy(e)) return false;
    if (!needle) return true;
    const text = [e.metadata.name, e.metadata.title, e.metadata.description, specString(e, 'owner'), ...(e.metadata.tags ?? [])].join(' ').toLowerCase();
    return text.includes(needle);
  });
  const selectedFound = selectedRef !== undefined && all.some((e) => entityRefOf(e) === selectedRef);

  useEffect(() => {
    if (selectedFound) selectedCard.current?.scrollIntoView?.({ block: 'start', behavior: 'smooth' });
  }, [selectedFound, selectedRef]);

  return (
    <Box sx={{ display: 'grid', gap: 2 }}>
      <PageHeader title="Components" description="What the catalog knows, including what templates and workflows created." />
      <WhenLoaded loaded={components} loadingLabel="Loading the components…" errorTitle="Cannot load the components">
        {() => (
          <>
            <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, alignItems: 'center' }}>
              <SearchField label="Filter components" value={filter} onChange={setFilter} />
              <FormControlLabel control={<Checkbox checked={onlyCreated} onChange={(e) => setOnlyCreated(e.target.checked)} />} label="Only those created by templates or workflows" />
            </Box>
            {wanted && !selectedFound && (
              <Alert severity="info">
                The catalog has no component {wanted} (yet). A component a task has just registered shows up here once the catalog has it; try again in a moment.
              </Alert>
            )}
            {all.length === 0 ? (
              <EmptyState title="The catalog has no components yet" />
            ) : shown.length === 0 ? (
              <EmptyState title="No component matches the filter" />
            ) : (
              <Box sx={{ display: 'grid', gap: 2 }}>
                {shown.map((e) => {
                  const ref = entityRefOf(e);
                  const selected = ref === selectedRef;
                  return <ComponentCard key={ref} entity={e} selected={selected} {...(selected ? { ref: selectedCard } : {})} />;
                })}
              </Box>
            )}
          </>
        )}
      </WhenLoaded>
    </Box>
  );
}
