// Catches a page that fails to render or whose code fails to load (e.g. after a new version was deployed).
import { Button, Stack } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { Component, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Empty } from './ui';

function Fallback() {
  const { t } = useTranslation();
  return (
    <Stack align="center" gap="md" role="alert">
      <Empty title={t('errors.pageFailedTitle')} description={t('errors.pageFailed')} />
      <Button variant="light" leftSection={<IconRefresh size={18} aria-hidden />} onClick={() => window.location.reload()}>
        {t('errors.reload')}
      </Button>
    </Stack>
  );
}

/** `resetKey` (the path) clears the error when the user navigates elsewhere. */
export class PageErrorBoundary extends Component<{ resetKey: string; children: ReactNode }, { failedAt: string | null }> {
  override state: { failedAt: string | null } = { failedAt: null };

  static getDerivedStateFromError(): Partial<{ failedAt: string | null }> {
    return { failedAt: '' };
  }

  override componentDidCatch(error: unknown): void {
    this.setState({ failedAt: this.props.resetKey });
    console.error(error);
  }

  override render(): ReactNode {
    const { failedAt } = this.state;
    if (failedAt !== null && (failedAt === '' || failedAt === this.props.resetKey)) return <Fallback />;
    return this.props.children;
  }
}
