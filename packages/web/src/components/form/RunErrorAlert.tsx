/** A failed attempt to start a run, in plain words, with the fields the server rejected (and a way to go and fix each). */
import { Alert, AlertTitle, Box, Button, List, ListItem, Typography } from '@mui/material';
import type { RunErrorDescription } from './run-errors';

export function RunErrorAlert({ error, onEdit }: { error: RunErrorDescription; onEdit?: (pointer: string) => void }) {
  return (
    <Alert severity="error" sx={{ my: 2 }} role="alert">
      <AlertTitle>{error.title}</AlertTitle>
      <Typography variant="body2">{error.message}</Typography>
      {error.problems.length > 0 && (
        <List dense aria-label="Problems with the input" sx={{ listStyle: 'disc', pl: 3 }}>
          {error.problems.map((p, i) => (
            <ListItem key={`${p.pointer}:${i}`} sx={{ display: 'list-item', py: 0 }}>
              <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
                <span>
                  <strong>{p.labels.length > 0 ? p.labels.join(' › ') : 'Input'}</strong>: {p.message}
                </span>
                {onEdit && p.pointer !== '' && (
                  <Button size="small" color="inherit" onClick={() => onEdit(p.pointer)} aria-label={`Edit ${p.labels.join(' › ')}`}>
                    Edit
                  </Button>
                )}
              </Box>
            </ListItem>
          ))}
        </List>
      )}
      {error.notes.length > 0 && (
        <List dense sx={{ listStyle: 'disc', pl: 3 }}>
          {error.notes.map((n) => (
            <ListItem key={n} sx={{ display: 'list-item', py: 0 }}>
              {n}
            </ListItem>
          ))}
        </List>
      )}
    </Alert>
  );
}
