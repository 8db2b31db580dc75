// Committee award pieces shared by the DGA, agency and judge screens: nomination form, nomination card, evidence upload.
import { Anchor, Badge, Button, Card, FileButton, Group, List, Modal, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { IconPaperclip, IconUpload } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client';
import { useFormat } from '../../components/format';
import { awardsBase, nominationEvidenceUrl, type EvidenceFile, type Nomination } from './api';
import { NS } from './i18n';
import { ProblemAlert } from './parts';

function sizeText(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`;
}

export function EvidenceList({ eid, nomination }: { eid: string; nomination: Nomination }) {
  const { t } = useTranslation(NS);
  if (nomination.evidence.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('committee.noEvidence')}
      </Text>
    );
  return (
    <List size="sm" spacing={2} icon={<IconPaperclip size={14} aria-hidden />}>
      {nomination.evidence.map((f) => (
        <List.Item key={f.id}>
          <Anchor href={nominationEvidenceUrl(eid, nomination.id, f.id)} target="_blank" rel="noopener">
            {f.filename}
          </Anchor>{' '}
          <Text span size="xs" c="dimmed">
            {sizeText(f.size)}
          </Text>
        </List.Item>
      ))}
    </List>
  );
}

export function EvidenceUpload({ eid, nomination }: { eid: string; nomination: Nomination }) {
  const { t } = useTranslation(NS);
  const client = useQueryClient();
  const upload = useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file);
      return api.upload<EvidenceFile>(`${awardsBase(eid)}/nominations/${nomination.id}/evidence`, form);
    },
    onSuccess: () => client.invalidateQueries({ queryKey: ['awards', eid, 'nominations'] }),
  });
  return (
    <Stack gap={4}>
      <FileButton onChange={(f) => f && upload.mutate(f)}>
        {(props) => (
          <Button {...props} size="xs" variant="light" leftSection={<IconUpload size={14} aria-hidden />} loading={upload.isPending}>
            {t('committee.upload')}
          </Button>
        )}
      </FileButton>
      {upload.error ? <ProblemAlert error={upload.error} /> : null}
    </Stack>
  );
}

export function NominationCard({ eid, nomination: n, children, actions }: { eid: string; nomination: Nomination; children?: ReactNode; actions?: ReactNode }) {
  const { t } = useTranslation(NS);
  const f = useFormat();
  return (
    <Card withBorder data-nomination={n.id}>
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Stack gap={0}>
          <Text fw={600}>{f.pick(n.personNameTh, n.personNameEn)}</Text>
          <Text size="sm">{f.pick(n.positionTh, n.positionEn)}</Text>
          <Text size="sm" c="dimmed">
            {f.pick(n.organisation.nameTh, n.organisation.nameEn)}
          </Text>
        </Stack>
        <Group gap="xs">
          {n.withdrawn ? (
            <Badge color="gray" variant="outline" data-testid="nomination-withdrawn">
              {t('committee.withdrawn', { at: f.date(n.withdrawn.at) })}
            </Badge>
          ) : null}
          {actions}
          <Text size="xs" c="dimmed">
            {t('committee.nominatedBy', { name: n.nominatedByName ?? '—', at: f.date(n.createdAt) })}
          </Text>
        </Group>
      </Group>
      <Text size="sm" mt="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {n.statement}
      </Text>
      <Text size="sm" fw={600} mt="sm">
        {t('committee.evidence')}
      </Text>
      <EvidenceList eid={eid} nomination={n} />
      {n.judges ? (
        <Group gap={4} mt="sm">
          <Text size="sm" fw={600}>
            {t('committee.judges')}:
          </Text>
          {n.judges.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('committee.noJudges')}
            </Text>
          ) : (
            n.judges.map((j) => (
              <Badge key={j.id} variant="light" color={j.recused ? 'orange' : 'gray'}>
                {j.recused ? t('committee.judgeRecused', { name: j.name }) : t('committee.judgeProgress', { name: j.name, n: j.scoredCriteria })}
              </Badge>
            ))
          )}
        </Group>
      ) : null}
      {children}
    </Card>
  );
}

/** The nomination of one person for a committee award, by an agency head or coordinator (or an admin). */
/** Edit (at the version shown; a stale one is refused by the server) or withdraw a nomination while nominations are open. */
type NominationText = { personNameTh: string; personNameEn: string; positionTh: string; positionEn: string; statement: string };

/** The server's problems for one body field, in the reader's language. */
function fieldError(details: readonly { path: string; th: string; en: string }[], field: string, en: boolean): string | undefined {
  const d = details.filter((x) => x.path.replace(/^\/?(body[./])?/, '') === field);
  return d.length ? d.map((x) => (en ? x.en : x.th)).join(' · ') : undefined;
}

/** The nominee's names, position and statement: the same fields when nominating and when editing a nomination. */
function NominationFields({ v, setV, err, help = false }: { v: NominationText; setV: (v: NominationText) => void; err: (field: string) => string | undefined; help?: boolean }) {
  const { t } = useTranslation(NS);
  const set = (k: keyof NominationText) => (e: { currentTarget: { value: string } }) => setV({ ...v, [k]: e.currentTarget.value });
  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t('committee.personNameTh')} required value={v.personNameTh} onChange={set('personNameTh')} error={err('personNameTh')} />
        <TextInput label={t('committee.personNameEn')} value={v.personNameEn} onChange={set('personNameEn')} error={err('personNameEn')} />
        <TextInput label={t('committee.positionTh')} required value={v.positionTh} onChange={set('positionTh')} error={err('positionTh')} />
        <TextInput label={t('committee.positionEn')} value={v.positionEn} onChange={set('positionEn')} error={err('positionEn')} />
      </SimpleGrid>
      <Textarea label={t('committee.statement')} description={help ? t('committee.statementHelp') : undefined} required autosize minRows={5} value={v.statement} onChange={set('statement')} error={err('statement')} />
    </>
  );
}

export function NominationChanges({ eid, nomination: n }: { eid: string; nomination: Nomination }) {
  const { t, i18n } = useTranslation(NS);
  const en = i18n.language === 'en';
  const client = useQueryClient();
  const [mode, setMode] = useState<'edit' | 'withdraw' | null>(null);
  const initial = { personNameTh: n.personNameTh, personNameEn: n.personNameEn ?? '', positionTh: n.positionTh, positionEn: n.positionEn ?? '', statement: n.statement };
  const [v, setV] = useState(initial);
  const [reason, setReason] = useState('');
  const run = useMutation({
    mutationFn: () =>
      mode === 'edit'
        ? api.patch<Nomination>(`${awardsBase(eid)}/nominations/${n.id}`, { version: n.version, ...v })
        : api.post<Nomination>(`${awardsBase(eid)}/nominations/${n.id}/withdraw`, { version: n.version, ...(reason.trim() ? { reason } : {}) }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['awards', eid, 'nominations'] });
      setMode(null);
    },
  });
  if (!n.changeable) return null;
  const details = run.error instanceof ApiError ? run.error.details : [];
  const err = (field: string) => fieldError(details, field, en);
  const open = (m: 'edit' | 'withdraw') => {
    run.reset();
    setV(initial);
    setMode(m);
  };
  return (
    <>
      <Button size="compact-sm" variant="light" onClick={() => open('edit')}>
        {t('committee.edit')}
      </Button>
      <Button size="compact-sm" variant="subtle" color="red" onClick={() => open('withdraw')}>
        {t('committee.withdraw')}
      </Button>
      <Modal opened={mode !== null} onClose={() => setMode(null)} title={t(mode === 'withdraw' ? 'committee.withdrawTitle' : 'committee.editTitle')} size="lg">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            run.mutate();
          }}
        >
          <Stack gap="sm">
            {mode === 'edit' ? (
              <>
                <NominationFields v={v} setV={setV} err={err} />
              </>
            ) : (
              <>
                <Text size="sm">{t('committee.withdrawHelp')}</Text>
                <Textarea label={t('committee.withdrawReason')} autosize minRows={2} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
              </>
            )}
            {run.error && details.length === 0 ? <ProblemAlert error={run.error} /> : null}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setMode(null)}>
                {t('cancel')}
              </Button>
              <Button type="submit" color={mode === 'withdraw' ? 'red' : undefined} loading={run.isPending}>
                {mode === 'withdraw' ? t('committee.withdraw') : t('save')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}

export function NominationForm({ eid, categoryId, organisationId, onCreated }: { eid: string; categoryId: string; organisationId: string | null; onCreated?: (n: Nomination) => void }) {
  const { t, i18n } = useTranslation(NS);
  const en = i18n.language === 'en';
  const client = useQueryClient();
  const empty = { personNameTh: '', personNameEn: '', positionTh: '', positionEn: '', statement: '' };
  const [v, setV] = useState(empty);
  const create = useMutation({
    mutationFn: () =>
      api.post<Nomination>(`${awardsBase(eid)}/nominations`, {
        categoryId,
        organisationId,
        personNameTh: v.personNameTh,
        ...(v.personNameEn.trim() ? { personNameEn: v.personNameEn } : {}),
        positionTh: v.positionTh,
        ...(v.positionEn.trim() ? { positionEn: v.positionEn } : {}),
        statement: v.statement,
      }),
    onSuccess: (n) => {
      setV(empty);
      void client.invalidateQueries({ queryKey: ['awards', eid, 'nominations'] });
      onCreated?.(n);
    },
  });
  const details = create.error instanceof ApiError ? create.error.details : [];
  const err = (field: string) => fieldError(details, field, en);
  const ready = v.personNameTh.trim() !== '' && v.positionTh.trim() !== '' && v.statement.trim() !== '' && organisationId !== null;
  return (
    <Card withBorder>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate();
        }}
      >
        <Stack gap="sm">
          <Text fw={600}>{t('committee.nominateTitle')}</Text>
          <NominationFields v={v} setV={setV} err={err} help />
          {create.error ? <ProblemAlert error={create.error} /> : null}
          <Group justify="flex-end">
            <Button type="submit" loading={create.isPending} disabled={!ready}>
              {t('committee.nominate')}
            </Button>
          </Group>
          <Text size="xs" c="dimmed">
            {t('committee.evidenceAfter')}
          </Text>
        </Stack>
      </form>
    </Card>
  );
}
