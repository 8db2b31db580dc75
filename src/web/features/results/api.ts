// Types of the results API (docs/api.md "Results") as the screens use them.
export interface I18nText {
  th: string;
  en: string;
}

export interface Snapshot {
  id: string;
  seq: number;
  fingerprint: string;
  engineVersion: string;
  frameworkId: string;
  frameworkVersion: string;
  evidenceRule: string;
  unitCount: number;
  official: boolean;
  createdAt: string;
  createdByName: string | null;
}

export interface Job {
  id: string;
  kind: 'score' | 'pdf_batch';
  state: 'queued' | 'running' | 'done' | 'failed';
  progress: number;
  total: number;
  snapshotId: string | null;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
  downloadUrl: string | null;
}

export interface SegmentRow {
  value: string;
  label: I18nText;
  n: number;
  small: boolean;
  mean: number | null;
  median: number | null;
  min: number | null;
  max: number | null;
  dimensions: Record<string, number | null>;
  stages: { code: string; count: number; percent: number | null }[];
}

export interface Dashboard {
  snapshot: Snapshot;
  scaleMax: number;
  minN: number;
  dimensions: { code: string; name: I18nText }[];
  stages: { code: string; name: I18nText; minScore: number }[];
  segments: Record<string, SegmentRow[]>;
  provinces: { code: string; iso: string | null; nameTh: string; nameEn: string; n: number; mean: number | null; small: boolean }[];
  mapAttribution: string;
  distribution: {
    histogram: { from: number; to: number; count: number }[];
    box: { level: string; label: I18nText; n: number; min: number; q1: number; median: number; q3: number; max: number }[];
  };
  quality: {
    dimensions: { code: string; items: number; nComplete: number; alpha: number | null; alphaBand: string | null }[];
    weakItems: { code: string; dimension: string; n: number; mean: number | null; itemRest: number | null; noVariance: boolean; lowItemRest: boolean }[];
    itemCount: number;
  };
  robustness: {
    settings: { iterations: number; seed: number };
    unstablePairs: number;
    intervals: { organisationId: string; code: string; nameTh: string; nameEn: string | null; group: string; overall: number | null; nominalRank: number; medianRank: number; rankP05: number; rankP95: number }[];
  };
  yearOverYear:
    | { available: false }
    | { available: true; previous: { version: string }; comparableItems: number; units: number; meanChange: { overall: number | null; dimensions: Record<string, number | null> }; histogram: { from: number; to: number; count: number }[] };
}

export interface Scorecard {
  edition: { id: string; yearBe: number; titleTh: string; titleEn: string };
  snapshot: { id: string; seq: number; fingerprint: string; official: boolean; createdAt: string };
  organisation: { id: string; code: string; nameTh: string; nameEn: string | null; level: string; ministryTh: string | null; ministryEn: string | null; provinceTh: string | null; provinceEn: string | null };
  scaleMax: number;
  overall: number | null;
  stage: { code: string; index: number; name: I18nText; heldBack: boolean } | null;
  stages: { code: string; name: I18nText; minScore: number }[];
  peerGroup: { key: string; value: string; label: I18nText; n: number; small: boolean; overallMean: number | null };
  dimensions: { code: string; name: I18nText; score: number | null; peerMean: number | null; change: number | null }[];
  lastYear: { available: boolean; overallChange: number | null };
  rank: { rank: number; n: number; tiedWith: number; percentile: number; intervalLow: number | null; intervalHigh: number | null } | null;
  weakestItems: { code: string; dimension: string; text: I18nText; score: number; peerMean: number; gap: number; recommendation: I18nText | null }[];
  nextStage: {
    stage: string;
    name: I18nText;
    pointsNeeded: number;
    reachable: boolean;
    conditionShortfalls: { dimension: string; name: I18nText; min: number; score: number }[];
    items: { code: string; text: I18nText; gain: number; recommendation: I18nText | null }[];
  } | null;
}

/** Scores are shown with two decimals, as the PDF and XLSX do. */
export const score = (x: number | null | undefined): string => (x === null || x === undefined ? '–' : x.toFixed(2));
export const signed = (x: number | null | undefined): string => (x === null || x === undefined ? '–' : (x > 0 ? '+' : x < 0 ? '−' : '±') + Math.abs(x).toFixed(2));
export const pick = (t: I18nText | null | undefined, en: boolean): string => (t ? (en ? t.en : t.th) : '');
