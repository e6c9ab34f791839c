/**
 * Sign-in: with guest sign-in on (the embedded default) pick a catalog user; with OIDC configured,
 * go through the provider and come back to the page the user asked for.
 */
import { Alert, Box, Button, Card, CardContent, FormControl, InputLabel, MenuItem, Select, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { api } from '../api/client';
import { ErrorState, Loading } from '../components/PageStates';
import { useAuth } from './auth';
import { useApi } from './use-api';

interface Providers {
  guest: boolean;
  oidc: boolean;
}
interface GuestUser {
  userEntityRef: string;
  displayName?: string;
}

export function SignInPage() {
  const { signInAsGuest, signInError } = useAuth();
  const providers = useApi('providers', (signal) => api<Providers>('/api/auth/providers', { signal }));
  const users = useApi(providers.data?.guest ? 'guest-users' : null, (signal) => api<{ items: GuestUser[] }>('/api/auth/guest/users', { signal }));
  const [picked, setPicked] = useState('');
  const [error, setError] = useState<Error>();
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await signInAsGuest(picked);
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box component="main" sx={{ minHeight: '100vh', display: 'grid', placeItems: 'center', bgcolor: 'background.default', p: 2 }}>
      <Card sx={{ width: 440, maxWidth: '100%' }}>
        <CardContent>
          <Typography variant="h4" component="h1" gutterBottom>
            Sluice
          </Typography>
          <Typography color="text.secondary" sx={{ mb: 3 }}>
            Developer self-service: namespaces and more, run by durable workflows.
          </Typography>
          {signInError && (
            <Alert severity="error" sx={{ mb: 2 }}>
              Sign-in was refused: {signInError}
            </Alert>
          )}
          {providers.loading && !providers.data && <Loading />}
          {providers.error && <ErrorState error={providers.error} title="Cannot reach Sluice" onRetry={providers.reload} />}
          {providers.data && (
            <Stack spacing={2}>
              {providers.data.oidc && (
                <Button variant="contained" href={`/api/auth/oidc/start?redirect=${encodeURIComponent(window.location.pathname + window.location.search)}`}>
                  Sign in with your identity provider
                </Button>
              )}
              {providers.data.guest && (
                <>
                  {users.error && <ErrorState error={users.error} onRetry={users.reload} />}
                  <FormControl fullWidth>
                    <InputLabel id="guest-user-label">Sign in as</InputLabel>
                    <Select labelId="guest-user-label" id="guest-user" label="Sign in as" value={picked} onChange={(e) => setPicked(e.target.value)}>
                      {(users.data?.items ?? []).map((u) => (
                        <MenuItem key={u.userEntityRef} value={u.userEntityRef}>
                          {u.displayName ? `${u.displayName} (${u.userEntityRef})` : u.userEntityRef}
                        </MenuItem>
                      ))}
                    </Select>
                  </FormControl>
                  <Button variant={providers.data.oidc ? 'outlined' : 'contained'} disabled={!picked || busy} onClick={() => void submit()}>
                    Sign in as guest
                  </Button>
                  <Typography variant="body2" color="text.secondary">
                    Guest sign-in picks a user from the catalog with no password: meant for trying Sluice out. Turn it off with <code>auth.guest: false</code>.
                  </Typography>
                </>
              )}
              {!providers.data.guest && !providers.data.oidc && <Alert severity="warning">No sign-in method is configured on this server (see docs/configuration.md, auth).</Alert>}
              {error && <ErrorState error={error} title="Sign-in failed" />}
            </Stack>
          )}
        </CardContent>
      </Card>
    </Box>
  );
}
