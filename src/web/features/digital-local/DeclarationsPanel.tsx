// A judge declares their own conflicts of interest (an LAO or a province, with a note) before assignment; stored with the declarations assignment reads.
import { ActionIcon, Alert, Button, Group, Paper, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OrgPicker } from '../../components/OrgPicker';
import { useFormat } from '../../components/format';
import { ErrorAlert } from '../../components/ui';
import { dlApi } from './api';
import { NS } from './i18n';

const ME = ['dl', 'judge-me'] as const;

export function DeclarationsPanel() {
  const { t } = useTranslation(NS);
  const f = useFormat();
  const client = useQueryClient();
  const me = useQuery({ queryKey: ME, queryFn: dlApi.myProfile });
  const provinces = useQuery({ queryKey: ['dl', 'public-provinces'], queryFn: dlApi.publicProvinces, staleTime: Infinity });
  const [org, setOrg] = useState<string | null>(null);
  const [province, setProvince] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [released, setReleased] = useState(0);
  const [voided, setVoided] = useState(0);
  const refresh = () => Promise.all([client.invalidateQueries({ queryKey: ME }), client.invalidateQueries({ queryKey: ['dl', 'judging'] })]);
  const add = useMutation({
    mutationFn: () => dlApi.declare({ organisationId: org, provinceCode: org ? null : province, note: note.trim() || null }),
    onSuccess: async (r) => {
      setReleased(r.released.length);
      setVoided(r.voided.filter((v) => v.status === 'submitted').length);
      setOrg(null);
      setProvince(null);
      setNote('');
      await refresh();
    },
  });
  const remove = useMutation({ mutationFn: (id: string) => dlApi.undeclare(id), onSuccess: refresh });
  const provinceName = (code: string | null) => f.name(provinces.data?.items.find((p) => p.code === code)) || code || '';
  const items = me.data?.declarations ?? [];
  return (
    <Paper withBorder radius="md" p="md" data-testid="declarations">
      <Stack gap="sm">
        <Text fw={600} component="h2" size="lg">
          {t('declare.title')}
        </Text>
        <Text size="sm" c="dimmed" maw={720}>
          {t('declare.help')}
        </Text>
        {items.length === 0 ? (
          <Text size="sm">{t('declare.none')}</Text>
        ) : (
          <Table>
            <Table.Caption>{t('declare.caption')}</Table.Caption>
            <Table.Tbody>
              {items.map((d) => {
                const name = d.organisation ? f.name(d.organisation) : t('declare.provinceOf', { name: provinceName(d.provinceCode) });
                return (
                  <Table.Tr key={d.id} data-declaration={d.id}>
                    <Table.Td>{name}</Table.Td>
                    <Table.Td>{d.note ?? ''}</Table.Td>
                    <Table.Td ta="right">
                      <ActionIcon variant="subtle" color="red" aria-label={t('declare.remove', { name })} onClick={() => remove.mutate(d.id)} loading={remove.isPending}>
                        <IconX size={16} aria-hidden />
                      </ActionIcon>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        )}
        <Group align="flex-end" gap="sm" wrap="wrap">
          <OrgPicker label={t('declare.lao')} value={org} onChange={setOrg} />
          <Select
            label={t('declare.province')}
            data={(provinces.data?.items ?? []).map((p) => ({ value: p.code, label: f.name(p) }))}
            value={province}
            onChange={setProvince}
            searchable
            clearable
            disabled={Boolean(org)}
            w={200}
          />
          <TextInput label={t('declare.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} maxLength={2000} w={260} />
          <Button onClick={() => add.mutate()} loading={add.isPending} disabled={!org && !province}>
            {t('declare.add')}
          </Button>
        </Group>
        {add.error ? <ErrorAlert error={add.error} /> : null}
        {remove.error ? <ErrorAlert error={remove.error} /> : null}
        {released > 0 ? (
          <Alert color="orange" variant="light" role="status">
            {t('declare.released', { count: released })}
            {voided > 0 ? ` ${t('declare.voided', { count: voided })}` : ''}
          </Alert>
        ) : null}
      </Stack>
    </Paper>
  );
}
