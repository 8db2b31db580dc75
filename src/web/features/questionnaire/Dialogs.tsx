// Dialogs of the questionnaire: conflict, checklist before submit, complete, approve-and-submit, section assignment.
import { Alert, Anchor, Button, Checkbox, Drawer, Group, List, Loader, Modal, Select, Stack, Table, Text, Textarea } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { Framework, Item } from '../../../engine/framework/types';
import { api, ApiError } from '../../api/client';
import type { Items, User } from '../../api/types';
import { useFormat } from '../../components/format';
import { questionnaireApi, type Assignment, type Checklist, type Participant } from './api';
import { useQ } from './context';
import { goToItem } from './dom';
import { NS } from './i18n';
import { describeValue } from './describe';
import { pickText } from './ItemField';

function errorText(err: unknown, lang: string): string {
  return err instanceof ApiError ? err.localized(lang) : String((err as Error)?.message ?? err);
}

export function ConflictDialog({ byCode }: { byCode: ReadonlyMap<string, Item> }) {
  const { t, i18n } = useTranslation(NS);
  const en = i18n.language === 'en';
  const f = useFormat();
  const { queue } = useQ();
  const snap = useSyncExternalStore(queue.subscribe, queue.getSnapshot);
  const c = snap.conflicts[0];
  const item = c ? byCode.get(c.item) : undefined;
  return (
    <Modal opened={Boolean(c)} onClose={() => undefined} withCloseButton={false} closeOnClickOutside={false} closeOnEscape={false} size="lg" title={c ? t('conflict.title', { code: c.item }) : ''}>
      {c ? (
        <Stack gap="md" data-testid="conflict-dialog">
          <Text size="sm">{pickText(item?.text, en)}</Text>
          <Text size="sm" c="dimmed">
            {t('conflict.body', { name: c.server.updatedByName || t('conflict.someone'), at: f.dateTime(c.server.updatedAt) })}
          </Text>
          <Table withTableBorder withColumnBorders>
            <Table.Tbody>
              <Table.Tr>
                <Table.Th w="35%">{t('conflict.mine')}</Table.Th>
                <Table.Td data-testid="conflict-mine">{describeValue(item, c.mine, en, t)}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('conflict.theirs')}</Table.Th>
                <Table.Td data-testid="conflict-theirs">{describeValue(item, c.server.value, en, t)}</Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => queue.resolveConflict(c.item, 'theirs')}>
              {t('conflict.takeTheirs')}
            </Button>
            <Button onClick={() => queue.resolveConflict(c.item, 'mine')} data-autofocus>
              {t('conflict.keepMine')}
            </Button>
          </Group>
        </Stack>
      ) : null}
    </Modal>
  );
}

