/** The portal's entry: theme, sign-in gate, live notifications and the router. */
import { Box, CssBaseline, ThemeProvider, Typography } from '@mui/material';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { AuthProvider, useAuth } from './app/auth';
import { LiveNotificationsProvider } from './app/live-notifications';
import { routes } from './app/routes';
import { SignInPage } from './app/SignInPage';
import { theme } from './app/theme';
import { ErrorState, Loading } from './components/PageStates';

const router = createBrowserRouter(routes);

function Gate() {
  const { user, loading, error, retry } = useAuth();
  if (loading) return <Loading label="Signing in…" />;
  if (error) {
    return (
      <Box component="main" sx={{ p: 3, maxWidth: 720, mx: 'auto' }}>
        <Typography variant="h4" component="h1">
          Sluice
        </Typography>
        <ErrorState error={error} title="Cannot reach Sluice" onRetry={retry} />
      </Box>
    );
  }
  if (!user) return <SignInPage />;
  return (
    <LiveNotificationsProvider key={user.userEntityRef}>
      <RouterProvider router={router} />
    </LiveNotificationsProvider>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ThemeProvider theme={theme}>
      <CssBaseline />
      <AuthProvider>
        <Gate />
      </AuthProvider>
    </ThemeProvider>
  </StrictMode>,
);
