// The LAO applicant's page: contest information and deadline, the entry editor with autosave, submit, withdraw, feedback.
import { Accordion, ActionIcon, Alert, Anchor, Button, FileButton, Group, List, Modal, Paper, Select, SimpleGrid, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { IconAlertTriangle, IconPaperclip, IconTrash, IconPlus, IconExternalLink } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useParams } from 'react-router-dom';
import { PageLoader, useUser } from '../../auth/session';
import { useFormat } from '../../components/format';
import { Empty, ErrorAlert, PageHeader } from '../../components/ui';
import { dlApi, keys, useContests, useMyEntry, type Attachment, type Contest, type Entry, type EntryFields, type FeedbackAnswer } from './api';
import { Countdown, CriterionGuide, EntryStatusBadge, fmtScore, PhaseBadge, pickText, SaveState, Section, TierBadge, useEn, weightShares } from './components';
import { useDraft } from './useDraft';
import './i18n';
import { NS } from './i18n';

/** /digital-local/entry: the newest contest that has opened for entries. */
export function CurrentContestRedirect({ to }: { to: (year: number) => string }) {
  const { t } = useTranslation(NS);
  const q = useContests();
  if (q.isPending) return <PageLoader />;
  if (q.error) return <ErrorAlert error={q.error} />;
  const list = [...q.data.items].sort((a, b) => b.year - a.year);
  const current = list.find((c) => c.phase !== 'upcoming') ?? list[0];
  if (!current) return <Empty title={t('contest.noneTitle')} description={t('contest.none')} />;
  return <Navigate to={to(current.year)} replace />;
}

export default function EntryPage() {
  const { year } = useParams();
  if (!year) return <CurrentContestRedirect to={(y) => `/digital-local/entry/${y}`} />;
  return <EntryLoader year={year} />;
}

function EntryLoader({ year }: { year: string }) {
  const { t } = useTranslation(NS);
  const q = useMyEntry(year);
  const client = useQueryClient();
  const start = useMutation({
    mutationFn: () => dlApi.createEntry(year),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.myEntry(year) }),
  });
  if (q.isPending) return <PageLoader />;
  if (q.error) return <ErrorAlert error={q.error} />;
  const { contest, entry } = q.data;
  return (
    <Stack gap="lg">
      <ContestHeader contest={contest} entry={entry} />
      {entry && contest.phase === 'announced' && entry.status === 'submitted' ? <FeedbackLoader contest={contest} entry={entry} /> : null}
      {entry ? (
        <EntryEditor key={entry.id} contest={contest} entry={entry} />
      ) : contest.phase === 'entries_open' ? (
        <Paper withBorder radius="md" p="lg">
          <Stack align="flex-start">
            <Text>{t('entry.startHelp')}</Text>
            {start.error ? <ErrorAlert error={start.error} /> : null}
            <Button onClick={() => start.mutate()} loading={start.isPending}>
              {t('entry.start')}
            </Button>
          </Stack>
        </Paper>
      ) : (
        <Empty title={t('entry.noneTitle')} description={t('entry.noneClosed')} />
      )}
    </Stack>
  );
}

