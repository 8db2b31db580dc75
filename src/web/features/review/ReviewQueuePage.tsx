// Review queue of one edition: filters, progress overall and per reviewer, balanced and manual assignment (admin).
import { Anchor, Badge, Button, Card, Group, Pagination, Progress as Bar, Select, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { api, request } from '../../api/client';
import type { Items } from '../../api/types';
import { PageLoader, useUser } from '../../auth/session';
import { useFormat } from '../../components/format';
import { Empty, ErrorAlert, PageHeader } from '../../components/ui';
import type { Edition } from '../questionnaire/api';
import { pickText, type Progress, type Queue } from './api';
import './i18n';
import { NS } from './i18n';

function ProgressLine({ p }: { p: Progress }) {
  const { t } = useTranslation(NS);
  return (
    <Stack gap={2}>
      <Bar.Root size="md" aria-hidden>
        <Bar.Section value={p.total ? (p.accepted / p.total) * 100 : 0} color="green" />
        <Bar.Section value={p.total ? ((p.insufficient + p.rejected) / p.total) * 100 : 0} color="orange" />
        <Bar.Section value={p.total ? ((p.returned + p.resubmitted) / p.total) * 100 : 0} color="violet" />
      </Bar.Root>
      <Text size="xs" c="dimmed">
        {t('progressText', { done: p.done, total: p.total, percent: p.percent })}
      </Text>
    </Stack>
  );
}

function EditionList() {
  const { t } = useTranslation(NS);
  const f = useFormat();
  const q = useQuery({ queryKey: ['editions'], queryFn: () => api.get<Items<Edition>>('/api/editions') });
  if (q.isPending) return <PageLoader />;
  if (q.error) return <ErrorAlert error={q.error} />;
  const list = q.data.items.filter((e) => e.state !== 'draft');
  return (
    <Stack>
      <PageHeader title={t('title')} description={t('chooseEdition')} />
      {list.length === 0 ? <Empty title={t('noEditions')} /> : null}
      {list.map((e) => (
        <Card withBorder key={e.id}>
          <Group justify="space-between">
            <Text fw={600}>{f.pick(e.titleTh, e.titleEn)}</Text>
            <Anchor component={Link} to={`/review/${e.id}`}>
              {t('open')}
            </Anchor>
          </Group>
        </Card>
      ))}
    </Stack>
  );
}

export default function ReviewQueuePage() {
  const { eid } = useParams();
  return eid ? <QueueView eid={eid} /> : <EditionList />;
}

function QueueView({ eid }: { eid: string }) {
  const { t, i18n } = useTranslation(NS);
  const en = i18n.language === 'en';
  const f = useFormat();
  const user = useUser();
  const admin = user.role === 'admin';
  const client = useQueryClient();
  const [filter, setFilter] = useState<Record<string, string>>({});
  const [page, setPage] = useState(1);
  const q = useQuery({ queryKey: ['review-queue', eid, filter, page], queryFn: () => api.get<Queue>(`/api/review/editions/${eid}/queue`, { ...filter, page }) });
  const reviewers = useQuery({ queryKey: ['reviewers'], queryFn: () => api.get<{ reviewers: { id: string; name: string }[] }>('/api/review/reviewers'), enabled: admin });
  const auto = useMutation({ mutationFn: () => api.post<{ assigned: number }>(`/api/review/editions/${eid}/assignments/auto`, {}), onSuccess: () => client.invalidateQueries({ queryKey: ['review-queue', eid] }) });
  const manual = useMutation({
    mutationFn: (v: { oid: string; reviewerId: string }) => request('PUT', `/api/review/editions/${eid}/assignments`, { body: { organisationIds: [v.oid], reviewerId: v.reviewerId } }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['review-queue', eid] }),
  });
  const set = (k: string) => (v: string | null) => {
    setPage(1);
    setFilter((old) => ({ ...old, [k]: v ?? '' }));
  };
  if (q.isPending) return <PageLoader />;
  if (q.error) return <ErrorAlert error={q.error} />;
  const d = q.data;
  return (
    <Stack>
      <Anchor component={Link} to="/review" size="sm">
        ← {t('back')}
      </Anchor>
      <PageHeader
        title={`${t('title')} · ${f.pick(d.edition.titleTh, d.edition.titleEn)}`}
        actions={
          admin ? (
            <Button onClick={() => auto.mutate()} loading={auto.isPending}>
              {t('autoAssign')}
            </Button>
          ) : null
        }
      />
      {auto.data ? <Text size="sm">{t('assigned', { n: auto.data.assigned })}</Text> : null}
      {auto.error ? <ErrorAlert error={auto.error} /> : null}
      {manual.error ? <ErrorAlert error={manual.error} /> : null}
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <Card withBorder>
          <Text fw={600}>{t('overall')}</Text>
          <ProgressLine p={d.overall} />
        </Card>
        {d.reviewers.map((r) => (
          <Card withBorder key={r.id ?? 'none'} data-testid="reviewer-progress">
            <Text fw={600}>{r.name ?? t('unassigned')}</Text>
            <Text size="xs" c="dimmed">
              {r.organisations} · {t('cols.organisation')}
            </Text>
            <ProgressLine p={r.progress} />
          </Card>
        ))}
      </SimpleGrid>
      <Group align="end" wrap="wrap">
        <TextInput label={t('filters.search')} value={filter['q'] ?? ''} onChange={(e) => set('q')(e.currentTarget.value)} />
        <Select label={t('filters.level')} clearable data={['department', 'provincial_unit', 'province', 'lao'].map((v) => ({ value: v, label: t(`levels.${v}`) }))} value={filter['level'] || null} onChange={set('level')} />
        <TextInput label={t('filters.ministry')} w={120} value={filter['ministry'] ?? ''} onChange={(e) => set('ministry')(e.currentTarget.value)} />
        <TextInput label={t('filters.province')} w={120} value={filter['province'] ?? ''} onChange={(e) => set('province')(e.currentTarget.value)} />
        <Select label={t('filters.dimension')} clearable data={d.dimensions.map((x) => ({ value: x.code, label: `${x.code} ${pickText(x.name, en)}` }))} value={filter['dimension'] || null} onChange={set('dimension')} />
        <Select label={t('filters.status')} clearable data={['pending', 'resubmitted', 'returned', 'done'].map((v) => ({ value: v, label: t(`orgStatus.${v}`) }))} value={filter['status'] || null} onChange={set('status')} />
        {admin ? (
          <Select
            label={t('filters.reviewer')}
            clearable
            data={[{ value: 'none', label: t('unassigned') }, ...(reviewers.data?.reviewers ?? []).map((r) => ({ value: r.id, label: r.name }))]}
            value={filter['reviewer'] || null}
            onChange={set('reviewer')}
          />
        ) : null}
      </Group>
      <Table striped highlightOnHover data-testid="review-queue">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('cols.organisation')}</Table.Th>
            <Table.Th>{t('cols.reviewer')}</Table.Th>
            <Table.Th>{t('cols.status')}</Table.Th>
            <Table.Th>{t('cols.progress')}</Table.Th>
            <Table.Th>{t('cols.deadline')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {d.organisations.map((o) => (
            <Table.Tr key={o.id}>
              <Table.Td>
                <Anchor component={Link} to={`/review/${eid}/${o.id}`}>
                  {f.pick(o.nameTh, o.nameEn)}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {o.code}
                </Text>
              </Table.Td>
              <Table.Td>
                {admin ? (
                  <Select
                    aria-label={t('reassign')}
                    size="xs"
                    data={(reviewers.data?.reviewers ?? []).map((r) => ({ value: r.id, label: r.name }))}
                    value={o.reviewerId}
                    placeholder={t('unassigned')}
                    onChange={(v) => v && manual.mutate({ oid: o.id, reviewerId: v })}
                  />
                ) : (
                  (o.reviewerName ?? t('unassigned'))
                )}
              </Table.Td>
              <Table.Td>
                <Badge variant="light" color={o.status === 'done' ? 'green' : o.status === 'returned' ? 'violet' : o.status === 'resubmitted' ? 'blue' : 'gray'}>
                  {t(`orgStatus.${o.status}`)}
                </Badge>
              </Table.Td>
              <Table.Td miw={180}>
                <ProgressLine p={o.progress} />
              </Table.Td>
              <Table.Td>{o.correctionDeadline ? f.dateTime(o.correctionDeadline) : '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {d.total > d.pageSize ? <Pagination total={Math.ceil(d.total / d.pageSize)} value={page} onChange={setPage} /> : null}
    </Stack>
  );
}
