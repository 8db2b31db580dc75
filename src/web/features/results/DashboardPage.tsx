// Admin analysis dashboard of one edition: scoring runs and snapshots, then every chart with its table and CSV.
import { Alert, Anchor, Badge, Button, Card, Group, NumberInput, Progress, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconCalculator, IconDownload, IconFileZip, IconStar } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../api/client';
import { PageLoader, useUser } from '../../auth/session';
import { useFormat } from '../../components/format';
import { ErrorAlert } from '../../components/ui';
import type { Edition } from '../questionnaire/api';
import { pick, score, signed, type Dashboard, type Job, type SegmentRow, type Snapshot } from './api';
import { ChartCard } from './ChartCard';
import { EChart, ensureThailandMap } from './EChart';
import './i18n';
import { NS } from './i18n';

const KEYS = ['level', 'ministry', 'province', 'serves_public', 'org_type', 'all'] as const;
const STAGE_COLOURS = ['#fa5252', '#fd7e14', '#40c057', '#1c7ed6', '#7950f2'];

interface Runs {
  snapshots: Snapshot[];
  jobs: Job[];
}

export default function DashboardPage() {
  const { eid = '' } = useParams();
  const { t, i18n } = useTranslation(NS);
  const en = i18n.language === 'en';
  const f = useFormat();
  const user = useUser();
  const admin = user.role === 'admin';
  const qc = useQueryClient();
  const edition = useQuery({ queryKey: ['edition', eid], queryFn: () => api.get<Edition>(`/api/editions/${eid}`) });
  const runs = useQuery({
    queryKey: ['scoring-runs', eid],
    queryFn: () => api.get<Runs>(`/api/editions/${eid}/scoring-runs`),
    refetchInterval: (q) => (q.state.data?.jobs.some((j) => j.state === 'queued' || j.state === 'running') ? 1500 : false),
  });
  const [selected, setSelected] = useState<string | null>(null);
  const [minN, setMinN] = useState(5);
  const snapshots = runs.data?.snapshots ?? [];
  const current = selected ?? snapshots.find((s) => s.official)?.id ?? snapshots[0]?.id ?? null;
  const dash = useQuery({
    queryKey: ['dashboard', eid, current, minN],
    queryFn: () => api.get<Dashboard>(`/api/editions/${eid}/results/dashboard`, { snapshot: current ?? undefined, minN }),
    enabled: Boolean(current),
  });
  const refresh = () => {
    void qc.invalidateQueries({ queryKey: ['scoring-runs', eid] });
    void qc.invalidateQueries({ queryKey: ['dashboard', eid] });
  };
  const score_ = useMutation({ mutationFn: () => api.post<Job>(`/api/editions/${eid}/scoring-runs`), onSuccess: refresh });
  const official = useMutation({ mutationFn: (sid: string) => api.post<Snapshot>(`/api/editions/${eid}/snapshots/${sid}/official`), onSuccess: refresh });
  const batch = useMutation({ mutationFn: () => api.post<Job>(`/api/editions/${eid}/scorecards/batch`, current ? { snapshotId: current } : {}), onSuccess: refresh });
  // When a scoring job finishes, show its snapshot.
  const jobs = runs.data?.jobs ?? [];
  const lastDone = jobs.find((j) => j.kind === 'score' && j.state === 'done');
  useEffect(() => {
    if (lastDone?.snapshotId) void qc.invalidateQueries({ queryKey: ['dashboard', eid] });
  }, [lastDone?.snapshotId, eid, qc]);

  if (edition.isPending || runs.isPending) return <PageLoader />;
  if (edition.error) return <ErrorAlert error={edition.error} />;
  if (runs.error) return <ErrorAlert error={runs.error} />;
  const e = edition.data;
  const snap = snapshots.find((s) => s.id === current) ?? null;
  const prev = snap ? snapshots.find((s) => s.seq < snap.seq) : undefined;
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/results" size="sm">
        ← {t('back')}
      </Anchor>
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Stack gap={2}>
          <Title order={1}>{f.pick(e.titleTh, e.titleEn)}</Title>
          <Text c="dimmed" size="sm">
            {t('openDashboard')} · {e.frameworkId} {e.frameworkVersion}
          </Text>
        </Stack>
        <Group gap="xs">
          {admin ? (
            <Button leftSection={<IconCalculator size={16} aria-hidden />} onClick={() => score_.mutate()} loading={score_.isPending}>
              {t('runs.score')}
            </Button>
          ) : null}
          {snap ? (
            <Button component="a" variant="light" leftSection={<IconDownload size={16} aria-hidden />} href={`/api/editions/${eid}/results.xlsx?snapshot=${snap.id}`}>
              {t('runs.xlsx')}
            </Button>
          ) : null}
          <NumberInput size="sm" w={150} min={1} max={100} value={minN} onChange={(v) => setMinN(typeof v === 'number' && v >= 1 ? v : 5)} aria-label={t('minN')} leftSection="n <" />
          {admin && snap ? (
            <Button variant="light" leftSection={<IconFileZip size={16} aria-hidden />} onClick={() => batch.mutate()} loading={batch.isPending}>
              {t('runs.batchPdf')}
            </Button>
          ) : null}
        </Group>
      </Group>
      <ErrorAlert error={score_.error ?? official.error ?? batch.error} />

      <Card withBorder>
        <Title order={2} size="h4" mb="xs">
          {t('runs.title')}
        </Title>
        {snapshots.length === 0 ? <Text c="dimmed">{t('runs.none')}</Text> : null}
        {snapshots.length > 0 ? (
          <Table fz="sm" data-testid="snapshots">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('runs.seq')}</Table.Th>
                <Table.Th>{t('runs.createdAt')}</Table.Th>
                <Table.Th>{t('runs.units')}</Table.Th>
                <Table.Th>{t('runs.fingerprint')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {snapshots.map((s) => (
                <Table.Tr key={s.id} bg={s.id === current ? 'var(--mantine-color-blue-light)' : undefined}>
                  <Table.Td>
                    <Anchor component="button" onClick={() => setSelected(s.id)}>
                      #{s.seq}
                    </Anchor>{' '}
                    {s.official ? (
                      <Badge color="green" leftSection={<IconStar size={10} aria-hidden />}>
                        {t('runs.official')}
                      </Badge>
                    ) : null}
                  </Table.Td>
                  <Table.Td>{f.dateTime(s.createdAt)}</Table.Td>
                  <Table.Td>{s.unitCount}</Table.Td>
                  <Table.Td>
                    <code>{s.fingerprint.slice(0, 19)}…</code>
                  </Table.Td>
                  <Table.Td>
                    {admin && !s.official ? (
                      <Button size="compact-xs" variant="subtle" onClick={() => window.confirm(t('runs.confirmOfficial')) && official.mutate(s.id)}>
                        {t('runs.markOfficial')}
                      </Button>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : null}
        {jobs.length > 0 ? (
          <Stack gap={4} mt="sm">
            <Text size="sm" fw={600}>
              {t('runs.jobs')}
            </Text>
            {jobs.slice(0, 5).map((j) => (
              <Group key={j.id} gap="xs" wrap="nowrap">
                <Text size="xs" w={150}>
                  {t(`runs.kind.${j.kind}`)}
                </Text>
                <Badge size="sm" color={j.state === 'failed' ? 'red' : j.state === 'done' ? 'green' : 'blue'}>
                  {t(`runs.state.${j.state}`)}
                </Badge>
                <Progress value={j.total ? (100 * j.progress) / j.total : 0} w={160} size="sm" aria-label={`${j.progress}/${j.total}`} />
                <Text size="xs" c="dimmed">
                  {j.progress}/{j.total}
                </Text>
                {j.downloadUrl ? (
                  <Anchor size="xs" href={j.downloadUrl}>
                    {t('runs.download')}
                  </Anchor>
                ) : null}
                {j.error ? (
                  <Text size="xs" c="red">
                    {j.error}
                  </Text>
                ) : null}
              </Group>
            ))}
          </Stack>
        ) : null}
        {snap && prev ? <SnapshotDiff eid={eid} from={prev} to={snap} /> : null}
      </Card>

      {dash.error ? <ErrorAlert error={dash.error} /> : null}
      {dash.data ? <Charts d={dash.data} en={en} eid={eid} /> : current ? <PageLoader /> : null}
    </Stack>
  );
}

function SnapshotDiff({ eid, from, to }: { eid: string; from: Snapshot; to: Snapshot }) {
  const { t, i18n } = useTranslation(NS);
  const [open, setOpen] = useState(false);
  const q = useQuery({
    queryKey: ['diff', eid, from.id, to.id],
    queryFn: () =>
      api.get<{ items: { organisationId: string; code: string; nameTh: string; nameEn: string | null; change: number | null; stageBefore: string | null; stageAfter: string | null; stageChanged: boolean; rankBefore: number | null; rankAfter: number | null }[] }>(
        `/api/editions/${eid}/snapshots/diff`,
        { from: from.id, to: to.id },
      ),
    enabled: open,
  });
  return (
    <Stack gap={4} mt="sm">
      <Button size="xs" variant="subtle" onClick={() => setOpen((o) => !o)} w="fit-content">
        {t('runs.diff')}
      </Button>
      {open && q.data ? (
        <>
          <Text size="sm" fw={600}>
            {t('runs.diffTitle', { from: from.seq, to: to.seq })}
          </Text>
          {q.data.items.length === 0 ? <Text size="sm">{t('runs.noChange')}</Text> : null}
          <Table fz="xs">
            <Table.Tbody>
              {q.data.items.slice(0, 50).map((c) => (
                <Table.Tr key={c.organisationId}>
                  <Table.Td>{c.code}</Table.Td>
                  <Table.Td>{i18n.language === 'en' ? c.nameEn || c.nameTh : c.nameTh}</Table.Td>
                  <Table.Td>{signed(c.change)}</Table.Td>
                  <Table.Td>{c.stageChanged ? `${c.stageBefore ?? '–'} → ${c.stageAfter ?? '–'}` : ''}</Table.Td>
                  <Table.Td>
                    {c.rankBefore ?? '–'} → {c.rankAfter ?? '–'}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      ) : null}
    </Stack>
  );
}

function Charts({ d, en, eid }: { d: Dashboard; en: boolean; eid: string }) {
  const { t } = useTranslation(NS);
  const [key, setKey] = useState<(typeof KEYS)[number]>('level');
  const [mapReady, setMapReady] = useState(false);
  useEffect(() => {
    void ensureThailandMap().then(() => setMapReady(true));
  }, []);
  const rows: SegmentRow[] = d.segments[key] ?? [];
  const label = (r: SegmentRow) => pick(r.label, en) + (r.small ? ' *' : '');
  const dimName = (code: string) => pick(d.dimensions.find((x) => x.code === code)?.name, en);
  const keySelect = (
    <Select
      size="xs"
      w={170}
      aria-label={t('groupBy')}
      value={key}
      onChange={(v) => v && setKey(v as (typeof KEYS)[number])}
      data={KEYS.map((k) => ({ value: k, label: t(`keys.${k}`) }))}
      allowDeselect={false}
    />
  );
  const smallNote = t('small', { n: d.minN }) + ': *';

  const means = useMemo(
    () => ({
      animation: false,
      legend: { type: 'scroll', top: 0 },
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: 'value', max: d.scaleMax },
      yAxis: { type: 'category', inverse: true, data: rows.map(label), axisLabel: { width: 200, overflow: 'truncate' } },
      series: [
        { name: t('cols.overall'), type: 'bar', data: rows.map((r) => r.mean) },
        ...d.dimensions.map((dim) => ({ name: `${dim.code} ${pick(dim.name, en)}`, type: 'bar', data: rows.map((r) => r.dimensions[dim.code] ?? null) })),
      ],
    }),
    [rows, en, d],
  );
  const stages = useMemo(
    () => ({
      animation: false,
      legend: { top: 0 },
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
      yAxis: { type: 'category', inverse: true, data: rows.map(label), axisLabel: { width: 200, overflow: 'truncate' } },
      series: d.stages.map((s, i) => ({ name: pick(s.name, en), type: 'bar', stack: 'stage', itemStyle: { color: STAGE_COLOURS[i] }, data: rows.map((r) => r.stages.find((x) => x.code === s.code)?.percent ?? 0) })),
    }),
    [rows, en, d],
  );
  const map = useMemo(
    () => ({
      animation: false,
      tooltip: { trigger: 'item', formatter: (p: { name: string; value: number }) => `${pick(provinceLabel(d, p.name), en)}: ${Number.isFinite(p.value) ? score(p.value) : '–'}` },
      visualMap: { min: 0, max: d.scaleMax, left: 'left', bottom: 10, calculable: true, inRange: { color: ['#fff5f5', '#ffc9c9', '#74c0fc', '#1864ab'] } },
      series: [
        {
          type: 'map',
          map: 'thailand',
          nameProperty: 'dopa_code',
          roam: false,
          aspectScale: 1,
          label: { show: false },
          itemStyle: { borderColor: '#868e96', borderWidth: 0.5 },
          emphasis: { label: { show: false } },
          data: d.provinces.map((p) => ({ name: p.code, value: p.mean })),
        },
      ],
    }),
    [d, en],
  );
  const hist = useMemo(
    () => ({
      animation: false,
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: d.distribution.histogram.map((b) => `${b.from}–${b.to}`) },
      yAxis: { type: 'value' },
      series: [{ type: 'bar', name: t('cols.count'), data: d.distribution.histogram.map((b) => b.count), barCategoryGap: '5%' }],
    }),
    [d, t],
  );
  const box = useMemo(
    () => ({
      animation: false,
      tooltip: { trigger: 'item' },
      grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: d.distribution.box.map((b) => pick(b.label, en)) },
      yAxis: { type: 'value', max: d.scaleMax },
      series: [{ type: 'boxplot', name: t('cols.overall'), data: d.distribution.box.map((b) => [b.min, b.q1, b.median, b.q3, b.max]) }],
    }),
    [d, en, t],
  );
  const widest = useMemo(() => [...d.robustness.intervals].sort((a, b) => a.nominalRank - b.nominalRank).slice(0, 30), [d]);
  const robust = useMemo(
    () => ({
      animation: false,
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
      xAxis: { type: 'value', name: t('cols.rank'), inverse: false },
      yAxis: { type: 'category', inverse: true, data: widest.map((u) => `${u.code}`) },
      series: [
        { type: 'bar', stack: 'iv', itemStyle: { color: 'transparent' }, data: widest.map((u) => u.rankP05), tooltip: { show: false } },
        { type: 'bar', stack: 'iv', name: t('cols.interval'), itemStyle: { color: '#74c0fc' }, data: widest.map((u) => Math.max(u.rankP95 - u.rankP05, 0.3)) },
        { type: 'scatter', name: t('cols.rank'), data: widest.map((u) => u.nominalRank), itemStyle: { color: '#1864ab' } },
      ],
    }),
    [widest, t],
  );
  const yoy = d.yearOverYear;
  const yoyChart = useMemo(
    () =>
      yoy.available
        ? {
            animation: false,
            tooltip: { trigger: 'axis' },
            grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
            xAxis: { type: 'category', data: yoy.histogram.map((b) => `${b.from}–${b.to}`) },
            yAxis: { type: 'value' },
            series: [{ type: 'bar', data: yoy.histogram.map((b) => b.count) }],
          }
        : null,
    [yoy],
  );

  return (
    <Stack gap="md" data-testid="dashboard">
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <ChartCard
          title={t('cards.means')}
          name={`means-${key}`}
          extra={keySelect}
          note={smallNote}
          chart={<EChart option={means} height={Math.max(260, rows.length * 26 + 60)} label={t('cards.means')} />}
          table={{
            columns: [t('cols.group'), t('cols.n'), t('cols.overall'), ...d.dimensions.map((x) => x.code), t('smallShort')],
            rows: rows.map((r) => [pick(r.label, en), r.n, score(r.mean), ...d.dimensions.map((x) => score(r.dimensions[x.code])), r.small ? '*' : '']),
          }}
        />
        <ChartCard
          title={t('cards.stages')}
          name={`stages-${key}`}
          note={smallNote}
          chart={<EChart option={stages} height={Math.max(260, rows.length * 26 + 60)} label={t('cards.stages')} />}
          table={{
            columns: [t('cols.group'), t('cols.n'), ...d.stages.flatMap((s) => [`${pick(s.name, en)} ${t('cols.count')}`, `${pick(s.name, en)} %`])],
            rows: rows.map((r) => [pick(r.label, en), r.n, ...d.stages.flatMap((s) => {
              const x = r.stages.find((y) => y.code === s.code);
              return [x?.count ?? 0, x?.percent ?? 0];
            })]),
          }}
        />
        <ChartCard
          title={t('cards.map')}
          name="provinces"
          note={
            <>
              {smallNote} · {d.mapAttribution}
            </>
          }
          chart={mapReady ? <EChart option={map} height={560} label={t('cards.map')} /> : <PageLoader />}
          table={{
            columns: [t('cols.province'), 'ISO', t('cols.n'), t('cols.mean'), t('smallShort')],
            rows: d.provinces.map((p) => [en ? p.nameEn : p.nameTh, p.iso, p.n, score(p.mean), p.small ? '*' : '']),
          }}
        />
        <Stack gap="md">
          <ChartCard
            title={t('cards.histogram')}
            name="histogram"
            chart={<EChart option={hist} height={240} label={t('cards.histogram')} />}
            table={{ columns: [t('cols.from'), t('cols.to'), t('cols.count')], rows: d.distribution.histogram.map((b) => [b.from, b.to, b.count]) }}
          />
          <ChartCard
            title={t('cards.box')}
            name="boxplot"
            chart={<EChart option={box} height={240} label={t('cards.box')} />}
            table={{
              columns: [t('cols.group'), t('cols.n'), t('cols.min'), t('cols.q1'), t('cols.median'), t('cols.q3'), t('cols.max')],
              rows: d.distribution.box.map((b) => [pick(b.label, en), b.n, score(b.min), score(b.q1), score(b.median), score(b.q3), score(b.max)]),
            }}
          />
        </Stack>
        <ChartCard
          title={t('cards.yoy')}
          name="year-over-year"
          chart={
            yoy.available && yoyChart ? (
              <Stack gap={4}>
                <Text size="sm">{t('yoy.summary', { version: yoy.previous.version, items: yoy.comparableItems, units: yoy.units, change: signed(yoy.meanChange.overall) })}</Text>
                <EChart option={yoyChart} height={220} label={t('cards.yoy')} />
              </Stack>
            ) : (
              <Alert variant="light">{t('yoy.none')}</Alert>
            )
          }
          table={
            yoy.available
              ? { columns: [t('cols.dimension'), t('cols.change')], rows: [[t('cols.overall'), signed(yoy.meanChange.overall)], ...Object.entries(yoy.meanChange.dimensions).map(([k, v]) => [`${k} ${dimName(k)}`, signed(v)])] }
              : { columns: [], rows: [] }
          }
        />
        <ChartCard
          title={t('cards.quality')}
          name="quality"
          note={t('quality.weakItems', { n: d.quality.weakItems.length, total: d.quality.itemCount })}
          chart={
            <Stack gap="xs">
              <Table fz="sm" withTableBorder>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('cols.dimension')}</Table.Th>
                    <Table.Th>{t('cols.alpha')}</Table.Th>
                    <Table.Th>{t('cols.band')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {d.quality.dimensions.map((q) => (
                    <Table.Tr key={q.code}>
                      <Table.Td>
                        {q.code} {dimName(q.code)}
                      </Table.Td>
                      <Table.Td>{q.alpha === null ? '–' : q.alpha.toFixed(3)}</Table.Td>
                      <Table.Td>{q.alphaBand ?? '–'}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Stack>
          }
          table={{
            columns: [t('cols.item'), t('cols.dimension'), t('cols.n'), t('cols.mean'), t('cols.itemRest'), t('cols.flag')],
            rows: d.quality.weakItems.map((i) => [i.code, i.dimension, i.n, i.mean, i.itemRest, [i.noVariance ? t('quality.noVariance') : '', i.lowItemRest ? t('quality.lowItemRest') : ''].filter(Boolean).join(', ')]),
          }}
        />
      </SimpleGrid>
      <ChartCard
        title={t('cards.robustness')}
        name="rank-intervals"
        note={t('quality.unstable', { n: d.robustness.unstablePairs, iterations: d.robustness.settings.iterations, seed: d.robustness.settings.seed })}
        chart={<EChart option={robust} height={Math.max(260, widest.length * 18 + 40)} label={t('cards.robustness')} />}
        table={{
          columns: [t('cols.agency'), t('cols.group'), t('cols.overall'), t('cols.rank'), t('cols.median'), t('cols.interval')],
          rows: d.robustness.intervals.map((u) => [`${u.code} ${en ? u.nameEn || u.nameTh : u.nameTh}`, u.group, score(u.overall), u.nominalRank, u.medianRank, `${Math.round(u.rankP05)}–${Math.round(u.rankP95)}`]),
        }}
        extra={
          <Anchor size="xs" component={Link} to={`/results/${eid}/organisations/${widest[0]?.organisationId ?? ''}`}>
            {widest[0] ? `${widest[0].code} →` : ''}
          </Anchor>
        }
      />
    </Stack>
  );
}

function provinceLabel(d: Dashboard, code: string) {
  const p = d.provinces.find((x) => x.code === code);
  return p ? { th: p.nameTh, en: p.nameEn } : { th: code, en: code };
}
