// The default award set, reproducing the shape of the 2023 (2566) Digital Government Awards.
//
// DGA never published its selection rules (dga-survey-facts §8.2: top-N, thresholds, minimum level, completeness,
// improvement formula and tie-breaks are "Not documented"), so every number below is a documented choice the
// committee can change per edition.
import type { AwardSet, CommitteeCategory, RuleCategory } from './category.js';
import { AWARD_SCHEMA_VERSION } from './category.js';

export interface DefaultAwardOptions {
  /** Edition, e.g. '2566'. */
  edition: string;
  /** Output scale of overall and dimension scores; thresholds on them scale with it. Default '0-100'. */
  scale?: '0-100' | '0-1';
}

/**
 * Shared eligibility floor for rule-based awards: a winner must have answered at least 90 % of the scored items
 * (an award should not rest on a partial response) and had at least 80 % of its evidence accepted (claims behind the
 * score were checked). Both are strict enough to matter and loose enough that one missing file does not disqualify.
 */
const MIN_COMPLETENESS = 0.9;
const MIN_EVIDENCE = 0.8;

/** Tie-break used by score awards: the better-evidenced unit first; if still tied, every tied unit wins. */
const EVIDENCE_TIE = { kind: 'secondary', criterion: { kind: 'evidence_share' }, fallback: 'all_win' } as const;

