/** One template in the gallery: title, type, description, tags, owner, and "Choose" to start it. */
import { Box, Button, Card, CardActions, CardContent, Chip, Stack, Typography } from '@mui/material';
import { Link as RouterLink } from 'react-router';
import type { Entity } from '../../api/types';
import { displayRef } from '../../components/entity-refs';
import { Markdown } from '../../components/Markdown';
import { entityTitle, specString } from './catalog-api';

export function TemplateCard({ template }: { template: Entity }) {
  const { name, namespace = 'default', description, tags = [] } = template.metadata;
  const titleId = `template-${namespace}-${name}-title`;
  const owner = specString(template, 'owner');
  const type = specString(template, 'type');
  return (
    <Card component="article" aria-labelledby={titleId} sx={{ display: 'flex', flexDirection: 'column' }}>
      <CardContent sx={{ flexGrow: 1, display: 'grid', gap: 1, alignContent: 'start' }}>
        {type && <Typography variant="overline" color="text.secondary" sx={{ lineHeight: 1.5 }}>{type}</Typography>}
        <Typography variant="h6" component="h2" id={titleId}>
          {entityTitle(template)}
        </Typography>
        {description ? (
          <Box sx={{ color: 'text.secondary' }}>
            <Markdown source={description} />
          </Box>
        ) : (
          <Typography color="text.secondary">No description.</Typography>
        )}
        {tags.length > 0 && (
          <Stack component="ul" direction="row" aria-label="Tags" sx={{ flexWrap: 'wrap', gap: 0.5, listStyle: 'none', p: 0, m: 0 }}>
            {tags.map((t) => (
              <li key={t}>
                <Chip label={t} size="small" />
              </li>
            ))}
          </Stack>
        )}
        {owner && (
          <Typography variant="body2" color="text.secondary">
            Owner: {displayRef(owner)}
          </Typography>
        )}
      </CardContent>
      <CardActions sx={{ justifyContent: 'flex-end' }}>
        <Button variant="contained" component={RouterLink} to={`/templates/${encodeURIComponent(namespace)}/${encodeURIComponent(name)}`}>
          Choose
        </Button>
      </CardActions>
    </Card>
  );
}
