/** Toggle chips for the tags of the gallery: pressed tags keep the templates that have any of them. */
import { Box, Chip, Typography } from '@mui/material';

export interface TagFilterProps {
  readonly tags: readonly string[];
  readonly selected: readonly string[];
  readonly onToggle: (tag: string) => void;
}

export function TagFilter({ tags, selected, onToggle }: TagFilterProps) {
  if (tags.length === 0) return null;
  return (
    <Box role="group" aria-labelledby="tag-filter-label" sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, alignItems: 'center' }}>
      <Typography id="tag-filter-label" variant="body2" color="text.secondary" component="span">
        Filter by tag:
      </Typography>
      {tags.map((tag) => {
        const on = selected.includes(tag);
        return (
          <Chip
            key={tag}
            label={tag}
            size="small"
            color={on ? 'primary' : 'default'}
            variant={on ? 'filled' : 'outlined'}
            onClick={() => onToggle(tag)}
            aria-pressed={on}
          />
        );
      })}
    </Box>
  );
}
