// A judge declares their own conflicts of interest (an LAO, a province, or another reason about an LAO that must be written out); stored with the declarations assignment reads.
import { ActionIcon, Alert, Badge, Button, Group, Paper, SegmentedControl, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../components/format';
import { ErrorAlert } from '../../components/ui';
import { dlApi } from './api';
import { NS } from './i18n';

const ME = ['dl', 'judge-me'] as const;
type Kind = 'lao' | 'province' | 'other';
/** Same minimum as the server's: an "other" conflict is only as useful as its reason. */
const OTHER_REASON_MIN = 5;

export function DeclarationsPanel({ year }: { year: string }) {
  const { t } = useTranslation(NS);
  const f = useFormat();
  const client = useQueryClient();
  const me = useQuery({ queryKey: ME, queryFn: dlApi.myProfile });
  const provinces = useQuery({ queryKey: ['dl', 'public-provinces'], queryFn: dlApi.publicProvinces, staleTime: Infinity });
  const [kind, setKind] = useState<Kind>('lao');
  const [org, setOrg] = useState<string | null>(null);
  const [province, setProvince] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [released, setReleased] = useState(0);
  const [voided, setVoided] = useState(0);
  const refresh = () => Promise.all([client.invalidateQueries({ queryKey: ME }), client.invalidateQueries({ queryKey: ['dl', 'judging'] })]);
  const add = useMutation({
    mutationFn: () => dlApi.declare({ kind, organisationId: kind === 'province' ? null : org, provinceCode: kind === 'province' ? province : null, note: note.trim() || null }),
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
  const ready = kind === 'province' ? Boolean(province) : Boolean(org) && (kind !== 'other' || note.trim().length >= OTHER_REASON_MIN);
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
                    <Table.Td>
                      <Badge variant="light" color={d.kind === 'other' ? 'grape' : 'gray'}>
                        {t(`declare.kind.${d.kind}`)}
                      </Badge>
                    </Table.Td>
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
        <SegmentedControl
          value={kind}
          onChange={(v) => setKind(v as Kind)}
          data={(['lao', 'province', 'other'] as const).map((k) => ({ value: k, label: t(`declare.kind.${k}`) }))}
          aria-label={t('declare.kindLabel')}
          w="fit-content"
        />
        {kind === 'other' ? (
          <Text size="sm" c="dimmed" maw={720}>
            {t('declare.otherHelp')}
          </Text>
        ) : null}
        <Group align="flex-end" gap="sm" wrap="wrap">
          {kind === 'province' ? (
            <Select
              label={t('declare.province')}
              data={(provinces.data?.items ?? []).map((p) => ({ value: p.code, label: f.name(p) }))}
              value={province}
              onChange={setProvince}
              searchable
              clearable
              w={220}
            />
          ) : (
            <EntryLaoPicker year={year} value={org} onChange={setOrg} />
          )}
          <TextInput
            label={kind === 'other' ? t('declare.reason') : t('declare.note')}
            required={kind === 'other'}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            maxLength={2000}
            w={320}
          />
          <Button onClick={() => add.mutate()} loading={add.isPending} disabled={!ready}>
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

/**
 * The applicant LAOs of this contest's entries (the ones the judge could be assigned), searched on the server
 * Thai-aware (e.g. "ทต.บ้านนา", "จ.น่าน"); the first matches only, with a hint to type more when there are others.
 */
function EntryLaoPicker({ year, value, onChange }: { year: string; value: string | null; onChange: (id: string | null) => void }) {
  const { t } = useTranslation(NS);
  const f = useFormat();
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState<{ value: string; label: string } | null>(null);
  const [q] = useDebouncedValue(search.trim(), 250);
  const typed = q && q !== chosen?.label ? q : '';
  const result = useQuery({
    queryKey: ['dl', 'declaration-candidates', year, typed],
    queryFn: () => dlApi.declarationCandidates(year, typed),
    placeholderData: keepPreviousData,
  });
  const data = result.data;
  const options = (data?.items ?? []).map((o) => ({
    value: o.id,
    label: f.name(o),
    description: f.pick(o.provinceNameTh ?? '', o.provinceNameEn),
  }));
  if (chosen && !options.some((o) => o.value === chosen.value)) options.unshift({ ...chosen, description: '' });
  const description = data
    ? data.truncated
      ? t('declare.pickerTruncated', { shown: data.items.length, total: data.total })
      : t('declare.pickerHelp', { name: f.name({ nameTh: data.contest.name.th, nameEn: data.contest.name.en }) })
    : undefined;
  return (
    <Select
      label={t('declare.lao')}
      description={description}
      placeholder={t('declare.pickerPlaceholder')}
      searchable
      clearable
      data={options.map(({ value: v, label }) => ({ value: v, label }))}
      renderOption={({ option }) => {
        const d = options.find((o) => o.value === option.value)?.description;
        return (
          <Stack gap={0}>
            <Text size="sm">{option.label}</Text>
            {d ? (
              <Text size="xs" c="dimmed">
                {d}
              </Text>
            ) : null}
          </Stack>
        );
      }}
      // The server has already matched and ranked; filtering again here would drop abbreviation matches.
      filter={({ options: opts }) => opts}
      searchValue={search}
      onSearchChange={setSearch}
      value={value}
      nothingFoundMessage={result.isFetching ? t('declare.pickerLoading') : t('declare.pickerNone')}
      onChange={(v, option) => {
        setChosen(v && option ? { value: option.value, label: option.label } : null);
        onChange(v);
      }}
      w={340}
    />
  );
}
