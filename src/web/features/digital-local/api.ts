// Digital Local endpoints (docs/api.md, "Digital Local"): answer shapes and TanStack Query hooks.
import { useQuery } from '@tanstack/react-query';
import type { I18nText } from '../../../engine/judging/messages.js';
import type { ContestConfig, LaoType } from '../../../engine/judging/rubric.js';
import type { ScoreBasis } from '../../../engine/judging/calibration.js';
import { api, request } from '../../api/client';

export type { ContestConfig, I18nText, LaoType, ScoreBasis };

export type ContestPhase = 'upcoming' | 'entries_open' | 'entries_closed' | 'judging' | 'committee' | 'confirmed' | 'announced';
export const CONTEST_PHASES: readonly ContestPhase[] = ['upcoming', 'entries_open', 'entries_closed', 'judging', 'committee', 'confirmed', 'announced'];

export interface Contest {
  year: number;
  name: I18nText;
  config: ContestConfig;
  version: number;
  phase: ContestPhase;
  /** The schedule as instants (bare dates resolved to the start or end of the day in Bangkok). */
  dates: { entriesOpen: string; entriesClose: string; judgingStart: string; judgingEnd: string; announcement: string };
  basis: ScoreBasis | null;
  basisReason: string | null;
  basisChosenAt: string | null;
  confirmedAt: string | null;
  announcedAt: string | null;
  entries: { draft: number; submitted: number; withdrawn: number };
  createdAt: string;
  updatedAt: string;
}

export type EntryStatus = 'draft' | 'submitted' | 'withdrawn';

export interface Attachment {
  id: string;
  /** The criterion the file belongs to, or null for the entry as a whole. */
  section: string | null;
  filename: string;
  size: number;
  mimeType: string;
  kind: 'image' | 'document';
  uploadedAt: string;
}

export interface EntryLink {
  url: string;
  label: string;
}

export interface LaoRef {
  id: string;
  code: string | null;
  nameTh: string;
  nameEn: string | null;
  laoType: string;
  provinceCode: string | null;
  provinceNameTh: string | null;
  provinceNameEn: string | null;
}

export interface EntrySummary {
  id: string;
  contestYear: number;
  organisation: LaoRef;
  status: EntryStatus;
  title: string;
  version: number;
  updatedAt: string;
  submittedAt: string | null;
  withdrawnAt: string | null;
}

export interface Entry extends EntrySummary {
  summary: string;
  /** Keyed by criterion code. */
  sections: Record<string, string>;
  links: EntryLink[];
  attachments: Attachment[];
  updatedByName: string | null;
  withdrawReason: string | null;
}

export interface EntryFields {
  title: string;
  summary: string;
  sections: Record<string, string>;
  links: EntryLink[];
}

export type SaveDraftAnswer = { status: 'saved'; version: number; updatedAt: string; entry: Entry };

export interface FeedbackAnswer {
  entryId: string;
  tier: string | null;
  rank: number | null;
  announcedAt: string | null;
  feedback: {
    judgeCount: number;
    meanTotal: number | null;
    criteria: { code: string; name: I18nText; meanScore: number; comments: string[] }[];
    overallComments: string[];
    sheets: { label: I18nText; total: number; scores: Record<string, number> }[];
  };
}

export interface Rating {
  score: number | null;
  comment: string;
}

export type SheetStatus = 'none' | 'draft' | 'submitted';

export interface Sheet {
  judgeId: string;
  judgeName: string | null;
  status: 'draft' | 'submitted';
  ratings: Record<string, Rating>;
  overallComment: string | null;
  /** Weighted mean on the scale; null while incomplete. */
  total: number | null;
  version: number;
  updatedAt: string;
  submittedAt: string | null;
}

/** Another judge's sheet as a judge sees it: "Judge A/B/C" (stable per entry), no name or id. */
export interface AnonymousSheet {
  label: I18nText;
  status: 'draft' | 'submitted';
  ratings: Record<string, Rating>;
  overallComment: string | null;
  total: number | null;
  submittedAt: string | null;
}

export interface AssignedEntry extends EntrySummary {
  sheetStatus: SheetStatus;
  total: number | null;
}

