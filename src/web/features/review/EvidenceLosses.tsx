// Scorecard panel: items that lost points because their evidence was not accepted, with the reviewer's reason.
import { Anchor, Card, List, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import { useUser } from '../../auth/session';
import { pickText, type Losses } from './api';
import './i18n';
import { NS } from './i18n';

export function EvidenceLosses({ eid, oid }: { eid: string; oid: string }) {
  const { t, i18n } = useTranslation(NS);
  const en = i18n.language === 'en';
  const user = useUser();
  const q = useQuery({ queryKey: ['losses', eid, oid], queryFn: () => api.get<Losses>(`/api/editions/${eid}/organisations/${oid}/evidence-losses`), retry: false });
  if (!q.data || !q.data.verificationStarted) return null;
  return (
    <Card withBorder data-testid="evidence-losses">
      <Title order={2} size="h3" mb="sm">
        {t('losses.title')}
      </Title>
      {q.data.items.length === 0 ? <Text>{t('losses.none')}</Text> : null}
      <List size="sm">
        {q.data.items.map((l) => (
          <List.Item key={l.code}>
            [{l.code}] {pickText(l.text, en)} — {l.reason ? pickText(l.reason.label, en) : t(`itemStatus.${l.status}`)}
            {l.comment ? ` (${l.comment})` : ''} · {t('losses.points', { p: l.pointsLost })}
          </List.Item>
        ))}
      </List>
      {user.organisationId === oid ? (
        <Anchor component={Link} to={`/corrections/${eid}/${oid}`} size="sm">
          {t('corrections.title')}
        </Anchor>
      ) : null}
    </Card>
  );
}
