// Results home: the editions with links to the analysis dashboard (DGA) or to the agency's own scorecard.
import { Anchor, Card, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import type { Items } from '../../api/types';
import { PageLoader, useUser } from '../../auth/session';
import { useFormat } from '../../components/format';
import { Empty, ErrorAlert, PageHeader } from '../../components/ui';
import type { Edition } from '../questionnaire/api';
import './i18n';
import { NS } from './i18n';

export default function ResultsPage() {
  const { t } = useTranslation(NS);
  const f = useFormat();
  const user = useUser();
  const q = useQuery({ queryKey: ['editions'], queryFn: () => api.get<Items<Edition>>('/api/editions') });
  if (q.isPending) return <PageLoader />;
  if (q.error) return <ErrorAlert error={q.error} />;
  const dga = user.role === 'admin' || user.role === 'reviewer';
  const editions = q.data.items.filter((e) => e.state !== 'draft');
  return (
    <Stack>
      <PageHeader title={t('title')} />
      {editions.length === 0 ? <Empty title={t('noEditions')} /> : null}
      {editions.map((e) => (
        <Card withBorder key={e.id}>
          <Group justify="space-between" wrap="wrap">
            <Stack gap={0}>
              <Text fw={600}>{f.pick(e.titleTh, e.titleEn)}</Text>
              <Text size="sm" c="dimmed">
                {e.yearBe} · {e.frameworkId} {e.frameworkVersion}
              </Text>
            </Stack>
            {dga ? (
              <Anchor component={Link} to={`/results/${e.id}`}>
                {t('openDashboard')}
              </Anchor>
            ) : user.organisationId ? (
              <Anchor component={Link} to={`/results/${e.id}/organisations/${user.organisationId}`}>
                {t('openScorecard')}
              </Anchor>
            ) : null}
          </Group>
        </Card>
      ))}
    </Stack>
  );
}