function ContestHeader({ contest, entry }: { contest: Contest; entry: Entry | null }) {
  const { t } = useTranslation(NS);
  const en = useEn();
  const f = useFormat();
  const s = contest.dates;
  return (
    <div>
      <PageHeader
        title={pickText(contest.name, en)}
        description={entry ? f.name(entry.organisation) : undefined}
        actions={
          <Group gap="xs">
            <PhaseBadge phase={contest.phase} />
            {entry ? <EntryStatusBadge status={entry.status} /> : null}
          </Group>
        }
      />
      {s ? (
        <Paper withBorder radius="md" p="md">
          <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="md">
            <Stack gap={2}>
              <Text size="xs" c="dimmed">
                {t('schedule.entries')}
              </Text>
              <Text size="sm">
                {f.date(s.entriesOpen)} – {f.dateTime(s.entriesClose)}
              </Text>
            </Stack>
            <Stack gap={2}>
              <Text size="xs" c="dimmed">
                {t('schedule.judging')}
              </Text>
              <Text size="sm">
                {f.date(s.judgingStart)} – {f.date(s.judgingEnd)}
              </Text>
            </Stack>
            <Stack gap={2}>
              <Text size="xs" c="dimmed">
                {t('schedule.announcement')}
              </Text>
              <Text size="sm">{f.date(s.announcement)}</Text>
            </Stack>
            {contest.phase === 'entries_open' || contest.phase === 'upcoming' ? (
              <Stack gap={2}>
                <Text size="xs" c="dimmed">
                  {contest.phase === 'upcoming' ? t('schedule.opensIn') : t('schedule.timeLeft')}
                </Text>
                <Countdown deadline={contest.phase === 'upcoming' ? s.entriesOpen : s.entriesClose} />
              </Stack>
            ) : null}
          </SimpleGrid>
        </Paper>
      ) : null}
    </div>
  );
}

const toFields = (e: Entry): EntryFields => ({ title: e.title, summary: e.summary, sections: { ...e.sections }, links: e.links.map((l) => ({ ...l })) });

