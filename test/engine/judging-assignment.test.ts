// Judge assignment: conflicts from the registry structure, k judges per entry, balanced loads, manual changes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  assignJudges,
  auditAssignments,
  conflictRegister,
  findConflicts,
  isConflicted,
  mulberry32,
  seedFromString,
  validateAssignmentChange,
  type Assignment,
  type Entry,
  type Judge,
} from '../../src/engine/judging/index.js';

const entry = (id: string, laoId: string, provinceCode: string, laoType = 'sao'): Entry => ({ id, laoId, provinceCode, laoType });
const judge = (id: string, extra: Partial<Judge> = {}): Judge => ({ id, affiliations: [], declaredConflicts: [], ...extra });

describe('conflicts of interest from the registry', () => {
  const e = entry('E1', 'LAO-CM-001', '50'); // an SAO in Chiang Mai
  it.each<[string, Judge, string]>([
    ['works for the same LAO', judge('J', { affiliations: [{ kind: 'lao', laoId: 'LAO-CM-001', provinceCode: '50' }] }), 'CONFLICT_SAME_LAO'],
    ['works for the province', judge('J', { affiliations: [{ kind: 'province', provinceCode: '50' }] }), 'CONFLICT_SAME_PROVINCE'],
    ['works for the PAO of the province', judge('J', { affiliations: [{ kind: 'pao', provinceCode: '50' }] }), 'CONFLICT_PAO_OF_PROVINCE'],
    ['works for another LAO of the province', judge('J', { affiliations: [{ kind: 'lao', laoId: 'LAO-CM-002', provinceCode: '50' }] }), 'CONFLICT_LAO_IN_PROVINCE'],
    ['declared the LAO', judge('J', { declaredConflicts: [{ kind: 'lao', laoId: 'LAO-CM-001', note: 'former mayor' }] }), 'CONFLICT_DECLARED_LAO'],
    ['declared the province', judge('J', { declaredConflicts: [{ kind: 'province', provinceCode: '50' }] }), 'CONFLICT_DECLARED_PROVINCE'],
  ])('a judge who %s is conflicted', (_, j, code) => {
    const conflicts = findConflicts(j, e);
    expect(conflicts.map((c) => c.code)).toEqual([code]);
    expect(conflicts[0]!.th.length).toBeGreaterThan(0);
    expect(conflicts[0]!.en.length).toBeGreaterThan(0);
  });

  it('a conflict declared for another reason names that reason, and concerns only that LAO', () => {
    const j = judge('J', { declaredConflicts: [{ kind: 'other', laoId: 'LAO-CM-001', note: 'my company supplies their app' }] });
    const [c, ...rest] = findConflicts(j, e);
    expect(rest).toEqual([]);
    expect(c).toMatchObject({ code: 'CONFLICT_DECLARED_OTHER', judgeId: 'J', entryId: 'E1' });
    expect(c!.en).toBe('The judge declared another conflict with the applicant LAO: my company supplies their app');
    expect(c!.th).toContain('ด้วยเหตุอื่น');
    expect(findConflicts(j, entry('E2', 'LAO-CM-002', '50'))).toEqual([]);
  });

  it('a judge linked only to other provinces is not conflicted', () => {
    const j = judge('J', {
      affiliations: [{ kind: 'province', provinceCode: '10' }, { kind: 'pao', provinceCode: '51' }, { kind: 'lao', laoId: 'X', provinceCode: '57' }],
      declaredConflicts: [{ kind: 'lao', laoId: 'Y' }],
    });
    expect(isConflicted(j, e)).toBe(false);
  });

  it('the same-province rule for LAO affiliations can be turned off', () => {
    const j = judge('J', { affiliations: [{ kind: 'lao', laoId: 'LAO-CM-002', provinceCode: '50' }] });
    expect(isConflicted(j, e, { laoAffiliationCoversProvince: false })).toBe(false);
  });

  it('lists the whole conflict register of a panel', () => {
    const reg = conflictRegister([judge('A', { affiliations: [{ kind: 'province', provinceCode: '50' }] }), judge('B')], [e, entry('E2', 'L2', '10')]);
    expect(reg.map((c) => `${c.judgeId}/${c.entryId}`)).toEqual(['A/E1']);
  });
});

