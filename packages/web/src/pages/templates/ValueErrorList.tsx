/** The server's objections to the values, as a list, with a way back to each page that has some. */
import { Alert, AlertTitle, Box, Button, List, ListItem } from '@mui/material';
import type { PlacedError } from './value-errors';

export function ValueErrorList({ errors, pageTitles, onGoTo }: { errors: readonly PlacedError[]; pageTitles: readonly string[]; onGoTo: (page: number) => void }) {
  const pages = [...new Set(errors.map((e) => e.page).filter((p) => p >= 0))].sort((a, b) => a - b);
  return (
    <Alert severity="error" role="alert" sx={{ my: 2 }}>
      <AlertTitle>The template did not accept these values</AlertTitle>
      <List dense disablePadding sx={{ listStyle: 'disc', pl: 2 }}>
        {errors.map((e, i) => (
          <ListItem key={i} disableGutters sx={{ display: 'list-item', py: 0 }}>
            {e.text}
          </ListItem>
        ))}
      </List>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, mt: 1 }}>
        {pages.map((p) => (
          <Button key={p} size="small" variant="outlined" color="inherit" onClick={() => onGoTo(p)} sx={{ textTransform: 'none' }}>
            Fix on “{pageTitles[p]}”
          </Button>
        ))}
      </Box>
    </Alert>
  );
}
