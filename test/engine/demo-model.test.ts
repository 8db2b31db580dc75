// The demo model scored by the engine reproduces DGA's published figures; same seed → same bytes; plausible change over time.
import { beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/engine/fingerprint.js';
import { scoreEdition } from '../../src/engine/scoring/edition.js';
import { validateFramework } from '../../src/engine/framework/validate.js';
import type { EditionResult, SegmentStats } from '../../src/engine/results.js';
import { calibratedDimensionWeights, DGA_2019_PROVINCIAL, demoFrameworks } from '../../src/demo/frameworks.js';
import { demoUnits, generateDemo, type DemoData } from '../../src/demo/model.js';
import { referencePopulation } from '../../src/demo/population.js';
import { tinyPdf } from '../../src/demo/pdf.js';

const SEED = 20190501;
const orgs = referencePopulation();

describe('demo model at full size', () => {
  let data: DemoData;
  const scored = new Map<number, EditionResult>();
  const level = (r: EditionResult, value: string): SegmentStats => r.segments.find((s) => s.key === 'level' && s.value === value)!;

  beforeAll(() => {
    data = generateDemo(SEED, orgs);
    // Evidence counts as accepted once uploaded (the scoring's rule while no reviewer decision exists), and every
    // submitted questionnaire has a file on each evidence-required claim, so evidenceAccepted = the uploaded items.
    for (const e of data.editions) scored.set(e.yearBe, scoreEdition(e.framework, demoUnits(data, orgs, e.yearBe), { itemDetail: false, guidance: false }));
  }, 300_000);

  it('surveys the 2019 population: 321 department-level agencies, 76 × 20 provincial units, Bangkok and Pattaya', () => {
    expect(orgs.filter((o) => o.level === 'department')).toHaveLength(321);
    expect(orgs.filter((o) => o.level === 'provincial_unit')).toHaveLength(1520);
    expect(orgs.filter((o) => o.level === 'lao').map((o) => o.code)).toEqual(['LAO-SPECIAL-BKK', 'LAO-SPECIAL-PATTAYA']);
  });

  it('has valid frameworks whose dimension weights turn DGA dimension means into the published overall mean', () => {
    const fws = demoFrameworks();
    for (const fw of [fws.previous, fws.current, fws.next]) expect(validateFramework(fw)).toEqual([]);
    const w = calibratedDimensionWeights();
    const sw = Object.values(w).reduce((a, b) => a + b, 0);
    const overall = Object.entries(DGA_2019_PROVINCIAL.dimensions).reduce((s, [d, m]) => s + w[d]! * m, 0) / sw;
    expect(sw).toBeCloseTo(6, 6);
    expect(Math.abs(overall - 51.09)).toBeLessThan(0.05);
  });

  it('2562: provincial units reproduce DGA 2019 overall and every dimension mean within ±1.0', () => {
    const p = level(scored.get(2562)!, 'provincial_unit');
    expect(Math.abs(p.overall.mean! - 51.09)).toBeLessThanOrEqual(1);
    for (const [d, target] of Object.entries(DGA_2019_PROVINCIAL.dimensions)) expect(Math.abs(p.dimensions[d]!.mean! - target), d).toBeLessThanOrEqual(1);
  });

  it('2562: department-level mean about 60, the intermediate stage their largest share (about 45 %)', () => {
    const d = level(scored.get(2562)!, 'department');
    expect(Math.abs(d.overall.mean! - 60)).toBeLessThanOrEqual(2.5);
    const share = Object.fromEntries(d.stages.map((s) => [s.code, s.percent]));
    expect(Math.abs(share.intermediate! - 45)).toBeLessThanOrEqual(5);
    for (const s of d.stages) expect(share.intermediate!).toBeGreaterThanOrEqual(s.percent);
  });

  it('2561: DGA 2018 means (department 60.28, provincial 45.67) within ±1.0', () => {
    const r = scored.get(2561)!;
    expect(Math.abs(level(r, 'department').overall.mean! - 60.28)).toBeLessThanOrEqual(1);
    expect(Math.abs(level(r, 'provincial_unit').overall.mean! - 45.67)).toBeLessThanOrEqual(1);
  });

  it('about 96 % respond in the published editions; the open edition has most submitted and some in progress', () => {
    for (const year of [2561, 2562]) {
      const e = data.editions.find((x) => x.yearBe === year)!;
      const rate = e.responses.filter((r) => r.status === 'submitted').length / e.responses.length;
      expect(Math.abs(rate - 0.9605)).toBeLessThan(0.005);
    }
    const open = data.editions.find((x) => x.yearBe === 2563)!;
    const n = (s: string) => open.responses.filter((r) => r.status === s).length;
    expect(n('submitted')).toBeGreaterThan(open.responses.length / 2);
    expect(n('in_progress')).toBeGreaterThan(0);
  });

  it('year over year: most improve a little, a few a lot, a few fall back', () => {
    const a = new Map(scored.get(2561)!.units.map((u) => [u.id, u.overall!]));
    const changes = scored.get(2562)!.units.filter((u) => a.has(u.id)).map((u) => u.overall! - a.get(u.id)!);
    const share = (f: (x: number) => boolean) => changes.filter(f).length / changes.length;
    expect(share((x) => x > 0)).toBeGreaterThan(0.6);
    expect(share((x) => x > 0 && x <= 10)).toBeGreaterThan(0.4);
    expect(share((x) => x > 12)).toBeGreaterThan(0.03);
    expect(share((x) => x < -3)).toBeGreaterThan(0.03);
  });

  it('dimensions correlate but are not interchangeable; bigger and service-providing agencies score higher', () => {
    const r = scored.get(2562)!;
    const m = r.quality.correlation.matrix;
    const off = m.flatMap((row, i) => row.filter((_x, j) => j !== i)) as number[];
    expect(Math.min(...off)).toBeGreaterThan(0.2);
    expect(Math.max(...off)).toBeLessThan(0.9);
    const dep = r.units.filter((u) => u.attributes.level === 'department');
    const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(mean(dep.filter((u) => u.attributes.serves_public).map((u) => u.overall!))).toBeGreaterThan(mean(dep.filter((u) => !u.attributes.serves_public).map((u) => u.overall!)));
  });

  it('every evidence-required claim of a submitted questionnaire has an evidence file', () => {
    const e = data.editions.find((x) => x.yearBe === 2562)!;
    const withEvidence = e.responses.filter((r) => r.status === 'submitted' && r.evidence.length > 0).length;
    expect(withEvidence).toBeGreaterThan(1700);
  });
});

describe('demo model determinism', () => {
  const sample = orgs.filter((_o, i) => i % 9 === 0);
  it('the same seed gives byte-identical data; another seed does not', () => {
    const a = canonicalJson(generateDemo(7, sample));
    const b = canonicalJson(generateDemo(7, sample));
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    expect(canonicalJson(generateDemo(8, sample))).not.toBe(a);
  }, 120_000);

  it('writes a valid, deterministic PDF', () => {
    const pdf = tinyPdf('Title (x)', ['line one', 'ไทย line']);
    expect(pdf.subarray(0, 8).toString('latin1')).toBe('%PDF-1.4');
    expect(pdf.subarray(-6).toString('latin1')).toBe('%%EOF\n');
    expect(tinyPdf('Title (x)', ['line one', 'ไทย line']).equals(pdf)).toBe(true);
    const xref = Number(/startxref\n(\d+)/.exec(pdf.toString('latin1'))![1]);
    expect(pdf.subarray(xref, xref + 4).toString('latin1')).toBe('xref');
  });
});