describe('assignJudges', () => {
  const provinces = ['10', '50', '57', '30'];
  const entries = Array.from({ length: 20 }, (_, i) => entry(`E${String(i).padStart(2, '0')}`, `L${i}`, provinces[i % 4]!));

  it('gives each entry k judges, none conflicted, with loads differing by at most 1', () => {
    const judges = [
      judge('J1', { affiliations: [{ kind: 'province', provinceCode: '10' }] }),
      judge('J2', { affiliations: [{ kind: 'pao', provinceCode: '50' }] }),
      judge('J3', { affiliations: [{ kind: 'lao', laoId: 'L3', provinceCode: '57' }] }),
      judge('J4', { declaredConflicts: [{ kind: 'province', provinceCode: '30' }] }),
      judge('J5'),
      judge('J6'),
      judge('J7'),
    ];
    const r = assignJudges(entries, judges, { judgesPerEntry: 3, rng: mulberry32(42) });
    expect(r.shortfalls).toEqual([]);
    expect(r.problems).toEqual([]);
    for (const e of entries) expect(r.byEntry[e.id]).toHaveLength(3);
    for (const a of r.assignments) {
      expect(isConflicted(judges.find((j) => j.id === a.judgeId)!, entries.find((e) => e.id === a.entryId)!)).toBe(false);
    }
    expect(r.loadSpread).toBeLessThanOrEqual(1);
    expect(Object.values(r.loads).reduce((a, b) => a + b, 0)).toBe(60);
  });

  it('is deterministic for a seed, whatever the input order, and varies with the seed', () => {
    const judges = Array.from({ length: 6 }, (_, i) => judge(`J${i}`));
    const a = assignJudges(entries, judges, { judgesPerEntry: 3, rng: mulberry32(seedFromString('2565/round-1')) });
    const b = assignJudges([...entries].reverse(), [...judges].reverse(), { judgesPerEntry: 3, rng: mulberry32(seedFromString('2565/round-1')) });
    const c = assignJudges(entries, judges, { judgesPerEntry: 3, rng: mulberry32(seedFromString('2565/round-2')) });
    expect(b.assignments).toEqual(a.assignments);
    expect(c.assignments).not.toEqual(a.assignments);
    expect(a.loadSpread).toBe(0); // 60 slots over 6 judges: 10 each
  });

  it('reports entries that cannot get k judges without a conflict, and never fills them with a conflicted judge', () => {
    const judges = [
      judge('J1', { affiliations: [{ kind: 'province', provinceCode: '50' }] }),
      judge('J2', { affiliations: [{ kind: 'pao', provinceCode: '50' }] }),
      judge('J3'),
      judge('J4'),
    ];
    const r = assignJudges(entries, judges, { judgesPerEntry: 3, rng: mulberry32(1) });
    const cm = entries.filter((e) => e.provinceCode === '50').map((e) => e.id);
    expect(r.shortfalls.map((s) => s.entryId)).toEqual(cm);
    for (const s of r.shortfalls) {
      expect(s).toMatchObject({ assigned: 2, required: 3, eligibleJudges: 2 });
      expect(s.reason.code).toBe('SHORTFALL_TOO_FEW_ELIGIBLE');
      expect(s.reason.th).toContain('2');
      expect(r.byEntry[s.entryId]!.sort()).toEqual(['J3', 'J4']);
    }
  });

  it('respects capacities and says when capacity, not conflicts, is the cause', () => {
    const judges = [judge('J1', { capacity: 5 }), judge('J2', { capacity: 5 }), judge('J3', { capacity: 5 })];
    const r = assignJudges(entries, judges, { judgesPerEntry: 2, rng: mulberry32(3) });
    expect(Object.values(r.loads)).toEqual([5, 5, 5]);
    expect(r.assignments).toHaveLength(15);
    expect(r.shortfalls.length).toBeGreaterThan(0);
    expect(r.shortfalls.every((s) => s.reason.code === 'SHORTFALL_CAPACITY')).toBe(true);
  });

  it('keeps locked pairs, counts them, and refuses a conflicted locked pair', () => {
    const judges = [judge('J1'), judge('J2'), judge('J3', { affiliations: [{ kind: 'province', provinceCode: '10' }] })];
    const locked: Assignment[] = [
      { entryId: 'E00', judgeId: 'J1' },
      { entryId: 'E00', judgeId: 'J3' }, // E00 is in province 10: refused
    ];
    const r = assignJudges(entries.slice(0, 4), judges, { judgesPerEntry: 2, rng: mulberry32(9), locked });
    expect(r.byEntry.E00).toContain('J1');
    expect(r.byEntry.E00).not.toContain('J3');
    expect(r.problems.map((p) => p.code)).toEqual(['ASSIGNMENT_CONFLICTED']);
    expect(r.problems[0]!.path).toBe('locked[1]');
  });
});

