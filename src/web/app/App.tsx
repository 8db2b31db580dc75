// Providers and the router.
import { MantineProvider } from '@mantine/core';
import { QueryCache, QueryClient, QueryClientProvider, MutationCache } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { ApiError } from '../api/client';
import type { Role } from '../api/types';
import { endSession, RequireSession, useUser } from '../auth/session';
import { Empty, NoAccess } from '../components/ui';
import { useTranslation } from 'react-i18next';
import { PublicLayout } from './PublicLayout';
import { DlSignUpPage, DlWinnersPage, InviteAcceptPage, LoginPage, shellRoutes, VerifyPage } from './routes';
import { Shell } from './Shell';
import { cssVariablesResolver, theme } from './theme';

// A session that expires while the page is open sends the user back to the login page on the next request.
function onApiError(err: unknown): void {
  if (err instanceof ApiError && err.status === 401 && err.code === 'UNAUTHENTICATED') endSession(queryClient, { expired: true });
}

const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError: onApiError }),
  mutationCache: new MutationCache({ onError: onApiError }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      retry: (count, err) => !(err instanceof ApiError && err.status > 0 && err.status < 500) && count < 2,
    },
  },
});

function RoleGate({ roles, children }: { roles?: Role[]; children: ReactNode }) {
  const user = useUser();
  if (roles && !roles.includes(user.role)) return <NoAccess />;
  return children;
}

function NotFound() {
  const { t } = useTranslation();
  return <Empty title={t('errors.pageNotFoundTitle')} description={t('errors.pageNotFound')} />;
}

export function App() {
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      <QueryClientProvider client={queryClient}>
        <BrowserRouter>
          <Routes>
            <Route element={<PublicLayout />}>
              <Route path="/login" element={<LoginPage />} />
              <Route path="/invite/:token" element={<InviteAcceptPage />} />
              <Route path="/digital-local/sign-up" element={<DlSignUpPage />} />
              <Route path="/digital-local" element={<DlWinnersPage />} />
              <Route path="/digital-local/:year" element={<DlWinnersPage />} />
              <Route path="/verify" element={<VerifyPage />} />
              <Route path="/verify/:code" element={<VerifyPage />} />
            </Route>
            <Route
              element={
                <RequireSession>
                  <Shell />
                </RequireSession>
              }
            >
              {shellRoutes.map(({ path, page: Page, roles }) => (
                <Route
                  key={path}
                  path={path}
                  element={
                    <RoleGate roles={roles}>
                      <Page />
                    </RoleGate>
                  }
                />
              ))}
              <Route path="*" element={<NotFound />} />
            </Route>
          </Routes>
        </BrowserRouter>
      </QueryClientProvider>
    </MantineProvider>
  );
}
