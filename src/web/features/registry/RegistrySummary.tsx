// Registry counts by level and LAO type, from /api/registry/summary.
import { Paper, SimpleGrid, Skeleton, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useFormat } from '../../components/format';
import { ErrorAlert } from '../../components/ui';

type Counts = Record<string, number>;

/** Accepts `{byLevel: {k: n}}`, `{byLevel: [{level, count}]}` and flat `{k: n}` shapes alike. */
function toCounts(v: unknown): Counts {
  if (Array.isArray(v)) {
    const out: Counts = {};
    for (const row of v as Record<string, unknown>[]) {
      const key = row['level'] ?? row['laoType'] ?? row['type'] ?? row['key'] ?? row['code'];
      const n = row['count'] ?? row['total'];
      if (typeof key === 'string' && typeof n === 'number') out[key] = n;
    }
    return out;
  }
  if (v && typeof v === 'object') {
    return Object.fromEntries(Object.entries(v as Record<string, unknown>).filter((e): e is [string, number] => typeof e[1] === 'number'));
  }
  return {};
}

export interface RegistrySummaryData {
  byLevel?: unknown;
  laoByType?: unknown;
  [k: string]: unknown;
}

function Stat({ label, value, testId, small }: { label: string; value: string; testId?: string; small?: boolean }) {
  return (
    <Paper withBorder radius="md" p={small ? 'sm' : 'md'} data-testid={testId}>
      <Text size="xs" c="dimmed" fw={500}>
        {label}
      </Text>
      <Text fw={600} fz={small ? 20 : 26} lh={1.4}>
        {value}
      </Text>
    </Paper>
  );
}

export function useRegistrySummary() {
  return useQuery({ queryKey: ['registry-summary'], queryFn: () => api.get<RegistrySummaryData>('/api/registry/summary'), staleTime: 60_000 });
}

/** Organisations per level, in the registry's order; empty until the summary has loaded. */
export function levelCounts(data: RegistrySummaryData | undefined): Counts {
  return data ? toCounts(data.byLevel ?? {}) : {};
}

export function RegistrySummary() {
  const { t } = useTranslation();
  const f = useFormat();
  const q = useRegistrySummary();
  if (q.isPending) return <Skeleton h={88} radius="md" />;
  if (q.isError) return <ErrorAlert error={q.error} />;
  const byLevel = toCounts(q.data.byLevel ?? q.data['levels'] ?? q.data);
  const byLao = toCounts(q.data.laoByType ?? {});
  const levels = ['department', 'provincial_unit', 'province', 'lao'].filter((k) => k in byLevel);
  const laoTypes = Object.entries(byLao);
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="md">
        {levels.map((k) => (
          <Stat key={k} label={t(`levelsPlural.${k}`)} value={f.number(byLevel[k] ?? 0)} testId={`summary-${k}`} />
        ))}
      </SimpleGrid>
      {laoTypes.length > 0 ? (
        <div>
          <Text size="sm" fw={500} mb="xs">
            {t('home.laoByType')}
          </Text>
          <SimpleGrid cols={{ base: 2, sm: 3, md: 6 }} spacing="sm">
            {laoTypes.map(([k, n]) => (
              <Stat key={k} label={t(`orgTypes.${k}`, { defaultValue: k })} value={f.number(n)} small />
            ))}
          </SimpleGrid>
        </div>
      ) : null}
    </Stack>
  );
}
