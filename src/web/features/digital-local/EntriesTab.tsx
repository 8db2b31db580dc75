// Admin: every entry of a contest with its status and scoring progress.
import { Group, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageLoader } from '../../auth/session';
import { useFormat } from '../../components/format';
import { Empty, ErrorAlert } from '../../components/ui';
import { useEntries, type Contest, type EntryStatus } from './api';
import { EntryStatusBadge, laoTypeName, useEn } from './components';
import { NS } from './i18n';

export default function EntriesTab({ contest }: { contest: Contest }) {
  const { t } = useTranslation(NS);
  const en = useEn();
  const f = useFormat();
  const q = useEntries(contest.year);
  const [status, setStatus] = useState<'all' | EntryStatus>('all');
  if (q.isPending) return <PageLoader />;
  if (q.error) return <ErrorAlert error={q.error} />;
  const all = q.data.items;
  const rows = status === 'all' ? all : all.filter((e) => e.status === status);
  const count = (s: EntryStatus) => all.filter((e) => e.status === s).length;
  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap">
        <Text size="sm">{t('entries.summary', { total: all.length, submitted: count('submitted'), draft: count('draft'), withdrawn: count('withdrawn') })}</Text>
        <SegmentedControl
          value={status}
          onChange={(v) => setStatus(v as typeof status)}
          data={(['all', 'submitted', 'draft', 'withdrawn'] as const).map((s) => ({ value: s, label: s === 'all' ? t('entries.all') : t(`entryStatus.${s}`) }))}
          aria-label={t('entries.filter')}
        />
      </Group>
      {rows.length === 0 ? (
        <Empty title={t('entries.none')} />
      ) : (
        <Table striped>
          <Table.Caption>{t('entries.caption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('entries.title')}</Table.Th>
              <Table.Th>{t('entries.lao')}</Table.Th>
              <Table.Th>{t('entries.province')}</Table.Th>
              <Table.Th>{t('entries.status')}</Table.Th>
              <Table.Th>{t('entries.submittedAt')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((e) => (
              <Table.Tr key={e.id} data-entry={e.id}>
                <Table.Td>{e.title || t('entry.untitled')}</Table.Td>
                <Table.Td>
                  {f.name(e.organisation)}
                  <Text size="xs" c="dimmed">
                    {laoTypeName(e.organisation.laoType, en)}
                  </Text>
                </Table.Td>
                <Table.Td>{f.pick(e.organisation.provinceNameTh, e.organisation.provinceNameEn) || '—'}</Table.Td>
                <Table.Td>
                  <EntryStatusBadge status={e.status} />
                </Table.Td>
                <Table.Td>{f.dateTime(e.submittedAt)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
