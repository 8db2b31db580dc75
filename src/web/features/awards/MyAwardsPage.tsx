// Agency: the organisation's announced awards over the years, each with its certificate and verification code.
import { Stack } from '@mantine/core';
import { useQueries, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { Items } from '../../api/types';
import { PageLoader } from '../../auth/session';
import { Empty, ErrorAlert, PageHeader } from '../../components/ui';
import type { Edition } from '../questionnaire/api';
import { awardsBase, keys, type Certificate } from './api';
import { CertificateTable } from './CertificatesPage';
import './i18n';
import { NS } from './i18n';

export default function MyAwardsPage() {
  const { t } = useTranslation(NS);
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
    </Stack>
  );
}
