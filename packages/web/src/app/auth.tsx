/**
 * Who is signed in. The portal token lives in localStorage; `/api/auth/me` says who it stands for.
 * Guest sign-in (the embedded default) picks a catalog user; with OIDC configured the browser goes
 * through the provider and comes back with the token in the URL fragment.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, ApiError, setUnauthorizedHandler, tokenStore } from '../api/client';
import type { Me, PortalSession } from '../api/types';

export type SignedInUser = Extract<Me, { type: 'user' }>;

interface AuthState {
  readonly user: SignedInUser | null;
  readonly loading: boolean;
  /** Why the signed-in user could not be read when the server did not answer (the token is kept). */
  readonly error: Error | undefined;
  /** Reads the signed-in user again (after `error`). */
  readonly retry: () => void;
  /** Why the last sign-in through the identity provider was refused. */
  readonly signInError: string | undefined;
  readonly signInAsGuest: (userEntityRef: string) => Promise<void>;
  readonly signOut: () => void;
}

const AuthContext = createContext<AuthState | null>(null);

/**
 * Takes what the OIDC sign-in hands back in the URL fragment (`#token=…`, or `#error=…` when the
 * server refused the user) and removes it from the address bar. Returns the error, if any.
 */
function takeFragment(): string | undefined {
  const hash = window.location.hash;
  if (!hash.includes('token=') && !hash.includes('error=')) return undefined;
  const params = new URLSearchParams(hash.slice(1));
  const token = params.get('token');
  if (token) tokenStore.set(token);
  window.history.replaceState(null, '', window.location.pathname + window.location.search);
  return params.get('error') ?? undefined;
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<SignedInUser | null>(null);
  const [loading, setLoading] = useState(true);
  const [signInError, setSignInError] = useState<string>();
  const [error, setError] = useState<Error>();

  const load = useCallback(async () => {
    if (!tokenStore.get()) {
      setUser(null);
      setLoading(false);
      return;
    }
    setError(undefined);
    try {
      const me = await api<Me>('/api/auth/me');
      setUser(me.type === 'user' ? me : null);
    } catch (err) {
      // Only the server's refusal (4xx) ends the session: a server that is down, failing (5xx) or out of reach does not.
      if (err instanceof ApiError && err.status < 500) tokenStore.clear();
      else setError(err instanceof Error ? err : new Error(String(err)));
      setUser(null);
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    setSignInError(takeFragment());
    setUnauthorizedHandler(() => {
      tokenStore.clear();
      setUser(null);
    });
    void load();
  }, [load]);

  const signInAsGuest = useCallback(
    async (userEntityRef: string) => {
      const session = await api<PortalSession>('/api/auth/guest/refresh', { body: { userEntityRef } });
      tokenStore.set(session.token);
      setLoading(true);
      await load();
    },
    [load],
  );

  const signOut = useCallback(() => {
    tokenStore.clear();
    setUser(null);
  }, []);

  const retry = useCallback(() => {
    setLoading(true);
    void load();
  }, [load]);

  const value = useMemo(() => ({ user, loading, error, retry, signInError, signInAsGuest, signOut }), [user, loading, error, retry, signInError, signInAsGuest, signOut]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}

/** The signed-in user; only for pages behind the sign-in gate. */
export function useUser(): SignedInUser {
  const { user } = useAuth();
  if (!user) throw new Error('useUser without a signed-in user');
  return user;
}