// ---- property tests over random panels ----------------------------------------------------------------------------

const panelArb = fc
  .record({
    nEntries: fc.integer({ min: 1, max: 30 }),
    nJudges: fc.integer({ min: 1, max: 10 }),
    nProvinces: fc.integer({ min: 1, max: 6 }),
    k: fc.integer({ min: 1, max: 4 }),
    seed: fc.integer(),
    withCapacity: fc.boolean(),
  })
  .chain((p) =>
    fc.record({
      p: fc.constant(p),
      entryProvinces: fc.array(fc.integer({ min: 0, max: p.nProvinces - 1 }), { minLength: p.nEntries, maxLength: p.nEntries }),
      judgeLinks: fc.array(
        fc.record({
          affiliations: fc.array(
            fc.oneof(
              fc.record({ kind: fc.constant('lao' as const), lao: fc.integer({ min: 0, max: p.nEntries - 1 }), withProvince: fc.boolean() }),
              fc.record({ kind: fc.constant('province' as const), province: fc.integer({ min: 0, max: p.nProvinces - 1 }) }),
              fc.record({ kind: fc.constant('pao' as const), province: fc.integer({ min: 0, max: p.nProvinces - 1 }) }),
            ),
            { maxLength: 2 },
          ),
          declared: fc.array(
            fc.oneof(
              fc.record({ kind: fc.constant('lao' as const), lao: fc.integer({ min: 0, max: p.nEntries - 1 }) }),
              fc.record({ kind: fc.constant('province' as const), province: fc.integer({ min: 0, max: p.nProvinces - 1 }) }),
            ),
            { maxLength: 2 },
          ),
          capacity: fc.integer({ min: 0, max: 12 }),
        }),
        { minLength: p.nJudges, maxLength: p.nJudges },
      ),
    }),
  )
  .map(({ p, entryProvinces, judgeLinks }) => {
    const prov = (i: number) => `P${i}`;
    const entries = entryProvinces.map((pi, i) => entry(`E${i}`, `L${i}`, prov(pi)));
    const judges: Judge[] = judgeLinks.map((l, j) => ({
      id: `J${j}`,
      affiliations: l.affiliations.map((a) =>
        a.kind === 'lao'
          ? { kind: 'lao' as const, laoId: `L${a.lao}`, ...(a.withProvince ? { provinceCode: entries[a.lao]!.provinceCode } : {}) }
          : { kind: a.kind, provinceCode: prov(a.province) },
      ),
      declaredConflicts: l.declared.map((d) => (d.kind === 'lao' ? { kind: 'lao' as const, laoId: `L${d.lao}` } : { kind: 'province' as const, provinceCode: prov(d.province) })),
      ...(p.withCapacity ? { capacity: l.capacity } : {}),
    }));
    return { entries, judges, k: p.k, seed: p.seed, withCapacity: p.withCapacity };
  });

