// Admin: one edition — state transitions with confirmation and log, population, monitoring, export.
import { Alert, Anchor, Badge, Button, Card, Group, Modal, MultiSelect, Progress, Select, SimpleGrid, Stack, Table, Tabs, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../api/client';
import { LEVELS, type Items, type Organisation } from '../../api/types';
import { PageLoader } from '../../auth/session';
import { useFormat } from '../../components/format';
import { ErrorAlert } from '../../components/ui';
import { useMinistries, useOrgTypes, useProvinces } from '../registry/options';
import type { Edition, EditionState } from '../questionnaire/api';
import { StateBadge } from './EditionsPage';
import './i18n';
import { NS } from './i18n';

/** The transitions the contract allows from each state (docs/api.md). */
export const NEXT_STATES: Record<EditionState, EditionState[]> = {
  draft: ['open'],
  open: ['closed'],
  closed: ['verification', 'open'],
  verification: ['scored'],
  scored: ['published'],
  published: [],
};

interface Transition {
  from: string | null;
  to: string;
  at: string;
  actorName: string | null;
  reason: string | null;
}

export default function EditionPage() {
  const { eid = '' } = useParams();
  const { t } = useTranslation(NS);
  const f = useFormat();
  const q = useQuery({ queryKey: ['edition', eid], queryFn: () => api.get<Edition>(`/api/editions/${eid}`) });
  if (q.isPending) return <PageLoader />;
  if (q.error) return <ErrorAlert error={q.error} />;
  const e = q.data;
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/editions" size="sm">
        ← {t('actions.back')}
      </Anchor>
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Stack gap={2}>
          <Title order={1}>{f.pick(e.titleTh, e.titleEn)}</Title>
          <Text c="dimmed" size="sm">
            {t('cols.year')} {e.yearBe} ({e.yearCe}) · {t('cols.framework')} {e.frameworkId} {e.frameworkVersion} · {f.date(e.opensAt)} – {f.date(e.closesAt)}
          </Text>
        </Stack>
        <Group gap="sm">
          <StateBadge state={e.state} />
          <TransitionButtons edition={e} />
        </Group>
      </Group>
      <Tabs defaultValue="overview" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="overview">{t('tabs.overview')}</Tabs.Tab>
          <Tabs.Tab value="population">{t('tabs.population')}</Tabs.Tab>
          <Tabs.Tab value="monitoring">{t('tabs.monitoring')}</Tabs.Tab>
          <Tabs.Tab value="export">{t('tabs.export')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="overview" pt="md">
          <Overview edition={e} />
        </Tabs.Panel>
        <Tabs.Panel value="population" pt="md">
          <Population edition={e} />
        </Tabs.Panel>
        <Tabs.Panel value="monitoring" pt="md">
          <Monitoring edition={e} />
        </Tabs.Panel>
        <Tabs.Panel value="export" pt="md">
          <Export edition={e} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function TransitionButtons({ edition }: { edition: Edition }) {
  const { t } = useTranslation(NS);
  const client = useQueryClient();
  const [target, setTarget] = useState<EditionState | null>(null);
  const [reason, setReason] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const extend = edition.state === 'closed' && target === 'open';
  const m = useMutation({
    mutationFn: () => api.post<Edition>(`/api/editions/${edition.id}/transition`, { to: target, reason: reason.trim() || undefined }),
    onSuccess: (e) => {
      client.setQueryData(['edition', edition.id], e);
      void client.invalidateQueries({ queryKey: ['edition-transitions', edition.id] });
      void client.invalidateQueries({ queryKey: ['editions'] });
      setDone(t('transition.done', { state: t(`state.${e.state}`) }));
      setTarget(null);
    },
  });
  const label = (to: EditionState) => (edition.state === 'closed' && to === 'open' ? t('transition.extend') : t(`transition.to_${to}`));
  return (
    <>
      {NEXT_STATES[edition.state].map((to) => (
        <Button
          key={to}
          size="sm"
          variant={to === 'open' && edition.state === 'closed' ? 'default' : 'filled'}
          onClick={() => {
            setReason('');
            m.reset();
            setTarget(to);
          }}
        >
          {label(to)}
        </Button>
      ))}
      {done ? (
        <Text size="sm" c="green.8" role="status">
          {done}
        </Text>
      ) : null}
      <Modal opened={target !== null} onClose={() => setTarget(null)} title={target ? t('transition.confirmTitle', { action: label(target) }) : ''}>
        {target ? (
          <Stack gap="sm">
            <Text size="sm">{t('transition.confirmBody', { from: t(`state.${edition.state}`), to: t(`state.${target}`) })}</Text>
            {target === 'open' && edition.state === 'draft' ? <Alert color="yellow">{t('transition.warnOpen')}</Alert> : null}
            {target === 'closed' ? <Alert color="yellow">{t('transition.warnClosed')}</Alert> : null}
            <Textarea
              label={t('transition.reason')}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              required={extend}
              autosize
              minRows={2}
              error={extend && m.isError && !reason.trim() ? t('transition.reasonRequired') : null}
            />
            {m.error ? <ErrorAlert error={m.error} /> : null}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setTarget(null)}>
                {t('actions.cancel')}
              </Button>
              <Button onClick={() => m.mutate()} loading={m.isPending} disabled={extend && !reason.trim()}>
                {t('actions.confirm')}
              </Button>
            </Group>
          </Stack>
        ) : null}
      </Modal>
    </>
  );
}

function Overview({ edition }: { edition: Edition }) {
  const { t } = useTranslation(NS);
  const f = useFormat();
  const log = useQuery({ queryKey: ['edition-transitions', edition.id], queryFn: () => api.get<Items<Transition>>(`/api/editions/${edition.id}/transitions`) });
  const invite = useMutation({ mutationFn: () => api.post<{ invited: number; alreadyHaveCoordinator?: number; missingEmail?: string[] }>(`/api/editions/${edition.id}/invite-coordinators`, {}) });
  return (
    <Stack gap="lg">
      <Card withBorder>
        <Stack gap="xs">
          <Title order={2} size="h3">
            {t('overview.details')}
          </Title>
          <Text size="sm">
            {t('cols.participants')}: <strong>{f.number(edition.participantCount)}</strong>
          </Text>
          <Group gap="sm" align="center">
            <Button variant="light" size="sm" onClick={() => invite.mutate()} loading={invite.isPending} disabled={edition.participantCount === 0}>
              {t('overview.inviteCoordinators')}
            </Button>
            <Text size="xs" c="dimmed">
              {t('overview.inviteHint')}
            </Text>
          </Group>
          {invite.data ? (
            <Alert color="green" role="status">
              {t('overview.invited', { count: invite.data.invited })}
              {invite.data.alreadyHaveCoordinator ? ` · ${t('overview.already', { count: invite.data.alreadyHaveCoordinator })}` : ''}
              {invite.data.missingEmail?.length ? ` · ${t('overview.missingEmail', { count: invite.data.missingEmail.length })}` : ''}
            </Alert>
          ) : null}
          {invite.error ? <ErrorAlert error={invite.error} /> : null}
        </Stack>
      </Card>
      <Stack gap="xs">
        <Title order={2} size="h3">
          {t('overview.log')}
        </Title>
        {log.error ? <ErrorAlert error={log.error} /> : null}
        {log.data && log.data.items.length === 0 ? <Text c="dimmed">{t('overview.noLog')}</Text> : null}
        {log.data && log.data.items.length > 0 ? (
          <Table withTableBorder data-testid="transition-log">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('overview.at')}</Table.Th>
                <Table.Th>{t('overview.from')}</Table.Th>
                <Table.Th>{t('overview.to')}</Table.Th>
                <Table.Th>{t('overview.by')}</Table.Th>
                <Table.Th>{t('overview.reason')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {log.data.items.map((x, i) => (
                <Table.Tr key={i}>
                  <Table.Td>{f.dateTime(x.at)}</Table.Td>
                  <Table.Td>{x.from ? t(`state.${x.from}`) : '—'}</Table.Td>
                  <Table.Td>{t(`state.${x.to}`)}</Table.Td>
                  <Table.Td>{x.actorName ?? '—'}</Table.Td>
                  <Table.Td className="pre-wrap">{x.reason ?? ''}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : null}
      </Stack>
    </Stack>
  );
}

interface PopulationFilter {
  levels?: string[];
  ministries?: string[];
  provinces?: string[];
  orgTypes?: string[];
  servesPublic?: boolean;
}

interface Preview {
  count: number;
  byLevel: Record<string, number> | { level: string; count: number }[];
  sample: Organisation[];
}

function byLevelRows(b: Preview['byLevel']): [string, number][] {
  if (Array.isArray(b)) return b.map((x) => [x.level, x.count]);
  return Object.entries(b ?? {});
}

function Population({ edition }: { edition: Edition }) {
  const { t } = useTranslation(NS);
  const tr = useTranslation().t;
  const f = useFormat();
  const client = useQueryClient();
  const ministries = useMinistries();
  const provinces = useProvinces();
  const orgTypes = useOrgTypes();
  const [levels, setLevels] = useState<string[]>([]);
  const [mins, setMins] = useState<string[]>([]);
  const [provs, setProvs] = useState<string[]>([]);
  const [types, setTypes] = useState<string[]>([]);
  const [serves, setServes] = useState<string>('any');
  const [preview, setPreview] = useState<{ filter: string; data: Preview } | null>(null);
  const [saved, setSaved] = useState<number | null>(null);
  const draft = edition.state === 'draft';
  const filter: PopulationFilter = {
    ...(levels.length ? { levels } : {}),
    ...(mins.length ? { ministries: mins } : {}),
    ...(provs.length ? { provinces: provs } : {}),
    ...(types.length ? { orgTypes: types } : {}),
    ...(serves === 'any' ? {} : { servesPublic: serves === 'yes' }),
  };
  const key = JSON.stringify(filter);
  const previewM = useMutation({
    mutationFn: () => api.post<Preview>(`/api/editions/${edition.id}/population/preview`, filter),
    onSuccess: (data) => setPreview({ filter: key, data }),
  });
  const saveM = useMutation({
    mutationFn: (count: number) => api.post<{ count: number }>(`/api/editions/${edition.id}/population`, { ...filter, confirmCount: count }),
    onSuccess: (r) => {
      setSaved(r.count);
      void client.invalidateQueries({ queryKey: ['edition', edition.id] });
    },
  });
  const stale = preview !== null && preview.filter !== key;
  return (
    <Stack gap="md">
      <Text size="sm">{t('population.current', { count: edition.participantCount })}</Text>
      {!draft ? <Alert color="gray">{t('population.onlyDraft')}</Alert> : null}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <MultiSelect
          label={t('population.levels')}
          placeholder={t('population.all')}
          data={LEVELS.map((l) => ({ value: l, label: tr(`levels.${l}`) }))}
          value={levels}
          onChange={setLevels}
          disabled={!draft}
          clearable
        />
        <MultiSelect
          label={t('population.ministries')}
          placeholder={t('population.all')}
          data={(ministries.data?.items ?? []).map((m) => ({ value: m.code, label: f.name(m) }))}
          value={mins}
          onChange={setMins}
          disabled={!draft}
          searchable
          clearable
        />
        <MultiSelect
          label={t('population.provinces')}
          placeholder={t('population.all')}
          data={(provinces.data?.items ?? []).map((p) => ({ value: p.code, label: f.name(p) }))}
          value={provs}
          onChange={setProvs}
          disabled={!draft}
          searchable
          clearable
        />
        <MultiSelect label={t('population.orgTypes')} placeholder={t('population.all')} data={orgTypes.options} value={types} onChange={setTypes} disabled={!draft} searchable clearable />
        <Select
          label={t('population.servesPublic')}
          data={[
            { value: 'any', label: t('population.any') },
            { value: 'yes', label: t('population.yes') },
            { value: 'no', label: t('population.no') },
          ]}
          value={serves}
          onChange={(v) => setServes(v ?? 'any')}
          disabled={!draft}
          allowDeselect={false}
        />
      </SimpleGrid>
      <Group>
        <Button variant="light" onClick={() => previewM.mutate()} loading={previewM.isPending} disabled={!draft}>
          {t('population.preview')}
        </Button>
        {preview && !stale ? (
          <Button onClick={() => saveM.mutate(preview.data.count)} loading={saveM.isPending} disabled={!draft || preview.data.count === 0}>
            {t('population.confirm', { count: f.number(preview.data.count) })}
          </Button>
        ) : null}
      </Group>
      {stale ? <Alert color="yellow">{t('population.changed')}</Alert> : null}
      {previewM.error ? <ErrorAlert error={previewM.error} /> : null}
      {saveM.error ? <ErrorAlert error={saveM.error} /> : null}
      {saved !== null ? (
        <Alert color="green" role="status">
          {t('population.saved', { count: f.number(saved) })}
        </Alert>
      ) : null}
      {preview ? (
        <Card withBorder data-testid="population-preview">
          <Stack gap="sm">
            <Text fw={600} size="lg">
              {t('population.previewCount', { count: f.number(preview.data.count) })}
            </Text>
            <Group gap="xs">
              {byLevelRows(preview.data.byLevel).map(([level, n]) => (
                <Badge key={level} variant="light">
                  {tr(`levels.${level}`, { defaultValue: level })}: {f.number(n)}
                </Badge>
              ))}
            </Group>
            {preview.data.sample?.length ? (
              <>
                <Text size="sm" fw={500}>
                  {t('population.sample')}
                </Text>
                <Table.ScrollContainer minWidth={600}>
                  <Table striped>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('population.name')}</Table.Th>
                        <Table.Th>{t('population.level')}</Table.Th>
                        <Table.Th>{t('population.ministry')}</Table.Th>
                        <Table.Th>{t('population.province')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {preview.data.sample.map((o) => (
                        <Table.Tr key={o.id}>
                          <Table.Td>{f.name(o)}</Table.Td>
                          <Table.Td>{tr(`levels.${o.level}`, { defaultValue: o.level })}</Table.Td>
                          <Table.Td>{f.pick(o.ministryNameTh, o.ministryNameEn) || '—'}</Table.Td>
                          <Table.Td>{f.pick(o.provinceNameTh, o.provinceNameEn) || '—'}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              </>
            ) : null}
          </Stack>
        </Card>
      ) : null}
    </Stack>
  );
}

interface RateRow {
  [k: string]: unknown;
  targeted?: number;
  submitted?: number;
  responseRate?: number;
}

interface MonitoringData {
  targeted: number;
  notStarted: number;
  inProgress: number;
  completed: number;
  submitted: number;
  responseRate: number;
  byLevel: RateRow[];
  byMinistry: RateRow[];
  byProvince: RateRow[];
  chase: {
    organisationId?: string;
    id?: string;
    nameTh?: string;
    nameEn?: string | null;
    organisation?: { id: string; nameTh: string; nameEn: string | null };
    status: string;
    answered?: number;
    totalItems?: number;
    lastAnswerAt?: string | null;
    remindersSent?: number;
    contactEmail?: string | null;
    provinceNameTh?: string | null;
    ministryNameTh?: string | null;
  }[];
}

/** "1,850 จาก 1,926 — 96.05 %": the rate as DGA publishes it, two decimals. */
export function formatRate(submitted: number, targeted: number, lang: string): { text: string; pct: number } {
  const pct = targeted > 0 ? (100 * submitted) / targeted : 0;
  const nf = new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'th-TH');
  const pf = new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'th-TH', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return { text: `${nf.format(submitted)}|${nf.format(targeted)}|${pf.format(pct)}`, pct };
}

function RateText({ submitted, targeted }: { submitted: number; targeted: number }) {
  const { t, i18n } = useTranslation(NS);
  const [s, tg, pct] = formatRate(submitted, targeted, i18n.language).text.split('|');
  return <>{t('monitoring.rate', { submitted: s, targeted: tg, pct })}</>;
}

function rowLabel(r: RateRow, en: boolean, levelLabel: (level: string) => string, noGroup: string): string {
  const th = (r['nameTh'] ?? r['labelTh']) as string | undefined;
  const enName = (r['nameEn'] ?? r['labelEn']) as string | undefined;
  if (th || enName) return (en ? enName || th : th || enName) ?? '';
  const level = (r['level'] ?? ((LEVELS as readonly string[]).includes(String(r['key'])) ? r['key'] : undefined)) as string | undefined;
  if (level) return levelLabel(level);
  if (r['key'] === '-') return noGroup;
  return String(r['code'] ?? r['key'] ?? '—');
}

function RateTable({ title, rows }: { title: string; rows: RateRow[] }) {
  const { t, i18n } = useTranslation(NS);
  const tr = useTranslation().t;
  const en = i18n.language === 'en';
  if (!rows?.length) return null;
  return (
    <Stack gap="xs">
      <Title order={3} size="h4">
        {title}
      </Title>
      <Table.ScrollContainer minWidth={480} mah={420}>
        <Table striped stickyHeader>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('monitoring.group')}</Table.Th>
              <Table.Th>{t('monitoring.responseRate')}</Table.Th>
              <Table.Th w="30%" />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r, i) => {
              const targeted = Number(r.targeted ?? 0);
              const submitted = Number(r.submitted ?? 0);
              return (
                <Table.Tr key={i}>
                  <Table.Td>{rowLabel(r, en, (l) => tr(`levels.${l}`, { defaultValue: l }), t('monitoring.noGroup'))}</Table.Td>
                  <Table.Td style={{ fontVariantNumeric: 'tabular-nums' }}>
                    <RateText submitted={submitted} targeted={targeted} />
                  </Table.Td>
                  <Table.Td>
                    <Progress value={targeted ? (100 * submitted) / targeted : 0} aria-hidden />
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

function Monitoring({ edition }: { edition: Edition }) {
  const { t } = useTranslation(NS);
  const f = useFormat();
  const q = useQuery({ queryKey: ['edition-monitoring', edition.id], queryFn: () => api.get<MonitoringData>(`/api/editions/${edition.id}/monitoring`) });
  if (q.isPending) return <PageLoader />;
  if (q.error) return <ErrorAlert error={q.error} />;
  const m = q.data;
  const cards: [string, number, string][] = [
    ['targeted', m.targeted, 'dga'],
    ['notStarted', m.notStarted, 'gray'],
    ['inProgress', m.inProgress, 'blue'],
    ['completed', m.completed, 'teal'],
    ['submitted', m.submitted, 'green'],
  ];
  return (
    <Stack gap="lg" data-testid="monitoring">
      <Group justify="flex-end">
        <Button variant="subtle" size="xs" onClick={() => void q.refetch()} loading={q.isFetching}>
          {t('monitoring.refresh')}
        </Button>
      </Group>
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }}>
        {cards.map(([k, n, color]) => (
          <Card key={k} withBorder padding="md">
            <Text size="sm" c="dimmed">
              {t(`monitoring.${k}`)}
            </Text>
            <Text fz={28} fw={600} c={`${color}.8`} lh={1.4}>
              {f.number(n)}
            </Text>
          </Card>
        ))}
      </SimpleGrid>
      <Card withBorder>
        <Text size="sm" c="dimmed">
          {t('monitoring.responseRate')}
        </Text>
        <Text fz={24} fw={600} lh={1.5} data-testid="response-rate">
          <RateText submitted={m.submitted} targeted={m.targeted} />
        </Text>
        <Progress value={m.targeted ? (100 * m.submitted) / m.targeted : 0} mt="xs" aria-hidden />
      </Card>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <RateTable title={t('monitoring.byLevel')} rows={m.byLevel} />
        <RateTable title={t('monitoring.byMinistry')} rows={m.byMinistry} />
        <RateTable title={t('monitoring.byProvince')} rows={m.byProvince} />
      </SimpleGrid>
      <Stack gap="xs">
        <Title order={3} size="h4">
          {t('monitoring.chase')} ({f.number(m.chase?.length ?? 0)})
        </Title>
        {!m.chase?.length ? (
          <Text c="dimmed">{t('monitoring.chaseNone')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={600} mah={520}>
            <Table striped stickyHeader>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('population.name')}</Table.Th>
                  <Table.Th>{t('monitoring.status')}</Table.Th>
                  <Table.Th ta="right">{t('monitoring.answered')}</Table.Th>
                  <Table.Th>{t('monitoring.lastActivity')}</Table.Th>
                  <Table.Th ta="right">{t('monitoring.reminders')}</Table.Th>
                  <Table.Th>{t('monitoring.contact')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {m.chase.map((c, i) => {
                  const org = c.organisation ?? { id: c.organisationId ?? c.id ?? '', nameTh: c.nameTh ?? '', nameEn: c.nameEn ?? null };
                  return (
                    <Table.Tr key={org.id || i}>
                      <Table.Td>
                        {f.name(org)}
                        {c.provinceNameTh || c.ministryNameTh ? (
                          <Text size="xs" c="dimmed">
                            {c.ministryNameTh ?? c.provinceNameTh}
                          </Text>
                        ) : null}
                      </Table.Td>
                      <Table.Td>
                        <Badge variant="light" color={c.status === 'not_started' ? 'gray' : 'blue'}>
                          {t(`monitoring.participant.${c.status}`, { defaultValue: c.status })}
                        </Badge>
                      </Table.Td>
                      <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                        {c.answered ?? 0}/{c.totalItems ?? '—'}
                      </Table.Td>
                      <Table.Td>{f.dateTime(c.lastAnswerAt ?? null)}</Table.Td>
                      <Table.Td ta="right">{c.remindersSent ?? 0}</Table.Td>
                      <Table.Td>{c.contactEmail ? <Anchor href={`mailto:${c.contactEmail}`} size="sm">{c.contactEmail}</Anchor> : '—'}</Table.Td>
                      <Table.Td>
                        {org.id ? (
                          <Anchor component={Link} to={`/survey/${edition.id}/${org.id}`} size="sm">
                            {t('monitoring.open')}
                          </Anchor>
                        ) : null}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Stack>
  );
}

function Export({ edition }: { edition: Edition }) {
  const { t } = useTranslation(NS);
  const formats: [string, string][] = [
    ['xlsx', t('export.xlsx')],
    ['csv', t('export.csv')],
    ['long-csv', t('export.long')],
    ['evidence-csv', t('export.evidence')],
  ];
  return (
    <Stack gap="sm">
      <Text size="sm">{t('export.intro')}</Text>
      <Group gap="sm">
        {formats.map(([fmt, label]) => (
          <Button key={fmt} component="a" href={`/api/editions/${edition.id}/export?format=${fmt}`} download variant="light" data-format={fmt}>
            {label}
          </Button>
        ))}
      </Group>
    </Stack>
  );
}
