// A judge scores one assigned entry: the entry beside a score form per criterion (autosaved draft), submit, then others' scores.
import { Alert, Anchor, Badge, Button, Grid, Group, List, Modal, Paper, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IconAlertTriangle, IconArrowLeft, IconLock } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { weightedTotal, type Rubric } from '../../../engine/judging/rubric.js';
import { PageLoader, useUser } from '../../auth/session';
import { useFormat } from '../../components/format';
import { ErrorAlert, PageHeader } from '../../components/ui';
import { dlApi, keys, useContest, useJudgeEntry, type Contest, type JudgeEntryView, type Rating, type Sheet } from './api';
import { fmtScore, pickText, SaveState, ScoreLevels, Section, useEn } from './components';
import { useDraft } from './useDraft';
import './i18n';
import { NS } from './i18n';

interface SheetFields {
  ratings: Record<string, Rating>;
  overallComment: string;
}

function emptyRatings(rubric: Rubric, sheet: Sheet | null): Record<string, Rating> {
  return Object.fromEntries(rubric.criteria.map((c) => [c.code, { score: sheet?.ratings[c.code]?.score ?? null, comment: sheet?.ratings[c.code]?.comment ?? '' }]));
}

const toFields = (rubric: Rubric, s: Sheet | null): SheetFields => ({ ratings: emptyRatings(rubric, s), overallComment: s?.overallComment ?? '' });

/** Other judges are shown by name to fellow judges (the LAO sees them anonymised). */

export default function ScoreEntryPage() {
  const { year = '', entryId = '' } = useParams();
  const q = useJudgeEntry(entryId);
  const contest = useContest(year);
  if (q.isPending || contest.isPending) return <PageLoader />;
  if (q.error || contest.error) return <ErrorAlert error={q.error ?? contest.error} />;
  // Keyed by the own sheet's status: submitting reloads the page's data, which now carries the others' sheets.
  return <ScoreView key={`${entryId}/${q.data.own?.status ?? 'none'}`} year={year} data={q.data} contest={contest.data} />;
}

