// Agency head / coordinator: nominate a person of the organisation for a committee award, with statement and evidence.
import { Alert, Select, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { Items } from '../../api/types';
import { PageLoader, useUser } from '../../auth/session';
import { useFormat } from '../../components/format';
import { Empty, ErrorAlert, PageHeader } from '../../components/ui';
import type { Edition } from '../questionnaire/api';
import { pick, useAwardSet, useNominations } from './api';
import { EvidenceUpload, NominationCard, NominationChanges, NominationForm } from './committee-parts';
import './i18n';
import { NS } from './i18n';

function EditionNominations({ eid }: { eid: string }) {
  const { t, i18n } = useTranslation(NS);
  const f = useFormat();
  const en = i18n.language === 'en';
  const user = useUser();
  const set = useAwardSet(eid);
  const nominations = useNominations(eid);
  if (set.isPending || nominations.isPending) return <PageLoader />;
  if (set.error) return <ErrorAlert error={set.error} />;
  if (nominations.error) return <ErrorAlert error={nominations.error} />;
  const committees = set.data.definition.categories.filter((c) => c.type === 'committee');
  if (committees.length === 0) return <Empty title={t('committee.noCommitteeAwards')} />;
  return (
    <Stack gap="xl">
      {committees.map((c) => {
        const mine = nominations.data.nominations.filter((n) => n.categoryId === c.id);
        return (
          <Stack key={c.id} component="section" aria-labelledby={`cat-${c.id}`}>
            <Title order={2} size="h3" id={`cat-${c.id}`}>
              {pick(c.name, en)}
            </Title>
            {c.description ? <Text size="sm">{pick(c.description, en)}</Text> : null}
            {c.type === 'committee' ? (
              <Text size="sm" c="dimmed">
                {t('committee.criteriaList', { list: c.criteria.map((k) => pick(k.name, en)).join(' · ') })}
              </Text>
            ) : null}
            {c.type === 'committee' && c.nominationsCloseAt ? (
              <Text size="sm" fw={600}>
                {t('committee.closesAt', { at: f.dateTime(c.nominationsCloseAt) })}
              </Text>
            ) : null}
            {mine.map((n) => (
              <NominationCard key={n.id} eid={eid} nomination={n} actions={<NominationChanges eid={eid} nomination={n} />}>
                {n.changeable ? (
                  <Stack mt="sm">
                    <EvidenceUpload eid={eid} nomination={n} />
                  </Stack>
                ) : null}
              </NominationCard>
            ))}
            {user.role === 'head' || user.role === 'coordinator' ? <NominationForm eid={eid} categoryId={c.id} organisationId={user.organisationId} /> : null}
          </Stack>
        );
      })}
    </Stack>
  );
}

export default function NominationsPage() {
  const { t } = useTranslation(NS);
  const f = useFormat();
  const q = useQuery({ queryKey: ['editions'], queryFn: () => api.get<Items<Edition>>('/api/editions') });
  const [chosen, setChosen] = useState<string | null>(null);
  if (q.isPending) return <PageLoader />;
  if (q.error) return <ErrorAlert error={q.error} />;
  // Newest first: nominations are for the current edition's award.
  const editions = q.data.items.filter((e) => e.state !== 'draft').sort((a, b) => b.yearBe - a.yearBe);
  const eid = chosen ?? editions[0]?.id ?? null;
  return (
    <Stack>
      <PageHeader title={t('committee.nominationsTitle')} description={t('committee.nominationsIntro')} />
      {editions.length === 0 ? (
        <Empty title={t('noEditions')} />
      ) : (
        <>
          <Select label={t('edition')} data={editions.map((e) => ({ value: e.id, label: f.pick(e.titleTh, e.titleEn) }))} value={eid} onChange={setChosen} allowDeselect={false} maw={420} />
          <Alert variant="light" color="blue">
            {t('committee.evidenceNote')}
          </Alert>
          {eid ? <EditionNominations key={eid} eid={eid} /> : null}
        </>
      )}
    </Stack>
  );
}