// Hundreds of random panels per property: give them room when the whole tier runs in parallel.
describe('assignJudges properties (fast-check)', { timeout: 60_000 }, () => {
  it('never assigns a conflicted judge, never exceeds k or a capacity, and reports every shortfall', () => {
    fc.assert(
      fc.property(panelArb, ({ entries, judges, k, seed, withCapacity }) => {
        const r = assignJudges(entries, judges, { judgesPerEntry: k, rng: mulberry32(seed) });
        const J = new Map(judges.map((j) => [j.id, j]));
        const E = new Map(entries.map((e) => [e.id, e]));
        const keys = new Set<string>();
        for (const a of r.assignments) {
          expect(isConflicted(J.get(a.judgeId)!, E.get(a.entryId)!)).toBe(false);
          keys.add(`${a.entryId}/${a.judgeId}`);
        }
        expect(keys.size).toBe(r.assignments.length);
        for (const j of judges) if (j.capacity !== undefined) expect(r.loads[j.id]).toBeLessThanOrEqual(j.capacity);
        for (const e of entries) {
          const n = r.byEntry[e.id]!.length;
          expect(n).toBeLessThanOrEqual(k);
          const eligible = judges.filter((j) => !isConflicted(j, e) && j.capacity !== 0).length;
          if (!withCapacity) expect(n).toBe(Math.min(k, eligible)); // nothing else competes for a judge
          const s = r.shortfalls.find((x) => x.entryId === e.id);
          if (n < k) {
            expect(s).toBeDefined();
            expect(s!.reason.code).toBe(eligible < k ? 'SHORTFALL_TOO_FEW_ELIGIBLE' : 'SHORTFALL_CAPACITY');
          } else expect(s).toBeUndefined();
        }
      }),
      { numRuns: 200 },
    );
  });

  it('is as full and as balanced as conflicts and capacities allow: no single move or added judge would improve it', () => {
    fc.assert(
      fc.property(panelArb, ({ entries, judges, k, seed }) => {
        const r = assignJudges(entries, judges, { judgesPerEntry: k, rng: mulberry32(seed) });
        const on = (e: string, j: string) => r.byEntry[e]!.includes(j);
        const spare = (j: Judge) => j.capacity === undefined || r.loads[j.id]! < j.capacity;
        for (const e of entries) {
          for (const b of judges) {
            if (on(e.id, b.id) || isConflicted(b, e) || !spare(b)) continue;
            // An entry short of judges while an eligible judge has room would be a missed assignment.
            expect(r.byEntry[e.id]!.length).toBe(k);
            // Moving e from a judge carrying 2+ more entries than b would balance better.
            for (const a of r.byEntry[e.id]!) expect(r.loads[a]! - r.loads[b.id]!).toBeLessThanOrEqual(1);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('balances loads to within 1 when nobody is conflicted', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 5 }), fc.integer(), (nE, nJ, k, seed) => {
        const entries = Array.from({ length: nE }, (_, i) => entry(`E${i}`, `L${i}`, 'P'));
        const judges = Array.from({ length: nJ }, (_, j) => judge(`J${j}`));
        const r = assignJudges(entries, judges, { judgesPerEntry: k, rng: mulberry32(seed) });
        expect(r.loadSpread).toBeLessThanOrEqual(1);
        expect(r.assignments).toHaveLength(nE * Math.min(k, nJ));
      }),
      { numRuns: 200 },
    );
  });

  it('gives the same result for the same seed', () => {
    fc.assert(
      fc.property(panelArb, ({ entries, judges, k, seed }) => {
        const a = assignJudges(entries, judges, { judgesPerEntry: k, rng: mulberry32(seed) });
        const b = assignJudges([...entries].reverse(), [...judges].reverse(), { judgesPerEntry: k, rng: mulberry32(seed) });
        expect(b.assignments).toEqual(a.assignments);
      }),
      { numRuns: 100 },
    );
  });
});

describe('validateAssignmentChange (manual adjustments)', () => {
  const entries = [entry('E1', 'L1', '50'), entry('E2', 'L2', '10')];
  const judges = [
    judge('J1'),
    judge('J2'),
    judge('J3', { affiliations: [{ kind: 'pao', provinceCode: '50' }] }),
    judge('J4', { capacity: 1 }),
    judge('J5'),
  ];
  const current: Assignment[] = [
    { entryId: 'E1', judgeId: 'J1' },
    { entryId: 'E1', judgeId: 'J2' },
    { entryId: 'E2', judgeId: 'J4' },
  ];
  const ctx = { entries, judges, judgesPerEntry: 2, submitted: [{ entryId: 'E1', judgeId: 'J2' }] };

  it('refuses to add a conflicted judge, with the reason in Thai and English', () => {
    const r = validateAssignmentChange(current, { kind: 'add', entryId: 'E1', judgeId: 'J3' }, ctx);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems[0]!.code).toBe('ASSIGNMENT_CONFLICTED');
    expect(r.problems[0]!.th).toContain('อบจ.');
    expect(r.problems[0]!.en).toContain('PAO');
  });

  it('refuses a replacement by a conflicted judge too', () => {
    const r = validateAssignmentChange(current, { kind: 'replace', entryId: 'E1', fromJudgeId: 'J1', toJudgeId: 'J3' }, ctx);
    expect(r.ok).toBe(false);
  });

  it('refuses duplicates, a judge at capacity, and removing a judge who already submitted', () => {
    const dup = validateAssignmentChange(current, { kind: 'add', entryId: 'E1', judgeId: 'J1' }, ctx);
    const full = validateAssignmentChange(current, { kind: 'add', entryId: 'E1', judgeId: 'J4' }, ctx);
    const scored = validateAssignmentChange(current, { kind: 'remove', entryId: 'E1', judgeId: 'J2' }, ctx);
    const unknown = validateAssignmentChange(current, { kind: 'add', entryId: 'E9', judgeId: 'J1' }, ctx);
    expect(dup.ok || dup.problems.map((p) => p.code)).toEqual(['ASSIGNMENT_DUPLICATE']);
    expect(full.ok || full.problems.map((p) => p.code)).toEqual(['ASSIGNMENT_OVER_CAPACITY']);
    expect(scored.ok || scored.problems.map((p) => p.code)).toEqual(['ASSIGNMENT_HAS_SCORES']);
    expect(unknown.ok || unknown.problems.map((p) => p.code)).toEqual(['UNKNOWN_ENTRY']);
  });

  it('accepts a valid replacement and warns when an entry falls below k', () => {
    const ok = validateAssignmentChange(current, { kind: 'replace', entryId: 'E1', fromJudgeId: 'J1', toJudgeId: 'J5' }, ctx);
    expect(ok.ok).toBe(true);
    if (ok.ok) {
      expect(ok.assignments.filter((a) => a.entryId === 'E1').map((a) => a.judgeId)).toEqual(['J2', 'J5']);
      expect(ok.warnings).toEqual([]);
    }
    const below = validateAssignmentChange(current, { kind: 'remove', entryId: 'E1', judgeId: 'J1' }, ctx);
    expect(below.ok).toBe(true);
    if (below.ok) expect(below.warnings.map((w) => w.code)).toContain('ASSIGNMENT_BELOW_K');
  });
});

describe('auditAssignments', () => {
  it('finds assignments that became conflicted after a new declaration', () => {
    const entries = [entry('E1', 'L1', '50'), entry('E2', 'L2', '10')];
    const before = [judge('J1'), judge('J2')];
    const r = assignJudges(entries, before, { judgesPerEntry: 2, rng: mulberry32(5) });
    expect(auditAssignments(r.assignments, entries, before)).toEqual([]);
    const after = [judge('J1', { declaredConflicts: [{ kind: 'province', provinceCode: '50' }] }), judge('J2')];
    const audit = auditAssignments(r.assignments, entries, after);
    expect(audit.map((a) => [a.entryId, a.judgeId, a.reasons[0]!.code])).toEqual([['E1', 'J1', 'CONFLICT_DECLARED_PROVINCE']]);
  });
});
