// Types of the awards API (docs/api.md "Awards") and the TanStack Query hooks the award screens share.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AwardSet } from '../../../engine/awards/category';
import type { Framework, Item } from '../../../engine/framework/types';
import { api, request } from '../../api/client';
import type { Edition } from '../questionnaire/api';

export interface I18nText {
  th: string;
  en: string;
}

export type DecisionState = 'computed' | 'reviewed' | 'approved' | 'announced';
export type ActionType = 'review' | 'override' | 'approve' | 'reopen' | 'announce';

export interface AwardSetAnswer {
  editionId: string;
  yearBe: number;
  /** Stored version number; null while the edition still uses the defaults. */
  version: number | null;
  saved: boolean;
  savedAt: string | null;
  savedByName: string | null;
  definition: AwardSet;
}

export interface SetVersion {
  version: number;
  definitionVersion: string;
  savedAt: string;
  savedByName: string | null;
}

export interface DecisionSummary {
  categoryId: string;
  type: 'rule' | 'committee';
  name: I18nText;
  state: DecisionState | null;
  version: number | null;
  setVersion: number | null;
  snapshotId: string | null;
  inputsFingerprint: string | null;
  computedAt: string | null;
  updatedAt: string | null;
  winners: number;
  knifeEdgeGroups: string[];
  unacknowledgedKnifeEdge: string[];
  allowedActions: ActionType[];
}

export interface RankInterval {
  p5: number;
  p50: number;
  p95: number;
}

export interface Improvement {
  previous: number;
  current: number;
  rawGain: number;
  expected: number | null;
  adjustedGain: number | null;
}

export type Outcome = 'won' | 'won_tie' | 'won_tiebreak' | 'below_threshold' | 'outside_top_n' | 'lost_tiebreak' | 'tied_none_win' | 'excluded';

export interface DecisionUnit {
  /** An organisation's id, or 'ministry:<code>' for a ministry roll-up (entrant 'ministry'). */
  organisationId: string;
  entrant: 'organisation' | 'ministry';
  code: string | null;
  nameTh: string;
  nameEn: string | null;
  ministryCode: string | null;
  provinceCode: string | null;
  eligible: boolean;
  exclusions: { rule: string; value: number | string | null; threshold: number | string | null; reason: I18nText }[];
  value: number | null;
  rank: number | null;
  outcome: Outcome;
  won: boolean;
  nearMiss: boolean;
  reason: I18nText;
  rankInterval: RankInterval | null;
  improvement: Improvement | null;
}

export interface DecisionGroup {
  key: string;
  name: I18nText;
  peerGroups: string[];
  candidates: number;
  eligible: number;
  selection: { topN?: number; minValue?: number };
  cutoffValue: number | null;
  tieAtCutoff: boolean;
  regression: { intercept: number; slope: number; n: number; r2: number | null } | null;
  /** DGA only (null for others). */
  knifeEdge: { flagged: boolean; assessed: boolean; lastWinner: string | null; firstNonWinner: string | null; reason: I18nText; acknowledged: boolean } | null;
  notes: I18nText[];
  winners: string[];
  nearMisses: string[];
  /** DGA only. */
  units?: DecisionUnit[];
}

export interface FinalWinner {
  group: string;
  groupName: I18nText;
  organisationId: string;
  entrant: 'organisation' | 'ministry';
  code: string | null;
  nameTh: string;
  nameEn: string | null;
  ministryCode: string | null;
  provinceCode: string | null;
  source: 'rule' | 'committee';
  reason: I18nText;
  value: number | null;
  rank: number | null;
  rankInterval: RankInterval | null;
  improvement: Improvement | null;
}

export interface OrgBrief {
  id: string;
  code: string | null;
  nameTh: string;
  nameEn: string | null;
}

export interface CommitteeRecord {
  winners: { nominationId: string; personNameTh: string; personNameEn: string | null; positionTh: string | null; positionEn: string | null; organisation: OrgBrief | null; rank: number | null; score: number | null; reason: string }[];
  followsRanking: boolean;
  /** DGA only. */
  deviationReason: string | null;
  decidedByNames: string[];
  at: string;
}

