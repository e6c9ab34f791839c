/**
 * What a finished task hands back: its output links (a catalog entity opens on the components
 * page; a URL opens in the app or, elsewhere, in a new tab) and its texts (markdown).
 */
import { Box, Link, List, ListItem, Typography } from '@mui/material';
import { Link as RouterLink } from 'react-router';
import type { ScaffolderTask } from '../../api/types';
import { AppLink } from '../../components/AppLink';
import { Markdown } from '../../components/Markdown';

type Output = NonNullable<ScaffolderTask['output']>;

export function TaskOutput({ output }: { output: Output }) {
  const links = (output.links ?? []).filter((l) => l.entityRef || l.url);
  const texts = (output.text ?? []).filter((t) => t.content);
  if (links.length === 0 && texts.length === 0) return <Typography color="text.secondary">The task returned no links or text.</Typography>;
  return (
    <Box sx={{ display: 'grid', gap: 2 }}>
      {links.length > 0 && (
        <List aria-label="Output links" dense disablePadding>
          {links.map((l, i) => (
            <ListItem key={i} disableGutters>
              {l.entityRef ? (
                <Link component={RouterLink} to={`/components?entity=${encodeURIComponent(l.entityRef)}`}>
                  {l.title ?? l.entityRef}
                </Link>
              ) : (
                <AppLink href={l.url!}>{l.title ?? l.url}</AppLink>
              )}
            </ListItem>
          ))}
        </List>
      )}
      {texts.map((t, i) => (
        <section key={i} aria-labelledby={`output-text-${i}`}>
          <Typography variant="subtitle1" component="h3" id={`output-text-${i}`} sx={{ fontWeight: 600 }}>
            {t.title ?? 'Text'}
          </Typography>
          <Box sx={{ '& pre': { p: 1.5, bgcolor: 'grey.100', borderRadius: 1, overflow: 'auto' } }}>
            <Markdown source={t.content!} />
          </Box>
        </section>
      ))}
    </Box>
  );
}
