// One agency's scorecard (the same model the PDF renders): scores, stage, rank with its interval, priorities, next stage.
import { Alert, Anchor, Badge, Button, Card, Group, List, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconFileTypePdf } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { api } from '../../api/client';
import { PageLoader, useUser } from '../../auth/session';
import { Empty, ErrorAlert } from '../../components/ui';
import { ApiError } from '../../api/client';
import { pick, score, signed, type Scorecard } from './api';
import { ChartCard } from './ChartCard';
import { EChart } from './EChart';
import { EvidenceLosses } from '../review/EvidenceLosses';
import './i18n';
import { NS } from './i18n';

const STAGE_COLOURS = ['red', 'orange', 'green', 'blue'];

export default function ScorecardPage() {
  const { eid = '', oid = '' } = useParams();
  const [params] = useSearchParams();
  const snapshot = params.get('snapshot') ?? undefined;
  const { t, i18n } = useTranslation(NS);
  const en = i18n.language === 'en';
  const user = useUser();
  const q = useQuery({
    queryKey: ['scorecard', eid, oid, snapshot],
    queryFn: () => api.get<Scorecard>(`/api/editions/${eid}/organisations/${oid}/scorecard`, { snapshot }),
    retry: false,
  });
  const sc = q.data;
  const option = useMemo(() => {
    if (!sc) return null;
    const names = sc.dimensions.map((d) => pick(d.name, en));
    return {
      animation: false,
      grid: { left: 8, right: 40, top: 30, bottom: 10, containLabel: true },
      legend: { top: 0 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'value', max: sc.scaleMax },
      yAxis: { type: 'category', data: names, inverse: true, axisLabel: { width: 220, overflow: 'truncate' } },
      series: [
        { name: t('scorecard.agencyScore'), type: 'bar', data: sc.dimensions.map((d) => d.score), label: { show: true, position: 'right', formatter: (p: { value: number }) => score(p.value) } },
        { name: t('cols.peerMean'), type: 'bar', data: sc.dimensions.map((d) => d.peerMean), itemStyle: { color: '#f08c00' } },
      ],
    };
  }, [sc, en, t]);
  if (q.isPending) return <PageLoader />;
  if (q.error) {
    if (q.error instanceof ApiError && q.error.status === 404 && user.role !== 'admin' && user.role !== 'reviewer') return <Empty title={t('notReady')} />;
    return <ErrorAlert error={q.error} />;
  }
  if (!sc || !option) return null;
  const stageColour = sc.stage ? STAGE_COLOURS[sc.stage.index] ?? 'blue' : 'gray';
  const pdfHref = `/api/editions/${eid}/organisations/${oid}/scorecard.pdf${snapshot ? `?snapshot=${snapshot}` : ''}`;
  return (
    <Stack gap="md" data-testid="scorecard">
      <Anchor component={Link} to={user.role === 'admin' || user.role === 'reviewer' ? `/results/${eid}` : '/results'} size="sm">
        ← {t('back')}
      </Anchor>
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Stack gap={2}>
          <Text size="sm" c="dimmed">
            {t('scorecard.title')} · {pick({ th: sc.edition.titleTh, en: sc.edition.titleEn }, en)}
          </Text>
          <Title order={1}>{en ? sc.organisation.nameEn || sc.organisation.nameTh : sc.organisation.nameTh}</Title>
          <Text size="sm" c="dimmed">
            {[en ? sc.organisation.nameTh : sc.organisation.nameEn, en ? sc.organisation.ministryEn : sc.organisation.ministryTh, en ? sc.organisation.provinceEn : sc.organisation.provinceTh, sc.organisation.code]
              .filter(Boolean)
              .join(' · ')}
          </Text>
        </Stack>
        <Button component="a" href={pdfHref} target="_blank" leftSection={<IconFileTypePdf size={16} aria-hidden />} variant="light">
          {t('scorecard.pdf')}
        </Button>
      </Group>

      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Card withBorder>
          <Text size="sm" c="dimmed">
            {t('scorecard.overall')}
          </Text>
          <Text fz={34} fw={700} data-testid="overall">
            {score(sc.overall)}
          </Text>
          <Text size="xs" c="dimmed">
            {t('scorecard.outOf', { max: sc.scaleMax })} · {t('scorecard.peerMean', { mean: score(sc.peerGroup.overallMean) })}
          </Text>
        </Card>
        <Card withBorder>
          <Text size="sm" c="dimmed">
            {t('scorecard.stage')}
          </Text>
          <Text fz={30} fw={700} c={stageColour} data-testid="stage">
            {sc.stage ? pick(sc.stage.name, en) : '–'}
          </Text>
          {sc.stage?.heldBack ? (
            <Text size="xs" c="dimmed">
              {t('scorecard.heldBack')}
            </Text>
          ) : null}
        </Card>
        <Card withBorder>
          <Text size="sm" c="dimmed">
            {t('scorecard.rank')}
          </Text>
          <Text fz={30} fw={700} data-testid="rank">
            {sc.rank ? t('scorecard.rankOf', { rank: sc.rank.rank, n: sc.rank.n }) : '–'}
          </Text>
          {sc.rank && sc.rank.intervalLow !== null ? (
            <Text size="xs" c="dimmed">
              {t('scorecard.interval', { low: sc.rank.intervalLow, high: sc.rank.intervalHigh })}
            </Text>
          ) : null}
        </Card>
      </SimpleGrid>
      <Text size="sm">
        {t('scorecard.peerGroup', { label: pick(sc.peerGroup.label, en), n: sc.peerGroup.n })}{' '}
        {sc.peerGroup.small ? <Badge color="yellow">{t('scorecard.smallPeer')}</Badge> : null}
        {' · '}
        {sc.lastYear.available ? t('scorecard.lastYear', { change: signed(sc.lastYear.overallChange) }) : t('scorecard.noLastYear')}
      </Text>

      <ChartCard
        title={t('scorecard.dimensions')}
        name="scorecard-dimensions"
        chart={<EChart option={option} height={300} label={t('scorecard.dimensions')} />}
        table={{
          columns: [t('cols.dimension'), t('cols.score'), t('cols.peerMean'), t('cols.lastYear')],
          rows: sc.dimensions.map((d) => [`${d.code} ${pick(d.name, en)}`, score(d.score), score(d.peerMean), sc.lastYear.available ? signed(d.change) : '–']),
        }}
      />
      <Table withTableBorder striped data-testid="dimension-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('cols.dimension')}</Table.Th>
            <Table.Th ta="right">{t('cols.score')}</Table.Th>
            <Table.Th ta="right">{t('cols.peerMean')}</Table.Th>
            <Table.Th ta="right">{t('cols.lastYear')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sc.dimensions.map((d) => (
            <Table.Tr key={d.code}>
              <Table.Td>
                {d.code} {pick(d.name, en)}
              </Table.Td>
              <Table.Td ta="right">{score(d.score)}</Table.Td>
              <Table.Td ta="right">{score(d.peerMean)}</Table.Td>
              <Table.Td ta="right">{sc.lastYear.available ? signed(d.change) : '–'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>

      <Card withBorder>
        <Title order={2} size="h3" mb="sm">
          {t('scorecard.weakest')}
        </Title>
        {sc.weakestItems.length === 0 ? <Text>{t('scorecard.noWeak')}</Text> : null}
        <Stack gap="sm">
          {sc.weakestItems.map((w, i) => (
            <Stack key={w.code} gap={2}>
              <Text fw={600}>
                {i + 1}. [{w.code}] {pick(w.text, en)}
              </Text>
              <Text size="sm" c="dimmed">
                {t('cols.score')} {score(w.score)} · {t('cols.peerMean')} {score(w.peerMean)} · {t('cols.gap')} {score(w.gap)}
              </Text>
              {w.recommendation ? (
                <Alert variant="light" color="blue" p="xs">
                  <Text size="sm">
                    <b>{t('scorecard.recommendation')}:</b> {pick(w.recommendation, en)}
                  </Text>
                </Alert>
              ) : null}
            </Stack>
          ))}
        </Stack>
      </Card>

      <Card withBorder>
        {sc.nextStage ? (
          <>
            <Title order={2} size="h3" mb="sm">
              {t('scorecard.next', { stage: pick(sc.nextStage.name, en) })}
            </Title>
            <Text>
              {sc.nextStage.pointsNeeded > 0 ? t('scorecard.pointsNeeded', { points: score(sc.nextStage.pointsNeeded) }) : t('scorecard.atThreshold')}
              {sc.nextStage.reachable ? '' : ` · ${t('scorecard.notReachable')}`}
            </Text>
            <List size="sm" mt="xs">
              {sc.nextStage.conditionShortfalls.map((c) => (
                <List.Item key={c.dimension}>{t('scorecard.condition', { name: pick(c.name, en), min: score(c.min), score: score(c.score) })}</List.Item>
              ))}
              {sc.nextStage.items.map((it) => (
                <List.Item key={it.code}>
                  [{it.code}] {pick(it.text, en)} (+{score(it.gain)})
                </List.Item>
              ))}
            </List>
          </>
        ) : (
          <Text>{t('scorecard.topStage')}</Text>
        )}
      </Card>
      <EvidenceLosses eid={eid} oid={oid} />
      <Text size="xs" c="dimmed">
        {t('scorecard.snapshotNote', { seq: sc.snapshot.seq, official: sc.snapshot.official ? t('scorecard.officialYes') : t('scorecard.officialNo'), fingerprint: sc.snapshot.fingerprint.slice(0, 23) })}
      </Text>
    </Stack>
  );
}
