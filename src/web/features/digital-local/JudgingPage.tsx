// The judge's list of assigned entries with scoring progress.
import { Anchor, Badge, Group, Paper, Progress, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { PageLoader } from '../../auth/session';
import { useFormat } from '../../components/format';
import { Empty, ErrorAlert, PageHeader } from '../../components/ui';
import { useMyAssignments } from './api';
import { Countdown, fmtScore, PhaseBadge, pickText, useEn } from './components';
import { DeclarationsPanel } from './DeclarationsPanel';
import { CurrentContestRedirect } from './EntryPage';
import './i18n';
import { NS } from './i18n';

export default function JudgingPage() {
  const { year } = useParams();
  if (!year) return <CurrentContestRedirect to={(y) => `/digital-local/judging/${y}`} />;
  return <Assigned year={year} />;
}

function Assigned({ year }: { year: string }) {
  const { t } = useTranslation(NS);
  const en = useEn();
  const f = useFormat();
  const q = useMyAssignments(year);
  if (q.isPending) return <PageLoader />;
  if (q.error) return <ErrorAlert error={q.error} />;
  const { contest, items: entries } = q.data;
  const done = entries.filter((e) => e.sheetStatus === 'submitted').length;
  const s = contest.dates;
  return (
    <Stack gap="lg">
      <PageHeader title={t('judging.title')} description={pickText(contest.name, en)} actions={<PhaseBadge phase={contest.phase} />} />
      <Paper withBorder radius="md" p="md">
        <Group justify="space-between" wrap="wrap" gap="lg">
          <Stack gap={4} miw={240}>
            <Text size="sm">{t('judging.progress', { done, total: entries.length })}</Text>
            <Progress value={entries.length ? (100 * done) / entries.length : 0} aria-label={t('judging.progressLabel')} />
          </Stack>
          <Stack gap={2}>
              <Text size="xs" c="dimmed">
                {t('schedule.judging')}
              </Text>
              <Text size="sm">
                {f.date(s.judgingStart)} – {f.dateTime(s.judgingEnd)}
              </Text>
              {contest.phase === 'judging' ? <Countdown deadline={s.judgingEnd} /> : null}
            </Stack>
        </Group>
      </Paper>
      <DeclarationsPanel year={year} />
      {entries.length === 0 ? (
        <Empty title={t('judging.noneTitle')} description={t('judging.none')} />
      ) : (
        <Table striped highlightOnHover>
          <Table.Caption>{t('judging.caption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('judging.entry')}</Table.Th>
              <Table.Th>{t('judging.lao')}</Table.Th>
              <Table.Th>{t('judging.scored')}</Table.Th>
              <Table.Th>{t('judging.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {entries.map((e) => (
              <Table.Tr key={e.id} data-entry={e.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/digital-local/judging/${year}/${e.id}`}>
                    {e.title || t('entry.untitled')}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  {f.name(e.organisation)}
                  {e.organisation.provinceNameTh ? (
                    <Text size="xs" c="dimmed">
                      {f.pick(e.organisation.provinceNameTh, e.organisation.provinceNameEn)}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>{fmtScore(e.total)}</Table.Td>
                <Table.Td>
                  <Badge color={e.sheetStatus === 'submitted' ? 'green' : e.sheetStatus === 'draft' ? 'blue' : 'gray'} variant="light" data-sheet-status={e.sheetStatus}>
                    {t(`sheetStatus.${e.sheetStatus}`)}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
