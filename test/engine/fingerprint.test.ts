// The fingerprint identifies framework + inputs + engine version, independent of order and key order.
import { describe, expect, it } from 'vitest';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { canonicalJson, ENGINE_VERSION, fingerprint, scoreEdition, type UnitInput } from '../../src/engine/index.js';
import { CanonicalSink, writeCanonical } from '../../src/engine/fingerprint.js';
import { nativeSha256 } from '../../src/server/native-sha256.js';
import { miniFramework, t, unit, yesNo } from './scoring-helpers.js';

describe('fingerprint', () => {
  const fw = miniFramework();
  const units = [unit('b', { A1: true, B1: false }), unit('a', { A2: true }, { level: 'prov' }, { evidenceAccepted: ['A2', 'A1'] })];
  it('is a SHA-256 hex digest, recorded on every result with the engine version', () => {
    const res = scoreEdition(fw, units);
    expect(res.fingerprint).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(res.engineVersion).toBe(ENGINE_VERSION);
    expect(res.fingerprint).toBe(fingerprint(fw, units, { missing: fw.missing }));
  });
  it('does not depend on unit order, key order or the order of evidence codes and multi-choice answers', () => {
    const a = fingerprint(fw, units);
    const reordered: UnitInput[] = [
      { answers: { A2: true }, evidenceAccepted: ['A1', 'A2'], attributes: { level: 'prov' }, id: 'a' },
      { id: 'b', answers: { B1: false, A1: true }, attributes: { level: 'department' } },
    ];
    expect(fingerprint(fw, reordered)).toBe(a);
  });
  it('changes when an answer, an attribute, the framework or the options change', () => {
    const a = fingerprint(fw, units);
    expect(fingerprint(fw, [unit('b', { A1: false, B1: false }), units[1]!])).not.toBe(a);
    expect(fingerprint(fw, [unit('b', { A1: true, B1: false }, { level: 'x' }), units[1]!])).not.toBe(a);
    expect(fingerprint({ ...fw, version: '2' }, units)).not.toBe(a);
    expect(fingerprint(fw, units, { missing: { rule: 'peer_mean' } })).not.toBe(a);
  });
  it('uses canonical JSON: sorted keys, no undefined, non-finite numbers as null', () => {
    expect(canonicalJson({ b: 1, a: [true, { d: undefined, c: 'x' }], e: NaN })).toBe('{"a":[true,{"c":"x"}],"b":1,"e":null}');
  });
  it('is the SHA-256 of the documented canonical JSON, Thai text included', () => {
    const f = miniFramework({ dimensions: [{ code: 'A', name: t('A'), items: [yesNo('Q'), { code: 'N', kind: 'text', text: t('note') }] }] });
    const u: UnitInput = { id: 'หน่วย-1', name: { th: 'กรมตัวอย่าง', en: 'Example "Dept"' }, attributes: { level: 'department', serves_public: true }, answers: { N: 'บันทึก "ไทย"', Q: true } };
    const json =
      `{"engineVersion":"${ENGINE_VERSION}","framework":${canonicalJson(f)},"options":{},"units":[` +
      '{"answers":[true,"บันทึก \\"ไทย\\""],"attributes":{"level":"department","serves_public":true},"evidenceAccepted":null,' +
      '"id":"หน่วย-1","name":{"en":"Example \\"Dept\\"","th":"กรมตัวอย่าง"}}]}';
    expect(fingerprint(f, [u])).toBe('sha256:' + bytesToHex(sha256(new TextEncoder().encode(json))));
  });
  it('writes numbers and canonical JSON straight into the hash exactly as the text it replaces', () => {
    const viaText = (text: string): string => {
      const sink = new CanonicalSink();
      sink.text(text);
      return sink.digest();
    };
    const numbers = [0, -0, 7, -7, 10, 99, 100, 1234567890, -987654321, 2 ** 31, 2 ** 53 - 1, -(2 ** 53 - 1), 2 ** 53, 1e21, 0.1, -2.5, 1e-7, NaN, Infinity];
    for (const x of numbers) {
      const sink = new CanonicalSink();
      sink.number(x);
      expect(sink.digest(), String(x)).toBe(viaText(canonicalJson(x)));
    }
    const odd = { b: [1, -0, null, undefined, 'ไทย "q"\n', { z: 1, a: undefined, m: [true, false] }], a: 2.5, c: NaN, d: () => 1 };
    for (const value of [fw, odd, [], {}, 'x', null]) {
      const sink = new CanonicalSink();
      writeCanonical(sink, value);
      expect(sink.digest()).toBe(viaText(canonicalJson(value)));
    }
  });
  it("gives the same digest with Node's native SHA-256 as with the engine's own, across the buffer's edges", () => {
    // Pieces longer than the 64 KiB buffer go to the hash directly; the rest in buffer-sized blocks.
    const long = 'ก'.repeat(70_000);
    const many = Array.from({ length: 3_000 }, (_, i) => unit(`u${i}`, { A1: i % 2 === 0, B1: i % 3 === 0 }, { level: 'department', ministry: `กระทรวง ${i % 7}` }));
    const f = miniFramework({ dimensions: [{ code: 'A', name: t('A'), items: [yesNo('A1'), { code: 'N', kind: 'text', text: t('note') }] }, { code: 'B', name: t('B'), items: [yesNo('B1')] }] });
    const withLong: UnitInput[] = [{ id: 'x', answers: { A1: true, N: long }, attributes: {} }, ...many.slice(0, 10)];
    for (const us of [many, withLong, []]) expect(fingerprint(f, us, {}, nativeSha256)).toBe(fingerprint(f, us));
    expect(scoreEdition(f, many, { sha256: nativeSha256 }).fingerprint).toBe(scoreEdition(f, many).fingerprint);
    expect(scoreEdition(f, withLong, { sha256: nativeSha256 }).fingerprint).toBe(fingerprint(f, withLong, { missing: f.missing }));
    const direct = new CanonicalSink(nativeSha256);
    direct.ascii('x'.repeat(100_000));
    expect(direct.digest()).toBe('sha256:' + bytesToHex(sha256(new TextEncoder().encode('x'.repeat(100_000)))));
  });
});
