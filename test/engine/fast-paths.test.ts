// The scoring fast paths against straightforward references on random editions, and golden results of the engine
// before them: the optimisations must not change a number, a rank, a message or a fingerprint.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { nativeSha256 } from '../../src/server/native-sha256.js';
import { describe, expect, it } from 'vitest';
import { canonicalJson, compileFramework, ENGINE_VERSION, fingerprint, prepareEdition, scoreEdition, type Framework, type ItemScore, type UnitInput } from '../../src/engine/index.js';
import { itemCodes } from '../../src/engine/fingerprint.js';
import { competitionRanks } from '../../src/engine/scoring/rank.js';
import { CandidateOrder } from '../../src/engine/scoring/edition.js';
import { ingestUnits } from '../../src/engine/scoring/ingest.js';
import { computeItemMatrix, readAnswers } from '../../src/engine/scoring/items.js';
import { peerGroupOf } from '../../src/engine/scoring/missing.js';
import { segmentStats } from '../../src/engine/stats/segments.js';
import { qualityReport } from '../../src/engine/stats/quality.js';
import { createRng } from '../../src/engine/random.js';
import { syntheticFramework, syntheticUnits } from '../../bench/synthetic.js';
import { randomFramework, randomUnits } from './random-edition.js';
import { indicator, miniFramework, unit } from './scoring-helpers.js';
import { referenceQualityReport } from './reference/quality.js';

const SEEDS = Array.from({ length: 60 }, (_, i) => i + 1);
const byId = (us: readonly UnitInput[]): UnitInput[] => [...us].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
const edition = (seed: number): { fw: Framework; units: UnitInput[] } => {
  const fw = randomFramework(seed);
  return { fw, units: randomUnits(fw, 1 + ((seed * 7) % 60), seed + 1000) };
};
const hash = (v: unknown): string => bytesToHex(sha256(new TextEncoder().encode(JSON.stringify(v)))).slice(0, 16);

/** The documented canonical form, built the plain way: one canonicalJson call over the whole input. */
function referenceFingerprint(fw: Framework, units: readonly UnitInput[], options: unknown): string {
  const codes = itemCodes(fw);
  const canonicalAnswer = (v: unknown): unknown => (Array.isArray(v) ? [...v].sort() : v);
  const doc = {
    engineVersion: ENGINE_VERSION,
    framework: fw,
    options,
    units: byId(units).map((u) => {
      const answers = u.answers as Record<string, unknown>;
      const extra = Object.keys(answers).filter((k) => !codes.includes(k));
      return {
        answers: codes.map((c) => canonicalAnswer(answers[c])),
        attributes: u.attributes ?? {},
        evidenceAccepted: u.evidenceAccepted ? [...new Set(u.evidenceAccepted)].sort() : null,
        extra: extra.length ? Object.fromEntries(extra.map((k) => [k, answers[k]])) : undefined,
        id: u.id,
        name: u.name ?? null,
      };
    }),
  };
  return 'sha256:' + bytesToHex(sha256(new TextEncoder().encode(canonicalJson(doc))));
}

