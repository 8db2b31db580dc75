// Admin: the list of Digital Local contests, and one contest's set-up, entries, judges and committee tabs.
import { Anchor, Box, Button, NumberInput, Paper, Stack, Table, Tabs, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { PageLoader } from '../../auth/session';
import { Empty, ErrorAlert, PageHeader } from '../../components/ui';
import { dlApi, useContest, useContests } from './api';
import { PhaseBadge, pickText, useEn } from './components';
import './i18n';
import { NS } from './i18n';

const SetupForm = lazy(() => import('./SetupForm'));
const EntriesTab = lazy(() => import('./EntriesTab'));
const AssignmentsTab = lazy(() => import('./AssignmentsTab'));
const CommitteeTab = lazy(() => import('./CommitteeTab'));
const ApplicantsTab = lazy(() => import('./ApplicantsTab'));

const TABS = ['setup', 'entries', 'applicants', 'judges', 'committee'] as const;
type Tab = (typeof TABS)[number];

export default function AdminPage() {
  const { year, tab } = useParams();
  if (!year) return <ContestList />;
  if (year === 'new') return <NewContest />;
  return <ContestAdmin year={year} tab={(TABS as readonly string[]).includes(tab ?? '') ? (tab as Tab) : 'setup'} />;
}

function ContestList() {
  const { t } = useTranslation(NS);
  const en = useEn();
  const q = useContests();
  if (q.isPending) return <PageLoader />;
  if (q.error) return <ErrorAlert error={q.error} />;
  const list = [...q.data.items].sort((a, b) => b.year - a.year);
  return (
    <Stack gap="lg">
      <PageHeader
        title={t('admin.title')}
        description={t('admin.description')}
        actions={
          <Button component={Link} to="/digital-local/admin/new" leftSection={<IconPlus size={16} aria-hidden />}>
            {t('admin.newContest')}
          </Button>
        }
      />
      {list.length === 0 ? (
        <Empty title={t('contest.noneTitle')} description={t('admin.noneYet')} />
      ) : (
        <Table striped>
          <Table.Caption>{t('admin.caption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('admin.year')}</Table.Th>
              <Table.Th>{t('admin.name')}</Table.Th>
              <Table.Th>{t('admin.phase')}</Table.Th>
              <Table.Th>{t('admin.entries')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.map((c) => (
              <Table.Tr key={c.year}>
                <Table.Td>
                  <Anchor component={Link} to={`/digital-local/admin/${c.year}`}>
                    {c.year}
                  </Anchor>
                </Table.Td>
                <Table.Td>{pickText(c.name, en)}</Table.Td>
                <Table.Td>
                  <PhaseBadge phase={c.phase} />
                </Table.Td>
                <Table.Td>{t('admin.entryCount', { entries: c.entries.draft + c.entries.submitted + c.entries.withdrawn, submitted: c.entries.submitted })}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

function NewContest() {
  const { t } = useTranslation(NS);
  // Buddhist Era: the contest years DGA uses.
  const [year, setYear] = useState<number>(new Date().getFullYear() + 543);
  const valid = Number.isInteger(year) && year >= 2400 && year <= 2800;
  // The server's defaults: the engine's rubric and tiers with a schedule in that year.
  const defaults = useQuery({ queryKey: ['dl', 'defaults', year], queryFn: () => dlApi.contestDefaults(year), enabled: valid, staleTime: Infinity });
  return (
    <Stack gap="lg">
      <PageHeader title={t('admin.newContest')} description={t('admin.newHelp')} />
      <Paper withBorder radius="md" p="lg" maw={360}>
        <NumberInput label={t('admin.yearBe')} value={year} onChange={(v) => setYear(Number(v))} min={2400} max={2800} allowDecimal={false} />
      </Paper>
      {defaults.error ? <ErrorAlert error={defaults.error} /> : null}
      {defaults.data ? (
        <Suspense fallback={<PageLoader />}>
          <SetupForm year={year} initial={defaults.data.config} version={null} key={year} />
        </Suspense>
      ) : valid ? (
        <PageLoader />
      ) : null}
    </Stack>
  );
}

function ContestAdmin({ year, tab }: { year: string; tab: Tab }) {
  const { t } = useTranslation(NS);
  const en = useEn();
  const navigate = useNavigate();
  const q = useContest(year);
  if (q.isPending) return <PageLoader />;
  if (q.error) return <ErrorAlert error={q.error} />;
  const contest = q.data;
  return (
    <Stack gap="lg">
      <PageHeader
        title={pickText(contest.name, en)}
        description={
          <Anchor component={Link} to="/digital-local/admin" size="sm">
            {t('admin.allContests')}
          </Anchor>
        }
        actions={<PhaseBadge phase={contest.phase} />}
      />
      <Tabs value={tab} onChange={(v) => navigate(`/digital-local/admin/${year}/${v ?? 'setup'}`)} keepMounted={false}>
        <Tabs.List>
          {TABS.map((x) => (
            <Tabs.Tab key={x} value={x}>
              {t(`admin.tabs.${x}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Suspense fallback={<PageLoader />}>
          <Box mt="lg">
            {tab === 'setup' ? <SetupForm year={contest.year} initial={contest.config} version={contest.version} key={contest.version} /> : null}
            {tab === 'entries' ? <EntriesTab contest={contest} /> : null}
            {tab === 'applicants' ? <ApplicantsTab /> : null}
            {tab === 'judges' ? <AssignmentsTab contest={contest} /> : null}
            {tab === 'committee' ? <CommitteeTab contest={contest} /> : null}
          </Box>
        </Suspense>
      </Tabs>
      <Text size="xs" c="dimmed">
        {t('admin.publicLink')}{' '}
        <Anchor component={Link} to={`/digital-local/${contest.year}`} underline="always">
          /digital-local/{contest.year}
        </Anchor>
      </Text>
    </Stack>
  );
}