function EntryEditor({ contest, entry: initialEntry }: { contest: Contest; entry: Entry }) {
  const { t } = useTranslation(NS);
  const en = useEn();
  const f = useFormat();
  const user = useUser();
  const client = useQueryClient();
  const [entry, setEntry] = useState(initialEntry);
  const editable = entry.status === 'draft' && contest.phase === 'entries_open';
  const config = contest.config;
  const shares = useMemo(() => weightShares(config), [config]);

  const draft = useDraft<EntryFields>({
    storageKey: `dgr.dl.entry.v1.${user.id}.${entry.id}`,
    initial: { value: toFields(initialEntry), version: initialEntry.version, updatedAt: initialEntry.updatedAt },
    enabled: editable,
    save: async (value, version, requestId) => {
      const r = await dlApi.saveEntry(entry.id, value, version, requestId);
      setEntry(r.entry);
      return { value: toFields(r.entry), version: r.version, updatedAt: r.updatedAt };
    },
    reload: async () => {
      const e = await dlApi.entry(entry.id);
      setEntry(e);
      return { value: toFields(e), version: e.version, updatedAt: e.updatedAt };
    },
  });
  const v = draft.value;

  // Leaving with unconfirmed changes: the browser asks first (they are also kept in this browser's storage).
  useEffect(() => {
    if (!draft.dirty) return;
    const h = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', h);
    return () => window.removeEventListener('beforeunload', h);
  }, [draft.dirty]);

  const setField = (k: 'title' | 'summary', value: string) => draft.set((d) => ({ ...d, [k]: value }));
  const setSection = (code: string, value: string) => draft.set((d) => ({ ...d, sections: { ...d.sections, [code]: value } }));

  const [checkOpen, setCheckOpen] = useState(false);
  const [withdrawOpen, setWithdrawOpen] = useState(false);
  const refresh = () => client.invalidateQueries({ queryKey: keys.myEntry(contest.year) });

  const missing = [
    ...(v.title.trim() ? [] : [t('entry.title')]),
    ...(v.summary.trim() ? [] : [t('entry.summary')]),
    ...config.rubric.criteria.filter((c) => !(v.sections[c.code] ?? '').trim()).map((c) => pickText(c.name, en)),
  ];

  // DGA approves accounts made through the public sign-up before they may submit (they can prepare meanwhile).
  const approval = useQuery({ queryKey: ['dl', 'my-approval'], queryFn: dlApi.myApproval, enabled: editable });
  const approved = approval.data?.status !== 'pending' && approval.data?.status !== 'rejected';

  const submit = useMutation({
    mutationFn: async () => {
      // The version is read after the flush: the save it waited for has moved it on.
      if (!(await draft.flush())) throw draft.currentError() ?? new Error('not saved');
      return dlApi.submitEntry(entry.id, draft.currentVersion());
    },
    onSuccess: async (e) => {
      setEntry(e);
      draft.reset({ value: toFields(e), version: e.version, updatedAt: e.updatedAt });
      setCheckOpen(false);
      await refresh();
    },
  });

  return (
    <Stack gap="lg">
      <Group justify="space-between" wrap="wrap">
        <Title order={2} size="h3">
          {t('entry.heading')}
        </Title>
        {editable ? <SaveState status={draft.status} lastSavedAt={draft.lastSavedAt} onRetry={() => void draft.flush()} /> : null}
      </Group>

      {draft.restored && editable ? (
        <Alert color="blue" variant="light">
          {t('entry.restored')}
        </Alert>
      ) : null}
      {draft.conflict ? (
        <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} title={t('conflict.title')} role="alert" data-testid="entry-conflict">
          <Stack gap="sm">
            <Text size="sm">{t('conflict.body')}</Text>
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
      {draft.status === 'locked' || (draft.status === 'error' && draft.error) ? <ErrorAlert error={draft.error} title={t('save.notSaved')} /> : null}

      {entry.status === 'submitted' ? (
        <Alert color="green" variant="light" data-testid="entry-submitted">
          {t('entry.submittedAt', { date: f.dateTime(entry.submittedAt) })}
        </Alert>
      ) : null}
      {entry.status === 'withdrawn' ? (
        <Alert color="gray" variant="light">
          {t('entry.withdrawnAt', { date: f.dateTime(entry.withdrawnAt) })}
        </Alert>
      ) : null}
      {editable && approval.data && !approved ? (
        <Alert color={approval.data.status === 'rejected' ? 'red' : 'orange'} variant="light" title={t(`approval.${approval.data.status}Title`)} data-testid="approval-status">
          {approval.data.status === 'rejected' ? t('approval.rejectedBody', { reason: approval.data.reason ?? '' }) : t('approval.pendingBody')}
        </Alert>
      ) : null}
      {entry.status === 'draft' && contest.phase !== 'entries_open' ? (
        <Alert color="orange" variant="light">
          {t('entry.closedDraft')}
        </Alert>
      ) : null}

      <Section title={t('entry.about')} id="entry-about">
        <Stack gap="md">
          <TextInput label={t('entry.title')} required value={v.title} onChange={(e) => setField('title', e.currentTarget.value)} readOnly={!editable} maxLength={300} />
          <Textarea
            label={t('entry.summary')}
            description={t('entry.summaryHelp')}
            required
            autosize
            minRows={3}
            value={v.summary}
            onChange={(e) => setField('summary', e.currentTarget.value)}
            readOnly={!editable}
          />
        </Stack>
      </Section>

      {config.rubric.criteria.map((c, i) => (
        <Section key={c.code} title={t('entry.sectionHeading', { n: i + 1, name: pickText(c.name, en) })} id={`section-${c.code}`}>
          <Stack gap="sm">
            {c.guidance ? (
              <Text size="sm" c="dimmed">
                {pickText(c.guidance, en)}
              </Text>
            ) : null}
            <Accordion variant="contained" chevronPosition="left">
              <Accordion.Item value="levels">
                <Accordion.Control>{t('entry.howJudged')}</Accordion.Control>
                <Accordion.Panel>
                  <CriterionGuide criterion={c} scale={config.rubric.scale} weightShare={shares.get(c.code) ?? 0} />
                </Accordion.Panel>
              </Accordion.Item>
            </Accordion>
            <Textarea
              label={pickText(c.name, en)}
              autosize
              minRows={6}
              value={v.sections[c.code] ?? ''}
              onChange={(e) => setSection(c.code, e.currentTarget.value)}
              readOnly={!editable}
              data-section={c.code}
            />
          </Stack>
        </Section>
      ))}

      <Links value={v.links} editable={editable} onChange={(links) => draft.set((d) => ({ ...d, links }))} />
      <Attachments entry={entry} config={config} editable={editable} onChange={(attachments) => setEntry((e) => ({ ...e, attachments }))} />

      {editable || (entry.status === 'submitted' && !contest.confirmedAt) ? (
        <Paper withBorder radius="md" p="lg">
          <Group justify="space-between" wrap="wrap">
            <Text size="sm" c="dimmed" maw={560}>
              {entry.status === 'draft' ? t('entry.submitHelp') : t('entry.withdrawHelp')}
            </Text>
            <Group gap="sm">
              {entry.status !== 'withdrawn' ? (
                <Button variant="subtle" color="red" onClick={() => setWithdrawOpen(true)}>
                  {t('entry.withdraw')}
                </Button>
              ) : null}
              {editable ? (
                <Button onClick={() => setCheckOpen(true)} disabled={!approved}>
                  {t('entry.submit')}
                </Button>
              ) : null}
            </Group>
          </Group>
        </Paper>
      ) : null}

      <Modal opened={checkOpen} onClose={() => setCheckOpen(false)} title={t('entry.checklistTitle')} size="lg">
        <Stack gap="md">
          {missing.length > 0 ? (
            <Alert color="orange" variant="light" title={t('entry.missingTitle', { count: missing.length })} data-testid="entry-missing">
              <List size="sm">
                {missing.map((m) => (
                  <List.Item key={m}>{m}</List.Item>
                ))}
              </List>
            </Alert>
          ) : (
            <Text>{t('entry.readyToSubmit')}</Text>
          )}
          <Text size="sm" c="dimmed">
            {t('entry.submitWarning', { date: f.dateTime(contest.dates.entriesClose) })}
          </Text>
          {submit.error ? <ErrorAlert error={submit.error} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setCheckOpen(false)}>
              {t('common.cancel')}
            </Button>
            <Button onClick={() => submit.mutate()} loading={submit.isPending} disabled={missing.length > 0}>
              {t('entry.confirmSubmit')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      <WithdrawDialog
        opened={withdrawOpen}
        onClose={() => setWithdrawOpen(false)}
        onDone={async (e) => {
          setEntry(e);
          draft.reset({ value: toFields(e), version: e.version, updatedAt: e.updatedAt });
          setWithdrawOpen(false);
          await refresh();
        }}
        entry={entry}
        flush={draft.flush}
      />
    </Stack>
  );
}

function WithdrawDialog({
  opened,
  onClose,
  onDone,
  entry,
  flush,
}: {
  opened: boolean;
  onClose: () => void;
  onDone: (e: Entry) => Promise<void>;
  entry: Entry;
  flush: () => Promise<boolean>;
}) {
  const { t } = useTranslation(NS);
  const [reason, setReason] = useState('');
  const withdraw = useMutation({
    mutationFn: async () => {
      // What was typed is kept with the withdrawn entry, as the LAO wrote it.
      await flush();
      return dlApi.withdrawEntry(entry.id, reason.trim());
    },
    onSuccess: onDone,
  });
  return (
    <Modal opened={opened} onClose={onClose} title={t('entry.withdrawTitle')}>
      <Stack gap="md">
        <Text size="sm">{t('entry.withdrawBody')}</Text>
        <Textarea label={t('entry.withdrawReason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} autosize minRows={2} />
        {withdraw.error ? <ErrorAlert error={withdraw.error} /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color="red" onClick={() => withdraw.mutate()} loading={withdraw.isPending}>
            {t('entry.confirmWithdraw')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function Links({ value, editable, onChange }: { value: EntryFields['links']; editable: boolean; onChange: (links: EntryFields['links']) => void }) {
  const { t } = useTranslation(NS);
  const [url, setUrl] = useState('');
  const [label, setLabel] = useState('');
  const valid = /^https?:\/\/\S+$/i.test(url.trim());
  const add = () => {
    if (!valid) return;
    onChange([...value, { url: url.trim(), label: label.trim() }]);
    setUrl('');
    setLabel('');
  };
  return (
    <Section title={t('links.title')} id="entry-links">
      <Stack gap="sm">
        {value.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('links.none')}
          </Text>
        ) : (
          <List spacing={4}>
            {value.map((l, i) => (
              <List.Item key={`${l.url}-${i}`}>
                <Group gap="xs" wrap="nowrap">
                  <Anchor href={l.url} target="_blank" rel="noopener noreferrer">
                    {l.label || l.url} <IconExternalLink size={12} aria-hidden />
                  </Anchor>
                  {editable ? (
                    <ActionIcon variant="subtle" color="red" aria-label={t('links.remove', { link: l.label || l.url })} onClick={() => onChange(value.filter((_, j) => j !== i))}>
                      <IconTrash size={16} aria-hidden />
                    </ActionIcon>
                  ) : null}
                </Group>
              </List.Item>
            ))}
          </List>
        )}
        {editable ? (
          <Group align="flex-end" gap="sm" wrap="wrap">
            <TextInput label={t('links.url')} placeholder="https://" value={url} onChange={(e) => setUrl(e.currentTarget.value)} error={url && !valid ? t('links.invalid') : undefined} w={320} />
            <TextInput label={t('links.label')} value={label} onChange={(e) => setLabel(e.currentTarget.value)} w={240} />
            <Button variant="light" leftSection={<IconPlus size={16} aria-hidden />} onClick={add} disabled={!valid}>
              {t('links.add')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </Section>
  );
}

function Attachments({ entry, config, editable, onChange }: { entry: Entry; config: Contest['config']; editable: boolean; onChange: (a: Attachment[]) => void }) {
  const { t } = useTranslation(NS);
  const en = useEn();
  const f = useFormat();
  const [section, setSection] = useState<string | null>(null);
  const upload = useMutation({ mutationFn: (file: File) => dlApi.uploadAttachment(entry.id, file, section), onSuccess: (a) => onChange([...entry.attachments, a]) });
  const remove = useMutation({ mutationFn: (a: Attachment) => dlApi.deleteAttachment(a.id).then(() => a), onSuccess: (a) => onChange(entry.attachments.filter((x) => x.id !== a.id)) });
  const sectionName = (code: string | null) => (code ? pickText(config.rubric.criteria.find((c) => c.code === code)?.name, en) || code : t('attachments.wholeEntry'));
  return (
    <Section title={t('attachments.title')} id="entry-attachments">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('attachments.help')}
        </Text>
        {entry.attachments.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('attachments.none')}
          </Text>
        ) : (
          <Table>
            <Table.Caption>{t('attachments.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('attachments.file')}</Table.Th>
                <Table.Th>{t('attachments.section')}</Table.Th>
                <Table.Th>{t('attachments.size')}</Table.Th>
                <Table.Th>{t('attachments.uploaded')}</Table.Th>
                {editable ? <Table.Th aria-label={t('attachments.actions')} /> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {entry.attachments.map((a) => (
                <Table.Tr key={a.id} data-attachment={a.filename}>
                  <Table.Td>
                    <Anchor href={dlApi.attachmentUrl(a.id)} target="_blank" rel="noopener">
                      {a.filename}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{sectionName(a.section)}</Table.Td>
                  <Table.Td>{t('attachments.kb', { kb: f.number(Math.max(1, Math.round(a.size / 1024))) })}</Table.Td>
                  <Table.Td>{f.dateTime(a.uploadedAt)}</Table.Td>
                  {editable ? (
                    <Table.Td>
                      <ActionIcon variant="subtle" color="red" aria-label={t('attachments.delete', { file: a.filename })} onClick={() => remove.mutate(a)} loading={remove.isPending && remove.variables?.id === a.id}>
                        <IconTrash size={16} aria-hidden />
                      </ActionIcon>
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {upload.error ? <ErrorAlert error={upload.error} /> : null}
        {remove.error ? <ErrorAlert error={remove.error} /> : null}
        {editable ? (
          <Group align="flex-end" gap="sm" wrap="wrap">
            <Select
              label={t('attachments.section')}
              value={section ?? ''}
              onChange={(v) => setSection(v || null)}
              data={[{ value: '', label: t('attachments.wholeEntry') }, ...config.rubric.criteria.map((c) => ({ value: c.code, label: pickText(c.name, en) }))]}
              allowDeselect={false}
              w={300}
            />
            <FileButton onChange={(file) => file && upload.mutate(file)} accept="application/pdf,image/png,image/jpeg,image/webp,.docx,.xlsx,.pptx">
              {(props) => (
                <Button {...props} variant="light" leftSection={<IconPaperclip size={16} aria-hidden />} loading={upload.isPending}>
                  {t('attachments.add')}
                </Button>
              )}
            </FileButton>
          </Group>
        ) : null}
      </Stack>
    </Section>
  );
}

function FeedbackLoader({ contest, entry }: { contest: Contest; entry: Entry }) {
  const q = useQuery({ queryKey: ['dl', 'feedback', entry.id], queryFn: () => dlApi.feedback(entry.id) });
  if (q.isPending) return null;
  if (q.error) return <ErrorAlert error={q.error} />;
  return <FeedbackView contest={contest} answer={q.data} />;
}

function FeedbackView({ contest, answer }: { contest: Contest; answer: FeedbackAnswer }) {
  const { t } = useTranslation(NS);
  const en = useEn();
  const config = contest.config;
  const feedback = answer.feedback;
  return (
    <Section title={t('feedback.title')} id="entry-feedback">
      <Stack gap="md" data-testid="entry-feedback">
        <Group gap="lg">
          <Stack gap={2}>
            <Text size="xs" c="dimmed">
              {t('feedback.result')}
            </Text>
            <TierBadge config={config} code={answer.tier} />
          </Stack>
          <Stack gap={2}>
            <Text size="xs" c="dimmed">
              {t('feedback.meanTotal')}
            </Text>
            <Text fw={700}>
              {fmtScore(feedback.meanTotal)} / {config.rubric.scale.max}
            </Text>
          </Stack>
          <Stack gap={2}>
            <Text size="xs" c="dimmed">
              {t('feedback.judges')}
            </Text>
            <Text fw={700}>{feedback.judgeCount}</Text>
          </Stack>
        </Group>
        <Table>
          <Table.Caption>{t('feedback.caption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('feedback.criterion')}</Table.Th>
              <Table.Th>{t('feedback.mean')}</Table.Th>
              {feedback.sheets.map((s) => (
                <Table.Th key={s.label.en}>{pickText(s.label, en)}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {feedback.criteria.map((c) => (
              <Table.Tr key={c.code}>
                <Table.Td>{pickText(c.name, en)}</Table.Td>
                <Table.Td fw={600}>{fmtScore(c.meanScore)}</Table.Td>
                {feedback.sheets.map((s) => (
                  <Table.Td key={s.label.en}>{fmtScore(s.scores[c.code], 0)}</Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {feedback.criteria.map((c) =>
          c.comments.length > 0 ? (
            <div key={c.code}>
              <Text fw={600} size="sm">
                {pickText(c.name, en)}
              </Text>
              <List size="sm" spacing={4}>
                {c.comments.map((m, i) => (
                  <List.Item key={i}>{m}</List.Item>
                ))}
              </List>
            </div>
          ) : null,
        )}
        {feedback.overallComments.length > 0 ? (
          <div>
            <Text fw={600} size="sm">
              {t('feedback.overall')}
            </Text>
            <List size="sm" spacing={4}>
              {feedback.overallComments.map((m, i) => (
                <List.Item key={i}>{m}</List.Item>
              ))}
            </List>
          </div>
        ) : null}
      </Stack>
    </Section>
  );
}
