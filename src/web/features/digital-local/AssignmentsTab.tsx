// Admin: the judges × entries assignment matrix — automatic assignment, manual changes, conflicts of interest shown.
import { Alert, Button, Checkbox, Group, ScrollArea, Stack, Table, Text, Tooltip } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IconAlertTriangle, IconWand } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageLoader } from '../../auth/session';
import { ErrorAlert } from '../../components/ui';
import { dlApi, keys, useMatrix, type AssignmentMatrix, type Contest } from './api';
import { useEn } from './components';
import { NS } from './i18n';

export default function AssignmentsTab({ contest }: { contest: Contest }) {
  const { t } = useTranslation(NS);
  const en = useEn();
  const client = useQueryClient();
  const q = useMatrix(contest.year);
  const [lastError, setLastError] = useState<{ error: unknown; cell: string } | null>(null);
  const setData = (m: AssignmentMatrix) => client.setQueryData(keys.matrix(contest.year), m);
  const auto = useMutation({ mutationFn: () => dlApi.autoAssign(contest.year), onSuccess: setData });
  const change = useMutation({
    mutationFn: (v: { entryId: string; judgeId: string; assigned: boolean }) => dlApi.setAssignment(contest.year, v.entryId, v.judgeId, v.assigned),
    onSuccess: (m) => {
      setLastError(null);
      setData(m);
    },
    onError: (error, v) => setLastError({ error, cell: `${v.entryId}:${v.judgeId}` }),
  });
  if (q.isPending) return <PageLoader />;
  if (q.error) return <ErrorAlert error={q.error} />;
  const m = q.data;
  const assigned = new Set(m.assignments.map((a) => `${a.entryId}:${a.judgeId}`));
  const conflicts = new Map(m.conflicts.map((c) => [`${c.entryId}:${c.judgeId}`, c.reasons]));
  const perEntry = (id: string) => m.assignments.filter((a) => a.entryId === id).length;
  const perJudge = (id: string) => m.assignments.filter((a) => a.judgeId === id).length;
  const k = contest.config.judgesPerEntry;

  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap">
        <Text size="sm" maw={640}>
          {t('assign.help', { k })}
        </Text>
        <Button leftSection={<IconWand size={16} aria-hidden />} onClick={() => auto.mutate()} loading={auto.isPending}>
          {t('assign.auto')}
        </Button>
      </Group>
      {auto.error ? <ErrorAlert error={auto.error} /> : null}
      {lastError ? <ErrorAlert error={lastError.error} title={t('assign.changeRefused')} /> : null}
      {m.shortfalls && m.shortfalls.length > 0 ? (
        <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />} title={t('assign.shortfalls')}>
          {m.shortfalls.map((s) => (
            <Text key={s.entryId} size="sm">
              {en ? s.en : s.th}
            </Text>
          ))}
        </Alert>
      ) : null}
      {m.entries.length === 0 || m.judges.length === 0 ? (
        <Text c="dimmed">{m.judges.length === 0 ? t('assign.noJudges') : t('assign.noEntries')}</Text>
      ) : (
        <ScrollArea type="auto">
          <Table withTableBorder withColumnBorders stickyHeader data-testid="assignment-matrix">
            <Table.Caption>{t('assign.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('assign.entry')}</Table.Th>
                {m.judges.map((j) => (
                  <Table.Th key={j.id} style={{ minWidth: 110 }}>
                    <Text size="sm" fw={600}>
                      {j.displayName}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {t('assign.load', { n: perJudge(j.id) })}
                    </Text>
                  </Table.Th>
                ))}
                <Table.Th>{t('assign.count')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {m.entries.map((e) => {
                const n = perEntry(e.id);
                return (
                  <Table.Tr key={e.id}>
                    <Table.Th scope="row" fw={400}>
                      <Text size="sm" fw={600}>
                        {e.organisationName}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {e.title}
                        {e.provinceName ? ` · ${e.provinceName}` : ''}
                      </Text>
                    </Table.Th>
                    {m.judges.map((j) => {
                      const key = `${e.id}:${j.id}`;
                      const reasons = conflicts.get(key);
                      const box = (
                        <Checkbox
                          checked={assigned.has(key)}
                          onChange={(ev) => change.mutate({ entryId: e.id, judgeId: j.id, assigned: ev.currentTarget.checked })}
                          aria-label={t('assign.cellLabel', { judge: j.displayName, entry: e.organisationName })}
                          color={reasons ? 'red' : undefined}
                          error={lastError?.cell === key}
                          data-cell={key}
                        />
                      );
                      return (
                        <Table.Td key={j.id} bg={reasons ? 'var(--mantine-color-red-0)' : undefined} ta="center">
                          {reasons ? (
                            <Tooltip label={reasons.map((r) => (en ? r.en : r.th)).join(' · ')} multiline w={260}>
                              <Group gap={4} justify="center" wrap="nowrap">
                                {box}
                                <IconAlertTriangle size={14} color="var(--mantine-color-red-7)" aria-label={t('assign.conflict')} />
                              </Group>
                            </Tooltip>
                          ) : (
                            box
                          )}
                        </Table.Td>
                      );
                    })}
                    <Table.Td c={n < k ? 'orange.8' : undefined} fw={600}>
                      {n}/{k}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </ScrollArea>
      )}
    </Stack>
  );
}
