// Admin: the judges × entries assignment matrix — automatic assignment, manual changes, conflicts of interest shown.
import { Alert, Badge, Button, Checkbox, Group, NumberInput, Paper, ScrollArea, Stack, Table, Text, Tooltip } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IconAlertTriangle, IconWand } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageLoader } from '../../auth/session';
import { useFormat } from '../../components/format';
import { ErrorAlert } from '../../components/ui';
import { dlApi, keys, useMatrix, type AssignmentChange, type AssignmentMatrix, type AutoAssignAnswer, type Contest, type JudgingReason } from './api';
import { useEn } from './components';
import { JudgesPanel } from './JudgesPanel';
import { NS } from './i18n';

export default function AssignmentsTab({ contest }: { contest: Contest }) {
  const { t } = useTranslation(NS);
  const en = useEn();
  const f = useFormat();
  const client = useQueryClient();
  const q = useMatrix(contest.year);
  const [refused, setRefused] = useState<{ error: unknown; cell: string } | null>(null);
  const [warnings, setWarnings] = useState<JudgingReason[]>([]);
  const [autoResult, setAutoResult] = useState<AutoAssignAnswer | null>(null);
  const refresh = () => client.invalidateQueries({ queryKey: keys.matrix(contest.year) });
  const auto = useMutation({
    mutationFn: () => dlApi.autoAssign(contest.year),
    onSuccess: async (r) => {
      setAutoResult(r);
      setRefused(null);
      await refresh();
    },
  });
  const change = useMutation({
    mutationFn: (c: AssignmentChange) => dlApi.changeAssignment(contest.year, c),
    onSuccess: async (r) => {
      setRefused(null);
      setWarnings(r.warnings);
      await refresh();
    },
    onError: (error, c) => setRefused({ error, cell: `${c.entryId}:${c.judgeId}` }),
  });
  if (q.isPending) return <PageLoader />;
  if (q.error) return <ErrorAlert error={q.error} />;
  const m = q.data;
  const assigned = new Map<string, string>();
  for (const row of m.entries) for (const j of row.judges) assigned.set(`${row.entry.id}:${j.id}`, j.sheetStatus);
  const conflicts = new Map(m.conflicts.map((c) => [`${c.entryId}:${c.judgeId}`, c.reasons]));
  const k = m.judgesPerEntry;
  const entryName = new Map(m.entries.map((r) => [r.entry.id, f.name(r.entry.organisation)]));
  const vacant = m.entries.filter((r) => r.vacancies > 0 && r.withdrawn.length > 0);

  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap">
        <Text size="sm" maw={640}>
          {t('assign.help', { k })}
        </Text>
        {!contest.confirmedAt ? (
          <Button leftSection={<IconWand size={16} aria-hidden />} onClick={() => auto.mutate()} loading={auto.isPending}>
            {t('assign.auto')}
          </Button>
        ) : null}
      </Group>
      <CapacityForm contest={contest} matrix={m} />
      {auto.error ? <ErrorAlert error={auto.error} /> : null}
      {autoResult ? (
        <Alert color={autoResult.shortfalls.length > 0 ? 'orange' : 'green'} variant="light" role="status" title={t('assign.autoDone', { added: autoResult.added, total: autoResult.total, spread: autoResult.loadSpread })}>
          {autoResult.shortfalls.map((s) => (
            <Text key={s.entryId} size="sm">
              {entryName.get(s.entryId) ?? s.entryId}: {en ? s.reason.en : s.reason.th} ({s.assigned}/{s.required})
            </Text>
          ))}
        </Alert>
      ) : null}
      {vacant.length > 0 && !contest.confirmedAt ? (
        <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />} title={t('assign.replaceTitle', { count: vacant.length })} data-testid="replacements-needed">
          <Text size="sm">{t('assign.replaceHelp')}</Text>
          {vacant.map((r) => (
            <Text key={r.entry.id} size="sm">
              {f.name(r.entry.organisation)}: {r.withdrawn.map((w) => t(w.status === 'submitted' ? 'assign.withdrawnScored' : 'assign.withdrawnDraft', { judge: w.judgeName })).join(' · ')}
            </Text>
          ))}
        </Alert>
      ) : null}
      {refused ? <ErrorAlert error={refused.error} title={t('assign.changeRefused')} /> : null}
      {warnings.length > 0 ? (
        <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />}>
          {warnings.map((w, i) => (
            <Text key={i} size="sm">
              {en ? w.en : w.th}
            </Text>
          ))}
        </Alert>
      ) : null}
      {m.entries.length === 0 || m.judges.length === 0 ? (
        <Text c="dimmed">{m.judges.length === 0 ? t('assign.noJudges') : t('assign.noEntries')}</Text>
      ) : (
        <ScrollArea type="auto">
          <Table withTableBorder withColumnBorders data-testid="assignment-matrix">
            <Table.Caption>{t('assign.caption', { spread: m.loadSpread })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('assign.entry')}</Table.Th>
                {m.judges.map((j) => (
                  <Table.Th key={j.id} style={{ minWidth: 110 }}>
                    <Text size="sm" fw={600}>
                      {j.displayName}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {t('assign.load', { n: j.load, submitted: j.submitted })}
                    </Text>
                    {j.overCapacity ? (
                      <Badge size="xs" color="red" variant="light">
                        {t('capacity.over')}
                      </Badge>
                    ) : null}
                  </Table.Th>
                ))}
                <Table.Th>{t('assign.count')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {m.entries.map(({ entry: e, judges, withdrawn }) => {
                const n = judges.length;
                return (
                  <Table.Tr key={e.id}>
                    <Table.Th scope="row" fw={400}>
                      <Text size="sm" fw={600}>
                        {f.name(e.organisation)}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {e.title}
                        {e.organisation.provinceNameTh ? ` · ${f.pick(e.organisation.provinceNameTh, e.organisation.provinceNameEn)}` : ''}
                      </Text>
                      {withdrawn.map((w) => (
                        <Badge key={w.judgeId} size="xs" color="orange" variant="light" mt={4}>
                          {t(w.status === 'submitted' ? 'assign.withdrawnScored' : 'assign.withdrawnDraft', { judge: w.judgeName })}
                        </Badge>
                      ))}
                    </Table.Th>
                    {m.judges.map((j) => {
                      const key = `${e.id}:${j.id}`;
                      const status = assigned.get(key);
                      const reasons = conflicts.get(key);
                      const box = (
                        <Checkbox
                          checked={status !== undefined}
                          // A judge who submitted a sheet for the entry stays: the server refuses removing them.
                          disabled={status === 'submitted' || change.isPending || Boolean(contest.confirmedAt)}
                          onChange={(ev) => change.mutate({ kind: ev.currentTarget.checked ? 'add' : 'remove', entryId: e.id, judgeId: j.id })}
                          aria-label={t('assign.cellLabel', { judge: j.displayName, entry: f.name(e.organisation) })}
                          color={reasons ? 'red' : undefined}
                          error={refused?.cell === key}
                          data-cell={key}
                        />
                      );
                      return (
                        <Table.Td key={j.id} bg={reasons ? 'var(--mantine-color-red-0)' : undefined} ta="center">
                          <Group gap={4} justify="center" wrap="nowrap">
                            {box}
                            {status === 'submitted' ? (
                              <Badge size="xs" color="green" variant="light">
                                {t('assign.scored')}
                              </Badge>
                            ) : null}
                            {reasons ? (
                              <Tooltip label={reasons.map((r) => (en ? r.en : r.th)).join(' · ')} multiline w={260}>
                                <IconAlertTriangle size={14} color="var(--mantine-color-red-7)" aria-label={`${t('assign.conflict')}: ${reasons.map((r) => (en ? r.en : r.th)).join(' · ')}`} role="img" />
                              </Tooltip>
                            ) : null}
                          </Group>
                        </Table.Td>
                      );
                    })}
                    <Table.Td c={n < k ? 'red.9' : undefined} fw={600}>
                      {n}/{k}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </ScrollArea>
      )}
      <JudgesPanel contest={contest} />
    </Stack>
  );
}

/** The most entries per judge: saved on its own, shown against what the submitted entries need. */
function CapacityForm({ contest, matrix }: { contest: Contest; matrix: AssignmentMatrix }) {
  const { t } = useTranslation(NS);
  const client = useQueryClient();
  const [value, setValue] = useState<string | number>(matrix.maxEntriesPerJudge ?? '');
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    mutationFn: () => dlApi.setJudgeCapacity(contest.year, value === '' ? null : Number(value)),
    onSuccess: (r) => {
      client.setQueryData(keys.matrix(contest.year), r);
      setSaved(true);
    },
  });
  const activeJudges = matrix.judges.filter((j) => j.active).length;
  const { needed, available } = matrix.capacity;
  return (
    <Paper withBorder radius="md" p="md" data-testid="judge-capacity">
      <Stack gap="xs">
        <Text fw={600}>{t('capacity.title')}</Text>
        <Text size="sm" c="dimmed" maw={640}>
          {t('capacity.help')}
        </Text>
        <Group align="flex-end" gap="sm" wrap="wrap">
          <NumberInput
            label={t('capacity.label')}
            placeholder={t('capacity.none')}
            min={1}
            max={10000}
            allowDecimal={false}
            allowNegative={false}
            value={value}
            onChange={(v) => {
              setValue(v);
              setSaved(false);
            }}
            disabled={Boolean(contest.confirmedAt)}
            w={220}
          />
          <Button variant="light" onClick={() => save.mutate()} loading={save.isPending} disabled={Boolean(contest.confirmedAt)}>
            {t('capacity.save')}
          </Button>
          {saved ? (
            <Text size="sm" c="green.9" role="status">
              {t('capacity.saved')}
            </Text>
          ) : null}
        </Group>
        {available !== null ? (
          <Text size="sm" c={available < needed ? 'red.9' : undefined} data-testid="capacity-summary">
            {available < needed ? t('capacity.short', { needed, available }) : t('capacity.summary', { needed, available, judges: activeJudges })}
          </Text>
        ) : null}
        {save.error ? <ErrorAlert error={save.error} /> : null}
      </Stack>
    </Paper>
  );
}
