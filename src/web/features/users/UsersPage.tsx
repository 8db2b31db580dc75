// Users list for admins: search by name or e-mail and filter by role.
import { Badge, Group, Paper, Select, Table, Text, TextInput, Skeleton, VisuallyHidden } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { IconSearch, IconUsers } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ROLES, type Items, type User } from '../../api/types';
import { useFormat } from '../../components/format';
import { OrgPicker } from '../../components/OrgPicker';
import { Empty, ErrorAlert, PageHeader } from '../../components/ui';

export default function UsersPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const [search, setSearch] = useState('');
  const [role, setRole] = useState<string | null>(null);
  const [organisationId, setOrganisationId] = useState<string | null>(null);
  const [q] = useDebouncedValue(search.trim(), 300);
  const query = { q, role: role ?? '', organisationId: organisationId ?? '' };
  const result = useQuery({
    queryKey: ['users', query],
    queryFn: ({ signal }) => api.get<Items<User>>('/api/users', query, signal),
    placeholderData: keepPreviousData,
  });
  return (
    <div>
      <PageHeader title={t('users.title')} description={t('users.description')} />
      <Paper withBorder radius="md" p="md" mb="md">
        <Group grow align="flex-end" wrap="wrap">
          <TextInput type="search" label={t('users.search')} placeholder={t('users.searchPlaceholder')} leftSection={<IconSearch size={18} aria-hidden />} value={search} onChange={(e) => setSearch(e.currentTarget.value)} miw={220} />
          <Select label={t('users.role')} placeholder={t('common.all')} clearable data={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} value={role} onChange={setRole} miw={180} />
          <OrgPicker label={t('users.organisation')} value={organisationId} onChange={setOrganisationId} />
        </Group>
      </Paper>
      {result.isError ? <ErrorAlert error={result.error} /> : null}
      <Paper withBorder radius="md">
        {result.isPending ? (
          <Skeleton h={160} />
        ) : result.data && result.data.items.length === 0 ? (
          <Empty icon={<IconUsers size={28} aria-hidden />} title={t('users.emptyTitle')} description={t('users.empty')} />
        ) : result.data ? (
          <>
            <Text size="sm" fw={500} px="md" py="sm" role="status" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
              {t('users.count', { count: result.data.items.length, formatted: f.number(result.data.items.length) })}
            </Text>
            <Table.ScrollContainer minWidth={720}>
              <Table striped verticalSpacing="sm" horizontalSpacing="md">
                <VisuallyHidden component="caption">{t('users.title')}</VisuallyHidden>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('users.name')}</Table.Th>
                    <Table.Th scope="col">{t('users.email')}</Table.Th>
                    <Table.Th scope="col">{t('users.role')}</Table.Th>
                    <Table.Th scope="col">{t('users.organisation')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {result.data.items.map((u) => (
                    <Table.Tr key={u.id}>
                      <Table.Td fw={500}>{u.displayName}</Table.Td>
                      <Table.Td>{u.email}</Table.Td>
                      <Table.Td>
                        <Badge variant="light" color={u.role === 'admin' ? 'dga' : 'gray'}>
                          {t(`roles.${u.role}`)}
                        </Badge>
                      </Table.Td>
                      <Table.Td>{u.organisation ? f.name(u.organisation) : '—'}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </>
        ) : null}
      </Paper>
    </div>
  );
}
