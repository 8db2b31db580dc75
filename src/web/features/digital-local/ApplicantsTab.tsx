// Admin: the queue of LAO applicant accounts made through the public sign-up — approve, or reject with a reason (mailed to the applicant).
import { Alert, Badge, Button, Group, Modal, SegmentedControl, Stack, Table, Text, Textarea } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageLoader } from '../../auth/session';
import { useFormat } from '../../components/format';
import { ErrorAlert } from '../../components/ui';
import { dlApi, type Applicant, type ApprovalStatus } from './api';
import { NS } from './i18n';

const FILTERS = ['pending', 'rejected', 'approved', 'all'] as const;
type Filter = (typeof FILTERS)[number];
const COLORS: Record<ApprovalStatus, string> = { pending: 'orange', approved: 'green', rejected: 'red' };

export default function ApplicantsTab() {
  const { t } = useTranslation(NS);
  const f = useFormat();
  const client = useQueryClient();
  const [filter, setFilter] = useState<Filter>('pending');
  const [rejecting, setRejecting] = useState<Applicant | null>(null);
  const [reason, setReason] = useState('');
  const q = useQuery({ queryKey: ['dl', 'applicants', filter], queryFn: () => dlApi.applicants(filter === 'all' ? undefined : filter) });
  const decide = useMutation({
    mutationFn: (v: { userId: string; decision: 'approve' | 'reject'; reason: string | null }) => dlApi.decideApplicant(v.userId, v.decision, v.reason),
    onSuccess: async () => {
      setRejecting(null);
      setReason('');
      await client.invalidateQueries({ queryKey: ['dl', 'applicants'] });
    },
  });
  if (q.isPending) return <PageLoader />;
  if (q.error) return <ErrorAlert error={q.error} />;
  const { items, pending } = q.data;
  return (
    <Stack gap="md" data-testid="applicants">
      <Text size="sm" maw={720}>
        {t('applicants.help')}
      </Text>
      <Group justify="space-between" wrap="wrap">
        <SegmentedControl
          value={filter}
          onChange={(v) => setFilter(v as Filter)}
          data={FILTERS.map((x) => ({ value: x, label: x === 'pending' ? t('applicants.filter.pendingCount', { count: pending }) : t(`applicants.filter.${x}`) }))}
          aria-label={t('applicants.filterLabel')}
        />
      </Group>
      {decide.error && !rejecting ? <ErrorAlert error={decide.error} /> : null}
      {items.length === 0 ? (
        <Text c="dimmed">{filter === 'pending' ? t('applicants.nonePending') : t('applicants.none')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table striped>
            <Table.Caption>{t('applicants.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('applicants.who')}</Table.Th>
                <Table.Th>{t('applicants.lao')}</Table.Th>
                <Table.Th>{t('applicants.requested')}</Table.Th>
                <Table.Th>{t('applicants.status')}</Table.Th>
                <Table.Th>{t('applicants.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((a) => (
                <Table.Tr key={a.userId} data-applicant={a.email}>
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {a.displayName}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {a.email}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{f.name(a.organisation)}</Text>
                    <Text size="xs" c="dimmed">
                      {f.pick(a.organisation.provinceNameTh ?? '', a.organisation.provinceNameEn)}
                    </Text>
                  </Table.Td>
                  <Table.Td>{f.dateTime(a.requestedAt)}</Table.Td>
                  <Table.Td>
                    <Badge color={COLORS[a.status]} variant="light">
                      {t(`applicants.state.${a.status}`)}
                    </Badge>
                    {a.autoTrusted ? (
                      <Text size="xs" c="dimmed">
                        {t('applicants.autoTrusted')}
                      </Text>
                    ) : null}
                    {a.decidedAt && !a.autoTrusted ? (
                      <Text size="xs" c="dimmed">
                        {t('applicants.decided', { by: a.decidedByName ?? '—', date: f.dateTime(a.decidedAt) })}
                      </Text>
                    ) : null}
                    {a.reason ? <Text size="xs">{a.reason}</Text> : null}
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      {a.status !== 'approved' ? (
                        <Button
                          size="xs"
                          onClick={() => decide.mutate({ userId: a.userId, decision: 'approve', reason: null })}
                          loading={decide.isPending && decide.variables?.userId === a.userId && decide.variables.decision === 'approve'}
                          aria-label={t('applicants.approveLabel', { email: a.email })}
                        >
                          {t('applicants.approve')}
                        </Button>
                      ) : null}
                      {a.status !== 'rejected' ? (
                        <Button size="xs" variant="light" color="red" onClick={() => setRejecting(a)} aria-label={t('applicants.rejectLabel', { email: a.email })}>
                          {t('applicants.reject')}
                        </Button>
                      ) : null}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Modal opened={rejecting !== null} onClose={() => setRejecting(null)} title={t('applicants.rejectTitle', { email: rejecting?.email ?? '' })}>
        <Stack gap="md">
          <Textarea
            label={t('applicants.reason')}
            description={t('applicants.reasonHelp')}
            required
            autosize
            minRows={3}
            maxLength={2000}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            data-autofocus
          />
          {decide.error && rejecting ? <ErrorAlert error={decide.error} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setRejecting(null)}>
              {t('applicants.cancel')}
            </Button>
            <Button color="red" disabled={!reason.trim()} loading={decide.isPending} onClick={() => rejecting && decide.mutate({ userId: rejecting.userId, decision: 'reject', reason: reason.trim() })}>
              {t('applicants.confirmReject')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      {pending > 0 && filter !== 'pending' ? (
        <Alert color="orange" variant="light">
          {t('applicants.filter.pendingCount', { count: pending })}
        </Alert>
      ) : null}
    </Stack>
  );
}
