// One organisation: its registry record, the admin edit form (optimistic version, conflict handling), and its audit history.
import { Alert, Anchor, Badge, Breadcrumbs, Button, Group, Paper, Select, Stack, Switch, Table, Text, TextInput, Title, SimpleGrid, Skeleton, VisuallyHidden } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { IconCheck, IconEdit, IconHistory, IconRefreshAlert } from '@tabler/icons-react';
import { useState, type FormEvent, type ReactNode } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client';
import type { AuditEntry, Items, Organisation } from '../../api/types';
import { useUser } from '../../auth/session';
import { useFormat } from '../../components/format';
import { Empty, ErrorAlert, useDocumentTitle } from '../../components/ui';
import { useOrgTypes } from './options';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text component="dt" size="xs" c="dimmed" fw={500}>
        {label}
      </Text>
      <Text component="dd" size="sm" m={0} mt={2}>
        {children}
      </Text>
    </div>
  );
}

interface Draft {
  nameTh: string;
  nameEn: string;
  orgType: string | null;
  servesPublic: boolean;
  active: boolean;
}

function draftOf(o: Organisation): Draft {
  return { nameTh: o.nameTh, nameEn: o.nameEn ?? '', orgType: o.orgType, servesPublic: o.servesPublic, active: o.active };
}

