// Admin: each judge's links to the registry (organisations, provinces) and own declarations — what conflicts are found from.
import { ActionIcon, Alert, Badge, Button, Group, Paper, Select, Stack, Table, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { IconPlus, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageLoader } from '../../auth/session';
import { OrgPicker } from '../../components/OrgPicker';
import { useFormat } from '../../components/format';
import { ErrorAlert } from '../../components/ui';
import { dlApi, keys, type Affiliation, type Contest, type JudgeRef } from './api';
import { NS } from './i18n';

const JUDGES_KEY = ['dl', 'judges'] as const;

function useProvinceNames() {
  const f = useFormat();
  const q = useQuery({ queryKey: ['dl', 'public-provinces'], queryFn: dlApi.publicProvinces, staleTime: Infinity });
  const items = q.data?.items ?? [];
  return { options: items.map((p) => ({ value: p.code, label: f.name(p) })), name: (code: string | null) => (code ? f.name(items.find((p) => p.code === code)) || code : '') };
}

export function JudgesPanel({ contest }: { contest: Contest }) {
  const { t } = useTranslation(NS);
  const q = useQuery({ queryKey: JUDGES_KEY, queryFn: dlApi.judges });
  if (q.isPending) return <PageLoader />;
  if (q.error) return <ErrorAlert error={q.error} />;
  return (
    <Paper withBorder radius="md" p="md">
      <Text fw={600}>{t('judges.title')}</Text>
      <Text size="sm" c="dimmed" mb="sm">
        {t('judges.help')}
      </Text>
      <Table>
        <Table.Caption>{t('judges.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('judges.judge')}</Table.Th>
            <Table.Th>{t('judges.affiliations')}</Table.Th>
            <Table.Th>{t('judges.declarations')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {q.data.items.map((j) => (
            <JudgeRow key={j.id} judge={j} contest={contest} />
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

function JudgeRow({ judge, contest }: { judge: JudgeRef; contest: Contest }) {
  const { t } = useTranslation(NS);
  const f = useFormat();
  const client = useQueryClient();
  const provinces = useProvinceNames();
  const [adding, setAdding] = useState(false);
  const [org, setOrg] = useState<string | null>(null);
  const [province, setProvince] = useState<string | null>(null);
  const [released, setReleased] = useState<number | null>(null);
  const current: Affiliation[] = judge.affiliations.map((a) => (a.organisation ? { organisationId: a.organisation.id } : { provinceCode: a.provinceCode ?? undefined }));
  const save = useMutation({
    mutationFn: (next: Affiliation[]) => dlApi.setAffiliations(judge.id, next),
    onSuccess: async (r) => {
      setReleased(r.released.length);
      setAdding(false);
      setOrg(null);
      setProvince(null);
      await Promise.all([client.invalidateQueries({ queryKey: JUDGES_KEY }), client.invalidateQueries({ queryKey: keys.matrix(contest.year) })]);
    },
  });
  const label = (a: { organisation: JudgeRef['affiliations'][number]['organisation']; provinceCode: string | null }) =>
    a.organisation ? f.name(a.organisation) : t('judges.province', { name: provinces.name(a.provinceCode) });
  return (
    <Table.Tr data-judge={judge.email}>
      <Table.Td>
        <Text size="sm" fw={600}>
          {judge.displayName}
        </Text>
        <Text size="xs" c="dimmed">
          {judge.email}
        </Text>
      </Table.Td>
      <Table.Td>
        <Stack gap={4}>
          <Group gap={4}>
            {judge.affiliations.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('judges.none')}
              </Text>
            ) : null}
            {judge.affiliations.map((a, i) => (
              <Badge
                key={a.id}
                variant="light"
                rightSection={
                  <ActionIcon size="xs" variant="transparent" aria-label={t('judges.remove', { name: label(a) })} onClick={() => save.mutate(current.filter((_, j) => j !== i))}>
                    <IconX size={12} aria-hidden />
                  </ActionIcon>
                }
              >
                {label(a)}
              </Badge>
            ))}
            {!adding ? (
              <ActionIcon variant="subtle" aria-label={t('judges.add', { name: judge.displayName })} onClick={() => setAdding(true)}>
                <IconPlus size={16} aria-hidden />
              </ActionIcon>
            ) : null}
          </Group>
          {adding ? (
            <Group align="flex-end" gap="xs" wrap="wrap">
              <OrgPicker label={t('judges.organisation')} value={org} onChange={setOrg} />
              <Select label={t('judges.orProvince')} data={provinces.options} value={province} onChange={setProvince} searchable clearable w={200} />
              <Button
                size="sm"
                disabled={!org && !province}
                loading={save.isPending}
                onClick={() => save.mutate([...current, ...(org ? [{ organisationId: org }] : []), ...(province ? [{ provinceCode: province }] : [])])}
              >
                {t('judges.save')}
              </Button>
              <Button size="sm" variant="default" onClick={() => setAdding(false)}>
                {t('common.cancel')}
              </Button>
            </Group>
          ) : null}
          {save.error ? <ErrorAlert error={save.error} /> : null}
          {released !== null && released > 0 ? (
            <Alert color="orange" variant="light" p="xs">
              {t('judges.released', { count: released })}
            </Alert>
          ) : null}
        </Stack>
      </Table.Td>
      <Table.Td>
        {judge.declarations.length === 0 ? (
          <Text size="sm" c="dimmed">
            —
          </Text>
        ) : (
          <Stack gap={2}>
            {judge.declarations.map((d) => (
              <Text key={d.id} size="sm">
                {d.organisation ? f.name(d.organisation) : t('judges.province', { name: provinces.name(d.provinceCode) })}
                {d.note ? ` — ${d.note}` : ''}
              </Text>
            ))}
          </Stack>
        )}
      </Table.Td>
    </Table.Tr>
  );
}