export interface Decision extends DecisionSummary {
  groups: DecisionGroup[];
  overrides: { change: 'add' | 'remove'; organisationId: string; group: string; reason: string; byName: string | null; at: string }[];
  history: { action: ActionType | string; from: DecisionState | null; to: DecisionState; byName: string | null; at: string; note: string | null }[];
  finalWinners: FinalWinner[];
  committee: CommitteeRecord | null;
}

export interface DecisionList {
  editionId: string;
  yearBe: number;
  setVersion: number | null;
  decisions: DecisionSummary[];
}

export type DecisionAction =
  | { type: 'review'; acknowledgeKnifeEdge?: string[]; note?: string }
  | { type: 'override'; change: 'add' | 'remove'; organisationId: string; group: string; reason: string }
  | { type: 'approve'; acknowledgeKnifeEdge?: string[]; note?: string }
  | { type: 'reopen'; reason: string }
  | { type: 'announce' };

export interface Segment {
  units: number;
  winningUnits: number;
  awards: number;
  nameTh: string | null;
  nameEn: string | null;
}

export interface Rollup {
  editionId: string;
  yearBe: number;
  scope: 'announced' | 'all';
  totalAwards: number;
  distinctWinners: number;
  byCategory: { categoryId: string; name: I18nText; awards: number; units: number }[];
  byMinistry: (Segment & { ministry: string })[];
  byProvince: (Segment & { province: string })[];
}

export interface Totals {
  years: { editionId: string; yearBe: number; totalAwards: number; distinctWinners: number; byCategory: { categoryId: string; name: I18nText; awards: number; units: number }[] }[];
}

export interface EvidenceFile {
  id: string;
  filename: string;
  size: number;
  mimeType: string;
  uploadedAt: string;
}

export interface Nomination {
  id: string;
  editionId: string;
  categoryId: string;
  organisation: OrgBrief;
  personNameTh: string;
  personNameEn: string | null;
  positionTh: string;
  positionEn: string | null;
  statement: string;
  evidence: EvidenceFile[];
  nominatedByName: string | null;
  createdAt: string;
  updatedAt: string | null;
  version: number;
  withdrawn: { at: string; byName: string | null; reason: string | null } | null;
  /** Whether the signed-in user may edit or withdraw it now. */
  changeable: boolean;
  /** Admin and reviewer only. */
  judges?: { id: string; name: string; scoredCriteria: number; recused: boolean }[];
  /** Admin and reviewer only: judges who stepped aside for a conflict of interest. */
  recusals?: Recusal[];
  /** Judges only. */
  myScores?: Record<string, number>;
}

export interface Recusal {
  judgeId: string;
  judgeName: string;
  reason: string;
  selfDeclared: boolean;
  declaredByName: string;
  at: string;
}

export interface JudgingCriterion {
  code: string;
  name: I18nText;
  weight: number;
  maxScore: number;
}

export interface CommitteeRanking {
  categoryId: string;
  name: I18nText;
  criteria: JudgingCriterion[];
  awards: number;
  minJudges: number;
  ranking: {
    nominationId: string;
    personNameTh: string;
    personNameEn: string | null;
    organisation: OrgBrief;
    score: number | null;
    rank: number | null;
    perCriterion: Record<string, number | null>;
    judgeScores: { judgeId: string; judgeName: string | null; score: number }[];
    incompleteJudges: string[];
    reason: I18nText;
  }[];
  problems: { path: string; th: string; en: string }[];
}

export interface Certificate {
  code: string;
  editionId: string;
  yearBe: number;
  categoryId: string;
  category: I18nText;
  group: string | null;
  groupName: I18nText | null;
  recipient: I18nText;
  organisationId: string | null;
  /** The winning ministry of a ministry-level award (then organisationId is null). */
  ministryCode: string | null;
  nominationId: string | null;
  issuedAt: string;
  status: 'valid' | 'revoked';
  revocation: Revocation | null;
  reissuedFrom: string | null;
  replacedBy: string | null;
  verifyUrl: string;
  pdfUrl: string;
}

