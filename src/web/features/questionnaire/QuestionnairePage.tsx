// Route: one organisation's questionnaire in one edition (/survey/:eid, or /survey/:eid/:oid for DGA staff).
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import type { Session } from '../../api/types';
import { PageLoader, SESSION_KEY, useUser } from '../../auth/session';
import { ErrorAlert } from '../../components/ui';
import { questionnaireApi } from './api';
import './i18n';
import { NS } from './i18n';
import { Questionnaire } from './Questionnaire';

export default function QuestionnairePage() {
  const { eid = '', oid: oidParam } = useParams();
  const user = useUser();
  const { t } = useTranslation(NS);
  const client = useQueryClient();
  const oid = oidParam ?? user.organisationId ?? '';
  const q = useQuery({
    queryKey: ['questionnaire', eid, oid],
    queryFn: () => questionnaireApi.load(eid, oid),
    enabled: Boolean(eid && oid),
    // The page keeps its own live copy; never refetch under the user's feet.
    staleTime: Infinity,
    gcTime: 0,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
  const csrfToken = useCallback(() => client.getQueryData<Session | null>(SESSION_KEY)?.csrfToken ?? null, [client]);
  if (q.isPending) return <PageLoader />;
  if (q.error) return <ErrorAlert error={q.error} title={t('title')} />;
  return <Questionnaire key={`${eid}/${oid}`} data={q.data} user={user} csrfToken={csrfToken} />;
}
