// answerRecord: the server's shape of a unit's answers scores exactly as the answers given key by key.
import { describe, expect, it } from 'vitest';
import { answerCodes, answerRecord, fingerprint, scoreEdition, type AnswerValue, type UnitInput } from '../../src/engine/index.js';
import { syntheticFramework, syntheticUnits } from '../../bench/synthetic.js';
import { miniFramework, unit } from './scoring-helpers.js';

describe('answerRecord', () => {
  it('lists every item in framework order, null when unanswered, and keeps codes the framework lacks last', () => {
    const fw = miniFramework();
    const codes = answerCodes(fw);
    const rec = answerRecord(codes, new Map<string, AnswerValue>([['B1', false], ['ZZ', true], ['A1', true]]));
    expect(Object.keys(rec)).toEqual([...codes, 'ZZ']);
    expect(rec).toMatchObject({ A1: true, B1: false, ZZ: true });
    for (const c of codes) if (c !== 'A1' && c !== 'B1') expect(rec[c]).toBeNull();
    // Scoring still refuses the unknown code, as it would from any other object.
    expect(() => scoreEdition(fw, [{ id: 'u', attributes: {}, answers: rec }])).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
  });

  it('scores, ranks and fingerprints exactly as the same answers given only for the answered items', () => {
    const fw = syntheticFramework(25, 6);
    const server = syntheticUnits(fw, 200, 5);
    const sparse = syntheticUnits(fw, 200, 5, 'sparse');
    expect(Object.keys(server[0]!.answers)).toEqual(answerCodes(fw));
    expect(Object.keys(sparse[0]!.answers).length).toBeLessThan(answerCodes(fw).length);
    expect(JSON.stringify(scoreEdition(fw, server))).toBe(JSON.stringify(scoreEdition(fw, sparse)));
    expect(fingerprint(fw, server)).toBe(fingerprint(fw, sparse));
    const small = miniFramework();
    const given: UnitInput = unit('a', { A1: true });
    const built: UnitInput = { ...given, answers: answerRecord(answerCodes(small), new Map(Object.entries(given.answers))) };
    expect(scoreEdition(small, [built])).toEqual(scoreEdition(small, [given]));
  });

  it('scores the same when Object.prototype carries an enumerable property (the key walk then steps aside)', () => {
    const fw = syntheticFramework(25, 6);
    const units = syntheticUnits(fw, 50, 8);
    const clean = JSON.stringify(scoreEdition(fw, units));
    Object.defineProperty(Object.prototype, 'polluted', { value: 1, enumerable: true, configurable: true, writable: true });
    try {
      expect(JSON.stringify(scoreEdition(fw, units))).toBe(clean);
    } finally {
      delete (Object.prototype as Record<string, unknown>).polluted;
    }
  });
});
