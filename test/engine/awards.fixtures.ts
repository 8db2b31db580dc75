// Builders for award-engine tests: units with sensible, fully eligible defaults that each test overrides.
import type { AwardItem, AwardUnit, RuleCategory } from '../../src/engine/awards/index.js';

export type UnitOverrides = Partial<Omit<AwardUnit, 'peer'>> & { peer?: Partial<AwardUnit['peer']> };

/** A department-level service-providing unit at stage 2 with complete, accepted answers. */
export function unit(id: string, overall: number | null, o: UnitOverrides = {}): AwardUnit {
  const { peer, ...rest } = o;
  return {
    id,
    name: { th: `หน่วยงาน ${id}`, en: `Agency ${id}` },
    peer: { level: 'department', servesPublic: true, ministry: 'M1', province: null, orgType: 'department', ...peer },
    overall,
    stage: { code: 'S2', order: 2 },
    dimensions: {},
    items: {},
    completeness: 1,
    acceptedEvidenceShare: 1,
    ...rest,
  };
}

export const item = (points: number, o: Partial<AwardItem> = {}): AwardItem => ({
  points,
  answered: true,
  evidenceRequired: false,
  evidenceAccepted: false,
  ...o,
});

/** Overall-score category for department_service, top N, all tied win; override any field. */
export function category(o: Partial<RuleCategory> = {}): RuleCategory {
  return {
    type: 'rule',
    id: 'test_award',
    name: { th: 'รางวัลทดสอบ', en: 'Test award' },
    eligibility: { peerGroups: ['department_service'] },
    criterion: { kind: 'overall' },
    selection: { topN: 3 },
    tie: { kind: 'all_win' },
    perPeerGroup: true,
    ...o,
  };
}
