// Role-aware home: a greeting, the sections this role can open, and honest empty states for what is not open yet.
import { Badge, Card, Group, SimpleGrid, Stack, Text, ThemeIcon, Title, Paper, Skeleton } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { IconArrowRight, IconGavel, IconChecklist } from '@tabler/icons-react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { Organisation, Role } from '../../api/types';
import { navFor } from '../../app/navigation';
import { useUser } from '../../auth/session';
import { useFormat } from '../../components/format';
import { Empty, useDocumentTitle } from '../../components/ui';
import { RegistrySummary } from '../registry/RegistrySummary';

function MyOrganisation({ id }: { id: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const q = useQuery({ queryKey: ['organisation', id], queryFn: () => api.get<Organisation>(`/api/registry/organisations/${id}`) });
  if (q.isPending) return <Skeleton h={96} radius="md" />;
  if (q.isError) return null;
  const o = q.data;
  return (
    <Paper withBorder p="lg" radius="md">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {t('home.yourOrganisation')}
      </Text>
      <Title order={2} size="h3" mt={4}>
        <Link to={`/registry/${o.id}`} style={{ color: 'inherit' }}>
          {f.name(o)}
        </Link>
      </Title>
      {f.otherName(o) ? (
        <Text size="sm" c="dimmed">
          {f.otherName(o)}
        </Text>
      ) : null}
      <Group gap="xs" mt="sm">
        <Badge variant="light">{t(`levels.${o.level}`)}</Badge>
        {o.ministryNameTh ? <Badge variant="outline">{f.pick(o.ministryNameTh, o.ministryNameEn)}</Badge> : null}
        {o.provinceNameTh ? <Badge variant="outline">{f.pick(o.provinceNameTh, o.provinceNameEn)}</Badge> : null}
      </Group>
    </Paper>
  );
}

const PENDING: Partial<Record<Role, { key: string; icon: typeof IconGavel }>> = {
  reviewer: { key: 'reviewer', icon: IconChecklist },
  judge: { key: 'judge', icon: IconGavel },
};

export default function HomePage() {
  const { t } = useTranslation();
  const user = useUser();
  const cards = navFor(user).filter((n) => n.key !== 'home');
  useDocumentTitle(t('nav.home'));
  const pending = PENDING[user.role];

  return (
    <Stack gap="xl">
      <div>
        <Text c="dimmed" size="sm">
          {t(`roles.${user.role}`)}
        </Text>
        <Title order={1}>{t('home.greeting', { name: user.displayName })}</Title>
        <Text c="dimmed" mt={4}>
          {t(`home.intro.${user.role}`)}
        </Text>
      </div>

      {user.organisationId && user.role !== 'admin' && user.role !== 'reviewer' ? <MyOrganisation id={user.organisationId} /> : null}

      {cards.length > 0 ? (
        <section aria-labelledby="home-sections">
          <Title order={2} size="h3" id="home-sections" mb="sm">
            {t('home.sections')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
            {cards.map((c) => (
              <Card key={c.key} component={Link} to={c.to} withBorder padding="lg" radius="md" className="home-card">
                <Group justify="space-between" align="flex-start" wrap="nowrap">
                  <ThemeIcon variant="light" size={44} radius="md" aria-hidden>
                    <c.icon size={24} stroke={1.6} />
                  </ThemeIcon>
                  <IconArrowRight size={18} aria-hidden color="var(--mantine-color-dimmed)" />
                </Group>
                <Text fw={600} mt="md">
                  {t(`nav.${c.key}`)}
                </Text>
                <Text size="sm" c="dimmed" mt={4}>
                  {t(`home.cards.${c.key}`)}
                </Text>
              </Card>
            ))}
          </SimpleGrid>
        </section>
      ) : null}

      {user.role === 'admin' || user.role === 'reviewer' ? (
        <section aria-labelledby="home-registry">
          <Title order={2} size="h3" id="home-registry" mb="sm">
            {t('home.registryFigures')}
          </Title>
          <RegistrySummary />
        </section>
      ) : null}

      {/* Work queues of features that do not exist yet; features that exist are reached through the cards above. */}
      {pending ? (
        <section aria-labelledby="home-work">
          <Title order={2} size="h3" id="home-work" mb="sm">
            {t('home.yourWork')}
          </Title>
          <Paper withBorder radius="md">
            <Empty icon={<pending.icon size={28} aria-hidden />} title={t(`home.empty.${pending.key}Title`)} description={t(`home.empty.${pending.key}`)} />
          </Paper>
        </section>
      ) : null}
    </Stack>
  );
}
