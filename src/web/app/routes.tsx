// The route table. Each feature lives in src/web/features/<feature>/ and is loaded on first visit.
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { Role } from '../api/types';

export interface AppRoute {
  path: string;
  page: LazyExoticComponent<ComponentType>;
  /** Roles that may open the page; omitted = every signed-in user. The server still decides what data they get. */
  roles?: Role[];
}

const HomePage = lazy(() => import('../features/home/HomePage'));
const RegistryPage = lazy(() => import('../features/registry/RegistryPage'));
const OrganisationPage = lazy(() => import('../features/registry/OrganisationPage'));
const LaoImportPage = lazy(() => import('../features/registry/LaoImportPage'));
const InvitationsPage = lazy(() => import('../features/invitations/InvitationsPage'));
const OutboxPage = lazy(() => import('../features/outbox/OutboxPage'));
const UsersPage = lazy(() => import('../features/users/UsersPage'));
const SurveyListPage = lazy(() => import('../features/questionnaire/SurveyListPage'));
const QuestionnairePage = lazy(() => import('../features/questionnaire/QuestionnairePage'));
const EditionsPage = lazy(() => import('../features/editions/EditionsPage'));
const EditionPage = lazy(() => import('../features/editions/EditionPage'));
const ResultsPage = lazy(() => import('../features/results/ResultsPage'));
const ResultsDashboardPage = lazy(() => import('../features/results/DashboardPage'));
const ScorecardPage = lazy(() => import('../features/results/ScorecardPage'));
const ReviewQueuePage = lazy(() => import('../features/review/ReviewQueuePage'));
const ReviewItemsPage = lazy(() => import('../features/review/ReviewItemsPage'));
const CorrectionsPage = lazy(() => import('../features/review/CorrectionsPage'));
const DlEntryPage = lazy(() => import('../features/digital-local/EntryPage'));
const DlJudgingPage = lazy(() => import('../features/digital-local/JudgingPage'));
const DlScorePage = lazy(() => import('../features/digital-local/ScoreEntryPage'));
const DlAdminPage = lazy(() => import('../features/digital-local/AdminPage'));
const AwardsPage = lazy(() => import('../features/awards/AwardsPage'));
const AwardSetPage = lazy(() => import('../features/awards/AwardSetPage'));
const AwardDecisionPage = lazy(() => import('../features/awards/DecisionPage'));
const AwardCommitteePage = lazy(() => import('../features/awards/CommitteePage'));
const AwardRollupPage = lazy(() => import('../features/awards/RollupPage'));
const AwardCertificatesPage = lazy(() => import('../features/awards/CertificatesPage'));
const MyAwardsPage = lazy(() => import('../features/awards/MyAwardsPage'));
const NominationsPage = lazy(() => import('../features/awards/NominationsPage'));
const JudgingPage = lazy(() => import('../features/awards/JudgingPage'));
// Opened directly on a questionnaire: fetch its code alongside the session check, not after it.
if (window.location.pathname.startsWith('/survey/')) void import('../features/questionnaire/QuestionnairePage');