export interface Revocation {
  at: string;
  reason: I18nText;
}

export interface PublicCertificate {
  code: string;
  recipient: I18nText;
  category: I18nText;
  group: I18nText | null;
  edition: { yearBe: number; label: I18nText; title: I18nText | null };
  issuedAt: string;
  status: 'valid' | 'revoked';
  revocation: Revocation | null;
  replacedBy: string | null;
}

/** Names and codes the award set may refer to, from the edition's framework (offered in pickers). */
export interface AwardSetContextInfo {
  dimensions: { code: string; name: I18nText }[];
  tags: string[];
  itemCodes: string[];
  stages: { code: string; name: I18nText }[];
}

const base = (eid: string) => `/api/awards/editions/${eid}`;

export const keys = {
  set: (eid: string) => ['awards', eid, 'set'] as const,
  versions: (eid: string) => ['awards', eid, 'set-versions'] as const,
  decisions: (eid: string) => ['awards', eid, 'decisions'] as const,
  decision: (eid: string, cid: string) => ['awards', eid, 'decisions', cid] as const,
  rollup: (eid: string, scope: string) => ['awards', eid, 'rollup', scope] as const,
  nominations: (eid: string, cid?: string) => ['awards', eid, 'nominations', cid ?? ''] as const,
  ranking: (eid: string, cid: string) => ['awards', eid, 'ranking', cid] as const,
  certificates: (eid: string) => ['awards', eid, 'certificates'] as const,
};

export function useEdition(eid: string) {
  return useQuery({ queryKey: ['edition', eid], queryFn: () => api.get<Edition>(`/api/editions/${eid}`) });
}

export function useAwardSet(eid: string) {
  return useQuery({ queryKey: keys.set(eid), queryFn: () => api.get<AwardSetAnswer>(`${base(eid)}/set`) });
}

export function useSetVersions(eid: string, enabled = true) {
  return useQuery({ queryKey: keys.versions(eid), queryFn: () => api.get<{ versions: SetVersion[] }>(`${base(eid)}/set/versions`), enabled });
}

export function useSaveAwardSet(eid: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (v: { definition: AwardSet; baseVersion: number | null }) => request<AwardSetAnswer>('PUT', `${base(eid)}/set`, { body: v }),
    onSuccess: (data) => {
      client.setQueryData(keys.set(eid), data);
      void client.invalidateQueries({ queryKey: keys.versions(eid) });
    },
  });
}

function collectItems(fw: Framework): Item[] {
  const out: Item[] = [];
  for (const d of fw.dimensions) {
    out.push(...(d.items ?? []));
    for (const s of d.subdimensions ?? []) out.push(...(s.items ?? []));
  }
  return out;
}

/** The dimensions, tags, item codes and stages of the edition's framework, for the editor's pickers. */
export function useAwardSetContext(edition: Edition | undefined) {
  return useQuery({
    queryKey: ['framework', edition?.frameworkId, edition?.frameworkVersion],
    enabled: Boolean(edition),
    queryFn: () => api.get<Framework>(`/api/frameworks/${encodeURIComponent(edition!.frameworkId)}/${encodeURIComponent(edition!.frameworkVersion)}`),
    select: (fw): AwardSetContextInfo => {
      const items = collectItems(fw);
      return {
        dimensions: fw.dimensions.map((d) => ({ code: d.code, name: d.name })),
        tags: [...new Set(items.flatMap((i) => i.tags ?? []))].sort(),
        itemCodes: items.map((i) => i.code),
        stages: fw.stages.map((s) => ({ code: s.code, name: s.name })),
      };
    },
  });
}

export function useDecisions(eid: string) {
  return useQuery({ queryKey: keys.decisions(eid), queryFn: () => api.get<DecisionList>(`${base(eid)}/decisions`) });
}