export interface JudgeEntryView {
  entry: Entry;
  rubric: ContestConfig['rubric'];
  /** The caller's anonymous label on this entry, as the other judges see it. */
  ownLabel: I18nText;
  own: Sheet | null;
  /** Other judges' submitted sheets: only once the caller's own is submitted; labelled, never named. */
  others: AnonymousSheet[];
  hiddenCount: number;
  visibility: 'own_submitted' | 'own_not_submitted';
}

export interface JudgeOrg {
  id: string;
  code: string | null;
  nameTh: string;
  nameEn: string | null;
  level: string;
  laoType: string | null;
  provinceCode: string | null;
}

export interface JudgeRef {
  id: string;
  email: string;
  displayName: string;
  active: boolean;
  affiliations: { id: string; organisation: JudgeOrg | null; provinceCode: string | null }[];
  declarations: { id: string; kind: 'lao' | 'province' | 'other'; organisation: JudgeOrg | null; provinceCode: string | null; note: string | null; createdAt: string }[];
}

export interface Affiliation {
  organisationId?: string;
  provinceCode?: string;
}

export interface JudgingReason {
  code: string;
  th: string;
  en: string;
}

export interface AssignmentMatrix {
  judgesPerEntry: number;
  /** The most entries one judge is given; null: no limit. */
  maxEntriesPerJudge: number | null;
  capacity: { needed: number; available: number | null };
  loadSpread: number;
  entries: {
    entry: EntrySummary;
    judges: { id: string; displayName: string; sheetStatus: SheetStatus }[];
    /** Places still to fill (e.g. after a judge withdrew for a declared conflict). */
    vacancies: number;
    withdrawn: WithdrawnSheet[];
  }[];
  judges: { id: string; displayName: string; active: boolean; load: number; submitted: number; overCapacity: boolean }[];
  conflicts: { judgeId: string; entryId: string; reasons: JudgingReason[] }[];
}

/** The sheet of a judge withdrawn for a conflict they declared: kept for the record, out of the result. */
export interface WithdrawnSheet {
  judgeId: string;
  judgeName: string;
  status: 'draft' | 'submitted';
  total: number | null;
  submittedAt: string | null;
  voidedAt: string;
  reasons: string[];
}

export interface DeclarationCandidates {
  contest: { year: number; name: I18nText; phase: string };
  total: number;
  truncated: boolean;
  items: { id: string; code: string; nameTh: string; nameEn: string | null; laoType: string; provinceCode: string | null; provinceNameTh: string | null; provinceNameEn: string | null; entryStatus: 'draft' | 'submitted' }[];
}

export type ApprovalStatus = 'pending' | 'approved' | 'rejected';

/** An applicant account made through the public sign-up, as DGA's approval queue shows it. */
export interface Applicant {
  userId: string;
  email: string;
  displayName: string;
  active: boolean;
  organisation: { id: string; code: string; nameTh: string; nameEn: string | null; provinceCode: string | null; provinceNameTh: string | null; provinceNameEn: string | null };
  status: ApprovalStatus;
  autoTrusted: boolean;
  reason: string | null;
  requestedAt: string;
  decidedAt: string | null;
  decidedByName: string | null;
}

export interface AutoAssignAnswer {
  added: number;
  total: number;
  loads: Record<string, number>;
  loadSpread: number;
  shortfalls: { entryId: string; assigned: number; required: number; eligibleJudges: number; reason: JudgingReason }[];
}

export type AssignmentChange = { kind: 'add' | 'remove'; entryId: string; judgeId: string };

export interface CalibratedEntryView {
  entryId: string;
  entry: EntrySummary;
  judgeCount: number;
  raw: number;
  zscore: number;
  additive: number;
  sd: number | null;
  range: number;
  criterionMeans: Record<string, number>;
  judgeTotals: { judgeId: string; judgeName: string | null; total: number; zscoreAdjusted: number; additiveAdjusted: number }[];
}

export interface Placement {
  score: number;
  rank: number;
  tier: string | null;
}

export interface RankedEntryView {
  entryId: string;
  entry: EntrySummary;
  score: number;
  rank: number;
  tier: string | null;
  pendingTier: string | null;
  tiedWith: string[];
  override: { entryId: string; from: string | null; to: string | null; reason: string } | null;
}