/** Pages inside the signed-in shell. Add a feature's pages here (e.g. '/survey/*' for the questionnaire). */
export const shellRoutes: AppRoute[] = [
  { path: '/', page: HomePage },
  { path: '/registry', page: RegistryPage, roles: ['admin', 'reviewer'] },
  { path: '/registry/lao-import', page: LaoImportPage, roles: ['admin'] },
  { path: '/registry/:id', page: OrganisationPage },
  { path: '/invitations', page: InvitationsPage, roles: ['admin', 'coordinator'] },
  { path: '/outbox', page: OutboxPage, roles: ['admin'] },
  { path: '/users', page: UsersPage, roles: ['admin'] },
  { path: '/survey', page: SurveyListPage, roles: ['coordinator', 'contributor', 'head'] },
  { path: '/survey/:eid', page: QuestionnairePage, roles: ['coordinator', 'contributor', 'head'] },
  { path: '/survey/:eid/:oid', page: QuestionnairePage, roles: ['admin', 'reviewer', 'coordinator', 'contributor', 'head'] },
  { path: '/editions', page: EditionsPage, roles: ['admin'] },
  { path: '/editions/:eid', page: EditionPage, roles: ['admin'] },
  { path: '/results', page: ResultsPage, roles: ['admin', 'reviewer', 'head', 'coordinator'] },
  { path: '/results/:eid', page: ResultsDashboardPage, roles: ['admin', 'reviewer'] },
  { path: '/results/:eid/organisations/:oid', page: ScorecardPage, roles: ['admin', 'reviewer', 'head', 'coordinator'] },
  { path: '/review', page: ReviewQueuePage, roles: ['admin', 'reviewer'] },
  { path: '/review/:eid', page: ReviewQueuePage, roles: ['admin', 'reviewer'] },
  { path: '/review/:eid/:oid', page: ReviewItemsPage, roles: ['admin', 'reviewer'] },
  { path: '/corrections', page: CorrectionsPage, roles: ['coordinator', 'contributor', 'head'] },
  { path: '/corrections/:eid/:oid', page: CorrectionsPage, roles: ['admin', 'reviewer', 'coordinator', 'contributor', 'head'] },
  // Digital Local: signed-in pages sit under fixed words (entry, judging, admin) so they never collide with the
  // public winners page /digital-local/:year.
  { path: '/digital-local/entry', page: DlEntryPage, roles: ['lao_applicant'] },
  { path: '/digital-local/entry/:year', page: DlEntryPage, roles: ['lao_applicant'] },
  { path: '/digital-local/judging', page: DlJudgingPage, roles: ['judge'] },
  { path: '/digital-local/judging/:year', page: DlJudgingPage, roles: ['judge'] },
  { path: '/digital-local/judging/:year/:entryId', page: DlScorePage, roles: ['judge'] },
  { path: '/digital-local/admin', page: DlAdminPage, roles: ['admin'] },
  { path: '/digital-local/admin/:year', page: DlAdminPage, roles: ['admin'] },
  { path: '/digital-local/admin/:year/:tab', page: DlAdminPage, roles: ['admin'] },
  { path: '/awards', page: AwardsPage, roles: ['admin', 'reviewer'] },
  { path: '/awards/:eid', page: AwardsPage, roles: ['admin', 'reviewer'] },
  { path: '/awards/:eid/set', page: AwardSetPage, roles: ['admin'] },
  { path: '/awards/:eid/decisions/:cid', page: AwardDecisionPage, roles: ['admin', 'reviewer'] },
  { path: '/awards/:eid/committee/:cid', page: AwardCommitteePage, roles: ['admin', 'reviewer'] },
  { path: '/awards/:eid/rollup', page: AwardRollupPage, roles: ['admin', 'reviewer', 'head', 'coordinator', 'contributor'] },
  { path: '/awards/:eid/certificates', page: AwardCertificatesPage, roles: ['admin', 'reviewer', 'head', 'coordinator', 'contributor'] },
  { path: '/my-awards', page: MyAwardsPage, roles: ['coordinator', 'contributor', 'head'] },
  { path: '/nominations', page: NominationsPage, roles: ['head', 'coordinator'] },
  { path: '/judging', page: JudgingPage, roles: ['judge'] },
  { path: '/judging/:eid', page: JudgingPage, roles: ['judge'] },
];

/** Pages shown without a session. */
export const LoginPage = lazy(() => import('../features/auth/LoginPage'));
export const InviteAcceptPage = lazy(() => import('../features/auth/InviteAcceptPage'));
export const DlSignUpPage = lazy(() => import('../features/digital-local/SignUpPage'));
export const DlWinnersPage = lazy(() => import('../features/digital-local/WinnersPage'));
/** The public certificate check (QR codes and URLs on printed certificates point here). */
export const VerifyPage = lazy(() => import('../features/awards/VerifyPage'));
