// DGA: a committee-judged award — nominations and their judges, the judges' ranking, and the recorded final decision.
import { ActionIcon, Alert, Anchor, Badge, Button, Card, Checkbox, Group, List, Modal, MultiSelect, Select, Stack, Table, Tabs, Text, Textarea, Title } from '@mantine/core';
import { IconSpeakerphone, IconX } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { api, ApiError, request } from '../../api/client';
import { PageLoader, useUser } from '../../auth/session';
import { useFormat } from '../../components/format';
import { Empty, ErrorAlert, PageHeader } from '../../components/ui';
import { awardsBase, num, pick, useDecision, useDecisionAction, useDecisions, useJudges, useNominations, useRanking, type CommitteeRanking, type Decision, type Nomination } from './api';
import { EvidenceUpload, NominationCard } from './committee-parts';
import { HistoryTimeline, ProblemAlert, StateBadge } from './parts';
import './i18n';
import { NS } from './i18n';

export default function CommitteePage() {
  const { eid = '', cid = '' } = useParams();
  const { t, i18n } = useTranslation(NS);
  const en = i18n.language === 'en';
  const user = useUser();
  const admin = user.role === 'admin';
  const list = useDecisions(eid);
  const summary = list.data?.decisions.find((d) => d.categoryId === cid);
  const decided = Boolean(summary?.state);
  const decision = useDecision(eid, cid, decided);
  const nominations = useNominations(eid, cid);
  const ranking = useRanking(eid, cid);
  if (list.isPending || nominations.isPending || ranking.isPending) return <PageLoader />;
  if (list.error) return <ErrorAlert error={list.error} />;
  if (nominations.error) return <ErrorAlert error={nominations.error} />;
  if (ranking.error) return <ErrorAlert error={ranking.error} />;
  const r = ranking.data;
  return (
    <Stack>
      <Anchor component={Link} to={`/awards/${eid}`} size="sm">
        ← {t('backToEdition')}
      </Anchor>
      <PageHeader title={pick(r.name, en)} description={t('committee.summary', { awards: r.awards, minJudges: r.minJudges, n: nominations.data.nominations.length })} actions={summary?.state ? <StateBadge state={summary.state} /> : <Badge variant="outline">{t('state.nominations')}</Badge>} />
      <Tabs defaultValue={decided ? 'decision' : 'nominations'} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="nominations">{t('committee.tabNominations', { n: nominations.data.nominations.length })}</Tabs.Tab>
          <Tabs.Tab value="ranking">{t('committee.tabRanking')}</Tabs.Tab>
          <Tabs.Tab value="decision">{t('committee.tabDecision')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="nominations" pt="md">
          <Stack>
            {nominations.data.nominations.length === 0 ? <Empty title={t('committee.noNominations')} /> : null}
            {nominations.data.nominations.map((n) => (
              <NominationCard key={n.id} eid={eid} nomination={n}>
                <Recusals eid={eid} nomination={n} editable={admin && !decided} />
                {admin && !decided ? <AssignJudges eid={eid} nomination={n} /> : null}
                {admin && !decided ? <EvidenceUpload eid={eid} nomination={n} /> : null}
              </NominationCard>
            ))}
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="ranking" pt="md">
          <RankingTable ranking={r} />
        </Tabs.Panel>
        <Tabs.Panel value="decision" pt="md">
          {decided ? (
            decision.isPending && decision.fetchStatus !== 'idle' ? (
              <PageLoader />
            ) : decision.error ? (
              <ErrorAlert error={decision.error} />
            ) : decision.data ? (
              <RecordedDecision eid={eid} cid={cid} decision={decision.data} />
            ) : null
          ) : admin ? (
            <DecisionForm eid={eid} cid={cid} ranking={r} nominations={nominations.data.nominations} />
          ) : (
            <Text c="dimmed">{t('committee.notDecided')}</Text>
          )}
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function AssignJudges({ eid, nomination }: { eid: string; nomination: Nomination }) {
  const { t } = useTranslation(NS);
  const client = useQueryClient();
  const judges = useJudges(true);
  const [value, setValue] = useState<string[]>((nomination.judges ?? []).map((j) => j.id));
  const save = useMutation({
    mutationFn: () => request<Nomination>('PUT', `${awardsBase(eid)}/nominations/${nomination.id}/judges`, { body: { judgeIds: value } }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['awards', eid, 'nominations'] });
      void client.invalidateQueries({ queryKey: ['awards', eid, 'ranking'] });
    },
  });
  const unchanged = JSON.stringify([...value].sort()) === JSON.stringify((nomination.judges ?? []).map((j) => j.id).sort());
  return (
    <Stack gap={4} mt="sm">
      <Group align="end">
        <MultiSelect
          label={t('committee.assignJudges')}
          data={(judges.data?.judges ?? []).map((j) => ({ value: j.id, label: `${j.name} (${j.email})` }))}
          value={value}
          onChange={setValue}
          searchable
          style={{ flex: 1 }}
          nothingFoundMessage={t('committee.noJudgeUsers')}
        />
        <Button onClick={() => save.mutate()} loading={save.isPending} disabled={unchanged}>
          {t('save')}
        </Button>
      </Group>
      {save.error ? <ProblemAlert error={save.error} /> : null}
    </Stack>
  );
}

/** Judges who stepped aside for a conflict of interest; an admin records one for any judge or lifts one recorded in error. */
function Recusals({ eid, nomination: n, editable }: { eid: string; nomination: Nomination; editable: boolean }) {
  const { t, i18n } = useTranslation(NS);
  const en = i18n.language === 'en';
  const f = useFormat();
  const client = useQueryClient();
  const judges = useJudges(editable);
  const [judgeId, setJudgeId] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const done = () => {
    void client.invalidateQueries({ queryKey: ['awards', eid, 'nominations'] });
    void client.invalidateQueries({ queryKey: ['awards', eid, 'ranking'] });
  };
  const add = useMutation({
    mutationFn: () => api.post<Nomination>(`${awardsBase(eid)}/nominations/${n.id}/recusals`, { judgeId, reason }),
    onSuccess: () => {
      setJudgeId(null);
      setReason('');
      done();
    },
  });
  const lift = useMutation({ mutationFn: (jid: string) => request<Nomination>('DELETE', `${awardsBase(eid)}/nominations/${n.id}/recusals/${jid}`), onSuccess: done });
  const recusals = n.recusals ?? [];
  if (recusals.length === 0 && !editable) return null;
  const recused = new Set(recusals.map((r) => r.judgeId));
  const details = add.error instanceof ApiError ? add.error.details : [];
  const err = (field: string) => details.filter((d) => d.path.endsWith(field)).map((d) => (en ? d.en : d.th)).join(' · ') || undefined;
  return (
    <Stack gap={4} mt="sm" data-testid="recusals">
      <Text size="sm" fw={600}>
        {t('committee.recusals')}
      </Text>
      {recusals.length > 0 ? (
        <List size="sm" spacing={2}>
          {recusals.map((r) => (
            <List.Item key={r.judgeId}>
              <Group gap="xs" wrap="nowrap">
                <Text size="sm">
                  <b>{r.judgeName}</b> — {r.reason}{' '}
                  <Text span size="xs" c="dimmed">
                    ({r.selfDeclared ? t('committee.recusalSelf', { at: f.dateTime(r.at) }) : t('committee.recusalBy', { name: r.declaredByName, at: f.dateTime(r.at) })})
                  </Text>
                </Text>
                {editable ? (
                  <ActionIcon variant="subtle" color="gray" aria-label={t('committee.liftRecusal', { name: r.judgeName })} loading={lift.isPending && lift.variables === r.judgeId} onClick={() => lift.mutate(r.judgeId)}>
                    <IconX size={14} aria-hidden />
                  </ActionIcon>
                ) : null}
              </Group>
            </List.Item>
          ))}
        </List>
      ) : null}
      {lift.error ? <ProblemAlert error={lift.error} /> : null}
      {editable ? (
        <Group align="end" wrap="wrap">
          <Select
            label={t('committee.recusalJudge')}
            data={(judges.data?.judges ?? []).filter((j) => !recused.has(j.id)).map((j) => ({ value: j.id, label: j.name }))}
            value={judgeId}
            onChange={setJudgeId}
            searchable
            error={err('judgeId')}
            w={240}
          />
          <Textarea label={t('committee.recuseReason')} autosize minRows={1} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={err('reason')} style={{ flex: 1, minWidth: 220 }} />
          <Button variant="light" color="orange" onClick={() => add.mutate()} loading={add.isPending} disabled={!judgeId || !reason.trim()}>
            {t('committee.recordRecusal')}
          </Button>
        </Group>
      ) : null}
      {add.error && details.length === 0 ? <ProblemAlert error={add.error} /> : null}
    </Stack>
  );
}

function RankingTable({ ranking: r }: { ranking: CommitteeRanking }) {
  const { t, i18n } = useTranslation(NS);
  const en = i18n.language === 'en';
  const f = useFormat();
  if (r.ranking.length === 0) return <Empty title={t('committee.noNominations')} />;
  return (
    <Stack>
      {r.problems.length > 0 ? (
        <Alert color="orange" variant="light" title={t('committee.scoreProblems')}>
          {r.problems.map((p, i) => (
            <Text key={i} size="sm">
              {en ? p.en : p.th}
            </Text>
          ))}
        </Alert>
      ) : null}
      <Table.ScrollContainer minWidth={800}>
        <Table striped data-testid="committee-ranking">
          <Table.Caption>{t('committee.rankingCaption', { minJudges: r.minJudges })}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('cols.rank')}</Table.Th>
              <Table.Th>{t('committee.nominee')}</Table.Th>
              <Table.Th ta="right">{t('committee.score')}</Table.Th>
              {r.criteria.map((c) => (
                <Table.Th key={c.code} ta="right">
                  {pick(c.name, en)}
                  <Text size="xs" c="dimmed">
                    {t('committee.weightMax', { w: c.weight, max: c.maxScore })}
                  </Text>
                </Table.Th>
              ))}
              <Table.Th>{t('committee.judgeScores')}</Table.Th>
              <Table.Th>{t('cols.reason')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {r.ranking.map((x) => (
              <Table.Tr key={x.nominationId}>
                <Table.Td>{x.rank ?? '–'}</Table.Td>
                <Table.Td>
                  <Text size="sm" fw={600}>
                    {f.pick(x.personNameTh, x.personNameEn)}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {f.pick(x.organisation.nameTh, x.organisation.nameEn)}
                  </Text>
                </Table.Td>
                <Table.Td ta="right">{num(x.score)}</Table.Td>
                {r.criteria.map((c) => (
                  <Table.Td key={c.code} ta="right">
                    {num(x.perCriterion[c.code])}
                  </Table.Td>
                ))}
                <Table.Td>
                  {x.judgeScores.map((j) => (
                    <Text key={j.judgeId} size="xs">
                      {j.judgeName ?? j.judgeId}: {num(j.score)}
                    </Text>
                  ))}
                  {x.incompleteJudges.length > 0 ? (
                    <Text size="xs" c="orange.8">
                      {t('committee.incomplete', { n: x.incompleteJudges.length })}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td maw={280}>
                  <Text size="xs">{pick(x.reason, en)}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

function DecisionForm({ eid, cid, ranking: r, nominations }: { eid: string; cid: string; ranking: CommitteeRanking; nominations: Nomination[] }) {
  const { t, i18n } = useTranslation(NS);
  const en = i18n.language === 'en';
  const f = useFormat();
  const client = useQueryClient();
  const [winners, setWinners] = useState<string[]>([]);
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [deviation, setDeviation] = useState('');
  const expected = r.ranking.filter((x) => x.rank !== null && x.rank <= r.awards).map((x) => x.nominationId);
  const follows = winners.length === expected.length && winners.every((w) => expected.includes(w));
  const record = useMutation({
    mutationFn: () =>
      api.post<Decision>(`${awardsBase(eid)}/committee/${encodeURIComponent(cid)}/decision`, {
        winners,
        reasons: Object.fromEntries(winners.map((w) => [w, reasons[w] ?? ''])),
        ...(deviation.trim() ? { deviationReason: deviation } : {}),
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['awards', eid] }),
  });
  const details = record.error instanceof ApiError ? record.error.details : [];
  const byName = new Map(nominations.map((n) => [n.id, n]));
  return (
    <Stack>
      <Text size="sm">{t('committee.decisionIntro', { awards: r.awards })}</Text>
      <Checkbox.Group value={winners} onChange={setWinners} label={t('committee.chooseWinners')}>
        <Stack gap="sm" mt="xs">
          {r.ranking.map((x) => {
            const n = byName.get(x.nominationId);
            const name = f.pick(x.personNameTh, x.personNameEn) || (n ? f.pick(n.personNameTh, n.personNameEn) : x.nominationId);
            return (
              <Card key={x.nominationId} withBorder padding="sm">
                <Checkbox value={x.nominationId} label={`${x.rank ? `${x.rank}. ` : ''}${name} — ${num(x.score)} (${f.pick(x.organisation.nameTh, x.organisation.nameEn)})`} disabled={x.rank === null} />
                {winners.includes(x.nominationId) ? (
                  <Textarea
                    mt="xs"
                    label={t('committee.winnerReason', { name })}
                    required
                    autosize
                    minRows={2}
                    value={reasons[x.nominationId] ?? ''}
                    onChange={(e) => setReasons({ ...reasons, [x.nominationId]: e.currentTarget.value })}
                    error={details
                      .filter((d) => d.path.includes(x.nominationId))
                      .map((d) => (en ? d.en : d.th))
                      .join(' · ') || undefined}
                  />
                ) : null}
              </Card>
            );
          })}
        </Stack>
      </Checkbox.Group>
      {!follows && winners.length > 0 ? (
        <Textarea label={t('committee.deviationReason')} description={t('committee.deviationHelp')} required autosize minRows={2} value={deviation} onChange={(e) => setDeviation(e.currentTarget.value)} />
      ) : null}
      {record.error ? <ProblemAlert error={record.error} /> : null}
      <Group justify="flex-end">
        <Button onClick={() => record.mutate()} loading={record.isPending} disabled={winners.length === 0}>
          {t('committee.record')}
        </Button>
      </Group>
    </Stack>
  );
}

function RecordedDecision({ eid, cid, decision: d }: { eid: string; cid: string; decision: Decision }) {
  const { t } = useTranslation(NS);
  const f = useFormat();
  const user = useUser();
  const action = useDecisionAction(eid, cid);
  const [reopen, setReopen] = useState(false);
  const [announce, setAnnounce] = useState(false);
  const [reason, setReason] = useState('');
  const c = d.committee;
  const base = d.version !== null ? { baseVersion: d.version } : {};
  return (
    <Stack>
      {c ? (
        <Card withBorder>
          <Title order={2} size="h4" mb="xs">
            {t('committee.winners')}
          </Title>
          <Stack gap="xs" data-testid="committee-winners">
            {c.winners.map((w) => (
              <div key={w.nominationId}>
                <Text fw={600}>
                  {f.pick(w.personNameTh, w.personNameEn)}{w.organisation ? ` · ${f.pick(w.organisation.nameTh, w.organisation.nameEn)}` : ''}
                </Text>
                <Text size="xs" c="dimmed">
                  {t('committee.rankScore', { rank: w.rank ?? '–', score: num(w.score) })}
                </Text>
                <Text size="sm">{w.reason}</Text>
              </div>
            ))}
          </Stack>
          {!c.followsRanking ? (
            <Alert mt="sm" color="orange" variant="light" title={t('committee.deviated')}>
              {c.deviationReason}
            </Alert>
          ) : null}
          <Text size="xs" c="dimmed" mt="sm">
            {t('committee.decidedBy', { names: c.decidedByNames.join(', ') || '—', at: f.dateTime(c.at) })}
          </Text>
        </Card>
      ) : null}
      {user.role === 'admin' ? (
        <Group>
          {d.allowedActions.includes('announce') ? (
            <Button color="green" leftSection={<IconSpeakerphone size={16} aria-hidden />} onClick={() => setAnnounce(true)}>
              {t('actions.announce')}
            </Button>
          ) : null}
          {d.allowedActions.includes('reopen') ? (
            <Button variant="default" onClick={() => setReopen(true)}>
              {t('actions.reopen')}
            </Button>
          ) : null}
        </Group>
      ) : null}
      {action.error && !reopen && !announce ? <ProblemAlert error={action.error} /> : null}
      <Card withBorder>
        <Title order={2} size="h4" mb="xs">
          {t('history.title')}
        </Title>
        <HistoryTimeline history={d.history} />
      </Card>
      <Modal opened={announce} onClose={() => setAnnounce(false)} title={t('actions.announce')}>
        <Stack>
          <Text size="sm">{t('dialog.announce')}</Text>
          {action.error ? <ProblemAlert error={action.error} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setAnnounce(false)}>
              {t('cancel')}
            </Button>
            <Button color="green" loading={action.isPending} onClick={() => action.mutate({ type: 'announce', ...base }, { onSuccess: () => setAnnounce(false) })}>
              {t('dialog.confirm.announce')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      <Modal opened={reopen} onClose={() => setReopen(false)} title={t('actions.reopen')}>
        <Stack>
          <Text size="sm">{t('committee.reopenHelp')}</Text>
          <Textarea label={t('dialog.reason')} required autosize minRows={2} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
          {action.error ? <ProblemAlert error={action.error} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setReopen(false)}>
              {t('cancel')}
            </Button>
            <Button disabled={reason.length === 0} loading={action.isPending} onClick={() => action.mutate({ type: 'reopen', reason, ...base }, { onSuccess: () => setReopen(false) })}>
              {t('dialog.confirm.reopen')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