export interface Report {
  contest: Contest;
  basis: ScoreBasis;
  chosenBasis: ScoreBasis | null;
  sheets: { submitted: number; expected: number };
  calibration: {
    entries: CalibratedEntryView[];
    judges: { judgeId: string; judgeName: string | null; count: number; mean: number; sd: number | null; severity: number; zscoreMeanOnly: boolean }[];
    grandMean: number;
    pooledSd: number;
    agreement: {
      alphaTotals: { alpha: number | null; unitsUsed: number };
      alphaByCriterion: Record<string, { alpha: number | null }>;
      icc: { icc21: number; icc2k: number } | null;
      iccOneWay: { icc11: number; icc1k: number; k: number } | null;
    };
    design: { entries: number; judges: number; ratings: number; complete: boolean; judgesPerEntry: number | null; components: number };
    warnings: JudgingReason[];
  };
  result: { basis: ScoreBasis; entries: RankedEntryView[]; cutoffTies: { tier: string; seats: number; entryIds: string[]; rule: string }[] };
  flags: { entryId: string; reasons: JudgingReason[]; raw: Placement; adjusted: Placement }[];
  overrides: { id: string; entryId: string; from: string | null; to: string | null; reason: string; createdAt: string; createdByName: string | null }[];
  voidedSheets: (WithdrawnSheet & { entryId: string; entry: EntrySummary | null })[];
  confirmedAt: string | null;
  announcedAt: string | null;
}

export interface SheetHistory {
  entry: EntrySummary;
  items: { at: string; action: 'save' | 'submit'; judgeId: string; judgeName: string; version: number | null; ratings: Record<string, Rating>; overallComment: string | null; total: number | null }[];
}

export interface PublicWinner {
  rank: number | null;
  title: string;
  summary: string;
  organisation: { nameTh: string; nameEn: string | null; laoType: string; provinceCode: string | null; provinceNameTh: string | null; provinceNameEn: string | null };
}

export interface Winners {
  year: number;
  name: I18nText;
  announcedAt: string;
  tiers: { code: string; name: I18nText; winners: PublicWinner[] }[];
}

const enc = encodeURIComponent;
const BASE = '/api/digital-local';
const c = (year: number | string) => `${BASE}/contests/${enc(String(year))}`;

