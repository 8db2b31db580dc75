// Small shared pieces: page header, error alert, empty state, labelled values.
import { Alert, EmptyState, Group, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconInbox } from '@tabler/icons-react';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { useFormat } from './format';

/** Names the browser tab (and what screen readers announce on load) after the page. */
export function useDocumentTitle(title: string | null | undefined): void {
  const { t } = useTranslation();
  const app = t('app.name');
  useEffect(() => {
    document.title = title ? `${title} · ${app}` : t('app.documentTitle');
  }, [title, app, t]);
}

export function PageHeader({ title, description, actions }: { title: string; description?: ReactNode; actions?: ReactNode }) {
  useDocumentTitle(title);
  return (
    <Group justify="space-between" align="flex-start" mb="lg" wrap="wrap" gap="md">
      <Stack gap={4}>
        <Title order={1}>{title}</Title>
        {description ? (
          <Text c="dimmed" size="sm">
            {description}
          </Text>
        ) : null}
      </Stack>
      {actions ? <Group gap="sm">{actions}</Group> : null}
    </Group>
  );
}

/** Shows the API's own Thai or English message; per-row details are left to the caller. */
export function ErrorAlert({ error, title }: { error: unknown; title?: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  if (!error) return null;
  const code = error instanceof ApiError ? error.code : null;
  return (
    <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} title={title ?? t('errors.title')} role="alert" data-error-code={code ?? undefined}>
      {f.error(error)}
    </Alert>
  );
}

export function Empty({ title, description, icon }: { title: string; description?: string; icon?: ReactNode }) {
  return <EmptyState title={title} description={description} icon={icon ?? <IconInbox size={28} aria-hidden />} withIndicatorBackground py="xl" />;
}

export function NoAccess() {
  const { t } = useTranslation();
  return <Empty title={t('errors.noAccessTitle')} description={t('errors.noAccess')} />;
}