function EditForm({ org, onDone }: { org: Organisation; onDone: (saved: boolean) => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [draft, setDraft] = useState<Draft>(() => draftOf(org));
  const [version, setVersion] = useState(org.version);
  const [error, setError] = useState<unknown>(null);
  const [conflict, setConflict] = useState(false);
  const [busy, setBusy] = useState(false);
  const orgTypes = useOrgTypes();
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setDraft((d) => ({ ...d, [k]: v }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const base = draftOf(org);
    const changes: Partial<Draft> = {};
    for (const k of Object.keys(draft) as (keyof Draft)[]) {
      if (draft[k] !== base[k]) (changes as Record<string, unknown>)[k] = draft[k];
    }
    if (Object.keys(changes).length === 0) {
      onDone(false);
      return;
    }
    setBusy(true);
    setError(null);
    setConflict(false);
    try {
      const saved = await api.patch<Organisation>(`/api/registry/organisations/${org.id}`, { version, ...changes });
      client.setQueryData(['organisation', org.id], (old: Organisation | undefined) => ({ ...old, ...saved }));
      void client.invalidateQueries({ queryKey: ['audit', org.id] });
      void client.invalidateQueries({ queryKey: ['organisations'] });
      onDone(true);
    } catch (err) {
      setBusy(false);
      if (err instanceof ApiError && err.status === 409) {
        // Someone saved first: reload their version and put it in the form so the admin re-applies on top.
        setConflict(true);
        const fresh = await client.fetchQuery({ queryKey: ['organisation', org.id], queryFn: () => api.get<Organisation>(`/api/registry/organisations/${org.id}`), staleTime: 0 });
        setDraft(draftOf(fresh));
        setVersion(fresh.version);
        void client.invalidateQueries({ queryKey: ['audit', org.id] });
      } else {
        setError(err);
      }
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} aria-label={t('org.editTitle')}>
      <Stack gap="md">
        {conflict ? (
          <Alert color="orange" variant="light" icon={<IconRefreshAlert aria-hidden />} title={t('org.conflictTitle')} role="alert">
            {t('org.conflict')}
          </Alert>
        ) : null}
        {error ? <ErrorAlert error={error} /> : null}
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <TextInput label={t('org.nameTh')} required value={draft.nameTh} onChange={(e) => set('nameTh', e.currentTarget.value)} lang="th" />
          <TextInput label={t('org.nameEn')} value={draft.nameEn} onChange={(e) => set('nameEn', e.currentTarget.value)} lang="en" />
          <Select
            label={t('registry.orgType')}
            data={orgTypes.options}
            value={draft.orgType}
            onChange={(v) => set('orgType', v)}
            searchable
            allowDeselect={false}
          />
        </SimpleGrid>
        <Switch label={t('org.servesPublic')} description={t('org.servesPublicHelp')} checked={draft.servesPublic} onChange={(e) => set('servesPublic', e.currentTarget.checked)} />
        <Switch label={t('org.active')} description={t('org.activeHelp')} checked={draft.active} onChange={(e) => set('active', e.currentTarget.checked)} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={() => onDone(false)} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={busy}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function AuditValue({ value }: { value: unknown }) {
  const { t } = useTranslation();
  if (value === undefined || value === null || value === '') return <Text span c="dimmed">—</Text>;
  if (typeof value === 'boolean') return <>{value ? t('common.yes') : t('common.no')}</>;
  return <>{typeof value === 'object' ? JSON.stringify(value) : String(value)}</>;
}

function AuditHistory({ id }: { id: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const q = useQuery({ queryKey: ['audit', id], queryFn: () => api.get<Items<AuditEntry>>(`/api/registry/organisations/${id}/audit`) });
  if (q.isPending) return <Skeleton h={80} />;
  if (q.isError) return <ErrorAlert error={q.error} />;
  if (q.data.items.length === 0) return <Empty icon={<IconHistory size={28} aria-hidden />} title={t('org.noHistoryTitle')} description={t('org.noHistory')} />;
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing="sm" data-testid="audit-table">
        <VisuallyHidden component="caption">{t('org.history')}</VisuallyHidden>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" style={{ whiteSpace: 'nowrap' }}>
              {t('org.when')}
            </Table.Th>
            <Table.Th scope="col" style={{ whiteSpace: 'nowrap' }}>
              {t('org.who')}
            </Table.Th>
            <Table.Th scope="col" style={{ whiteSpace: 'nowrap' }}>
              {t('org.action')}
            </Table.Th>
            <Table.Th scope="col">{t('org.changes')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {q.data.items.map((a) => {
            const keys = [...new Set([...Object.keys(a.before ?? {}), ...Object.keys(a.after ?? {})])].filter(
              (k) => k !== 'version' && JSON.stringify(a.before?.[k]) !== JSON.stringify(a.after?.[k]),
            );
            return (
              <Table.Tr key={a.id}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Text size="sm">{f.dateTime(a.at)}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{a.actorName ?? t('org.system')}</Text>
                </Table.Td>
                <Table.Td>
                  <Badge variant="light" color="gray">
                    {t(`auditActions.${a.action}`, { defaultValue: a.action })}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Stack gap={2}>
                    {keys.map((k) => (
                      <Text size="sm" key={k}>
                        <Text span fw={500}>
                          {t(`fields.${k}`, { defaultValue: k })}
                        </Text>
                        {': '}
                        <AuditValue value={a.before?.[k]} /> → <AuditValue value={a.after?.[k]} />
                      </Text>
                    ))}
                  </Stack>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export default function OrganisationPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const user = useUser();
  const { id = '' } = useParams();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const orgTypes = useOrgTypes();
  const q = useQuery({ queryKey: ['organisation', id], queryFn: () => api.get<Organisation>(`/api/registry/organisations/${id}`) });
  const isAdmin = user.role === 'admin';
  const canBrowse = user.role === 'admin' || user.role === 'reviewer';
  useDocumentTitle(q.data ? f.name(q.data) : null);

  if (q.isPending) return <Skeleton h={240} radius="md" />;
  if (q.isError) {
    return q.error instanceof ApiError && q.error.status === 404 ? (
      <Empty title={t('errors.noAccessTitle')} description={f.error(q.error)} />
    ) : (
      <ErrorAlert error={q.error} />
    );
  }
  const o = q.data;

  return (
    <Stack gap="lg">
      {canBrowse ? (
        <Breadcrumbs aria-label={t('a11y.breadcrumbs')}>
          <Anchor component={Link} to="/registry" size="sm">
            {t('registry.title')}
          </Anchor>
          <Text size="sm" c="dimmed">
            {f.name(o)}
          </Text>
        </Breadcrumbs>
      ) : null}
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="md">
        <div>
          <Title order={1}>{f.name(o)}</Title>
          {f.otherName(o) ? <Text c="dimmed">{f.otherName(o)}</Text> : null}
          <Group gap="xs" mt="sm">
            <Badge variant="light">{t(`levels.${o.level}`)}</Badge>
            {o.servesPublic ? (
              <Badge color="green" variant="light">
                {t('org.servesPublicBadge')}
              </Badge>
            ) : null}
            {!o.active ? (
              <Badge color="gray" variant="filled">
                {t('registry.inactive')}
              </Badge>
            ) : null}
          </Group>
        </div>
        {isAdmin && !editing ? (
          <Button
            leftSection={<IconEdit size={18} aria-hidden />}
            variant="light"
            onClick={() => {
              setSaved(false);
              setEditing(true);
            }}
          >
            {t('org.edit')}
          </Button>
        ) : null}
      </Group>

      {saved ? (
        <Alert color="green" variant="light" icon={<IconCheck aria-hidden />} withCloseButton onClose={() => setSaved(false)} role="status" closeButtonLabel={t('common.close')}>
          {t('org.saved')}
        </Alert>
      ) : null}

      <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="org-details">
        <Title order={2} size="h3" id="org-details" mb="md">
          {editing ? t('org.editTitle') : t('org.details')}
        </Title>
        {editing ? (
          <EditForm
            org={o}
            onDone={(didSave) => {
              setEditing(false);
              setSaved(didSave);
            }}
          />
        ) : (
          <SimpleGrid component="dl" cols={{ base: 1, sm: 2, md: 3 }} spacing="lg" m={0}>
            <Field label={t('org.code')}>{o.code ?? '—'}</Field>
            <Field label={t('registry.level')}>{t(`levels.${o.level}`)}</Field>
            <Field label={t('registry.orgType')}>{orgTypes.label(o.orgType)}</Field>
            <Field label={t('registry.ministry')}>{f.pick(o.ministryNameTh, o.ministryNameEn) || '—'}</Field>
            <Field label={t('registry.province')}>{f.pick(o.provinceNameTh, o.provinceNameEn) || '—'}</Field>
            <Field label={t('org.servesPublic')}>{o.servesPublic ? t('common.yes') : t('common.no')}</Field>
            <Field label={t('org.parent')}>
              {o.parent ? (
                canBrowse ? (
                  <Anchor component={Link} to={`/registry/${o.parent.id}`}>
                    {f.name(o.parent)}
                  </Anchor>
                ) : (
                  f.name(o.parent)
                )
              ) : (
                '—'
              )}
            </Field>
            <Field label={t('org.childCount')}>{typeof o.childCount === 'number' ? f.number(o.childCount) : '—'}</Field>
            <Field label={t('org.status')}>{o.active ? t('org.statusActive') : t('registry.inactive')}</Field>
          </SimpleGrid>
        )}
      </Paper>

      {isAdmin ? (
        <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="org-history">
          <Group gap="xs" mb="md">
            <IconHistory size={20} aria-hidden />
            <Title order={2} size="h3" id="org-history">
              {t('org.history')}
            </Title>
          </Group>
          <AuditHistory id={o.id} />
        </Paper>
      ) : null}
    </Stack>
  );
}
