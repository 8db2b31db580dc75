// Frame of the pages shown before signing in (login, invitation accept).
import { Box, Container, Group } from '@mantine/core';
import { Suspense } from 'react';
import { Outlet, useLocation } from 'react-router-dom';
import { PageLoader } from '../auth/session';
import { PageErrorBoundary } from '../components/ErrorBoundary';
import { Brand } from './Brand';
import { LanguageSwitch } from './LanguageSwitch';

export function PublicLayout() {
  const location = useLocation();
  return (
    <Box mih="100vh" bg="var(--mantine-color-gray-0)">
      <Box component="header" bg="white" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
        <Container size="lg" py="sm">
          <Group justify="space-between" wrap="nowrap">
            <Brand compact />
            <LanguageSwitch />
          </Group>
        </Container>
      </Box>
      <Box component="main" id="main" py={{ base: 'lg', sm: 48 }} px="md">
        <PageErrorBoundary resetKey={location.pathname}>
          <Suspense fallback={<PageLoader />}>
            <Outlet />
          </Suspense>
        </PageErrorBoundary>
      </Box>
    </Box>
  );
}
