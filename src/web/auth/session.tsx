// The signed-in session: who the user is, login, logout, and the guard for pages that need a session.
import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { Center, Loader } from '@mantine/core';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api, ApiError, setCsrfToken } from '../api/client';
import type { Role, Session, User } from '../api/types';

export const SESSION_KEY = ['session'] as const;

async function fetchSession(): Promise<Session | null> {
  try {
    const s = await api.get<Session>('/api/auth/me');
    setCsrfToken(s.csrfToken);
    return s;
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw err;
  }
}

export function useSession(): { user: User | null; loading: boolean } {
  const q = useQuery({ queryKey: SESSION_KEY, queryFn: fetchSession, staleTime: 5 * 60_000, retry: false });
  return { user: q.data?.user ?? null, loading: q.isPending };
}

/** Called with the answer of login or invitation accept: both sign the user in. */
export function startSession(client: QueryClient, session: Session): void {
  setCsrfToken(session.csrfToken);
  client.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
  client.setQueryData(SESSION_KEY, session);
}

let expired = false;

/** True once after a session ended by the server (expired, revoked); the login page says so. */
export function takeSessionExpired(): boolean {
  const was = expired;
  expired = false;
  return was;
}

export function endSession(client: QueryClient, opts: { expired?: boolean } = {}): void {
  expired = Boolean(opts.expired && client.getQueryData(SESSION_KEY));
  setCsrfToken(null);
  client.setQueryData(SESSION_KEY, null);
  client.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
}

export async function login(client: QueryClient, email: string, password: string): Promise<Session> {
  const s = await api.post<Session>('/api/auth/login', { email, password });
  startSession(client, s);
  return s;
}

export async function logout(client: QueryClient): Promise<void> {
  try {
    await api.post('/api/auth/logout');
  } finally {
    endSession(client);
  }
}

/** The current user; only for components rendered inside <RequireSession>. */
export function useUser(): User {
  const { user } = useSession();
  if (!user) throw new Error('useUser outside a signed-in page');
  return user;
}

export function useLogout(): () => Promise<void> {
  const client = useQueryClient();
  return () => logout(client);
}

export function PageLoader(): ReactNode {
  const { t } = useTranslation();
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Loader aria-label={t('common.loading')} />
    </Center>
  );
}

export function RequireSession({ children }: { children: ReactNode }): ReactNode {
  const { user, loading } = useSession();
  const location = useLocation();
  if (loading) return <PageLoader />;
  if (!user) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  return children;
}

export function hasRole(user: User, roles: readonly Role[]): boolean {
  return roles.includes(user.role);
}

export const AGENCY_ROLES: readonly Role[] = ['coordinator', 'contributor', 'head'];
export const DGA_ROLES: readonly Role[] = ['admin', 'reviewer'];
