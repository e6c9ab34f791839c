/** Loading, error and empty states, the same on every page, and what a page shows before its data is loaded. */
import { Alert, AlertTitle, Box, Button, CircularProgress, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import type { Loaded } from '../app/use-api';

export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <Box role="status" aria-live="polite" sx={{ display: 'flex', alignItems: 'center', gap: 2, p: 3 }}>
      <CircularProgress size={24} aria-hidden />
      <Typography>{label}</Typography>
    </Box>
  );
}

export function ErrorState({ error, title = 'Something went wrong', onRetry }: { error: Error; title?: string; onRetry?: () => void }) {
  return (
    <Alert
      severity="error"
      sx={{ my: 2 }}
      action={
        onRetry ? (
          <Button color="inherit" size="small" onClick={onRetry}>
            Try again
          </Button>
        ) : undefined
      }
    >
      <AlertTitle>{title}</AlertTitle>
      {error.message}
    </Alert>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <Box sx={{ p: 4, textAlign: 'center', color: 'text.secondary' }}>
      <Typography variant="h6" component="p" gutterBottom>
        {title}
      </Typography>
      {children}
    </Box>
  );
}

/**
 * `children` with the data `useApi` loaded, once it is there; before that, the loading state while
 * it loads and the error (with "Try again") when loading failed.
 */
export function WhenLoaded<T>({ loaded, loadingLabel, errorTitle, children }: { loaded: Loaded<T>; loadingLabel: string; errorTitle: string; children: (data: T) => ReactNode }) {
  if (loaded.data !== undefined) return children(loaded.data);
  return (
    <>
      {loaded.loading && <Loading label={loadingLabel} />}
      {loaded.error && <ErrorState error={loaded.error} title={errorTitle} onRetry={loaded.reload} />}
    </>
  );
}
