// Committee: how each judge's score sheet for one entry evolved (every draft save and the submission, from the audit log).
import { Badge, Modal, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PageLoader } from '../../auth/session';
import { useFormat } from '../../components/format';
import { ErrorAlert } from '../../components/ui';
import { dlApi, type Contest } from './api';
import { fmtScore } from './components';
import { NS } from './i18n';

export function SheetHistoryDialog({ contest, entryId, entryName, onClose }: { contest: Contest; entryId: string; entryName: string; onClose: () => void }) {
  const { t } = useTranslation(NS);
  const f = useFormat();
  const q = useQuery({ queryKey: ['dl', 'sheet-history', entryId], queryFn: () => dlApi.sheetHistory(entryId) });
  const codes = contest.config.rubric.criteria.map((c) => c.code);
  return (
    <Modal opened onClose={onClose} size="xl" title={t('history.title', { entry: entryName })}>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('history.help')}
        </Text>
        {q.isPending ? <PageLoader /> : null}
        {q.error ? <ErrorAlert error={q.error} /> : null}
        {q.data && q.data.items.length === 0 ? <Text size="sm">{t('history.none')}</Text> : null}
        {q.data && q.data.items.length > 0 ? (
          <Table.ScrollContainer minWidth={640}>
            <Table striped data-testid="sheet-history">
              <Table.Caption>{t('history.caption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('history.at')}</Table.Th>
                  <Table.Th>{t('history.judge')}</Table.Th>
                  <Table.Th>{t('history.action')}</Table.Th>
                  <Table.Th>{t('history.version')}</Table.Th>
                  <Table.Th>{t('history.scores')}</Table.Th>
                  <Table.Th>{t('history.total')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {q.data.items.map((h, i) => (
                  <Table.Tr key={i} data-history-action={h.action}>
                    <Table.Td>{f.dateTime(h.at)}</Table.Td>
                    <Table.Td>{h.judgeName}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={h.action === 'submit' ? 'green' : 'blue'}>
                        {t(`history.${h.action}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{h.version ?? '—'}</Table.Td>
                    <Table.Td>{codes.map((c) => `${c}: ${h.ratings[c]?.score ?? '—'}`).join(' · ')}</Table.Td>
                    <Table.Td>{fmtScore(h.total)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : null}
      </Stack>
    </Modal>
  );
}
