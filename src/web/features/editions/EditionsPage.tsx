// Admin: the list of survey editions and the form that creates one.
import { Alert, Anchor, Badge, Button, Group, Modal, NumberInput, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { api } from '../../api/client';
import type { Items } from '../../api/types';
import { PageLoader } from '../../auth/session';
import { useFormat } from '../../components/format';
import { Empty, ErrorAlert, PageHeader } from '../../components/ui';
import type { Edition } from '../questionnaire/api';
import './i18n';
import { NS } from './i18n';

export interface FrameworkSummary {
  id: string;
  version: string;
  titleTh: string;
  titleEn: string;
  itemCount: number;
  createdAt: string;
}

export const STATE_COLORS: Record<string, string> = {
  draft: 'gray',
  open: 'green',
  closed: 'orange',
  verification: 'grape',
  scored: 'blue',
  published: 'teal',
};

export function StateBadge({ state }: { state: string }) {
  const { t } = useTranslation(NS);
  return (
    <Badge variant="light" color={STATE_COLORS[state] ?? 'gray'} data-state={state}>
      {t(`state.${state}`)}
    </Badge>
  );
}

export default function EditionsPage() {
  const { t } = useTranslation(NS);
  const f = useFormat();
  const [creating, setCreating] = useState(false);
  const q = useQuery({ queryKey: ['editions'], queryFn: () => api.get<Items<Edition>>('/api/editions') });
  return (
    <Stack>
      <PageHeader title={t('title')} description={t('description')} actions={<Button onClick={() => setCreating(true)}>{t('create')}</Button>} />
      {q.isPending ? <PageLoader /> : null}
      {q.error ? <ErrorAlert error={q.error} /> : null}
      {q.data && q.data.items.length === 0 ? <Empty title={t('none')} /> : null}
      {q.data && q.data.items.length > 0 ? (
        <Table.ScrollContainer minWidth={720}>
          <Table striped highlightOnHover verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('cols.year')}</Table.Th>
                <Table.Th>{t('cols.title')}</Table.Th>
                <Table.Th>{t('cols.state')}</Table.Th>
                <Table.Th ta="right">{t('cols.participants')}</Table.Th>
                <Table.Th>{t('cols.dates')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {[...q.data.items]
                .sort((a, b) => b.yearBe - a.yearBe)
                .map((e) => (
                  <Table.Tr key={e.id}>
                    <Table.Td>
                      {e.yearBe}
                      <Text size="xs" c="dimmed">
                        {e.yearCe}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Anchor component={Link} to={`/editions/${e.id}`}>
                        {f.pick(e.titleTh, e.titleEn)}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {e.frameworkId} · {e.frameworkVersion}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <StateBadge state={e.state} />
                    </Table.Td>
                    <Table.Td ta="right">{f.number(e.participantCount)}</Table.Td>
                    <Table.Td>
                      {f.date(e.opensAt)} – {f.date(e.closesAt)}
                    </Table.Td>
                  </Table.Tr>
                ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      {creating ? <CreateEditionModal onClose={() => setCreating(false)} /> : null}
    </Stack>
  );
}

/** A date input's value (yyyy-mm-dd, local) as an ISO instant at the start (or end) of that day in Bangkok. */
export function dayToIso(day: string, endOfDay = false): string {
  return new Date(`${day}T${endOfDay ? '23:59:59' : '00:00:00'}+07:00`).toISOString();
}

export function isoToDay(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(new Date(iso).getTime() + 7 * 3600_000);
  return d.toISOString().slice(0, 10);
}

function CreateEditionModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation(NS);
  const f = useFormat();
  const client = useQueryClient();
  const navigate = useNavigate();
  const thisYearBe = new Date().getFullYear() + 543;
  const [yearBe, setYearBe] = useState<number>(thisYearBe);
  const [titleTh, setTitleTh] = useState(t('form.titleThDefault', { year: thisYearBe }));
  const [titleEn, setTitleEn] = useState(t('form.titleEnDefault', { year: thisYearBe - 543 }));
  const [fw, setFw] = useState<string | null>(null);
  const [opensAt, setOpensAt] = useState('');
  const [closesAt, setClosesAt] = useState('');
  const [touched, setTouched] = useState(false);
  const frameworks = useQuery({ queryKey: ['frameworks'], queryFn: () => api.get<Items<FrameworkSummary>>('/api/frameworks') });
  const fwOptions = (frameworks.data?.items ?? []).map((x) => ({
    value: `${x.id}\u0000${x.version}`,
    label: t('form.frameworkOption', { title: f.pick(x.titleTh, x.titleEn), version: x.version, count: x.itemCount }),
  }));
  const selectedFw = fw ?? fwOptions[fwOptions.length - 1]?.value ?? null;
  const datesBad = Boolean(opensAt && closesAt && closesAt <= opensAt);
  const create = useMutation({
    mutationFn: () => {
      const [frameworkId, frameworkVersion] = (selectedFw ?? '').split('\u0000');
      return api.post<Edition>('/api/editions', {
        yearBe,
        titleTh,
        titleEn,
        frameworkId,
        frameworkVersion,
        opensAt: dayToIso(opensAt),
        closesAt: dayToIso(closesAt, true),
      });
    },
    onSuccess: (e) => {
      void client.invalidateQueries({ queryKey: ['editions'] });
      navigate(`/editions/${e.id}`);
    },
  });
  const missing = !yearBe || !titleTh.trim() || !titleEn.trim() || !selectedFw || !opensAt || !closesAt;
  return (
    <Modal opened onClose={onClose} title={t('create')} size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setTouched(true);
          if (missing || datesBad) return;
          create.mutate();
        }}
      >
        <Stack gap="sm">
          <NumberInput
            label={t('form.yearBe')}
            value={yearBe}
            min={2558}
            max={2700}
            onChange={(v) => {
              const y = Number(v) || thisYearBe;
              setYearBe(y);
              setTitleTh(t('form.titleThDefault', { year: y }));
              setTitleEn(t('form.titleEnDefault', { year: y - 543 }));
            }}
            description={t('form.yearCe', { year: yearBe - 543 })}
            required
          />
          <TextInput label={t('form.titleTh')} value={titleTh} onChange={(e) => setTitleTh(e.currentTarget.value)} required error={touched && !titleTh.trim() ? t('form.required') : null} />
          <TextInput label={t('form.titleEn')} value={titleEn} onChange={(e) => setTitleEn(e.currentTarget.value)} required error={touched && !titleEn.trim() ? t('form.required') : null} />
          <Select label={t('form.framework')} data={fwOptions} value={selectedFw} onChange={setFw} required error={touched && !selectedFw ? t('form.required') : null} />
          {frameworks.error ? <ErrorAlert error={frameworks.error} /> : null}
          <Group grow>
            <TextInput type="date" label={t('form.opensAt')} value={opensAt} onChange={(e) => setOpensAt(e.currentTarget.value)} required error={touched && !opensAt ? t('form.required') : null} />
            <TextInput
              type="date"
              label={t('form.closesAt')}
              value={closesAt}
              onChange={(e) => setClosesAt(e.currentTarget.value)}
              required
              error={touched && !closesAt ? t('form.required') : datesBad ? t('form.datesOrder') : null}
            />
          </Group>
          {create.error ? <ErrorAlert error={create.error} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('actions.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('create')}
            </Button>
          </Group>
          {missing && touched ? (
            <Alert color="red" variant="light">
              {t('form.required')}
            </Alert>
          ) : null}
        </Stack>
      </form>
    </Modal>
  );
}
