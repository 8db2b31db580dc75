// Awards home (DGA): the editions, then one edition's award categories with their decision state and the way in.
import { Alert, Anchor, Badge, Button, Card, Group, Stack, Table, Text } from '@mantine/core';
import { IconCalculator, IconCertificate, IconChartBar, IconSettings } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../api/client';
import type { Items } from '../../api/types';
import { PageLoader, useUser } from '../../auth/session';
import { useFormat } from '../../components/format';
import { Empty, ErrorAlert, PageHeader } from '../../components/ui';
import type { Edition } from '../questionnaire/api';
import { pick, useCompute, useDecisions, useEdition } from './api';
import { ProblemAlert, StateBadge } from './parts';
import { TotalsChart } from './RollupPage';
import './i18n';
import { NS } from './i18n';

function EditionList() {
  const { t } = useTranslation(NS);
  const f = useFormat();
  const q = useQuery({ queryKey: ['editions'], queryFn: () => api.get<Items<Edition>>('/api/editions') });
  if (q.isPending) return <PageLoader />;
  if (q.error) return <ErrorAlert error={q.error} />;
  const list = q.data.items;
  return (
    <Stack>
      <PageHeader title={t('title')} description={t('chooseEdition')} />
      {list.length === 0 ? <Empty title={t('noEditions')} /> : null}
      {list.map((e) => (
        <Card withBorder key={e.id}>
          <Group justify="space-between" wrap="wrap">
            <Stack gap={0}>
              <Text fw={600}>{f.pick(e.titleTh, e.titleEn)}</Text>
              <Text size="sm" c="dimmed">
                {e.yearBe}
              </Text>
            </Stack>
            <Anchor component={Link} to={`/awards/${e.id}`}>
              {t('open')}
            </Anchor>
          </Group>
        </Card>
      ))}
      <TotalsChart />
    </Stack>
  );
}

export function EditionLinks({ eid, current }: { eid: string; current: 'overview' | 'set' | 'rollup' | 'certificates' }) {
  const { t } = useTranslation(NS);
  const user = useUser();
  const links = [
    { key: 'overview', to: `/awards/${eid}`, icon: null },
    ...(user.role === 'admin' ? [{ key: 'set', to: `/awards/${eid}/set`, icon: <IconSettings size={16} aria-hidden /> }] : []),
    { key: 'rollup', to: `/awards/${eid}/rollup`, icon: <IconChartBar size={16} aria-hidden /> },
    { key: 'certificates', to: `/awards/${eid}/certificates`, icon: <IconCertificate size={16} aria-hidden /> },
  ];
  return (
    <Group gap="xs" component="nav" aria-label={t('sections')}>
      {links.map((l) => (
        <Button key={l.key} component={Link} to={l.to} size="xs" variant={l.key === current ? 'filled' : 'light'} leftSection={l.icon} aria-current={l.key === current ? 'page' : undefined}>
          {t(`links.${l.key}`)}
        </Button>
      ))}
    </Group>
  );
}

function Overview({ eid }: { eid: string }) {
  const { t, i18n } = useTranslation(NS);
  const en = i18n.language === 'en';
  const f = useFormat();
  const user = useUser();
  const edition = useEdition(eid);
  const q = useDecisions(eid);
  const compute = useCompute(eid);
  if (q.isPending || edition.isPending) return <PageLoader />;
  if (edition.error) return <ErrorAlert error={edition.error} />;
  if (q.error) return <ErrorAlert error={q.error} />;
  const e = edition.data;
  const list = q.data.decisions;
  return (
    <Stack>
      <Anchor component={Link} to="/awards" size="sm">
        ← {t('back')}
      </Anchor>
      <PageHeader
        title={`${t('title')} · ${f.pick(e.titleTh, e.titleEn)}`}
        description={q.data.setVersion ? t('setVersion', { v: q.data.setVersion }) : t('setDefault')}
        actions={
          user.role === 'admin' ? (
            <Button leftSection={<IconCalculator size={16} aria-hidden />} onClick={() => compute.mutate()} loading={compute.isPending}>
              {t('compute')}
            </Button>
          ) : null
        }
      />
      <EditionLinks eid={eid} current="overview" />
      {compute.error ? <ProblemAlert error={compute.error} /> : null}
      {compute.data ? (
        <Alert color="green" variant="light" role="status">
          {t('computed', { computed: compute.data.computed.length, kept: compute.data.kept.length })}
        </Alert>
      ) : null}
      <Table striped highlightOnHover data-testid="award-categories">
        <Table.Caption>{t('categoriesCaption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('cols.category')}</Table.Th>
            <Table.Th>{t('cols.type')}</Table.Th>
            <Table.Th>{t('cols.state')}</Table.Th>
            <Table.Th>{t('cols.winners')}</Table.Th>
            <Table.Th>{t('cols.knifeEdge')}</Table.Th>
            <Table.Th>{t('cols.updated')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {list.map((d) => (
            <Table.Tr key={d.categoryId}>
              <Table.Td>
                <Anchor component={Link} to={d.type === 'committee' ? `/awards/${eid}/committee/${d.categoryId}` : `/awards/${eid}/decisions/${d.categoryId}`}>
                  {pick(d.name, en)}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {d.categoryId}
                </Text>
              </Table.Td>
              <Table.Td>{t(`type.${d.type}`)}</Table.Td>
              <Table.Td>{d.state ? <StateBadge state={d.state} /> : <Badge variant="outline" color="gray">{t(d.type === 'committee' ? 'state.nominations' : 'state.notComputed')}</Badge>}</Table.Td>
              <Table.Td>{d.state ? d.winners : '–'}</Table.Td>
              <Table.Td>
                {d.unacknowledgedKnifeEdge.length > 0 ? (
                  <Badge color="orange" variant="light">
                    {t('knife.open', { n: d.unacknowledgedKnifeEdge.length })}
                  </Badge>
                ) : d.knifeEdgeGroups.length > 0 ? (
                  <Badge color="gray" variant="light">
                    {t('knife.acknowledged', { n: d.knifeEdgeGroups.length })}
                  </Badge>
                ) : (
                  '–'
                )}
              </Table.Td>
              <Table.Td>{f.dateTime(d.updatedAt ?? d.computedAt)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

export default function AwardsPage() {
  const { eid } = useParams();
  return eid ? <Overview eid={eid} /> : <EditionList />;
}
