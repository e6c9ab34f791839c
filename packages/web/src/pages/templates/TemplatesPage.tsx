/**
 * Templates (`/templates`): the catalog's Software Templates as a gallery of cards, filtered by a
 * search over title and description and by tags (kept in the address: `?q=&tag=`). "Choose" opens
 * the template's form.
 */
import { Box } from '@mui/material';
import { useSearchParams } from 'react-router';
import { useApi } from '../../app/use-api';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, WhenLoaded } from '../../components/PageStates';
import { SearchField } from '../../components/SearchField';
import { entityTitle, listEntitiesOfKind } from './catalog-api';
import { TagFilter } from './TagFilter';
import { TemplateCard } from './TemplateCard';

export default function TemplatesPage() {
  const [params, setParams] = useSearchParams();
  const templates = useApi('catalog:templates', (signal) => listEntitiesOfKind('template', signal));
  const search = params.get('q') ?? '';
  const selected = params.getAll('tag');

  const update = (q: string, tags: readonly string[]) => {
    const p = new URLSearchParams();
    if (q) p.set('q', q);
    for (const t of tags) p.append('tag', t);
    setParams(p, { replace: true });
  };
  const toggle = (tag: string) => update(search, selected.includes(tag) ? selected.filter((t) => t !== tag) : [...selected, tag]);

  const all = [...(templates.data ?? [])].sort((a, b) => entityTitle(a).localeCompare(entityTitle(b)));
  const tags = [...new Set(all.flatMap((t) => t.metadata.tags ?? []))].sort();
  const needle = search.trim().toLowerCase();
  const shown = all.filter(
    (t) =>
      (selected.length === 0 || (t.metadata.tags ?? []).some((tag) => selected.includes(tag))) &&
      (!needle || `${entityTitle(t)} ${t.metadata.name} ${t.metadata.description ?? ''}`.toLowerCase().includes(needle)),
  );

  return (
    <Box sx={{ display: 'grid', gap: 2 }}>
      <PageHeader title="Templates" description="Create something new from a Software Template: fill in its form and a task does the rest." />
      <WhenLoaded loaded={templates} loadingLabel="Loading the templates…" errorTitle="Cannot load the templates">
        {() => (
          <>
            <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, alignItems: 'center' }}>
              <SearchField label="Search templates" value={search} onChange={(q) => update(q, selected)} />
              <TagFilter tags={tags} selected={selected} onToggle={toggle} />
            </Box>
            {all.length === 0 ? (
              <EmptyState title="The catalog has no templates yet" />
            ) : shown.length === 0 ? (
              <EmptyState title="No template matches the filters" />
            ) : (
              <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: 'repeat(auto-fill, minmax(280px, 1fr))' }}>
                {shown.map((t) => (
                  <TemplateCard key={`${t.metadata.namespace ?? 'default'}/${t.metadata.name}`} template={t} />
                ))}
              </Box>
            )}
          </>
        )}
      </WhenLoaded>
    </Box>
  );
}