export function useDecision(eid: string, cid: string, enabled = true) {
  return useQuery({ queryKey: keys.decision(eid, cid), queryFn: () => api.get<Decision>(`${base(eid)}/decisions/${encodeURIComponent(cid)}`), enabled });
}

export function useCompute(eid: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ computed: string[]; kept: string[]; decisions: DecisionSummary[] }>(`${base(eid)}/compute`, {}),
    onSuccess: () => client.invalidateQueries({ queryKey: ['awards', eid] }),
  });
}

export function useDecisionAction(eid: string, cid: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (a: DecisionAction & { baseVersion?: number }) => api.post<Decision | { categoryId: string; state: null; deleted: true }>(`${base(eid)}/decisions/${encodeURIComponent(cid)}/actions`, a),
    onSuccess: (data) => {
      // Reopening a committee decision deletes it (back to nominations); otherwise the answer is the new decision.
      if ('deleted' in data) client.removeQueries({ queryKey: keys.decision(eid, cid) });
      else client.setQueryData(keys.decision(eid, cid), data);
      void client.invalidateQueries({ queryKey: keys.ranking(eid, cid) });
      void client.invalidateQueries({ queryKey: keys.decisions(eid) });
      void client.invalidateQueries({ queryKey: ['awards', eid, 'rollup'] });
      void client.invalidateQueries({ queryKey: keys.certificates(eid) });
    },
  });
}

export function useRollup(eid: string, scope: 'announced' | 'all' | undefined) {
  return useQuery({ queryKey: keys.rollup(eid, scope ?? ''), queryFn: () => api.get<Rollup>(`${base(eid)}/rollup`, { scope }) });
}

export function useTotals() {
  return useQuery({ queryKey: ['awards', 'totals'], queryFn: () => api.get<Totals>('/api/awards/totals') });
}

export function useNominations(eid: string, cid?: string) {
  return useQuery({ queryKey: keys.nominations(eid, cid), queryFn: () => api.get<{ nominations: Nomination[] }>(`${base(eid)}/nominations`, { categoryId: cid }) });
}

export function useJudges(enabled: boolean) {
  return useQuery({ queryKey: ['awards', 'judges'], queryFn: () => api.get<{ judges: { id: string; name: string; email: string }[] }>('/api/awards/judges'), enabled });
}

export function useRanking(eid: string, cid: string, enabled = true) {
  return useQuery({ queryKey: keys.ranking(eid, cid), queryFn: () => api.get<CommitteeRanking>(`${base(eid)}/committee/${encodeURIComponent(cid)}/ranking`), enabled });
}

export function useCertificates(eid: string) {
  return useQuery({ queryKey: keys.certificates(eid), queryFn: () => api.get<{ certificates: Certificate[] }>(`${base(eid)}/certificates`) });
}

export const certificatePdfUrl = (code: string) => `/api/awards/certificates/${encodeURIComponent(code)}/pdf`;
export const certificatesZipUrl = (eid: string) => `${base(eid)}/certificates.zip`;
export const nominationEvidenceUrl = (eid: string, nid: string, fid: string) => `${base(eid)}/nominations/${nid}/evidence/${fid}`;
export const awardsBase = base;

export const STATE_COLOURS: Record<DecisionState, string> = { computed: 'gray', reviewed: 'blue', approved: 'teal', announced: 'green' };

export const pick = (t: I18nText | null | undefined, en: boolean): string => (t ? (en ? t.en || t.th : t.th || t.en) : '');

/** Values are shown with two decimals like the scores; shares (0–1) with three. */
export const num = (x: number | null | undefined, digits = 2): string => (x === null || x === undefined ? '–' : x.toFixed(digits));
export const signed = (x: number | null | undefined): string => (x === null || x === undefined ? '–' : (x > 0 ? '+' : x < 0 ? '−' : '±') + Math.abs(x).toFixed(2));
