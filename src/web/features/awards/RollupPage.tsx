// Award roll-ups of one edition (per category, ministry, province) and the awards given per year.
import { Anchor, Card, SegmentedControl, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { PageLoader, useUser } from '../../auth/session';
import { useFormat } from '../../components/format';
import { Empty, ErrorAlert, PageHeader } from '../../components/ui';
import { EChart } from '../results/EChart';
import { pick, useEdition, useRollup, useTotals, type Segment } from './api';
import { EditionLinks } from './AwardsPage';
import './i18n';
import { NS } from './i18n';

function SegmentTable({ title, rows, keyName, testId }: { title: string; rows: (Segment & { key: string })[]; keyName: string; testId: string }) {
  const { t } = useTranslation(NS);
  const f = useFormat();
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="xs">
        {title}
      </Title>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('rollup.empty')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={420} mah={480}>
          <Table striped stickyHeader data-testid={testId}>
            <Table.Caption>{title}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{keyName}</Table.Th>
                <Table.Th ta="right">{t('rollup.units')}</Table.Th>
                <Table.Th ta="right">{t('rollup.winningUnits')}</Table.Th>
                <Table.Th ta="right">{t('rollup.awards')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.key}>
                  <Table.Td>
                    {r.nameTh ? f.pick(r.nameTh, r.nameEn) : r.key}
                    <Text span size="xs" c="dimmed">
                      {' '}
                      {r.key}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">{f.number(r.units)}</Table.Td>
                  <Table.Td ta="right">{f.number(r.winningUnits)}</Table.Td>
                  <Table.Td ta="right">{f.number(r.awards)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}

/** Awards given per year (announced decisions only), stacked by category. */
export function TotalsChart() {
  const { t, i18n } = useTranslation(NS);
  const en = i18n.language === 'en';
  const q = useTotals();
  const option = useMemo(() => {
    const years = q.data?.years ?? [];
    const cats = new Map<string, string>();
    for (const y of years) for (const c of y.byCategory) if (!cats.has(c.categoryId)) cats.set(c.categoryId, pick(c.name, en));
    return {
      tooltip: { trigger: 'axis' },
      legend: { type: 'scroll', bottom: 0 },
      grid: { left: 40, right: 16, top: 24, bottom: 48 },
      xAxis: { type: 'category', data: years.map((y) => String(en ? y.yearBe - 543 : y.yearBe)) },
      yAxis: { type: 'value', minInterval: 1, name: t('totals.awards') },
      series: [...cats.entries()].map(([id, name]) => ({
        type: 'bar',
        stack: 'awards',
        barMaxWidth: 56,
        name,
        data: years.map((y) => y.byCategory.find((c) => c.categoryId === id)?.awards ?? 0),
      })),
    };
  }, [q.data, en, t]);
  if (q.isPending) return <PageLoader />;
  if (q.error) return <ErrorAlert error={q.error} />;
  const years = q.data.years;
  return (
    <Card withBorder data-card="award-totals">
      <Title order={2} size="h4" mb="xs">
        {t('totals.title')}
      </Title>
      {years.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('totals.empty')}
        </Text>
      ) : (
        <>
          <EChart option={option} height={280} label={t('totals.title')} />
          <Table fz="sm" mt="sm" data-testid="award-totals">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('totals.year')}</Table.Th>
                <Table.Th ta="right">{t('totals.awards')}</Table.Th>
                <Table.Th ta="right">{t('totals.distinct')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {years.map((y) => (
                <Table.Tr key={y.editionId}>
                  <Table.Td>{en ? `${y.yearBe - 543} (B.E. ${y.yearBe})` : `พ.ศ. ${y.yearBe}`}</Table.Td>
                  <Table.Td ta="right">{y.totalAwards}</Table.Td>
                  <Table.Td ta="right">{y.distinctWinners}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
    </Card>
  );
}

export default function RollupPage() {
  const { eid = '' } = useParams();
  const { t, i18n } = useTranslation(NS);
  const en = i18n.language === 'en';
  const f = useFormat();
  const user = useUser();
  const dga = user.role === 'admin' || user.role === 'reviewer';
  const [scope, setScope] = useState<'announced' | 'all'>('all');
  const edition = useEdition(eid);
  const q = useRollup(eid, dga ? scope : undefined);
  if (q.isPending || edition.isPending) return <PageLoader />;
  if (edition.error) return <ErrorAlert error={edition.error} />;
  if (q.error) return <ErrorAlert error={q.error} />;
  const r = q.data;
  return (
    <Stack>
      <Anchor component={Link} to={`/awards/${eid}`} size="sm">
        ← {t('backToEdition')}
      </Anchor>
      <PageHeader
        title={`${t('rollup.title')} · ${f.pick(edition.data.titleTh, edition.data.titleEn)}`}
        actions={
          dga ? (
            <SegmentedControl
              aria-label={t('rollup.scope')}
              data={[
                { value: 'all', label: t('rollup.scopeAll') },
                { value: 'announced', label: t('rollup.scopeAnnounced') },
              ]}
              value={scope}
              onChange={(v) => setScope(v === 'announced' ? 'announced' : 'all')}
            />
          ) : null
        }
      />
      {dga ? <EditionLinks eid={eid} current="rollup" /> : null}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Card withBorder>
          <Text size="sm" c="dimmed">
            {t('rollup.totalAwards')}
          </Text>
          <Text fz={32} fw={700} data-testid="total-awards">
            {f.number(r.totalAwards)}
          </Text>
        </Card>
        <Card withBorder>
          <Text size="sm" c="dimmed">
            {t('rollup.distinctWinners')}
          </Text>
          <Text fz={32} fw={700}>
            {f.number(r.distinctWinners)}
          </Text>
        </Card>
      </SimpleGrid>
      {r.totalAwards === 0 ? <Empty title={t('rollup.none')} description={scope === 'announced' || !dga ? t('rollup.noneAnnounced') : undefined} /> : null}
      <Card withBorder>
        <Title order={2} size="h4" mb="xs">
          {t('rollup.byCategory')}
        </Title>
        <Table striped data-testid="rollup-category">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('cols.category')}</Table.Th>
              <Table.Th ta="right">{t('rollup.awards')}</Table.Th>
              <Table.Th ta="right">{t('rollup.winningUnits')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {r.byCategory.map((c) => (
              <Table.Tr key={c.categoryId}>
                <Table.Td>{pick(c.name, en)}</Table.Td>
                <Table.Td ta="right">{c.awards}</Table.Td>
                <Table.Td ta="right">{c.units}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <SegmentTable title={t('rollup.byMinistry')} keyName={t('rollup.ministry')} testId="rollup-ministry" rows={r.byMinistry.map((m) => ({ ...m, key: m.ministry }))} />
        <SegmentTable title={t('rollup.byProvince')} keyName={t('rollup.province')} testId="rollup-province" rows={r.byProvince.map((p) => ({ ...p, key: p.province }))} />
      </SimpleGrid>
      <TotalsChart />
    </Stack>
  );
}
