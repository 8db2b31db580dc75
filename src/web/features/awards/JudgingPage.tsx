// Judge: the nominations assigned to me in an edition, each scored on the category's criteria, or stepped aside from for a conflict.
import { Alert, Anchor, Button, Card, Group, Modal, NumberInput, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { CommitteeCategory } from '../../../engine/awards/category';
import { api, ApiError, request } from '../../api/client';
import { PageLoader } from '../../auth/session';
import { useFormat } from '../../components/format';
import { Empty, ErrorAlert, PageHeader } from '../../components/ui';
import { awardsBase, pick, useAwardSet, useNominations, type Nomination } from './api';
import { NominationCard } from './committee-parts';
import { ProblemAlert } from './parts';
import { optNumber } from './set-model';
import './i18n';
import { NS } from './i18n';

function ScoreForm({ eid, nomination, category }: { eid: string; nomination: Nomination; category: CommitteeCategory }) {
  const { t, i18n } = useTranslation(NS);
  const en = i18n.language === 'en';
  const client = useQueryClient();
  const [scores, setScores] = useState<Record<string, number | undefined>>({ ...(nomination.myScores ?? {}) });
  const save = useMutation({
    mutationFn: () =>
      request<{ nominationId: string; scores: Record<string, number> }>('PUT', `${awardsBase(eid)}/nominations/${nomination.id}/scores`, {
        body: { scores: Object.entries(scores).filter((e): e is [string, number] => e[1] !== undefined).map(([criterion, score]) => ({ criterion, score })) },
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['awards', eid, 'nominations'] }),
  });
  const details = save.error instanceof ApiError ? save.error.details : [];
  const complete = category.criteria.every((c) => scores[c.code] !== undefined);
  const savedAll = category.criteria.every((c) => nomination.myScores?.[c.code] !== undefined);
  return (
    <Stack gap="sm" mt="md">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {category.criteria.map((c, i) => (
          <NumberInput
            key={c.code}
            label={pick(c.name, en)}
            description={t('committee.weightMax', { w: c.weight, max: c.maxScore })}
            min={0}
            max={c.maxScore}
            decimalScale={2}
            value={scores[c.code] ?? ''}
            onChange={(v) => setScores({ ...scores, [c.code]: optNumber(v) })}
            error={details.filter((d) => d.path.includes(`[${i}]`) || d.path.endsWith(c.code)).map((d) => (en ? d.en : d.th)).join(' · ') || undefined}
          />
        ))}
      </SimpleGrid>
      {save.error ? <ProblemAlert error={save.error} /> : null}
      <Group justify="space-between">
        <Text size="sm" c={savedAll ? 'green.8' : 'dimmed'}>
          {savedAll ? t('committee.scoresSaved') : t('committee.scoresMissing')}
        </Text>
        <Button onClick={() => save.mutate()} loading={save.isPending} disabled={Object.values(scores).every((v) => v === undefined)}>
          {complete ? t('committee.saveScores') : t('committee.savePartial')}
        </Button>
      </Group>
    </Stack>
  );
}

/** Declares a conflict of interest: the nomination leaves this judge's list once the server has recorded it. */
function RecuseButton({ eid, nomination }: { eid: string; nomination: Nomination }) {
  const { t, i18n } = useTranslation(NS);
  const en = i18n.language === 'en';
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const recuse = useMutation({
    mutationFn: () => api.post<{ nominationId: string; recused: boolean }>(`${awardsBase(eid)}/nominations/${nomination.id}/recuse`, { reason }),
    onSuccess: () => {
      setOpen(false);
      void client.invalidateQueries({ queryKey: ['awards', eid, 'nominations'] });
      void client.invalidateQueries({ queryKey: ['awards', 'my-judging'] });
    },
  });
  const details = recuse.error instanceof ApiError ? recuse.error.details : [];
  return (
    <>
      <Button size="compact-sm" variant="subtle" color="orange" onClick={() => (recuse.reset(), setOpen(true))}>
        {t('committee.recuse')}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={t('committee.recuseTitle')}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            recuse.mutate();
          }}
        >
          <Stack gap="sm">
            <Text size="sm">{t('committee.recuseHelp')}</Text>
            <Textarea
              label={t('committee.recuseReason')}
              required
              autosize
              minRows={2}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              error={details.map((d) => (en ? d.en : d.th)).join(' · ') || undefined}
            />
            {recuse.error && details.length === 0 ? <ProblemAlert error={recuse.error} /> : null}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setOpen(false)}>
                {t('cancel')}
              </Button>
              <Button type="submit" color="orange" loading={recuse.isPending} disabled={!reason.trim()}>
                {t('committee.recuse')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}

function EditionJudging({ eid }: { eid: string }) {
  const { t } = useTranslation(NS);
  const set = useAwardSet(eid);
  const nominations = useNominations(eid);
  if (set.isPending || nominations.isPending) return <PageLoader />;
  if (set.error) return <ErrorAlert error={set.error} />;
  if (nominations.error) return <ErrorAlert error={nominations.error} />;
  const cats = new Map(set.data.definition.categories.filter((c): c is CommitteeCategory => c.type === 'committee').map((c) => [c.id, c]));
  const list = nominations.data.nominations;
  if (list.length === 0) return <Empty title={t('committee.noAssigned')} />;
  return (
    <Stack>
      {list.map((n) => {
        const c = cats.get(n.categoryId);
        return (
          <NominationCard key={n.id} eid={eid} nomination={n} actions={<RecuseButton eid={eid} nomination={n} />}>
            {c ? <ScoreForm eid={eid} nomination={n} category={c} /> : null}
          </NominationCard>
        );
      })}
    </Stack>
  );
}

/** An edition where the signed-in judge has nominations to score (GET /api/awards/my-judging). */
interface JudgingEdition {
  id: string;
  yearBe: number;
  titleTh: string;
  titleEn: string;
  assigned: number;
  scored: number;
}

export default function JudgingPage() {
  const { eid } = useParams();
  const { t } = useTranslation(NS);
  const f = useFormat();
  const editions = useQuery({ queryKey: ['awards', 'my-judging'], queryFn: () => api.get<{ editions: JudgingEdition[] }>('/api/awards/my-judging'), enabled: !eid });
  return (
    <Stack>
      <PageHeader title={t('committee.judgingTitle')} description={t('committee.judgingIntro')} />
      <Alert variant="light" color="gray">
        {t('committee.judgingNote')}
      </Alert>
      {eid ? (
        <>
          <Anchor component={Link} to="/judging" size="sm">
            ← {t('back')}
          </Anchor>
          <EditionJudging eid={eid} />
        </>
      ) : editions.isPending ? (
        <PageLoader />
      ) : editions.error ? (
        <ErrorAlert error={editions.error} />
      ) : editions.data.editions.length === 0 ? (
        <Empty title={t('committee.noAssigned')} />
      ) : (
        editions.data.editions.map((e) => (
          <Card withBorder key={e.id}>
            <Group justify="space-between">
              <Text fw={600}>{f.pick(e.titleTh, e.titleEn)}</Text>
              <Text size="sm" c="dimmed">
                {t('committee.scoredOf', { scored: e.scored, assigned: e.assigned })}
              </Text>
              <Anchor component={Link} to={`/judging/${e.id}`}>
                {t('open')}
              </Anchor>
            </Group>
          </Card>
        ))
      )}
    </Stack>
  );
}