export function defaultAwardSet(opts: DefaultAwardOptions): AwardSet {
  const scale = opts.scale ?? '0-100';
  const s = scale === '0-100' ? 100 : 1;

  // 1. Digital Government Award, one competition per peer group. Counts follow the published 2019–2020 figures
  // (department-level 10, provincial 5), split evenly across the two department groups. The floor of 60 % of the
  // scale is the 2561 department-level average (60.28 %): a winner must at least be above the historical average,
  // so a weak year does not produce "winners" that are merely the best of a low field.
  const dgAward: RuleCategory = {
    type: 'rule',
    id: 'dg_award',
    name: { th: 'รางวัลรัฐบาลดิจิทัล (คะแนนความพร้อมสูงสุด)', en: 'Digital Government Award (highest readiness score)' },
    eligibility: {
      peerGroups: ['department_service', 'department_other', 'province'],
      minCompleteness: MIN_COMPLETENESS,
      minEvidenceShare: MIN_EVIDENCE,
    },
    criterion: { kind: 'overall' },
    selection: { topN: 10, minValue: 0.6 * s },
    selectionByGroup: { province: { topN: 5, minValue: 0.6 * s } },
    tie: EVIDENCE_TIE,
    perPeerGroup: true,
  };

  // 2. Special-area awards: "quality agency" awards decided by the mean points of the tagged items (0–1), pooled over
  // all department-level agencies as in 2020 (3 data governance, 5 open data). A quality award needs a quality bar
  // too: mean item points of at least 0.8, i.e. the agency does most of what the items ask, with evidence.
  const special = (id: string, tag: string, name: RuleCategory['name'], topN: number): RuleCategory => ({
    type: 'rule',
    id,
    name,
    eligibility: { peerGroups: ['department_all'], minCompleteness: MIN_COMPLETENESS, minEvidenceShare: MIN_EVIDENCE },
    criterion: { kind: 'items', tags: [tag] },
    selection: { topN, minValue: 0.8 },
    // A tie on a handful of items is common (points are coarse); break it by the overall score, then let all win.
    tie: { kind: 'secondary', criterion: { kind: 'overall' }, fallback: 'all_win' },
    perPeerGroup: false,
  });
  const dataGovernance = special(
    'data_governance',
    'data_governance',
    { th: 'หน่วยงานคุณภาพด้านการใช้ธรรมาภิบาลข้อมูลภาครัฐ', en: 'Quality agency in government data governance' },
    3,
  );
  const openData = special(
    'open_data',
    'open_data',
    { th: 'หน่วยงานคุณภาพด้านการเปิดเผยข้อมูลผ่านศูนย์กลางข้อมูลเปิดภาครัฐ (data.go.th)', en: 'Quality agency in open data through the central open-data portal (data.go.th)' },
    5,
  );
  const personnel = special(
    'digital_personnel',
    'digital_personnel',
    { th: 'หน่วยงานคุณภาพด้านบุคลากรดิจิทัล', en: 'Quality agency in digital personnel' },
    3,
  );

  // 3. Outstanding improvement per peer group, ranked by the gain adjusted for last year's score (regression
  // residual), so an agency recovering from one bad year does not beat one that truly improved. It must be at
  // least at the second readiness stage now (order 1: not still at the bottom), have gained more than 1 % of the
  // scale in raw terms (less is within rounding and answer noise), and the group needs 10 units in both editions
  // for the regression (real groups are far larger: 76 provinces, ~150 departments per group; below 10 a single
  // agency moves the slope too much). Three per group keeps it an award for the exceptional few.
  const improvement: RuleCategory = {
    type: 'rule',
    id: 'improvement',
    name: { th: 'รางวัลพัฒนาการดีเด่น', en: 'Outstanding improvement award' },
    eligibility: {
      peerGroups: ['department_service', 'department_other', 'province'],
      minCompleteness: MIN_COMPLETENESS,
      minEvidenceShare: MIN_EVIDENCE,
      minStageOrder: 1,
    },
    criterion: { kind: 'improvement', basis: 'overall', method: 'adjusted', minRawGain: 0.01 * s, minRegressionUnits: 10 },
    selection: { topN: 3 },
    tie: { kind: 'all_win' },
    perPeerGroup: true,
  };

  // 4. Policy support: every agency (department or province) that stopped asking for copies of official documents,
  // as in the earlier award to 60 such agencies. No top N: anyone who meets the policy wins. Every yes/no item tagged
  // no_copy_policy must be yes with accepted evidence; in the default questionnaire these are S3.01 (no longer asks for
  // copies), S3.04 (verifies through the Linkage Center / GDX instead) and S3.05 (citizen manuals updated), so the
  // policy must be carried out, not only announced. (The tagged percentage and checklist items S3.02/S3.03 are not
  // yes/no and do not decide.) To award the announcement alone, use { kind: 'yes_no', code: 'S3.01' }.
  // A lower completeness floor (80 %) because the award is about one policy, not the whole survey.
  const noCopy: RuleCategory = {
    type: 'rule',
    id: 'no_copy_policy',
    name: { th: 'รางวัลสนับสนุนนโยบายยกเลิกการเรียกสำเนาเอกสารที่ทางราชการออกให้', en: 'Policy support: no longer asking for copies of official documents' },
    eligibility: { peerGroups: ['department_all', 'province'], minCompleteness: 0.8 },
    criterion: { kind: 'yes_no', tag: 'no_copy_policy' },
    selection: { minValue: 1 },
    tie: { kind: 'all_win' },
    perPeerGroup: false,
  };

  // 5. Outstanding digital leader: a committee award (one in 2020). Four weighted criteria scored 0–10 by at least
  // three judges, so one judge cannot decide alone.
  const leader: CommitteeCategory = {
    type: 'committee',
    id: 'digital_leader',
    name: { th: 'รางวัลผู้นำองค์กรดิจิทัลดีเด่น', en: 'Outstanding digital leader' },
    criteria: [
      { code: 'vision', name: { th: 'วิสัยทัศน์และนโยบายด้านดิจิทัล', en: 'Digital vision and policy' }, weight: 30, maxScore: 10 },
      { code: 'change', name: { th: 'การขับเคลื่อนการเปลี่ยนแปลงองค์กร', en: 'Leading organisational change' }, weight: 30, maxScore: 10 },
      { code: 'results', name: { th: 'ผลลัพธ์ต่อประชาชนและการให้บริการ', en: 'Results for citizens and services' }, weight: 25, maxScore: 10 },
      { code: 'people_data', name: { th: 'การพัฒนาบุคลากรและการใช้ข้อมูล', en: 'Developing people and using data' }, weight: 15, maxScore: 10 },
    ],
    awards: 1,
    minJudges: 3,
  };

  return {
    schemaVersion: AWARD_SCHEMA_VERSION,
    edition: opts.edition,
    version: `${opts.edition}.1`,
    scale,
    categories: [dgAward, dataGovernance, openData, personnel, improvement, noCopy, leader],
  };
}

/** Tags the default award set reads; the default questionnaire must carry them. */
export const DEFAULT_AWARD_TAGS = ['data_governance', 'open_data', 'digital_personnel', 'no_copy_policy'] as const;
