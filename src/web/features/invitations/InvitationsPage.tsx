// Invitations: create one (admin: any role and organisation; coordinator: colleagues of their own organisation) and, for admins, the list.
import { ActionIcon, Alert, Badge, Button, CopyButton, Group, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput, Title, Tooltip, Code, Skeleton, VisuallyHidden, Anchor } from '@mantine/core';
import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { IconCheck, IconCopy, IconMailForward } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ROLES, type CreatedInvitation, type Invitation, type Items, type Organisation, type Role } from '../../api/types';
import { useUser } from '../../auth/session';
import { useFormat } from '../../components/format';
import { OrgPicker } from '../../components/OrgPicker';
import { Empty, ErrorAlert, PageHeader } from '../../components/ui';

const ORG_ROLES: Role[] = ['coordinator', 'contributor', 'head', 'lao_applicant'];
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function CreateForm({ onCreated }: { onCreated: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const user = useUser();
  const isAdmin = user.role === 'admin';
  const roles: Role[] = isAdmin ? [...ROLES] : ['contributor', 'head'];
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>(isAdmin ? 'coordinator' : 'contributor');
  const [orgId, setOrgId] = useState<string | null>(isAdmin ? null : user.organisationId);
  const [touched, setTouched] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [created, setCreated] = useState<(CreatedInvitation & { email: string }) | null>(null);
  const [busy, setBusy] = useState(false);
  const needsOrg = ORG_ROLES.includes(role) && role !== 'lao_applicant';
  const emailBad = !EMAIL.test(email.trim());
  const orgMissing = needsOrg && !orgId;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (emailBad || orgMissing) return;
    setBusy(true);
    setError(null);
    try {
      const body: Record<string, unknown> = { email: email.trim(), role };
      if (orgId && (ORG_ROLES.includes(role) || !isAdmin)) body['organisationId'] = orgId;
      const res = await api.post<CreatedInvitation>('/api/invitations', body);
      setCreated({ ...res, email: email.trim() });
      setEmail('');
      setTouched(false);
      onCreated();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="invite-create">
      <Title order={2} size="h3" id="invite-create" mb="md">
        {t('invitations.create')}
      </Title>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="md">
          {created ? (
            <Alert color="green" variant="light" icon={<IconCheck aria-hidden />} title={t('invitations.createdTitle', { email: created.email })} role="status">
              <Stack gap={6}>
                <Text size="sm">{t('invitations.created', { date: f.dateTime(created.expiresAt) })}</Text>
                <Group gap="xs" wrap="nowrap">
                  <Code style={{ overflowWrap: 'anywhere' }} data-testid="invite-link">
                    {created.link}
                  </Code>
                  <CopyButton value={created.link}>
                    {({ copied, copy }) => (
                      <Tooltip label={copied ? t('common.copied') : t('common.copy')}>
                        <ActionIcon variant="subtle" onClick={copy} aria-label={t('invitations.copyLink')}>
                          {copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}
                        </ActionIcon>
                      </Tooltip>
                    )}
                  </CopyButton>
                </Group>
                {isAdmin ? (
                  <Anchor component={Link} to="/outbox" size="sm">
                    {t('invitations.seeOutbox')}
                  </Anchor>
                ) : null}
              </Stack>
            </Alert>
          ) : null}
          {error ? <ErrorAlert error={error} /> : null}
          <SimpleGrid cols={{ base: 1, md: isAdmin ? 3 : 2 }} spacing="md">
            <TextInput
              label={t('invitations.email')}
              type="email"
              required
              autoComplete="off"
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              error={touched && emailBad ? t('invitations.emailInvalid') : undefined}
            />
            <Select
              label={t('invitations.role')}
              required
              allowDeselect={false}
              data={roles.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
              value={role}
              onChange={(v) => v && setRole(v as Role)}
            />
            {isAdmin ? (
              <OrgPicker
                label={t('invitations.organisation')}
                description={needsOrg ? undefined : t('invitations.organisationOptional')}
                required={needsOrg}
                value={orgId}
                onChange={setOrgId}
                error={touched && orgMissing ? t('invitations.organisationRequired') : undefined}
              />
            ) : null}
          </SimpleGrid>
          {!isAdmin && user.organisation ? (
            <Text size="sm" c="dimmed">
              {t('invitations.forOwnOrganisation', { name: f.name(user.organisation) })}
            </Text>
          ) : null}
          <Group justify="flex-end">
            <Button type="submit" loading={busy} leftSection={<IconMailForward size={18} aria-hidden />}>
              {t('invitations.send')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function statusOf(inv: Invitation): 'used' | 'expired' | 'pending' {
  if (inv.usedAt) return 'used';
  if (new Date(inv.expiresAt).getTime() < Date.now()) return 'expired';
  return 'pending';
}

const STATUS_COLOR = { used: 'green', expired: 'gray', pending: 'blue' } as const;

function InvitationList() {
  const { t } = useTranslation();
  const f = useFormat();
  const q = useQuery({ queryKey: ['invitations'], queryFn: () => api.get<Items<Invitation>>('/api/invitations') });
  const orgIds = [...new Set((q.data?.items ?? []).map((i) => i.organisationId).filter((x): x is string => Boolean(x)))].slice(0, 100);
  const orgs = useQueries({
    queries: orgIds.map((id) => ({ queryKey: ['organisation', id], queryFn: () => api.get<Organisation>(`/api/registry/organisations/${id}`), staleTime: 5 * 60_000 })),
  });
  const orgName = new Map(orgs.flatMap((r) => (r.data ? [[r.data.id, f.name(r.data)] as const] : [])));

  return (
    <Paper withBorder radius="md" component="section" aria-labelledby="invite-list">
      <Title order={2} size="h3" id="invite-list" p="lg" pb="sm">
        {t('invitations.list')}
      </Title>
      {q.isPending ? (
        <Skeleton h={120} m="lg" />
      ) : q.isError ? (
        <ErrorAlert error={q.error} />
      ) : q.data.items.length === 0 ? (
        <Empty title={t('invitations.emptyTitle')} description={t('invitations.empty')} />
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table striped verticalSpacing="sm" horizontalSpacing="lg">
            <VisuallyHidden component="caption">{t('invitations.list')}</VisuallyHidden>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('invitations.email')}</Table.Th>
                <Table.Th scope="col">{t('invitations.role')}</Table.Th>
                <Table.Th scope="col">{t('invitations.organisation')}</Table.Th>
                <Table.Th scope="col">{t('invitations.createdAt')}</Table.Th>
                <Table.Th scope="col">{t('invitations.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {q.data.items.map((inv) => {
                const s = statusOf(inv);
                return (
                  <Table.Tr key={inv.id}>
                    <Table.Td>{inv.email}</Table.Td>
                    <Table.Td>{t(`roles.${inv.role}`)}</Table.Td>
                    <Table.Td>{inv.organisationId ? (orgName.get(inv.organisationId) ?? '…') : '—'}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{f.dateTime(inv.createdAt)}</Table.Td>
                    <Table.Td>
                      <Badge color={STATUS_COLOR[s]} variant="light">
                        {s === 'used' ? t('invitations.statusUsed', { date: f.date(inv.usedAt) }) : s === 'expired' ? t('invitations.statusExpired') : t('invitations.statusPending', { date: f.date(inv.expiresAt) })}
                      </Badge>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}

export default function InvitationsPage() {
  const { t } = useTranslation();
  const user = useUser();
  const client = useQueryClient();
  return (
    <Stack gap="lg">
      <PageHeader title={t('invitations.title')} description={t(user.role === 'admin' ? 'invitations.descriptionAdmin' : 'invitations.descriptionCoordinator')} />
      <CreateForm onCreated={() => void client.invalidateQueries({ queryKey: ['invitations'] })} />
      {user.role === 'admin' ? <InvitationList /> : null}
    </Stack>
  );
}
