// Public page: the announced winners of one Digital Local year, by tier, with each LAO's innovation.
import { Badge, Card, Container, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconAward } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { PageLoader } from '../../auth/session';
import { useFormat } from '../../components/format';
import { Empty, useDocumentTitle } from '../../components/ui';
import { dlApi, useWinners, type I18nText, type PublicWinner } from './api';
import { laoTypeName, pickText, useEn } from './components';
import './i18n';
import { NS } from './i18n';

const TIER_COLOURS = ['yellow', 'teal', 'blue', 'grape'];

function WinnerCard({ w, tier, colour }: { w: PublicWinner; tier: I18nText; colour: string }) {
  const en = useEn();
  const f = useFormat();
  return (
    <Card withBorder radius="md" padding="lg" component="article" data-winner={w.organisation.nameTh}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" mb="xs">
        <Badge color={colour} variant="light" leftSection={<IconAward size={14} aria-hidden />}>
          {pickText(tier, en)}
        </Badge>
      </Group>
      <Title order={3} size="h4">
        {w.title}
      </Title>
      <Text fw={600} mt={6}>
        {f.name(w.organisation)}
      </Text>
      <Text size="sm" c="dimmed">
        {[laoTypeName(w.organisation.laoType, en), f.pick(w.organisation.provinceNameTh, w.organisation.provinceNameEn)].filter(Boolean).join(' · ')}
      </Text>
      {w.summary ? (
        <Text size="sm" mt="sm" style={{ whiteSpace: 'pre-line' }}>
          {w.summary}
        </Text>
      ) : null}
    </Card>
  );
}

/** /digital-local: the announced years. */
function WinnersIndex() {
  const { t } = useTranslation(NS);
  const en = useEn();
  const f = useFormat();
  useDocumentTitle(t('winners.indexTitle'));
  const q = useQuery({ queryKey: ['dl', 'public-contests'], queryFn: dlApi.publicContests });
  if (q.isPending) return <PageLoader />;
  return (
    <Container size="lg">
      <Stack gap="lg">
        <Title order={1}>{t('winners.indexTitle')}</Title>
        {q.isError || q.data.items.length === 0 ? (
          <Empty title={t('winners.noneAnnounced')} />
        ) : (
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
            {q.data.items.map((c) => (
              <Card key={c.year} withBorder radius="md" padding="lg" component={Link} to={`/digital-local/${c.year}`}>
                <Text fw={600}>{pickText(c.name, en)}</Text>
                <Text size="sm" c="dimmed">
                  {t('winners.announcedOn', { date: f.date(c.announcedAt) })}
                </Text>
              </Card>
            ))}
          </SimpleGrid>
        )}
      </Stack>
    </Container>
  );
}

export default function WinnersPage() {
  const { year } = useParams();
  return year ? <WinnersYear year={year} /> : <WinnersIndex />;
}

function WinnersYear({ year }: { year: string }) {
  const { t } = useTranslation(NS);
  const en = useEn();
  const f = useFormat();
  const q = useWinners(year);
  useDocumentTitle(q.data ? pickText(q.data.name, en) : t('winners.title', { year }));
  if (q.isPending) return <PageLoader />;
  if (q.isError) {
    return (
      <Container size="lg">
        <Empty title={t('winners.notYetTitle', { year })} description={t('winners.notYet')} />
      </Container>
    );
  }
  const d = q.data;
  const count = d.tiers.reduce((n, x) => n + x.winners.length, 0);
  return (
    <Container size="lg">
      <Stack gap="xl">
        <div>
          <Text c="dimmed" size="sm">
            {t('winners.kicker')}
          </Text>
          <Title order={1}>{pickText(d.name, en)}</Title>
          <Text c="dimmed" mt={4}>
            {t('winners.announced', { date: f.date(d.announcedAt), count })}
          </Text>
        </div>
        {count === 0 ? <Empty title={t('winners.none')} /> : null}
        {d.tiers.map((tier, i) => {
          const list = tier.winners;
          if (list.length === 0) return null;
          return (
            <section key={tier.code} aria-labelledby={`tier-${tier.code}`}>
              <Title order={2} size="h3" id={`tier-${tier.code}`} mb="sm">
                {t('winners.tierHeading', { tier: pickText(tier.name, en), count: list.length })}
              </Title>
              <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
                {list.map((w, j) => (
                  <WinnerCard key={`${w.organisation.nameTh}-${j}`} w={w} tier={tier.name} colour={TIER_COLOURS[i] ?? 'gray'} />
                ))}
              </SimpleGrid>
            </section>
          );
        })}
      </Stack>
    </Container>
  );
}