export const dlApi = {
  contests: () => api.get<{ items: Contest[] }>(`${BASE}/contests`),
  contest: (year: number | string) => api.get<Contest>(c(year)),
  contestDefaults: (year: number | string) => api.get<{ config: ContestConfig }>(`${BASE}/contest-defaults/${enc(String(year))}`),
  /** version null creates the contest of that year. */
  saveContest: (year: number | string, config: ContestConfig, version: number | null) =>
    request<Contest>('PUT', c(year), { body: version === null ? { config } : { config, version } }),

  // entries (the applicant sees only their own LAO's)
  entries: (year: number | string, status?: EntryStatus) => api.get<{ items: EntrySummary[] }>(`${c(year)}/entries`, { status }),
  entry: (id: string) => api.get<Entry>(`${BASE}/entries/${enc(id)}`),
  /** Creating twice answers the existing entry, so a retry never makes a second one. */
  createEntry: (year: number | string) => api.post<Entry>(`${c(year)}/entries`, {}),
  saveEntry: (id: string, fields: EntryFields, baseVersion: number, requestId: string) =>
    request<SaveDraftAnswer>('PUT', `${BASE}/entries/${enc(id)}`, { body: { ...fields, baseVersion, requestId } }),
  submitEntry: (id: string, version: number) => api.post<Entry>(`${BASE}/entries/${enc(id)}/submit`, { version }),
  withdrawEntry: (id: string, reason: string) => api.post<Entry>(`${BASE}/entries/${enc(id)}/withdraw`, { reason: reason || null }),
  uploadAttachment: (entryId: string, file: File, section: string | null) => {
    const form = new FormData();
    // The server reads the section before the file.
    if (section) form.append('section', section);
    form.append('file', file);
    return api.upload<Attachment>(`${BASE}/entries/${enc(entryId)}/attachments`, form);
  },
  deleteAttachment: (id: string) => api.del<void>(`${BASE}/attachments/${enc(id)}`),
  attachmentUrl: (id: string) => `${BASE}/attachments/${enc(id)}`,

  /** The LAO's scores and anonymised comments, after the announcement. */
  feedback: (entryId: string) => api.get<FeedbackAnswer>(`${BASE}/entries/${enc(entryId)}/feedback`),

  // judge
  myAssignments: (year: number | string) =>
    api.get<{ contest: Pick<Contest, 'year' | 'name' | 'phase' | 'dates'> & { rubric: ContestConfig['rubric'] }; items: AssignedEntry[] }>(`${BASE}/judging/${enc(String(year))}/entries`),
  judgeEntry: (entryId: string) => api.get<JudgeEntryView>(`${BASE}/judging/entries/${enc(entryId)}`),
  saveSheet: (entryId: string, sheet: { ratings: Record<string, Rating>; overallComment: string }, baseVersion: number) =>
    request<Sheet>('PUT', `${BASE}/judging/entries/${enc(entryId)}/sheet`, { body: { ...sheet, baseVersion } }),
  submitSheet: (entryId: string) => api.post<Sheet>(`${BASE}/judging/entries/${enc(entryId)}/sheet/submit`, {}),

  myProfile: () => api.get<JudgeRef>(`${BASE}/judges/me`),
  declare: (body: { kind: 'lao' | 'province' | 'other'; organisationId: string | null; provinceCode: string | null; note: string | null }) =>
    api.post<JudgeRef & { released: { contestYear: number; entryId: string }[]; voided: { contestYear: number; entryId: string; status: 'draft' | 'submitted' }[] }>(`${BASE}/judges/me/declarations`, body),
  /** The applicant LAOs of the contest's entries a judge could be assigned, searched Thai-aware, first matches only. */
  declarationCandidates: (year: number | string, q: string) =>
    api.get<DeclarationCandidates>(`${BASE}/judging/${enc(String(year))}/declaration-candidates`, { q: q || undefined }),
  undeclare: (id: string) => api.del<void>(`${BASE}/judges/me/declarations/${enc(id)}`),

  /** The caller's own standing with DGA (accounts an admin invited need no approval). */
  myApproval: () => api.get<{ status: ApprovalStatus; reviewRequired: boolean; reason: string | null; decidedAt: string | null }>(`${BASE}/applicants/me`),

  // admin
  applicants: (status?: ApprovalStatus) => api.get<{ pending: number; items: Applicant[] }>(`${BASE}/applicants`, { status }),
  decideApplicant: (userId: string, decision: 'approve' | 'reject', reason: string | null) => api.post<Applicant>(`${BASE}/applicants/${enc(userId)}/decision`, { decision, reason }),
  judges: () => api.get<{ items: JudgeRef[] }>(`${BASE}/judges`),
  setAffiliations: (judgeId: string, affiliations: Affiliation[]) =>
    request<JudgeRef & { released: { contestYear: number; entryId: string }[] }>('PUT', `${BASE}/judges/${enc(judgeId)}/affiliations`, { body: { affiliations } }),
  assignments: (year: number | string) => api.get<AssignmentMatrix>(`${c(year)}/assignments`),
  setJudgeCapacity: (year: number | string, maxEntriesPerJudge: number | null) => request<AssignmentMatrix>('PUT', `${c(year)}/judge-capacity`, { body: maxEntriesPerJudge === null ? {} : { maxEntriesPerJudge } }),
  autoAssign: (year: number | string) => api.post<AutoAssignAnswer>(`${c(year)}/assignments/auto`, {}),
  changeAssignment: (year: number | string, change: AssignmentChange) => api.post<{ warnings: JudgingReason[] }>(`${c(year)}/assignments/changes`, change),
  /** Every save and submission of the judges' sheets for one entry (audit log), oldest first. */
  sheetHistory: (entryId: string) => api.get<SheetHistory>(`${BASE}/entries/${enc(entryId)}/sheet-history`),
  committee: (year: number | string, basis?: ScoreBasis) => api.get<Report>(`${c(year)}/committee`, { basis }),
  chooseBasis: (year: number | string, basis: ScoreBasis, reason: string) => request<Report>('PUT', `${c(year)}/committee/basis`, { body: { basis, reason: reason || undefined } }),
  overrideTier: (year: number | string, entryId: string, tier: string | null, reason: string) => api.post<Report>(`${c(year)}/committee/overrides`, { entryId, tier, reason }),
  removeOverride: (year: number | string, overrideId: string) => api.del<Report>(`${c(year)}/committee/overrides/${enc(overrideId)}`),
  confirm: (year: number | string) => api.post<Contest>(`${c(year)}/committee/confirm`, {}),
  announce: (year: number | string) => api.post<Contest>(`${c(year)}/announce`, {}),

  // public
  publicContests: () => api.get<{ items: { year: number; name: I18nText; announcedAt: string }[] }>('/api/public/digital-local/contests'),
  winners: (year: number | string) => api.get<Winners>(`/api/public/digital-local/${enc(String(year))}/winners`),
  publicProvinces: () => api.get<{ items: { code: string; nameTh: string; nameEn: string }[] }>('/api/public/digital-local/provinces'),
  publicLaos: (province: string, type: string) => api.get<{ items: LaoRef[] }>('/api/public/digital-local/laos', { province, type }),
  signUp: (body: { organisationId: string; email: string }) => api.post<{ sent: boolean }>('/api/public/digital-local/signup', body),
};

