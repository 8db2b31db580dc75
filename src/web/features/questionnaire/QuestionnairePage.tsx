// Route: one organisation's questionnaire in one edition (/survey/:eid, or /survey/:eid/:oid for DGA staff).
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import type { Session } from '../../api/types';
import { PageLoader, SESSION_KEY, useUser } from '../../auth/session';
import { ErrorAlert } from '../../components/ui';
import { api } from '../../api/client';
import { questionnaireApi, type QuestionnaireData } from './api';
import './i18n';
import { NS } from './i18n';
import { Questionnaire } from './Questionnaire';

// When the page is opened directly on a questionnaire, its data is requested as soon as this chunk loads, in
// parallel with the shell's own start-up, instead of after the first render.
let early: { eid: string; oid: Promise<string>; data: Promise<QuestionnaireData> } | null = null;
(function startEarly() {
  const m = /^\/survey\/([^/]+)(?:\/([^/]+))?\/?$/.exec(window.location.pathname);
  if (!m) return;
  const eid = decodeURIComponent(m[1]!);
  // On /survey/:eid the organisation is the user's own: taken from the last visit when known (checked against the
  // session before use), otherwise asked of the server.
  const cached = m[2] ? null : readOrg();
  const oid = m[2]
    ? Promise.resolve(decodeURIComponent(m[2]))
    : cached
      ? Promise.resolve(cached)
      : api.get<Session>('/api/auth/me').then((s) => s.user.organisationId ?? '');
  const data = oid.then((o) => questionnaireApi.load(eid, o));
  // Unused or failed early requests fall back to the normal load; never an unhandled rejection.
  oid.catch(() => undefined);
  data.catch(() => undefined);
  early = { eid, oid, data };
})();

const ORG_KEY = 'dgr.q.org';

function readOrg(): string | null {
  try {
    return window.localStorage.getItem(ORG_KEY);
  } catch {
    return null;
  }
}

function rememberOrg(oid: string): void {
  try {
    window.localStorage.setItem(ORG_KEY, oid);
  } catch {
    // Only a start-up shortcut.
  }
}

async function loadQuestionnaire(eid: string, oid: string): Promise<QuestionnaireData> {
  const e = early;
  early = null;
  if (e && e.eid === eid) {
    try {
      if ((await e.oid) === oid) {
        const data = await e.data;
        performance.mark('dgr-q-data');
        return data;
      }
    } catch {
      // fall through to a fresh request
    }
  }
  const data = await questionnaireApi.load(eid, oid);
  performance.mark('dgr-q-data');
  return data;
}

export default function QuestionnairePage() {
  const { eid = '', oid: oidParam } = useParams();
  const user = useUser();
  const { t } = useTranslation(NS);
  const client = useQueryClient();
  const oid = oidParam ?? user.organisationId ?? '';
  const q = useQuery({
    queryKey: ['questionnaire', eid, oid],
    queryFn: () => loadQuestionnaire(eid, oid),
    enabled: Boolean(eid && oid),
    // The page keeps its own live copy; never refetch under the user's feet.
    staleTime: Infinity,
    gcTime: 0,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
  useEffect(() => {
    if (!oidParam && oid && q.data) rememberOrg(oid);
  }, [oidParam, oid, q.data]);
  const csrfToken = useCallback(() => client.getQueryData<Session | null>(SESSION_KEY)?.csrfToken ?? null, [client]);
  if (q.isPending) return <PageLoader />;
  if (q.error) return <ErrorAlert error={q.error} title={t('title')} />;
  return <Questionnaire key={`${eid}/${oid}`} data={q.data} user={user} csrfToken={csrfToken} />;
}
