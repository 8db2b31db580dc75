// Fingerprint of a scoring run: SHA-256 over canonical JSON of framework + inputs + engine version.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import type { Framework, UnitInput } from './framework/types.js';
import { ENGINE_VERSION } from './results.js';

/**
 * JSON with object keys sorted at every level, undefined properties dropped, non-finite numbers as null.
 * Arrays keep their order, except where the order carries no meaning (see canonicalUnit).
 */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number') return Number.isFinite(value) ? JSON.stringify(value === 0 ? 0 : value) : 'null';
  if (typeof value === 'string' || typeof value === 'boolean') return JSON.stringify(value);
  if (Array.isArray(value)) return '[' + value.map((v) => canonicalJson(v)).join(',') + ']';
  if (typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    const keys = Object.keys(obj)
      .filter((k) => obj[k] !== undefined)
      .sort();
    return '{' + keys.map((k) => JSON.stringify(k) + ':' + canonicalJson(obj[k])).join(',') + '}';
  }
  return 'null';
}

function itemCodes(fw: Framework): string[] {
  const codes: string[] = [];
  for (const d of fw.dimensions ?? []) {
    for (const it of d.items ?? []) codes.push(it.code);
    for (const sd of d.subdimensions ?? []) for (const it of sd.items ?? []) codes.push(it.code);
  }
  return codes;
}

const SIMPLE = /^[A-Za-z0-9_.\- ]*$/;
const str = (s: string): string => (SIMPLE.test(s) ? `"${s}"` : JSON.stringify(s));

function answerJson(v: unknown): string {
  if (v === undefined || v === null) return 'null';
  if (v === true) return 'true';
  if (v === false) return 'false';
  if (typeof v === 'string') return str(v);
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : 'null';
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    const sorted = [...v].sort();
    let out = '[';
    for (let k = 0; k < sorted.length; k++) out += (k ? ',' : '') + answerJson(sorted[k]);
    return out + ']';
  }
  return canonicalJson(v);
}

const ATTRIBUTE_KEYS = ['level', 'ministry', 'org_type', 'province', 'serves_public'];

/** Canonical JSON of the attributes; the usual keys are written directly (they are already in sorted order). */
function attributesJson(a: UnitInput['attributes'] | undefined): string {
  if (!a) return '{}';
  const keys = Object.keys(a);
  if (keys.some((k) => !ATTRIBUTE_KEYS.includes(k))) return canonicalJson(a);
  const parts: string[] = [];
  const rec = a as Record<string, unknown>;
  for (const k of ATTRIBUTE_KEYS) if (rec[k] !== undefined) parts.push(`"${k}":${answerJson(rec[k])}`);
  return `{${parts.join(',')}}`;
}

/** Feeds bytes to the hash through a 64 KiB buffer; ASCII is copied byte by byte, anything else UTF-8 encoded. */
class ByteSink {
  private buf = new Uint8Array(65536);
  private pos = 0;
  private readonly enc = new TextEncoder();
  constructor(private readonly h: { update(b: Uint8Array): unknown }) {}
  write(s: string): void {
    const n = s.length;
    if (this.pos + n * 3 > this.buf.length) this.flush();
    if (n * 3 > this.buf.length) {
      this.h.update(this.enc.encode(s));
      return;
    }
    const buf = this.buf;
    let p = this.pos;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c >= 128) {
        p += this.enc.encodeInto(s.slice(i), buf.subarray(p)).written;
        this.pos = p;
        return;
      }
      buf[p++] = c;
    }
    this.pos = p;
  }
  flush(): void {
    if (this.pos) this.h.update(this.buf.slice(0, this.pos));
    this.pos = 0;
  }
}

/**
 * A unit in compact canonical form: answers as an array in the framework's item order (the framework is hashed
 * too), order-free lists sorted, and any answer to a code the framework lacks kept in a sorted "extra" object.
 */
function writeUnit(out: ByteSink, u: UnitInput, codes: readonly string[], known: ReadonlySet<string>, row?: readonly unknown[]): void {
  const answers = u.answers ?? {};
  out.write('{"answers":[');
  for (let k = 0; k < codes.length; k++) {
    if (k) out.write(',');
    out.write(answerJson(row ? row[k] : answers[codes[k]!]));
  }
  let extra = '';
  // Pre-read rows come from units already checked to answer known items only.
  if (!row)
    for (const key in answers)
      if (!known.has(key)) {
        const ex: Record<string, unknown> = {};
        for (const k2 in answers) if (!known.has(k2)) ex[k2] = answers[k2];
        extra = `,"extra":${canonicalJson(ex)}`;
        break;
      }
  const evidence = u.evidenceAccepted ? canonicalJson([...new Set(u.evidenceAccepted)].sort()) : 'null';
  out.write(`],"attributes":${attributesJson(u.attributes)},"evidenceAccepted":${evidence}${extra},"id":${str(u.id)},"name":${u.name ? canonicalJson(u.name) : 'null'}}`);
}

/** "sha256:<hex>". Units are hashed in id order, so their order in the input does not matter. */
export function fingerprint(framework: Framework, units: readonly UnitInput[], options: unknown = {}, read?: { codes: string[]; rows: unknown[][] }): string {
  const h = sha256.create();
  const out = new ByteSink(h);
  const codes = itemCodes(framework);
  const known = new Set(codes);
  // Pre-read answer rows (aligned with the same codes, from units that passed readAnswers' checks) save a second
  // pass over the answer objects.
  const rowOf = new Map<UnitInput, unknown[]>();
  if (read && read.codes.length === codes.length && read.codes.every((c, k) => c === codes[k])) units.forEach((u, i) => rowOf.set(u, read.rows[i]!));
  out.write(`{"engineVersion":${JSON.stringify(ENGINE_VERSION)},"framework":${canonicalJson(framework)},"options":${canonicalJson(options)},"units":[`);
  const sorted = [...units].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  sorted.forEach((u, i) => {
    if (i > 0) out.write(',');
    writeUnit(out, u, codes, known, rowOf.get(u));
  });
  out.write(']}');
  out.flush();
  return 'sha256:' + bytesToHex(h.digest());
}
