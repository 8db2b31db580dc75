// One organisation's items for review, keyboard-driven: move with j/k, decide with a/i/r, reason 1–9, Enter saves.
import { Alert, Anchor, Badge, Button, Card, Grid, Group, Kbd, List, NavLink, ScrollArea, Select, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../api/client';
import { PageLoader } from '../../auth/session';
import { useFormat } from '../../components/format';
import { ErrorAlert } from '../../components/ui';
import { pickText, STATUS_COLOURS, type Decision, type ReviewItem, type ReviewItems } from './api';
import './i18n';
import { NS } from './i18n';

interface Draft {
  decision: Decision | null;
  reasonCode: string | null;
  comment: string;
  internalNote: string;
}

const EMPTY: Draft = { decision: null, reasonCode: null, comment: '', internalNote: '' };
const KEY_DECISION: Record<string, Decision> = { a: 'accepted', i: 'insufficient', r: 'rejected' };

function isTyping(el: Element | null): boolean {
  if (!el) return false;
  const tag = el.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || (el as HTMLElement).isContentEditable;
}

function FileView({ file, isNew }: { file: ReviewItem['files'][number]; isNew: boolean }) {
  const { t } = useTranslation(NS);
  const url = `/api/evidence/${file.id}`;
  const pdf = file.mimeType === 'application/pdf';
  const image = file.mimeType.startsWith('image/');
  return (
    <Card withBorder p="xs" data-testid="evidence-file">
      <Group justify="space-between" mb={4}>
        <Text size="sm" fw={500}>
          {file.filename} {isNew ? <Badge color="blue" size="xs">{t('newFile')}</Badge> : null}
        </Text>
        <Group gap="xs">
          <Anchor href={url} target="_blank" rel="noopener" size="sm">
            {t('openNewTab')}
          </Anchor>
        </Group>
      </Group>
      {pdf ? <iframe
          src={url}
          title={file.filename}
          style={{ width: '100%', height: 420, border: 0 }}
          data-testid="pdf-frame"
          // The PDF viewer must not keep the keyboard: the shortcuts belong to the review page.
          onLoad={(e) => {
            if (document.activeElement === e.currentTarget) e.currentTarget.blur();
          }}
        /> : null}
      {image ? <img src={url} alt={file.filename} style={{ maxWidth: '100%', maxHeight: 420 }} /> : null}
      {!pdf && !image ? (
        <Anchor href={url} size="sm">
          {t('download')}
        </Anchor>
      ) : null}
    </Card>
  );
}

export default function ReviewItemsPage() {
  const { eid = '', oid = '' } = useParams();
  const { t, i18n } = useTranslation(NS);
  const en = i18n.language === 'en';
  const f = useFormat();
  const client = useQueryClient();
  const key = ['review-items', eid, oid];
  const q = useQuery({ queryKey: key, queryFn: () => api.get<ReviewItems>(`/api/review/editions/${eid}/organisations/${oid}/items`) });
  const [idx, setIdx] = useState(0);
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [marked, setMarked] = useState<Set<string>>(new Set());
  const [deadline, setDeadline] = useState(() => new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 16));
  const [message, setMessage] = useState('');
  const [flash, setFlash] = useState<string | null>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const items = useMemo(() => q.data?.items ?? [], [q.data]);
  const item = items[Math.min(idx, Math.max(items.length - 1, 0))];
  const reasons = useMemo(() => (q.data?.reasons ?? []).filter((r) => draft.decision && draft.decision !== 'accepted' && (r.appliesTo === 'any' || r.appliesTo === draft.decision)), [q.data, draft.decision]);

  const decide = useMutation({
    mutationFn: (v: { code: string; d: Draft }) =>
      api.post(`/api/review/editions/${eid}/organisations/${oid}/items/${encodeURIComponent(v.code)}/decision`, {
        decision: v.d.decision,
        reasonCode: v.d.reasonCode,
        comment: v.d.comment || null,
        internalNote: v.d.internalNote || null,
      }),
    onSuccess: async (_r, v) => {
      setFlash(`${v.code} · ${t('saved')}`);
      setDraft(EMPTY);
      await client.invalidateQueries({ queryKey: key });
      setIdx((i) => Math.min(i + 1, items.length - 1));
    },
  });
  const sendBack = useMutation({
    mutationFn: () =>
      api.post(`/api/review/editions/${eid}/organisations/${oid}/send-backs`, {
        deadline: new Date(deadline).toISOString(),
        message: message || null,
        items: [...marked].map((code) => {
          const it = items.find((x) => x.code === code);
          return { item: code, reasonCode: it?.lastDecision?.reason?.code ?? 'OTHER', comment: it?.lastDecision?.comment ?? null };
        }),
      }),
    onSuccess: async () => {
      setMarked(new Set());
      setFlash(t('sent'));
      await client.invalidateQueries({ queryKey: key });
    },
  });

  const move = useCallback((d: number) => {
    setIdx((i) => Math.max(0, Math.min(items.length - 1, i + d)));
    setDraft(EMPTY);
  }, [items.length]);

  const confirm = useCallback(() => {
    if (!item || !draft.decision || decide.isPending) return;
    decide.mutate({ code: item.code, d: draft });
  }, [item, draft, decide]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      if (isTyping(document.activeElement)) {
        if (e.key === 'Escape') (document.activeElement as HTMLElement).blur();
        return;
      }
      const k = e.key;
      if (k === 'j' || k === 'ArrowDown') move(1);
      else if (k === 'k' || k === 'ArrowUp') move(-1);
      else if (KEY_DECISION[k]) setDraft((d) => ({ ...d, decision: KEY_DECISION[k]!, reasonCode: k === 'a' ? null : d.reasonCode }));
      else if (/^[1-9]$/.test(k)) {
        const r = reasons[Number(k) - 1];
        if (r) setDraft((d) => ({ ...d, reasonCode: r.code }));
      } else if (k === 'Enter') confirm();
      else if (k === 's' && item) {
        setMarked((m) => {
          const n = new Set(m);
          if (n.has(item.code)) n.delete(item.code);
          else n.add(item.code);
          return n;
        });
      } else if (k === 'o' && item?.files[0]) window.open(`/api/evidence/${item.files[0].id}`, '_blank', 'noopener');
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [move, confirm, reasons, item]);

  useEffect(() => {
    listRef.current?.querySelector('[data-active="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [idx]);

  if (q.isPending) return <PageLoader />;
  if (q.error) return <ErrorAlert error={q.error} />;
  const d = q.data;
  const newIds = new Set(item?.sendBack?.newFileIds ?? []);
  return (
    <Stack gap="sm">
      <Anchor component={Link} to={`/review/${eid}`} size="sm">
        ← {t('back')}
      </Anchor>
      <Title order={2}>{f.pick(d.organisation.nameTh, d.organisation.nameEn)}</Title>
      {d.openSendBack ? <Alert color="violet">{t('openSendBack', { deadline: f.dateTime(d.openSendBack.deadline) })}</Alert> : null}
      <Card withBorder p="xs" data-testid="shortcuts">
        <Group gap="lg" wrap="wrap">
          <Text size="sm" fw={600}>
            {t('shortcuts')}
          </Text>
          <Text size="sm"><Kbd>j</Kbd>/<Kbd>k</Kbd> {t('keys.move')}</Text>
          <Text size="sm"><Kbd>a</Kbd> <Kbd>i</Kbd> <Kbd>r</Kbd> {t('keys.decide')}</Text>
          <Text size="sm"><Kbd>1–9</Kbd> {t('keys.reason')}</Text>
          <Text size="sm"><Kbd>Enter</Kbd> {t('keys.confirm')}</Text>
          <Text size="sm"><Kbd>s</Kbd> {t('keys.mark')}</Text>
          <Text size="sm"><Kbd>o</Kbd> {t('keys.files')}</Text>
        </Group>
      </Card>
      {flash ? <Text size="sm" c="green" role="status" data-testid="flash">{flash}</Text> : null}
      {decide.error ? <ErrorAlert error={decide.error} /> : null}
      {sendBack.error ? <ErrorAlert error={sendBack.error} /> : null}
      <Grid>
        <Grid.Col span={{ base: 12, md: 3 }}>
          <Text size="sm" fw={600}>
            {t('items', { n: items.length })}
          </Text>
          <ScrollArea h={640} ref={listRef}>
            {items.map((it, i) => (
              <NavLink
                key={it.code}
                active={i === idx}
                data-active={i === idx}
                data-testid={`item-${it.code}`}
                data-status={it.status}
                onClick={() => {
                  setIdx(i);
                  setDraft(EMPTY);
                }}
                label={`${marked.has(it.code) ? '● ' : ''}${it.code}`}
                description={pickText(it.text, en).slice(0, 60)}
                rightSection={<Badge size="xs" color={STATUS_COLOURS[it.status]}>{t(`itemStatus.${it.status}`)}</Badge>}
              />
            ))}
          </ScrollArea>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 9 }}>
          {item ? (
            <Stack gap="sm" data-testid="current-item" data-code={item.code}>
              <Group justify="space-between">
                <Title order={3}>
                  {item.code} · {t('question')}
                </Title>
                <Badge color={STATUS_COLOURS[item.status]}>{item.final ? t('final') : t(`itemStatus.${item.status}`)}</Badge>
              </Group>
              <Text>{pickText(item.text, en)}</Text>
              <Grid>
                <Grid.Col span={6}>
                  <Text size="sm" c="dimmed">{t('answer')}</Text>
                  <Text fw={600} data-testid="answer">{item.answer ? pickText(item.answer.label, en) : t('noAnswer')}</Text>
                </Grid.Col>
                <Grid.Col span={6}>
                  <Text size="sm" c="dimmed">{t('previous')}</Text>
                  <Text>{item.previous ? pickText(item.previous.label, en) || String(item.previous.value) : t('noPrevious')}</Text>
                </Grid.Col>
              </Grid>
              {item.sendBack ? (
                <Card withBorder bg="var(--mantine-color-blue-light)">
                  <Text fw={600}>{t('changes')}</Text>
                  <Text size="sm">
                    {item.sendBack.answerChanged ? `${t('answerBefore')}: ${pickText(item.sendBack.answerBeforeLabel, en)} → ${t('answerAfter')}: ${pickText(item.answer?.label, en)}` : t('answerUnchanged')}
                  </Text>
                  <Text size="sm">{pickText(item.sendBack.reason?.label, en)} {item.sendBack.comment ? `— ${item.sendBack.comment}` : ''}</Text>
                </Card>
              ) : null}
              <Text size="sm" fw={600}>{t('evidence')}</Text>
              {item.files.length === 0 ? <Text size="sm" c="dimmed">{t('noFiles')}</Text> : null}
              {item.files.map((file) => <FileView key={file.id} file={file} isNew={newIds.has(file.id)} />)}
              {item.lastDecision ? (
                <Text size="sm" c="dimmed">
                  {t('lastDecision')}: {t(`decision.${item.lastDecision.decision}`)} {item.lastDecision.reason ? `· ${pickText(item.lastDecision.reason.label, en)}` : ''} {item.lastDecision.comment ? `· ${item.lastDecision.comment}` : ''}{' '}
                  {item.lastDecision.internalNote ? `· (${item.lastDecision.internalNote})` : ''} · {t('by', { name: item.lastDecision.reviewerName ?? '' })} · {f.dateTime(item.lastDecision.decidedAt)}
                </Text>
              ) : null}
              <Card withBorder data-testid="decision-form">
                <Group>
                  {(['accepted', 'insufficient', 'rejected'] as Decision[]).map((dec) => (
                    <Button key={dec} variant={draft.decision === dec ? 'filled' : 'default'} color={dec === 'accepted' ? 'green' : dec === 'insufficient' ? 'orange' : 'red'} onClick={() => setDraft((x) => ({ ...x, decision: dec }))} aria-pressed={draft.decision === dec}>
                      {t(`decision.${dec}`)} ({dec[0]})
                    </Button>
                  ))}
                </Group>
                {draft.decision && draft.decision !== 'accepted' ? (
                  <Stack gap={4} mt="sm">
                    <Select label={t('chooseReason')} data={reasons.map((r, n) => ({ value: r.code, label: `${n + 1}. ${pickText(r.label, en)}` }))} value={draft.reasonCode} onChange={(v) => setDraft((x) => ({ ...x, reasonCode: v }))} data-testid="reason" />
                    <List size="xs" c="dimmed">
                      {reasons.slice(0, 9).map((r, n) => (
                        <List.Item key={r.code}>
                          <Kbd>{n + 1}</Kbd> {pickText(r.label, en)}
                        </List.Item>
                      ))}
                    </List>
                  </Stack>
                ) : null}
                <Textarea mt="sm" label={t('comment')} autosize minRows={1} value={draft.comment} onChange={(e) => setDraft({ ...draft, comment: e.currentTarget.value })} />
                <Textarea mt="xs" label={t('internalNote')} autosize minRows={1} value={draft.internalNote} onChange={(e) => setDraft({ ...draft, internalNote: e.currentTarget.value })} />
                <Button mt="sm" onClick={confirm} disabled={!draft.decision || item.final} loading={decide.isPending}>
                  {t('confirm')}
                </Button>
              </Card>
            </Stack>
          ) : null}
          {marked.size > 0 ? (
            <Card withBorder mt="md" data-testid="send-back">
              <Text fw={600}>
                {t('sendBack')} · {t('selected', { n: marked.size })}
              </Text>
              <Group align="end">
                <TextInput type="datetime-local" label={t('deadline')} value={deadline} onChange={(e) => setDeadline(e.currentTarget.value)} />
                <TextInput label={t('message')} value={message} onChange={(e) => setMessage(e.currentTarget.value)} style={{ flex: 1 }} />
                <Button color="violet" onClick={() => sendBack.mutate()} loading={sendBack.isPending}>
                  {t('sendBack')}
                </Button>
              </Group>
            </Card>
          ) : null}
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