describe('scoring fast paths', { timeout: 120_000 }, () => {
  it('reads answers in one pass into the same points, states and fingerprint as the straightforward path', () => {
    let fast = 0;
    for (const seed of SEEDS) {
      const { fw, units } = edition(seed);
      const cf = compileFramework(fw);
      const sorted = byId(units);
      const options = { missing: fw.missing };
      const got = ingestUnits(cf, fw, sorted, options);
      const read = readAnswers(cf, sorted);
      if (read.problems.length) {
        expect(got, `seed ${seed}`).toBeNull();
        continue;
      }
      expect(got, `seed ${seed}`).not.toBeNull();
      const ref = computeItemMatrix(cf, sorted, read);
      expect(Array.from(got!.matrix.raw), `seed ${seed}`).toEqual(Array.from(ref.raw));
      expect(Array.from(got!.matrix.status), `seed ${seed}`).toEqual(Array.from(ref.status));
      expect(got!.fingerprint, `seed ${seed}`).toBe(fingerprint(fw, sorted, options));
      expect(got!.fingerprint, `seed ${seed}`).toBe(referenceFingerprint(fw, sorted, options));
      fast++;
    }
    // The random editions are valid unless deliberately broken, so the comparison above really ran.
    expect(fast).toBeGreaterThan(50);
  });

  it('reads answer objects of every kind alike: keys in any order, dictionary-mode, null prototype, codes of Object.prototype', () => {
    const compare = (fw: Framework, units: UnitInput[], label: string): void => {
      const cf = compileFramework(fw);
      const sorted = byId(units);
      const options = { missing: fw.missing };
      const got = ingestUnits(cf, fw, sorted, options);
      const read = readAnswers(cf, sorted);
      if (read.problems.length) return void expect(got, label).toBeNull();
      expect(got, label).not.toBeNull();
      const ref = computeItemMatrix(cf, sorted, read);
      expect(Array.from(got!.matrix.raw), label).toEqual(Array.from(ref.raw));
      expect(Array.from(got!.matrix.status), label).toEqual(Array.from(ref.status));
      expect(got!.fingerprint, label).toBe(referenceFingerprint(fw, sorted, options));
    };
    const reversed = (a: UnitInput['answers']): UnitInput['answers'] => Object.fromEntries(Object.entries(a).reverse());
    const nullProto = (a: UnitInput['answers']): UnitInput['answers'] => Object.assign(Object.create(null) as UnitInput['answers'], a);
    // Over 128 keys added one by one: V8 keeps such objects in dictionary mode, as the server's answers are.
    const padded = (a: UnitInput['answers']): UnitInput['answers'] => {
      const o: Record<string, unknown> = {};
      for (let i = 0; i < 140; i++) o[`pad${i}`] = undefined;
      for (const [k, v] of Object.entries(a)) o[k] = v;
      return o as UnitInput['answers'];
    };
    for (const seed of SEEDS.slice(0, 20)) {
      const { fw, units } = edition(seed);
      const code = itemCodes(fw)[0]!;
      compare(fw, units.map((u) => ({ ...u, answers: reversed(u.answers) })), `seed ${seed} reversed`);
      compare(fw, units.map((u) => ({ ...u, answers: nullProto(u.answers) })), `seed ${seed} null prototype`);
      // A known code holding undefined counts as unanswered; an unknown key is a problem even when undefined.
      compare(fw, units.map((u) => ({ ...u, answers: { ...u.answers, [code]: undefined as never } })), `seed ${seed} undefined answer`);
      const unknown = units.map((u, i) => (i === units.length - 1 ? { ...u, answers: padded(u.answers) } : u));
      expect(ingestUnits(compileFramework(fw), fw, byId(unknown), { missing: fw.missing }), `seed ${seed} unknown undefined key`).toBeNull();
      compare(fw, unknown, `seed ${seed} unknown undefined key`);
      // An item code that names a property every object inherits: read code by code, as the plain path does.
      const inherited = structuredClone(fw);
      const first = (inherited.dimensions[0]!.items ?? inherited.dimensions[0]!.subdimensions![0]!.items)![0]!;
      const was = first.code;
      // Every other unit leaves it unanswered: a plain object then inherits Object.prototype.toString (a problem).
      const renamed = (u: UnitInput, i: number): UnitInput => {
        const { [was]: answered, ...rest } = u.answers;
        const v = i % 2 ? undefined : answered;
        const evidenceAccepted = u.evidenceAccepted?.map((c) => (c === was ? 'toString' : c));
        return { ...u, answers: v === undefined ? rest : { ...rest, toString: v }, ...(evidenceAccepted ? { evidenceAccepted } : {}) };
      };
      for (const d of inherited.dimensions) for (const it of [...(d.items ?? []), ...(d.subdimensions ?? []).flatMap((s) => s.items)]) if (it.visibleIf?.item === was) it.visibleIf.item = 'toString';
      first.code = 'toString';
      compare(inherited, units.map(renamed), `seed ${seed} toString`);
      compare(inherited, units.map((u, i) => ({ ...renamed(u, i), answers: nullProto(renamed(u, i).answers) })), `seed ${seed} toString, null prototype`);
    }
  });

  it('rejects broken units with the same problems, in the same order, as before', () => {
    const fw = randomFramework(3);
    const good = randomUnits(fw, 12, 77);
    const code = Object.keys(good[0]!.answers)[0]!;
    const broken: UnitInput[][] = [
      [...good, { ...good[1]!, answers: { ...good[1]!.answers, NOPE: true } }],
      good.map((u, i) => (i === 4 ? { ...u, answers: { ...u.answers, [code]: 12345 as never }, evidenceAccepted: ['NOPE'] } : u)),
      good.map((u, i) => (i === 2 ? { ...u, id: '' } : i === 5 ? { ...u, answers: { ...u.answers, [code]: ['none', 'a'] } } : u)),
      [...good, good[3]!],
    ];
    for (const units of broken) {
      const expected = readAnswers(compileFramework(fw), byId(units)).problems;
      expect(expected.length).toBeGreaterThan(0);
      expect(() => scoreEdition(fw, units)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED', details: expected }));
    }
  });

  it('hashes the documented canonical JSON through the public fingerprint, unknown codes and odd text included', () => {
    for (const seed of SEEDS.slice(0, 20)) {
      const { fw, units } = edition(seed);
      const withExtra = units.map((u, i) => (i % 3 ? u : { ...u, answers: { ...u.answers, 'zz"extra': 'ข้อความ', aa: [3, 1] as never } }));
      expect(fingerprint(fw, withExtra, { seed }), `seed ${seed}`).toBe(referenceFingerprint(fw, withExtra, { seed }));
    }
  });

  it('gives every unit the ranks competitionRanks gives it group by group', () => {
    for (const seed of SEEDS) {
      const { fw, units } = edition(seed);
      let res;
      try {
        res = scoreEdition(fw, units);
      } catch {
        continue;
      }
      const keys = ['all', ...fw.peerGroups.filter((k) => k !== 'all')] as const;
      const expected = new Map<string, unknown[]>(res.units.map((u) => [u.id, []]));
      const inputs = byId(units);
      for (const key of keys) {
        const groups = new Map<string, number[]>();
        inputs.forEach((u, i) => {
          const g = peerGroupOf(u, key);
          if (g !== null) groups.set(g, [...(groups.get(g) ?? []), i]);
        });
        for (const [g, members] of groups) {
          const r = competitionRanks(members.map((i) => res.units[i]!.overall ?? NaN));
          members.forEach((i, k) => {
            if (r[k]) expected.get(inputs[i]!.id)!.push({ key, group: g, n: members.length, ...r[k] });
          });
        }
      }
      for (const u of res.units) expect(u.ranks, `seed ${seed} unit ${u.id}`).toEqual(expected.get(u.id));
    }
  });

  it('computes segment statistics and quality checks exactly as the object-based and row-major versions', () => {
    for (const seed of SEEDS) {
      const { fw, units } = edition(seed);
      let res;
      try {
        res = scoreEdition(fw, units);
      } catch {
        continue;
      }
      expect(res.segments, `seed ${seed}`).toEqual(segmentStats(fw, res.units));
      const cf = compileFramework(fw);
      const n = res.units.length;
      const values = new Float64Array(n * cf.items.length);
      const dims = new Float64Array(n * cf.dims.length);
      res.units.forEach((u, i) => {
        u.items!.forEach((it, j) => (values[i * cf.items.length + j] = it.value ?? NaN));
        cf.dims.forEach((d, k) => (dims[i * cf.dims.length + k] = u.dimensions[d.code] === null ? NaN : u.dimensions[d.code]! / cf.scaleMax));
      });
      expect(qualityReport(cf, n, values, dims), `seed ${seed}`).toEqual(referenceQualityReport(cf, n, values, dims));
    }
  });

  it('orders guidance candidates like the comparator sort, ties and non-finite gains included', () => {
    const rng = createRng(5);
    const order = new CandidateOrder(64);
    for (let round = 0; round < 300; round++) {
      const m = 1 + rng.int(64);
      const key = new Float64Array(m);
      const pool = round % 10 === 0 ? [NaN, Infinity, -Infinity, 1, 2] : [0, 1, 2, 3, 1e12, -5];
      for (let j = 0; j < m; j++) key[j] = pool[rng.int(pool.length)]!;
      const cand = Array.from({ length: m }, (_, j) => j).filter(() => rng.next() < 0.8);
      const expected = [...cand].sort((a, b) => key[b]! - key[a]! || a - b);
      order.reset(cand, key);
      // Read out of order, as guidance does (a look ahead for unmet conditions, then position by position).
      expect(order.at(cand.length)).toBe(-1);
      expect(Array.from({ length: cand.length }, (_, k) => order.at(k))).toEqual(expected);
      order.reset(cand, key);
      expect(Array.from({ length: cand.length }, (_, k) => order.at(k))).toEqual(expected);
    }
  });

  it('gives every unit item detail equal to objects built one by one, sharing one frozen object per distinct score', () => {
    // The item-detail states in ItemMatrix order: answered, no_evidence, missing (scored zero), hidden, imputed, zero.
    const statusName = ['answered', 'no_evidence', 'zero', 'hidden', 'imputed', 'zero'];
    const separately = (fw: Framework, units: UnitInput[], options = {}): ItemScore[][] => {
      const p = prepareEdition(fw, units, options);
      const m = p.cf.items.length;
      return p.units.map((_, u) =>
        p.cf.items.map((ci, j) => {
          const r = p.matrix.raw[u * m + j]!;
          const v = p.values[u * m + j]!;
          return { code: ci.code, dimension: p.cf.dims[ci.dim]!.code, subdimension: p.cf.groups[ci.group]!.code, status: statusName[p.matrix.status[u * m + j]!] as ItemScore['status'], raw: r === r ? r : null, value: v === v ? v : null };
        }),
      );
    };
    let checked = 0;
    for (const seed of SEEDS) {
      const { fw, units } = edition(seed);
      let res;
      try {
        res = scoreEdition(fw, units, seed % 3 === 0 ? { missing: { rule: 'peer_mean', peerGroup: fw.peerGroups[0] ?? 'all' } } : {});
      } catch {
        continue;
      }
      const expected = separately(fw, units, seed % 3 === 0 ? { missing: { rule: 'peer_mean', peerGroup: fw.peerGroups[0] ?? 'all' } } : {});
      res.units.forEach((u, i) => expect(u.items, `seed ${seed} unit ${u.id}`).toEqual(expected[i]));
      for (const u of res.units) for (const it of u.items!) expect(Object.isFrozen(it)).toBe(true);
      checked++;
    }
    expect(checked).toBeGreaterThan(40);

    // The synthetic edition: 300 units × 150 items share about 3,000 objects, and one cannot be edited through a unit.
    const fw = syntheticFramework(25, 6);
    const res = scoreEdition(fw, syntheticUnits(fw, 300, 42));
    const objects = new Set(res.units.flatMap((u) => u.items!));
    expect(objects.size).toBeLessThan((300 * 150) / 10);
    expect(() => {
      (res.units[0]!.items![0] as { value: number | null }).value = 0.123;
    }).toThrow(TypeError);

    // −0 and 0 are the same Map key but not the same score (deep equality tells them apart): separate objects.
    const ind = miniFramework({ dimensions: [{ code: 'A', name: { th: 'ก', en: 'A' }, items: [indicator('I1', { normalisation: { method: 'none' } })] }] });
    const zeros = [unit('u1', { I1: 0 }), unit('u2', { I1: -0 }), unit('u3', { I1: 0 })];
    const got = scoreEdition(ind, zeros).units.map((u) => u.items![0]!);
    expect(Object.is(got[0]!.raw, 0) && Object.is(got[1]!.raw, -0) && Object.is(got[2]!.raw, 0)).toBe(true);
    expect(got).toEqual(separately(ind, zeros).map((items) => items[0]));
  });

  it('returns exactly the results of the engine before the fast paths (golden hashes of the full JSON)', () => {
    const run = (f: () => unknown): string => {
      try {
        return hash(f());
      } catch (e) {
        const err = e as { code?: string; details?: unknown };
        return hash({ code: err.code, details: err.details });
      }
    };
    const got: Record<string, string> = {};
    const fw = syntheticFramework(25, 6);
    const units = syntheticUnits(fw, 300, 42);
    got.synthetic = run(() => scoreEdition(fw, units));
    // Node's native SHA-256, as the server and the command line pass it, changes nothing in the result.
    expect(run(() => scoreEdition(fw, units, { sha256: nativeSha256 }))).toBe(got.synthetic);
    got.syntheticPeerMean = run(() => scoreEdition(fw, units, { missing: { rule: 'peer_mean', peerGroup: 'ministry' }, itemDetail: false }));
    for (let seed = 1; seed <= 40; seed++) {
      const { fw: f, units: us } = edition(seed);
      got[`random${seed}`] = run(() => scoreEdition(f, us, seed % 4 === 0 ? { weakestItems: seed % 7, weakestDimensions: seed % 3 } : {}));
    }
    expect(got).toEqual(GOLDEN);
  });
});

/** sha256 (first 16 hex digits) of JSON.stringify of each result, computed with the engine before the fast paths. */
const GOLDEN: Record<string, string> = {
  synthetic: '670f2c87075f72cd',
  syntheticPeerMean: 'f3503cb89bffa338',
  random1: '3275903335563f87',
  random2: '18a62cc702bd7048',
  random3: '798c32c34dbb3bf0',
  random4: '627ed480bf7f3c4e',
  random5: 'd18d273fc0309e3a',
  random6: '744f698f7cc608f6',
  random7: 'f97f886a7ed0f81e',
  random8: '15126743e0900c7d',
  random9: '7875a22b1887f165',
  random10: '4aecc20b3b0d0909',
  random11: 'ff93e023f90d5f33',
  random12: 'be511f3b7f44d9cf',
  random13: 'faf8deca0a5cc48c',
  random14: '9a1dd62de06a261b',
  random15: '530267ec125d5460',
  random16: '386cd04bb85ecfb7',
  random17: 'abcb9dab8f153c3d',
  random18: '7a4e1d58529d172d',
  random19: '16c365e032bec63b',
  random20: '32450b6baea16d3e',
  random21: '1e4c2fe16bcd0577',
  random22: '51d72181036f4d9f',
  random23: '1b7e7599f4fec7a7',
  random24: '7b41f68334d907ff',
  random25: '7f6af3e2ce5dac68',
  random26: 'f0f1d63e98364790',
  random27: '3a30b30b1876f391',
  random28: '581d557528f7b62f',
  random29: '18b63cbee111bfbb',
  random30: 'f4aae03af9406b7a',
  random31: '11e44ba81772a4a3',
  random32: '48794fb0aac718c7',
  random33: 'd70ba0c9c8d42a5b',
  random34: '4e699171bea90625',
  random35: '97c719be814d8369',
  random36: '92c2a06e24f0cca4',
  random37: '8ba8f8f518619805',
  random38: '53b95b6ed4c33dac',
  random39: 'c77c2fcc41e87ecf',
  random40: '0a0e52fdeac69890',
};
