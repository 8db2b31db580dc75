// Registry browse and search: Thai/English names, filters, paginated table with counts; state lives in the URL.
import { Anchor, Badge, Button, Chip, Collapse, Group, Pagination, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput, VisuallyHidden, Skeleton } from '@mantine/core';
import { useDebouncedValue, useDisclosure, useMediaQuery } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { IconAdjustmentsHorizontal, IconFileImport, IconFilterOff, IconSearch, IconCheck, IconMinus } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { LEVELS, type Organisation, type Page } from '../../api/types';
import { useUser } from '../../auth/session';
import { useFormat } from '../../components/format';
import { Empty, ErrorAlert, PageHeader } from '../../components/ui';
import { useMinistries, useOrgTypes, useProvinces } from './options';
import { levelCounts, useRegistrySummary } from './RegistrySummary';

const PAGE_SIZE = 25;
const FILTERS = ['level', 'ministry', 'province', 'orgType', 'servesPublic'] as const;

export default function RegistryPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const user = useUser();
  const [params, setParams] = useSearchParams();
  const [q, setQ] = useState(params.get('q') ?? '');
  const [debouncedQ] = useDebouncedValue(q.trim(), 300);
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);
  const ministries = useMinistries();
  const provinces = useProvinces();
  const orgTypes = useOrgTypes();
  const perLevel = levelCounts(useRegistrySummary().data);
  // On phones the five filters fold away behind a button; on wider screens they are always shown.
  const wide = useMediaQuery('(min-width: 48em)', true);
  const [filtersOpen, filtersToggle] = useDisclosure(false);

  const update = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === null || v === '') next.delete(k);
      else next.set(k, v);
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next, { replace: true });
  };

  useEffect(() => {
    if ((params.get('q') ?? '') !== debouncedQ) update({ q: debouncedQ || null });
    // Only the debounced text drives the URL (params change with it, so it is not a dependency).
  }, [debouncedQ]);

  const filters = Object.fromEntries(FILTERS.map((k) => [k, params.get(k) ?? ''])) as Record<(typeof FILTERS)[number], string>;
  const query = { q: params.get('q') ?? '', ...filters, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE };
  const result = useQuery({
    queryKey: ['organisations', query],
    queryFn: ({ signal }) => api.get<Page<Organisation>>('/api/registry/organisations', query, signal),
    placeholderData: keepPreviousData,
  });
  const total = result.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const anyFilter = Boolean(params.get('q')) || FILTERS.some((k) => filters[k]);

  return (
    <div>
      <PageHeader
        title={t('registry.title')}
        description={t('registry.description')}
        actions={
          user.role === 'admin' ? (
            <Button component={Link} to="/registry/lao-import" variant="light" leftSection={<IconFileImport size={18} aria-hidden />}>
              {t('nav.laoImport')}
            </Button>
          ) : null
        }
      />
      {Object.keys(perLevel).length > 0 ? (
        <Chip.Group value={filters.level || 'all'} onChange={(v) => update({ level: v === 'all' ? null : (v as string) })}>
          <Group gap="xs" mb="md" role="group" aria-label={t('registry.byLevel')}>
            <Chip value="all" variant="light" data-testid="level-chip-all">
              {t('common.all')} ({f.number(Object.values(perLevel).reduce((a, b) => a + b, 0))})
            </Chip>
            {LEVELS.filter((l) => l in perLevel).map((l) => (
              <Chip key={l} value={l} variant="light" data-testid={`level-chip-${l}`}>
                {t(`levelsPlural.${l}`)} ({f.number(perLevel[l] ?? 0)})
              </Chip>
            ))}
          </Group>
        </Chip.Group>
      ) : null}
      <Paper withBorder p="md" radius="md" mb="md" component="section" aria-label={t('registry.filters')}>
        <Stack gap="sm">
          <TextInput
            type="search"
            label={t('registry.search')}
            placeholder={t('registry.searchPlaceholder')}
            leftSection={<IconSearch size={18} aria-hidden />}
            value={q}
            onChange={(e) => setQ(e.currentTarget.value)}
          />
          {!wide ? (
            <Button
              variant="subtle"
              size="xs"
              leftSection={<IconAdjustmentsHorizontal size={16} aria-hidden />}
              onClick={filtersToggle.toggle}
              aria-expanded={filtersOpen}
              aria-controls="registry-filters"
              style={{ alignSelf: 'flex-start' }}
            >
              {t('registry.moreFilters', { count: FILTERS.filter((k) => filters[k]).length })}
            </Button>
          ) : null}
          <Collapse expanded={wide || filtersOpen} id="registry-filters">
          <SimpleGrid cols={{ base: 1, xs: 2, md: 5 }} spacing="sm">
            <Select
              label={t('registry.level')}
              placeholder={t('common.all')}
              clearable
              data={LEVELS.map((l) => ({ value: l, label: t(`levels.${l}`) }))}
              value={filters.level || null}
              onChange={(v) => update({ level: v })}
            />
            <Select
              label={t('registry.ministry')}
              placeholder={t('common.all')}
              clearable
              searchable
              nothingFoundMessage={t('common.nothingFound')}
              data={(ministries.data?.items ?? []).map((m) => ({ value: m.code, label: f.name(m) }))}
              value={filters.ministry || null}
              onChange={(v) => update({ ministry: v })}
            />
            <Select
              label={t('registry.province')}
              placeholder={t('common.all')}
              clearable
              searchable
              nothingFoundMessage={t('common.nothingFound')}
              data={(provinces.data?.items ?? []).map((p) => ({ value: p.code, label: f.name(p) }))}
              value={filters.province || null}
              onChange={(v) => update({ province: v })}
            />
            <Select
              label={t('registry.orgType')}
              placeholder={t('common.all')}
              clearable
              searchable
              data={orgTypes.options}
              value={filters.orgType || null}
              onChange={(v) => update({ orgType: v })}
            />
            <Select
              label={t('registry.servesPublic')}
              placeholder={t('common.all')}
              clearable
              data={[
                { value: 'true', label: t('registry.servesPublicYes') },
                { value: 'false', label: t('registry.servesPublicNo') },
              ]}
              value={filters.servesPublic || null}
              onChange={(v) => update({ servesPublic: v })}
            />
          </SimpleGrid>
          </Collapse>
          {anyFilter ? (
            <Group>
              <Button
                variant="subtle"
                size="xs"
                leftSection={<IconFilterOff size={16} aria-hidden />}
                onClick={() => {
                  setQ('');
                  setParams(new URLSearchParams(), { replace: true });
                }}
              >
                {t('registry.clearFilters')}
              </Button>
            </Group>
          ) : null}
        </Stack>
      </Paper>

      {result.isError ? <ErrorAlert error={result.error} /> : null}

      <Paper withBorder radius="md">
        <Group justify="space-between" px="md" py="sm" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
          <Text size="sm" fw={500} role="status" aria-live="polite" data-testid="registry-count">
            {result.data ? t('registry.count', { count: total, formatted: f.number(total) }) : t('common.loading')}
          </Text>
          {pages > 1 ? (
            <Text size="sm" c="dimmed">
              {t('registry.pageOf', { page: f.number(page), pages: f.number(pages) })}
            </Text>
          ) : null}
        </Group>
        {result.isPending ? (
          <Stack p="md" gap="xs">
            {Array.from({ length: 6 }, (_, i) => (
              <Skeleton key={i} h={28} />
            ))}
          </Stack>
        ) : result.data && result.data.items.length === 0 ? (
          <Empty title={t('registry.noResultsTitle')} description={t('registry.noResults')} />
        ) : result.data ? (
          <Table.ScrollContainer minWidth={860}>
            <Table striped highlightOnHover verticalSpacing="sm" horizontalSpacing="md" style={{ opacity: result.isPlaceholderData ? 0.6 : 1 }}>
              <VisuallyHidden component="caption">{t('registry.tableCaption')}</VisuallyHidden>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('registry.name')}</Table.Th>
                  <Table.Th scope="col">{t('registry.level')}</Table.Th>
                  <Table.Th scope="col">{t('registry.ministry')}</Table.Th>
                  <Table.Th scope="col">{t('registry.province')}</Table.Th>
                  <Table.Th scope="col">{t('registry.orgType')}</Table.Th>
                  <Table.Th scope="col">{t('registry.servesPublicShort')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {result.data.items.map((o) => (
                  <Table.Tr key={o.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/registry/${o.id}`} fw={500}>
                        {f.name(o)}
                      </Anchor>
                      {f.otherName(o) ? (
                        <Text size="xs" c="dimmed">
                          {f.otherName(o)}
                        </Text>
                      ) : null}
                      {!o.active ? (
                        <Badge size="xs" color="gray" variant="light" ml={6}>
                          {t('registry.inactive')}
                        </Badge>
                      ) : null}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{t(`levels.${o.level}`)}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{f.pick(o.ministryNameTh, o.ministryNameEn) || '—'}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{f.pick(o.provinceNameTh, o.provinceNameEn) || '—'}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{orgTypes.label(o.orgType)}</Text>
                    </Table.Td>
                    <Table.Td>
                      {o.servesPublic ? (
                        <Group gap={4} wrap="nowrap">
                          <IconCheck size={16} color="var(--mantine-color-green-7)" aria-hidden />
                          <Text size="sm">{t('common.yes')}</Text>
                        </Group>
                      ) : (
                        <Group gap={4} wrap="nowrap">
                          <IconMinus size={16} color="var(--mantine-color-gray-5)" aria-hidden />
                          <Text size="sm" c="dimmed">
                            {t('common.no')}
                          </Text>
                        </Group>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : null}
        {pages > 1 ? (
          <Group justify="center" p="md" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
            <Pagination
              total={pages}
              value={page}
              onChange={(p) => update({ page: String(p) })}
              getControlProps={(control) => ({ 'aria-label': t(`pagination.${control}`) })}
              getItemProps={(p) => ({ 'aria-label': t('pagination.page', { page: p }) })}
            />
          </Group>
        ) : null}
      </Paper>
    </div>
  );
}
