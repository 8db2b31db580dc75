// Agency: the organisation's announced awards over the years, each with its certificate and verification code.
import { Anchor, Card, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router-dom';
import { useQueries, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { Items } from '../../api/types';
import { PageLoader } from '../../auth/session';
import { Empty, ErrorAlert, PageHeader } from '../../components/ui';
import type { Edition } from '../questionnaire/api';
import { awardsBase, keys, useTotals, type Certificate } from './api';
import { CertificateTable } from './CertificatesPage';
import './i18n';
import { NS } from './i18n';

export default function MyAwardsPage() {
  const { t, i18n } = useTranslation(NS);
  const en = i18n.language === 'en';
  const totals = useTotals();
  const editions = useQuery({ queryKey: ['editions'], queryFn: () => api.get<Items<Edition>>('/api/editions') });
  const list = (editions.data?.items ?? []).filter((e) => e.state !== 'draft');
  const certs = useQueries({
    queries: list.map((e) => ({ queryKey: keys.certificates(e.id), queryFn: () => api.get<{ certificates: Certificate[] }>(`${awardsBase(e.id)}/certificates`) })),
  });
  if (editions.isPending || certs.some((q) => q.isPending)) return <PageLoader />;
  if (editions.error) return <ErrorAlert error={editions.error} />;
  const failed = certs.find((q) => q.error);
  const all = certs.flatMap((q) => q.data?.certificates ?? []).sort((a, b) => b.yearBe - a.yearBe || a.categoryId.localeCompare(b.categoryId));
  return (
    <Stack>
      <PageHeader title={t('myAwards.title')} description={t('myAwards.intro')} />
      {failed ? <ErrorAlert error={failed.error} /> : null}
      {all.length === 0 ? <Empty title={t('myAwards.none')} description={t('myAwards.noneHelp')} /> : <CertificateTable certificates={all} showEdition />}
      {totals.data && totals.data.years.length > 0 ? (
        <Card withBorder>
          <Title order={2} size="h4" mb="xs">
            {t('myAwards.results')}
          </Title>
          <Stack gap={4}>
            {[...totals.data.years].reverse().map((y) => (
              <Group key={y.editionId} gap="xs">
                <Anchor component={Link} to={`/awards/${y.editionId}/rollup`}>
                  {en ? `${y.yearBe - 543} (B.E. ${y.yearBe})` : `พ.ศ. ${y.yearBe}`}
                </Anchor>
                <Text size="sm" c="dimmed">
                  {t('myAwards.yearSummary', { awards: y.totalAwards, units: y.distinctWinners })}
                </Text>
              </Group>
            ))}
          </Stack>
        </Card>
      ) : null}
    </Stack>
  );
}
