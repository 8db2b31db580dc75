// Types of the verification API (review queue, items, send-backs, corrections, lost points).
export interface I18nText {
  th: string;
  en: string;
}

export type ItemStatus = 'pending' | 'accepted' | 'insufficient' | 'rejected' | 'returned' | 'resubmitted';
export type Decision = 'accepted' | 'insufficient' | 'rejected';

export interface Progress {
  total: number;
  pending: number;
  accepted: number;
  insufficient: number;
  rejected: number;
  returned: number;
  resubmitted: number;
  done: number;
  percent: number;
}

export interface Queue {
  edition: { id: string; yearBe: number; titleTh: string; titleEn: string; state: string };
  dimensions: { code: string; name: I18nText }[];
  overall: Progress;
  reviewers: { id: string | null; name: string | null; organisations: number; progress: Progress }[];
  total: number;
  page: number;
  pageSize: number;
  organisations: {
    id: string;
    code: string;
    nameTh: string;
    nameEn: string | null;
    level: string;
    ministryCode: string | null;
    provinceCode: string | null;
    reviewerId: string | null;
    reviewerName: string | null;
    status: 'pending' | 'resubmitted' | 'returned' | 'done';
    correctionDeadline: string | null;
    progress: Progress;
  }[];
}

export interface Reason {
  code: string;
  appliesTo: 'insufficient' | 'rejected' | 'any';
  label: I18nText;
}

export interface EvidenceFile {
  id: string;
  filename: string;
  size: number;
  mimeType: string;
  uploadedAt: string;
}

export interface ReviewItem {
  code: string;
  dimension: string;
  text: I18nText;
  kind: string;
  requiresEvidence: boolean;
  answer: { value: unknown; label: I18nText | null; version: number } | null;
  files: EvidenceFile[];
  status: ItemStatus;
  decision: Decision | null;
  final: boolean;
  lastDecision: { decision: Decision; reason: { code: string; label: I18nText } | null; comment: string | null; internalNote: string | null; reviewerName: string | null; decidedAt: string } | null;
  previous: { value: unknown; label: I18nText | null } | null;
  sendBack: { id: string; status: string; deadline: string; reason: { label: I18nText } | null; comment: string | null; answerBefore: unknown; answerBeforeLabel: I18nText | null; answerChanged: boolean; newFileIds: string[] } | null;
}

export interface ReviewItems {
  edition: { id: string; titleTh: string; titleEn: string };
  organisation: { id: string; code: string; nameTh: string; nameEn: string | null };
  reasons: Reason[];
  openSendBack: { id: string; deadline: string } | null;
  items: ReviewItem[];
}

export interface SendBack {
  id: string;
  round: number;
  status: 'open' | 'resubmitted' | 'expired';
  deadline: string;
  message: string | null;
  items: { item: string; reason: I18nText; comment: string | null; answerBefore: unknown; answerAfter: unknown; answerChanged: boolean; newFiles: { id: string; filename: string }[] }[];
}

export interface Losses {
  verificationStarted: boolean;
  items: { code: string; dimension: string; text: I18nText; status: ItemStatus; final: boolean; pointsLost: number; reason: { code: string; label: I18nText } | null; comment: string | null }[];
}

export const pickText = (t: I18nText | null | undefined, en: boolean): string => (t ? (en ? t.en || t.th : t.th || t.en) : '');

export const STATUS_COLOURS: Record<ItemStatus, string> = { pending: 'gray', accepted: 'green', insufficient: 'orange', rejected: 'red', returned: 'violet', resubmitted: 'blue' };