/** Saves what is pending, then asks the server for the checklist. */
function useChecklist(opened: boolean): { loading: boolean; data: Checklist | null; error: unknown; pendingLocal: number } {
  const { queue, eid, oid } = useQ();
  const [state, setState] = useState<{ loading: boolean; data: Checklist | null; error: unknown; pendingLocal: number }>({
    loading: false,
    data: null,
    error: null,
    pendingLocal: 0,
  });
  useEffect(() => {
    if (!opened) return;
    let cancelled = false;
    setState({ loading: true, data: null, error: null, pendingLocal: 0 });
    void (async () => {
      await queue.settle();
      try {
        const data = await questionnaireApi.checklist(eid, oid);
        if (!cancelled) setState({ loading: false, data, error: null, pendingLocal: queue.getSnapshot().unconfirmed });
      } catch (error) {
        if (!cancelled) setState({ loading: false, data: null, error, pendingLocal: queue.getSnapshot().unconfirmed });
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [opened, queue, eid, oid]);
  return state;
}

function ChecklistBody({ state, byCode, onGo }: { state: ReturnType<typeof useChecklist>; byCode: ReadonlyMap<string, Item>; onGo: () => void }) {
  const { t, i18n } = useTranslation(NS);
  const en = i18n.language === 'en';
  if (state.loading)
    return (
      <Group gap="sm" role="status">
        <Loader size="sm" />
        <Text size="sm">{t('checklist.checking')}</Text>
      </Group>
    );
  if (state.error) return <Alert color="red">{errorText(state.error, i18n.language)}</Alert>;
  const d = state.data;
  if (!d) return null;
  const link = (code: string) => (
    <List.Item key={code}>
      <Anchor
        component="button"
        type="button"
        size="sm"
        ta="left"
        onClick={() => {
          onGo();
          // After the drawer has closed and given the focus back.
          window.setTimeout(() => goToItem(code), 50);
        }}
      >
        <strong>{code}</strong> {pickText(byCode.get(code)?.text, en)}
      </Anchor>
    </List.Item>
  );
  return (
    <Stack gap="md" data-testid="checklist">
      {state.pendingLocal > 0 ? <Alert color="orange">{t('checklist.pendingLocal', { count: state.pendingLocal })}</Alert> : null}
      {d.complete ? (
        <Alert color="green" data-testid="checklist-complete">
          {t('checklist.allGood')}
        </Alert>
      ) : null}
      {d.unanswered.length > 0 ? (
        <div>
          <Text fw={600} mb={4}>
            {t('checklist.unanswered', { count: d.unanswered.length })}
          </Text>
          <List spacing={6} size="sm" listStyleType="none">
            {d.unanswered.map(link)}
          </List>
        </div>
      ) : null}
      {d.missingEvidence.length > 0 ? (
        <div>
          <Text fw={600} mb={4}>
            {t('checklist.missingEvidence', { count: d.missingEvidence.length })}
          </Text>
          <List spacing={6} size="sm" listStyleType="none">
            {d.missingEvidence.map(link)}
          </List>
        </div>
      ) : null}
    </Stack>
  );
}

export function ChecklistDrawer({ opened, onClose, byCode }: { opened: boolean; onClose: () => void; byCode: ReadonlyMap<string, Item> }) {
  const { t } = useTranslation(NS);
  const state = useChecklist(opened);
  return (
    <Drawer opened={opened} onClose={onClose} position="right" size="md" title={t('checklist.title')}>
      <ChecklistBody state={state} byCode={byCode} onGo={onClose} />
    </Drawer>
  );
}

export function CompleteDialog({
  opened,
  onClose,
  participant,
  byCode,
  onDone,
}: {
  opened: boolean;
  onClose: () => void;
  participant: Participant;
  byCode: ReadonlyMap<string, Item>;
  onDone: (p: Participant) => void;
}) {
  const { t, i18n } = useTranslation(NS);
  const { eid, oid } = useQ();
  const state = useChecklist(opened);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    if (opened) setError(null);
  }, [opened]);
  async function confirm() {
    setBusy(true);
    setError(null);
    try {
      onDone(await questionnaireApi.complete(eid, oid, participant.version));
      onClose();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Modal opened={opened} onClose={onClose} title={t('complete.title')} size="lg">
      <Stack gap="md">
        <Text size="sm">{t('complete.body')}</Text>
        <ChecklistBody state={state} byCode={byCode} onGo={onClose} />
        {error ? <Alert color="red">{errorText(error, i18n.language)}</Alert> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('actions.cancel')}
          </Button>
          <Button onClick={() => void confirm()} loading={busy} disabled={!state.data?.complete}>
            {t('actions.complete')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export function SubmitDialog({ opened, onClose, participant, onDone }: { opened: boolean; onClose: () => void; participant: Participant; onDone: (p: Participant) => void }) {
  const { t, i18n } = useTranslation(NS);
  const { eid, oid, queue } = useQ();
  const [agreed, setAgreed] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    if (opened) {
      setAgreed(false);
      setError(null);
    }
  }, [opened]);
  async function confirm() {
    setBusy(true);
    setError(null);
    try {
      await queue.settle();
      const p = await questionnaireApi.submit(eid, oid, participant.version);
      queue.stop();
      onDone(p);
      onClose();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Modal opened={opened} onClose={onClose} title={t('submit.title')}>
      <Stack gap="md">
        <Text size="sm">{t('submit.body')}</Text>
        <Checkbox label={t('submit.confirmLabel')} checked={agreed} onChange={(e) => setAgreed(e.currentTarget.checked)} />
        {error ? <Alert color="red">{errorText(error, i18n.language)}</Alert> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('actions.cancel')}
          </Button>
          <Button color="green" onClick={() => void confirm()} loading={busy} disabled={!agreed}>
            {t('actions.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export function AssignDialog({
  onClose,
  framework,
  assignments,
  members,
  onSaved,
}: {
  onClose: () => void;
  framework: Framework;
  assignments: Assignment[];
  members?: { id: string; displayName: string; role: string }[];
  onSaved: (a: Assignment[]) => void;
}) {
  const { t, i18n } = useTranslation(NS);
  const en = i18n.language === 'en';
  const { eid, oid } = useQ();
  const users = useQuery({
    queryKey: ['questionnaire', 'org-users', oid],
    queryFn: () => api.get<Items<User>>('/api/users', { organisationId: oid }),
    retry: false,
    // The questionnaire may already carry the members; the user list is for admins only.
    enabled: !members,
  });
  const [draft, setDraft] = useState<Record<string, string | null>>(() => Object.fromEntries(assignments.map((a) => [a.dimensionCode, a.userId])));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const known = new Map<string, string>(assignments.map((a) => [a.userId, a.userName]));
  const people = members ?? (users.data?.items ?? []).map((u) => ({ id: u.id, displayName: u.displayName, role: u.role }));
  for (const u of people) if (u.role === 'contributor' || u.role === 'coordinator' || u.role === 'head') known.set(u.id, u.displayName);
  const options = [...known.entries()].map(([value, label]) => ({ value, label }));
  async function save() {
    setBusy(true);
    setError(null);
    try {
      const list = Object.entries(draft)
        .filter((e): e is [string, string] => Boolean(e[1]))
        .map(([dimensionCode, userId]) => ({ dimensionCode, userId }));
      const res = await questionnaireApi.setAssignments(eid, oid, list);
      onSaved(res.assignments);
      onClose();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Modal opened onClose={onClose} title={t('assign.title')} size="lg">
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('assign.body')}
        </Text>
        {!members && users.isPending ? <Loader size="sm" /> : null}
        {(members || !users.isPending) && options.length === 0 ? <Alert color="gray">{t('assign.noUsers')}</Alert> : null}
        {framework.dimensions.map((d) => (
          <Select
            key={d.code}
            label={pickText(d.name, en)}
            data={options}
            value={draft[d.code] ?? null}
            placeholder={t('assign.nobody')}
            clearable
            onChange={(v) => setDraft((s) => ({ ...s, [d.code]: v }))}
          />
        ))}
        {error ? <Alert color="red">{errorText(error, i18n.language)}</Alert> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('actions.cancel')}
          </Button>
          <Button onClick={() => void save()} loading={busy}>
            {t('actions.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export function ReopenDialog({ opened, onClose, onDone }: { opened: boolean; onClose: () => void; onDone: (p: Participant) => void }) {
  const { t, i18n } = useTranslation(NS);
  const { eid, oid } = useQ();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  async function confirm() {
    setBusy(true);
    setError(null);
    try {
      onDone(await questionnaireApi.reopen(eid, oid, reason.trim()));
      onClose();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Modal opened={opened} onClose={onClose} title={t('reopen.title')}>
      <Stack gap="md">
        <Text size="sm">{t('reopen.body')}</Text>
        <Textarea label={t('reopen.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} required autosize minRows={2} />
        {error ? <Alert color="red">{errorText(error, i18n.language)}</Alert> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('actions.cancel')}
          </Button>
          <Button color="orange" onClick={() => void confirm()} loading={busy} disabled={!reason.trim()}>
            {t('reopen.action')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
