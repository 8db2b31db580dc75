// The agency's corrections: which items a reviewer returned and why; change only those answers, add evidence, resubmit.
import { Alert, Anchor, Badge, Button, Card, FileInput, Group, MultiSelect, NumberInput, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { Items } from '../../api/types';
import { Empty, ErrorAlert, PageHeader } from '../../components/ui';
import type { Edition } from '../questionnaire/api';
import { api } from '../../api/client';
import { PageLoader, useUser } from '../../auth/session';
import { useFormat } from '../../components/format';
import { questionnaireApi, type QuestionnaireData } from '../questionnaire/api';
import { pickText, type Losses, type SendBack } from './api';
import './i18n';
import { NS } from './i18n';

type FwItem = { code: string; kind: string; text: { th: string; en: string }; options?: { code: string; label: { th: string; en: string } }[] };

function findItem(q: QuestionnaireData, code: string): FwItem | null {
  for (const d of q.framework.dimensions) {
    for (const it of [...(d.items ?? []), ...(d.subdimensions ?? []).flatMap((s) => s.items)]) if (it.code === code) return it as unknown as FwItem;
  }
  return null;
}

function ValueInput({ item, value, onChange }: { item: FwItem; value: unknown; onChange: (v: unknown) => void }) {
  const { t, i18n } = useTranslation(NS);
  const en = i18n.language === 'en';
  const label = t('corrections.newValue');
  const opts = (item.options ?? []).map((o) => ({ value: o.code, label: pickText(o.label, en) }));
  switch (item.kind) {
    case 'yes_no':
      return <Select label={label} data={[{ value: 'yes', label: en ? 'Yes' : 'ใช่' }, { value: 'no', label: en ? 'No' : 'ไม่ใช่' }]} value={value === true ? 'yes' : value === false ? 'no' : null} onChange={(v) => onChange(v === 'yes')} />;
    case 'single_choice':
      return <Select label={label} data={opts} value={(value as string) ?? null} onChange={onChange} />;
    case 'multi_choice':
      return <MultiSelect label={label} data={opts} value={(value as string[]) ?? []} onChange={onChange} />;
    case 'number':
      return <NumberInput label={label} value={(value as number) ?? ''} onChange={(v) => onChange(typeof v === 'number' ? v : null)} />;
    default:
      return <Textarea label={label} value={(value as string) ?? ''} onChange={(e) => onChange(e.currentTarget.value)} />;
  }
}

function CorrectionItem({ eid, oid, q, it, editable }: { eid: string; oid: string; q: QuestionnaireData; it: SendBack['items'][number]; editable: boolean }) {
  const { t, i18n } = useTranslation(NS);
  const en = i18n.language === 'en';
  const client = useQueryClient();
  const fw = findItem(q, it.item);
  const current = q.answers[it.item];
  const [value, setValue] = useState<unknown>(current?.value ?? null);
  const [file, setFile] = useState<File | null>(null);
  const refresh = () => Promise.all([client.invalidateQueries({ queryKey: ['corrections', eid, oid] }), client.invalidateQueries({ queryKey: ['correction-q', eid, oid] })]);
  const save = useMutation({
    mutationFn: () => questionnaireApi.saveAnswers(eid, oid, [{ item: it.item, value: value as never, baseVersion: current?.version ?? 0, requestId: `corr-${Date.now()}-${Math.random().toString(36).slice(2)}` }]),
    onSuccess: refresh,
  });
  const upload = useMutation({
    mutationFn: () => {
      const form = new FormData();
      form.append('item', it.item);
      form.append('file', file!);
      return api.upload(`/api/editions/${eid}/organisations/${oid}/evidence`, form);
    },
    onSuccess: async () => {
      setFile(null);
      await refresh();
    },
  });
  return (
    <Card withBorder data-testid={`correction-${it.item}`}>
      <Text fw={600}>
        {it.item} · {fw ? pickText(fw.text, en) : ''}
      </Text>
      <Text size="sm" c="orange">
        {pickText(it.reason, en)} {it.comment ? `— ${it.comment}` : ''}
      </Text>
      <Text size="sm">
        {t('answerBefore')}: {JSON.stringify(it.answerBefore)} · {t('answerAfter')}: {JSON.stringify(it.answerAfter)}
      </Text>
      {it.newFiles.map((f) => (
        <Text size="sm" key={f.id}>
          <Badge size="xs">{t('newFile')}</Badge> {f.filename}
        </Text>
      ))}
      {editable && fw ? (
        <Stack gap="xs" mt="xs">
          <Group align="end">
            <ValueInput item={fw} value={value} onChange={setValue} />
            <Button onClick={() => save.mutate()} loading={save.isPending}>
              {t('corrections.save')}
            </Button>
          </Group>
          <Group align="end">
            <FileInput label={t('corrections.upload')} value={file} onChange={setFile} accept="application/pdf,image/*" />
            <Button onClick={() => upload.mutate()} disabled={!file} loading={upload.isPending}>
              {t('corrections.upload')}
            </Button>
          </Group>
          {save.error ? <ErrorAlert error={save.error} /> : null}
          {upload.error ? <ErrorAlert error={upload.error} /> : null}
        </Stack>
      ) : null}
    </Card>
  );
}

/** Without an edition in the address: the editions of the user's organisation, each linking to its corrections. */
function CorrectionEditions() {
  const { t } = useTranslation(NS);
  const f = useFormat();
  const user = useUser();
  const q = useQuery({ queryKey: ['editions'], queryFn: () => api.get<Items<Edition>>('/api/editions') });
  if (q.isPending) return <PageLoader />;
  if (q.error) return <ErrorAlert error={q.error} />;
  const list = q.data.items.filter((e) => e.state !== 'draft');
  return (
    <Stack>
      <PageHeader title={t('corrections.title')} />
      {list.length === 0 || !user.organisationId ? <Empty title={t('corrections.none')} /> : null}
      {user.organisationId
        ? list.map((e) => (
            <Card withBorder key={e.id}>
              <Anchor component={Link} to={`/corrections/${e.id}/${user.organisationId}`}>
                {f.pick(e.titleTh, e.titleEn)}
              </Anchor>
            </Card>
          ))
        : null}
    </Stack>
  );
}

export default function CorrectionsPage() {
  const { eid, oid } = useParams();
  return eid && oid ? <CorrectionsView eid={eid} oid={oid} /> : <CorrectionEditions />;
}

function CorrectionsView({ eid, oid }: { eid: string; oid: string }) {
  const { t, i18n } = useTranslation(NS);
  const en = i18n.language === 'en';
  const f = useFormat();
  const user = useUser();
  const client = useQueryClient();
  const list = useQuery({ queryKey: ['corrections', eid, oid], queryFn: () => api.get<{ sendBacks: SendBack[] }>(`/api/editions/${eid}/organisations/${oid}/corrections`) });
  const qn = useQuery({ queryKey: ['correction-q', eid, oid], queryFn: () => questionnaireApi.load(eid, oid) });
  const losses = useQuery({ queryKey: ['losses', eid, oid], queryFn: () => api.get<Losses>(`/api/editions/${eid}/organisations/${oid}/evidence-losses`), enabled: user.role !== 'contributor' });
  const resubmit = useMutation({
    mutationFn: (id: string) => api.post(`/api/editions/${eid}/organisations/${oid}/corrections/${id}/resubmit`),
    onSuccess: () => client.invalidateQueries({ queryKey: ['corrections', eid, oid] }),
  });
  if (list.isPending || qn.isPending) return <PageLoader />;
  if (list.error) return <ErrorAlert error={list.error} />;
  if (qn.error) return <ErrorAlert error={qn.error} />;
  const mayWrite = user.organisationId === oid && (user.role === 'coordinator' || user.role === 'head' || user.role === 'contributor');
  return (
    <Stack>
      <Anchor component={Link} to="/" size="sm">
        ← {t('back')}
      </Anchor>
      <Title order={2}>
        {t('corrections.title')} · {f.pick(qn.data.organisation.nameTh, qn.data.organisation.nameEn)}
      </Title>
      {list.data.sendBacks.length === 0 ? <Text c="dimmed">{t('corrections.none')}</Text> : null}
      {list.data.sendBacks.map((sb) => (
        <Card withBorder key={sb.id} data-testid="send-back-card">
          <Group justify="space-between">
            <Text fw={600}>
              {t('corrections.round', { n: sb.round })} · {t('corrections.deadline', { deadline: f.dateTime(sb.deadline) })}
            </Text>
            <Badge color={sb.status === 'open' ? 'violet' : sb.status === 'resubmitted' ? 'blue' : 'gray'}>{t(`corrections.status.${sb.status}`)}</Badge>
          </Group>
          {sb.message ? <Text size="sm">{sb.message}</Text> : null}
          {sb.status === 'open' ? <Alert my="xs">{t('corrections.onlyThese')}</Alert> : null}
          <Stack gap="xs">
            {sb.items.map((it) => (
              <CorrectionItem key={it.item} eid={eid} oid={oid} q={qn.data} it={it} editable={sb.status === 'open' && mayWrite} />
            ))}
          </Stack>
          {sb.status === 'open' && (user.role === 'coordinator' || user.role === 'head') && user.organisationId === oid ? (
            <Button mt="sm" color="violet" onClick={() => resubmit.mutate(sb.id)} loading={resubmit.isPending}>
              {t('corrections.resubmit')}
            </Button>
          ) : null}
          {resubmit.error ? <ErrorAlert error={resubmit.error} /> : null}
        </Card>
      ))}
      {losses.data ? (
        <Card withBorder data-testid="evidence-losses">
          <Text fw={600}>{t('losses.title')}</Text>
          {losses.data.items.length === 0 ? <Text size="sm">{t('losses.none')}</Text> : null}
          {losses.data.items.map((l) => (
            <Text size="sm" key={l.code}>
              {l.code} · {pickText(l.text, en)} — {l.reason ? pickText(l.reason.label, en) : t(`itemStatus.${l.status}`)} {l.comment ? `(${l.comment})` : ''} · {t('losses.points', { p: l.pointsLost })}
            </Text>
          ))}
        </Card>
      ) : null}
    </Stack>
  );
}