// ---- hooks ----

export const keys = {
  contests: ['dl', 'contests'] as const,
  contest: (year: number | string) => ['dl', 'contest', String(year)] as const,
  myEntry: (year: number | string) => ['dl', 'my-entry', String(year)] as const,
  assignments: (year: number | string) => ['dl', 'judging', String(year)] as const,
  judgeEntry: (entryId: string) => ['dl', 'judge-entry', entryId] as const,
  entries: (year: number | string) => ['dl', 'entries', String(year)] as const,
  matrix: (year: number | string) => ['dl', 'matrix', String(year)] as const,
  /** Every save and submission of the judges' sheets for one entry (audit log), oldest first. */
  sheetHistory: (entryId: string) => api.get<SheetHistory>(`${BASE}/entries/${enc(entryId)}/sheet-history`),
  committee: (year: number | string, basis?: ScoreBasis) => ['dl', 'committee', String(year), basis ?? 'chosen'] as const,
  publicContests: () => api.get<{ items: { year: number; name: I18nText; announcedAt: string }[] }>('/api/public/digital-local/contests'),
  winners: (year: number | string) => ['dl', 'winners', String(year)] as const,
};

export const useContests = () => useQuery({ queryKey: keys.contests, queryFn: dlApi.contests });
export const useContest = (year: number | string) => useQuery({ queryKey: keys.contest(year), queryFn: () => dlApi.contest(year) });
/** The applicant's contest and their LAO's entry of it (null before they start one). */
export async function loadMyEntry(year: number | string): Promise<{ contest: Contest; entry: Entry | null }> {
  const [contest, list] = await Promise.all([dlApi.contest(year), dlApi.entries(year)]);
  const mine = list.items[0];
  return { contest, entry: mine ? await dlApi.entry(mine.id) : null };
}
export const useMyEntry = (year: number | string) =>
  // The editor keeps its own live copy; a refetch would only bring back what it already shows.
  useQuery({ queryKey: keys.myEntry(year), queryFn: () => loadMyEntry(year), staleTime: Infinity, refetchOnReconnect: false });
export const useMyAssignments = (year: number | string) => useQuery({ queryKey: keys.assignments(year), queryFn: () => dlApi.myAssignments(year) });
export const useJudgeEntry = (entryId: string) =>
  useQuery({ queryKey: keys.judgeEntry(entryId), queryFn: () => dlApi.judgeEntry(entryId), staleTime: Infinity, refetchOnReconnect: false });
export const useEntries = (year: number | string) => useQuery({ queryKey: keys.entries(year), queryFn: () => dlApi.entries(year) });
export const useMatrix = (year: number | string) => useQuery({ queryKey: keys.matrix(year), queryFn: () => dlApi.assignments(year) });
export const useCommittee = (year: number | string, basis?: ScoreBasis) => useQuery({ queryKey: keys.committee(year, basis), queryFn: () => dlApi.committee(year, basis) });
export const useWinners = (year: number | string) => useQuery({ queryKey: keys.winners(year), queryFn: () => dlApi.winners(year), retry: false });
