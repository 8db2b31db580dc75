// Digital Local endpoints (docs/api.md, "Digital Local"): answer shapes and TanStack Query hooks.
import { useMutation, useQuery, useQueryClient, type QueryKey } from '@tanstack/react-query';
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

export interface Feedback {
  judgeCount: number;
  meanTotal: number | null;
  tier: string | null;
  rank?: number | null;
  criteria: { code: string; name: I18nText; meanScore: number; comments: string[] }[];
  overallComments: string[];
  sheets: { label: I18nText; total: number; scores: Record<string, number> }[];
}

export interface Rating {
  score: number | null;
  comment: string;
}

export interface Sheet {
  ratings: Record<string, Rating>;
  overallComment: string;
  status: 'draft' | 'submitted';
  version: number;
  submittedAt: string | null;
  total?: number | null;
}

export interface AssignedEntry {
  entryId: string;
  title: string;
  organisation: { nameTh: string; nameEn: string | null; provinceNameTh?: string | null; provinceNameEn?: string | null };
  sheetStatus: 'not_started' | 'draft' | 'submitted';
  scored: number;
  criteria: number;
}

export interface JudgeEntryView {
  contest: Contest;
  entry: Entry;
  sheet: Sheet | null;
  /** Other judges' submitted sheets, only after this judge submitted; hiddenCount says how many are withheld. */
  others: { label: I18nText; total: number | null; ratings: Record<string, Rating>; overallComment?: string }[];
  hiddenCount: number;
}

export interface JudgeRef {
  id: string;
  displayName: string;
  organisationName?: string | null;
}

export interface AssignmentMatrix {
  judges: JudgeRef[];
  entries: { id: string; title: string; organisationName: string; provinceName?: string | null }[];
  /** Pairs (entryId, judgeId) assigned. */
  assignments: { entryId: string; judgeId: string }[];
  /** Conflicts of interest as the server found them, keyed `${entryId}:${judgeId}`. */
  conflicts: { entryId: string; judgeId: string; reasons: { th: string; en: string }[] }[];
  shortfalls?: { entryId: string; th: string; en: string }[];
}

export interface CommitteeRow {
  entryId: string;
  title: string;
  organisationName: string;
  provinceName?: string | null;
  judgeCount: number;
  raw: number;
  zscore: number;
  additive: number;
  /** Rank and tier under each basis. */
  placements: Record<ScoreBasis, { rank: number; tier: string | null; pendingTier: string | null }>;
  tier: string | null;
  override: { from: string | null; to: string | null; reason: string } | null;
  flags: { code: string; th: string; en: string }[];
}

export interface CommitteeView {
  contest: Contest;
  basis: ScoreBasis;
  basisChosenBy?: string | null;
  basisChosenAt?: string | null;
  rows: CommitteeRow[];
  agreement: { alpha: number | null; icc21?: number | null; icc2k?: number | null; icc11?: number | null; judgesPerEntry: number | null };
  warnings: { th: string; en: string }[];
  confirmedAt: string | null;
  announcedAt: string | null;
  version: number;
}

export interface Winner {
  entryId: string;
  tier: string;
  tierName: I18nText;
  rank: number | null;
  organisation: { nameTh: string; nameEn: string | null; orgType: string | null };
  province: { nameTh: string; nameEn: string } | null;
  title: string;
  summary: string;
}

export interface Winners {
  year: number;
  name: I18nText;
  announcedAt: string;
  tiers: { code: string; name: I18nText }[];
  winners: Winner[];
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
  feedback: (entryId: string) => api.get<Feedback>(`${BASE}/entries/${enc(entryId)}/feedback`),

  // judge
  myAssignments: (year: number | string) => api.get<{ contest: Contest; entries: AssignedEntry[] }>(`${c(year)}/judging`),
  judgeEntry: (entryId: string) => api.get<JudgeEntryView>(`${BASE}/judging/entries/${enc(entryId)}`),
  saveSheet: (entryId: string, sheet: { ratings: Record<string, Rating>; overallComment: string }, version: number, requestId: string) =>
    request<Sheet>('PUT', `${BASE}/judging/entries/${enc(entryId)}/sheet`, { body: { ...sheet, version, requestId } }),
  submitSheet: (entryId: string, version: number) => api.post<Sheet>(`${BASE}/judging/entries/${enc(entryId)}/sheet/submit`, { version }),

  // admin
  judges: () => api.get<{ items: JudgeRef[] }>(`${BASE}/judges`),
  assignments: (year: number | string) => api.get<AssignmentMatrix>(`${c(year)}/assignments`),
  autoAssign: (year: number | string) => api.post<AssignmentMatrix>(`${c(year)}/assignments/auto`, {}),
  setAssignment: (year: number | string, entryId: string, judgeId: string, assigned: boolean) =>
    request<AssignmentMatrix>('PUT', `${c(year)}/assignments`, { body: { entryId, judgeId, assigned } }),
  committee: (year: number | string, basis?: ScoreBasis) => api.get<CommitteeView>(`${c(year)}/committee`, { basis }),
  chooseBasis: (year: number | string, basis: ScoreBasis, version: number, reason: string) =>
    api.post<CommitteeView>(`${c(year)}/committee/basis`, { basis, version, reason }),
  overrideTier: (year: number | string, entryId: string, tier: string | null, reason: string, version: number) =>
    api.post<CommitteeView>(`${c(year)}/committee/overrides`, { entryId, tier, reason, version }),
  confirm: (year: number | string, version: number) => api.post<CommitteeView>(`${c(year)}/committee/confirm`, { version }),
  announce: (year: number | string, version: number) => api.post<CommitteeView>(`${c(year)}/announce`, { version }),

  // public
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
  committee: (year: number | string, basis?: ScoreBasis) => ['dl', 'committee', String(year), basis ?? 'chosen'] as const,
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
export const useCommittee = (year: number | string) => useQuery({ queryKey: keys.committee(year), queryFn: () => dlApi.committee(year) });
export const useWinners = (year: number | string) => useQuery({ queryKey: keys.winners(year), queryFn: () => dlApi.winners(year), retry: false });

/** A mutation that refreshes the given queries when it succeeds. */
export function useDlMutation<A, R>(fn: (a: A) => Promise<R>, invalidate: QueryKey[], onSuccess?: (r: R) => void) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async (r) => {
      onSuccess?.(r);
      await Promise.all(invalidate.map((k) => client.invalidateQueries({ queryKey: k })));
    },
  });
}