function ScoreView({ year, data, contest }: { year: string; data: JudgeEntryView; contest: Contest }) {
  const { t } = useTranslation(NS);
  const en = useEn();
  const f = useFormat();
  const user = useUser();
  const client = useQueryClient();
  const { entry, rubric } = data;
  const [sheet, setSheet] = useState<Sheet | null>(data.own);
  const submitted = sheet?.status === 'submitted';
  const editable = !submitted && contest.phase === 'judging';

  const draft = useDraft<SheetFields>({
    storageKey: `dgr.dl.sheet.v1.${user.id}.${entry.id}`,
    initial: { value: toFields(rubric, data.own), version: data.own?.version ?? 0, updatedAt: data.own?.updatedAt ?? null },
    enabled: editable,
    // Sheets carry no request id: a retry after a lost answer comes back as a conflict holding exactly our copy,
    // which useDraft recognises as saved.
    save: async (value, version) => {
      const s = await dlApi.saveSheet(entry.id, value, version);
      setSheet(s);
      return { value: toFields(rubric, s), version: s.version, updatedAt: s.updatedAt };
    },
    reload: async () => {
      const r = await dlApi.judgeEntry(entry.id);
      setSheet(r.own);
      return { value: toFields(rubric, r.own), version: r.own?.version ?? 0, updatedAt: r.own?.updatedAt ?? null };
    },
  });
  const v = draft.value;
  const setRating = (code: string, patch: Partial<Rating>) => draft.set((d) => ({ ...d, ratings: { ...d.ratings, [code]: { ...d.ratings[code]!, ...patch } } }));
  const total = weightedTotal(rubric, Object.fromEntries(Object.entries(v.ratings).map(([k, r]) => [k, r.score])));

  const [confirm, setConfirm] = useState(false);
  const [tried, setTried] = useState(false);
  const problems = rubric.criteria.flatMap((c) => {
    const r = v.ratings[c.code];
    const out: string[] = [];
    if (!r || r.score === null) out.push(t('judge.missingScore', { criterion: pickText(c.name, en) }));
    if (!r || !r.comment.trim()) out.push(t('judge.missingComment', { criterion: pickText(c.name, en) }));
    return out;
  });
  const submit = useMutation({
    mutationFn: async () => {
      if (!(await draft.flush())) throw draft.currentError() ?? new Error('not saved');
      return dlApi.submitSheet(entry.id);
    },
    onSuccess: async () => {
      setConfirm(false);
      // Submitting unlocks the other judges' scores: load the page's data again.
      await client.invalidateQueries({ queryKey: keys.judgeEntry(entry.id) });
      await client.invalidateQueries({ queryKey: keys.assignments(year) });
    },
  });

  return (
    <Stack gap="lg">
      <Anchor component={Link} to={`/digital-local/judging/${year}`} size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} aria-hidden />
          {t('judge.back')}
        </Group>
      </Anchor>
      <PageHeader
        title={entry.title || t('entry.untitled')}
        description={`${f.name(entry.organisation)}${entry.organisation.provinceNameTh ? ` · ${f.pick(entry.organisation.provinceNameTh, entry.organisation.provinceNameEn)}` : ''}`}
        actions={
          <Badge color={submitted ? 'green' : sheet ? 'blue' : 'gray'} variant="light" size="lg" data-sheet-status={sheet?.status ?? 'none'}>
            {t(`sheetStatus.${sheet?.status ?? 'none'}`)}
          </Badge>
        }
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Stack gap="md">
            <Section title={t('entry.summary')} id="je-summary">
              <Text style={{ whiteSpace: 'pre-line' }}>{entry.summary || '—'}</Text>
            </Section>
            {rubric.criteria.map((c, i) => (
              <Section key={c.code} title={t('entry.sectionHeading', { n: i + 1, name: pickText(c.name, en) })} id={`je-${c.code}`}>
                <Text style={{ whiteSpace: 'pre-line' }}>{entry.sections[c.code] || '—'}</Text>
              </Section>
            ))}
            <Section title={t('attachments.title')} id="je-files">
              {entry.attachments.length === 0 && entry.links.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('attachments.none')}
                </Text>
              ) : (
                <List spacing={4}>
                  {entry.attachments.map((a) => (
                    <List.Item key={a.id}>
                      <Anchor href={dlApi.attachmentUrl(a.id)} target="_blank" rel="noopener">
                        {a.filename}
                      </Anchor>
                    </List.Item>
                  ))}
                  {entry.links.map((l, i) => (
                    <List.Item key={`l${i}`}>
                      <Anchor href={l.url} target="_blank" rel="noopener noreferrer">
                        {l.label || l.url}
                      </Anchor>
                    </List.Item>
                  ))}
                </List>
              )}
            </Section>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Paper withBorder radius="md" p="lg" component="form" aria-labelledby="score-form-title" onSubmit={(e) => e.preventDefault()}>
            <Stack gap="lg">
              <Group justify="space-between" wrap="wrap">
                <Title order={2} size="h3" id="score-form-title">
                  {t('judge.formTitle')}
                </Title>
                {editable ? <SaveState status={draft.status} lastSavedAt={draft.lastSavedAt} onRetry={() => void draft.flush()} /> : null}
              </Group>
              {draft.conflict ? (
                <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} title={t('conflict.title')} role="alert">
                  <Stack gap="sm">
                    <Text size="sm">{t('conflict.bodySheet')}</Text>
                    <Group gap="sm">
                      <Button size="xs" onClick={draft.keepMine}>
                        {t('conflict.keepMine')}
                      </Button>
                      <Button size="xs" variant="light" onClick={draft.takeServer}>
                        {t('conflict.takeServer')}
                      </Button>
                    </Group>
                  </Stack>
                </Alert>
              ) : null}
              {draft.status === 'locked' || draft.status === 'error' ? <ErrorAlert error={draft.error} title={t('save.notSaved')} /> : null}
              {submitted ? (
                <Alert color="green" variant="light" icon={<IconLock aria-hidden />} data-testid="sheet-submitted">
                  {t('judge.submittedAt', { date: f.dateTime(sheet?.submittedAt) })}
                </Alert>
              ) : contest.phase !== 'judging' ? (
                <Alert color="orange" variant="light">
                  {t('judge.notJudging')}
                </Alert>
              ) : null}
              {rubric.criteria.map((c) => {
                const r = v.ratings[c.code]!;
                return (
                  <Stack key={c.code} gap="xs" pb="md" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
                    {c.guidance ? (
                      <Text size="sm" c="dimmed">
                        {pickText(c.guidance, en)}
                      </Text>
                    ) : null}
                    <ScoreLevels
                      criterion={c}
                      scale={rubric.scale}
                      value={r.score}
                      onChange={(score) => setRating(c.code, { score })}
                      disabled={!editable}
                      error={tried && r.score === null ? t('judge.scoreRequired') : undefined}
                    />
                    <Textarea
                      label={t('judge.commentFor', { criterion: pickText(c.name, en) })}
                      autosize
                      minRows={2}
                      value={r.comment}
                      onChange={(e) => setRating(c.code, { comment: e.currentTarget.value })}
                      readOnly={!editable}
                      error={tried && !r.comment.trim() ? t('judge.commentRequired') : undefined}
                      data-comment={c.code}
                    />
                  </Stack>
                );
              })}
              <Textarea
                label={t('judge.overallComment')}
                autosize
                minRows={2}
                value={v.overallComment}
                onChange={(e) => draft.set((d) => ({ ...d, overallComment: e.currentTarget.value }))}
                readOnly={!editable}
              />
              <Group justify="space-between">
                <Text>
                  {t('judge.total')}: <b data-testid="sheet-total">{fmtScore(total)}</b> / {rubric.scale.max}
                </Text>
                {editable ? (
                  <Button
                    onClick={() => {
                      setTried(true);
                      if (problems.length === 0) setConfirm(true);
                    }}
                  >
                    {t('judge.submit')}
                  </Button>
                ) : null}
              </Group>
              {tried && problems.length > 0 ? (
                <Alert color="orange" variant="light" title={t('judge.incompleteTitle')} role="alert">
                  <List size="sm">
                    {problems.map((p) => (
                      <List.Item key={p}>{p}</List.Item>
                    ))}
                  </List>
                </Alert>
              ) : null}
            </Stack>
          </Paper>
        </Grid.Col>
      </Grid>

      <OthersScores data={data} submitted={submitted} />

      <Modal opened={confirm} onClose={() => setConfirm(false)} title={t('judge.confirmTitle')}>
        <Stack gap="md">
          <Text size="sm">{t('judge.confirmBody', { total: fmtScore(total) })}</Text>
          {submit.error ? <ErrorAlert error={submit.error} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirm(false)}>
              {t('common.cancel')}
            </Button>
            <Button onClick={() => submit.mutate()} loading={submit.isPending}>
              {t('judge.confirmSubmit')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

function OthersScores({ data, submitted }: { data: JudgeEntryView; submitted: boolean }) {
  const { t } = useTranslation(NS);
  const en = useEn();
  const rubric = data.rubric;
  return (
    <Section title={t('others.title')} id="others">
      <Text size="sm" data-testid="own-label">
        {t('others.youAre', { label: pickText(data.ownLabel, en) })}
      </Text>
      {!submitted ? (
        <Text size="sm" c="dimmed" data-testid="others-hidden">
          {t('others.hidden', { count: data.hiddenCount })}
        </Text>
      ) : data.others.length === 0 ? (
        <Text size="sm" c="dimmed">
          {data.hiddenCount > 0 ? t('others.notYet', { count: data.hiddenCount }) : t('others.none')}
        </Text>
      ) : (
        <Stack gap="sm">
          <Table data-testid="others-table">
            <Table.Caption>{t('others.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('feedback.criterion')}</Table.Th>
                {data.others.map((o) => (
                  <Table.Th key={o.label.en} data-judge-label={o.label.en}>
                    {pickText(o.label, en)}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rubric.criteria.map((c) => (
                <Table.Tr key={c.code}>
                  <Table.Td>{pickText(c.name, en)}</Table.Td>
                  {data.others.map((o) => (
                    <Table.Td key={o.label.en}>
                      <Text fw={600}>{fmtScore(o.ratings[c.code]?.score, 0)}</Text>
                      {o.ratings[c.code]?.comment ? (
                        <Text size="xs" c="dimmed">
                          {o.ratings[c.code]!.comment}
                        </Text>
                      ) : null}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
              <Table.Tr>
                <Table.Td fw={700}>{t('judge.total')}</Table.Td>
                {data.others.map((o) => (
                  <Table.Td key={o.label.en} fw={700}>
                    {fmtScore(o.total)}
                  </Table.Td>
                ))}
              </Table.Tr>
            </Table.Tbody>
          </Table>
          {data.hiddenCount > 0 ? (
            <Text size="sm" c="dimmed">
              {t('others.notYet', { count: data.hiddenCount })}
            </Text>
          ) : null}
        </Stack>
      )}
    </Section>
  );
}
