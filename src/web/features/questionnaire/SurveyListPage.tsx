// Route /survey: the editions the user's organisation takes part in, each leading to its questionnaire.
import { Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import type { Items } from '../../api/types';
import { PageLoader } from '../../auth/session';
import { useFormat } from '../../components/format';
import { Empty, ErrorAlert, PageHeader } from '../../components/ui';
import type { Edition } from './api';
import './i18n';
import { NS } from './i18n';

export default function SurveyListPage() {
  const { t } = useTranslation(NS);
  const f = useFormat();
  const q = useQuery({ queryKey: ['editions'], queryFn: () => api.get<Items<Edition>>('/api/editions') });
  if (q.isPending) return <PageLoader />;
  if (q.error) return <ErrorAlert error={q.error} />;
  const items = [...q.data.items].sort((a, b) => b.yearBe - a.yearBe);
  return (
    <Stack>
      <PageHeader title={t('pick.title')} />
      {items.length === 0 ? <Empty title={t('pick.none')} /> : null}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {items.map((e) => (
          <Card key={e.id} withBorder padding="lg">
            <Stack gap="xs">
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <Title order={2} size="h3">
                  {f.pick(e.titleTh, e.titleEn)}
                </Title>
                <Badge variant="light" color={e.state === 'open' ? 'green' : 'gray'}>
                  {t(`edition.${e.state}`)}
                </Badge>
              </Group>
              {e.closesAt ? (
                <Text size="sm" c="dimmed">
                  {t('pick.closes', { at: f.date(e.closesAt) })}
                </Text>
              ) : null}
              <Group>
                <Button component={Link} to={`/survey/${e.id}`} variant={e.state === 'open' ? 'filled' : 'light'}>
                  {t('pick.open')}
                </Button>
              </Group>
            </Stack>
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
