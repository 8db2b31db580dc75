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

/** Item codes of a framework in its order (every kind, text items too): the order of each unit's answers. */
export function itemCodes(fw: Framework): string[] {
  const codes: string[] = [];
  for (const d of fw.dimensions ?? []) {
    for (const it of d.items ?? []) codes.push(it.code);
    for (const sd of d.subdimensions ?? []) for (const it of sd.items ?? []) codes.push(it.code);
  }
  return codes;
}

const NULL = 'null';
const SIMPLE = /^[A-Za-z0-9_.\- ]*$/;

/**
 * JSON text of an answer value; order-free lists are sorted. (The scoring pass writes validated answers straight
 * into the sink instead, producing the same bytes.)
 */
export function answerJson(v: unknown): string {
  if (v === undefined || v === null) return NULL;
  if (v === true) return 'true';
  if (v === false) return 'false';
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : NULL;
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    const sorted = [...v].sort();
    let out = '[';
    for (let k = 0; k < sorted.length; k++) out += (k ? ',' : '') + answerJson(sorted[k]);
    return out + ']';
  }
  return canonicalJson(v);
}

/**
 * A SHA-256 in progress. The engine's own is pure JavaScript, so that it runs anywhere; the server and the command
 * line pass Node's native one (node:crypto, which the engine may not import), which gives the same digest in a
 * fraction of the time: hashing an edition's ~2 MB of canonical JSON was a tenth of scoring it.
 */
export interface Sha256 {
  update(data: Uint8Array): unknown;
  digest(): Uint8Array;
}
export type Sha256Factory = () => Sha256;
export const jsSha256: Sha256Factory = () => sha256.create();

/**
 * Canonical JSON as UTF-8 bytes, fed to SHA-256 through a 64 KiB buffer. The methods write exactly what
 * JSON.stringify / canonicalJson would, without building the intermediate strings: a 2,000-unit edition is about
 * 2 MB of JSON, and building and re-encoding it string by string cost more than hashing it.
 */
export class CanonicalSink {
  private readonly buf = new Uint8Array(65536);
  private pos = 0;
  private readonly enc = new TextEncoder();
  private readonly h: Sha256;

  constructor(hash: Sha256Factory = jsSha256) {
    this.h = hash();
  }

  /** Text known to be ASCII (punctuation, keys, numbers). */
  ascii(s: string): void {
    const n = s.length;
    if (this.pos + n > this.buf.length) this.flush();
    if (n > this.buf.length) return void this.h.update(this.enc.encode(s));
    const buf = this.buf;
    let p = this.pos;
    for (let i = 0; i < n; i++) buf[p++] = s.charCodeAt(i);
    this.pos = p;
  }

  /** Any text, UTF-8 encoded. */
  text(s: string): void {
    const n = s.length;
    if (this.pos + n * 3 > this.buf.length) this.flush();
    if (n * 3 > this.buf.length) return void this.h.update(this.enc.encode(s));
    const buf = this.buf;
    let p = this.pos;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c >= 128) {
        this.pos = p + this.enc.encodeInto(s.slice(i), buf.subarray(p)).written;
        return;
      }
      buf[p++] = c;
    }
    this.pos = p;
  }

  /** Pre-encoded bytes (e.g. an option code's JSON, prepared once per framework). */
  bytes(b: Uint8Array): void {
    const n = b.length;
    if (this.pos + n > this.buf.length) this.flush();
    if (n > this.buf.length) return void this.h.update(b);
    // Most pieces are a few bytes long, where a plain loop beats TypedArray.prototype.set.
    if (n > 16) this.buf.set(b, this.pos);
    else for (let i = 0; i < n; i++) this.buf[this.pos + i] = b[i]!;
    this.pos += n;
  }

  /** One ASCII character, by code. */
  byte(c: number): void {
    if (this.pos === this.buf.length) this.flush();
    this.buf[this.pos++] = c;
  }

  /** JSON.stringify(s). Printable ASCII without quote or backslash, by far the common case, needs no escaping. */
  string(s: string): void {
    const n = s.length;
    if (this.pos + n + 2 > this.buf.length) this.flush();
    if (n + 2 <= this.buf.length) {
      const buf = this.buf;
      let p = this.pos;
      buf[p++] = 34;
      let i = 0;
      for (; i < n; i++) {
        const c = s.charCodeAt(i);
        if (c < 32 || c > 126 || c === 34 || c === 92) break;
        buf[p++] = c;
      }
      if (i === n) {
        buf[p++] = 34;
        this.pos = p;
        return;
      }
    }
    // Escapes or non-ASCII: JSON.stringify decides (the bytes copied above lie past pos and are overwritten).
    this.text(JSON.stringify(s));
  }

  /** A number as JSON.stringify writes it: −0 as 0, non-finite as null. */
  number(x: number): void {
    // Whole numbers below 2^53 are written digit by digit (String(x) gives the same plain digits), which spares a
    // string per numeric answer: some 60,000 per 2,000-unit edition.
    if (Number.isSafeInteger(x)) return this.integer(x);
    this.ascii(Number.isFinite(x) ? String(x) : NULL);
  }

  private integer(x: number): void {
    if (this.pos + 17 > this.buf.length) this.flush();
    const buf = this.buf;
    if (x < 0) {
      buf[this.pos++] = 45;
      x = -x;
    }
    let digits = 1;
    for (let t = x; t >= 10; t = Math.floor(t / 10)) digits++;
    let p = this.pos + digits;
    this.pos = p;
    do {
      const q = Math.floor(x / 10);
      buf[--p] = 48 + (x - q * 10);
      x = q;
    } while (x > 0);
  }

  /** "sha256:<hex>" of everything written. */
  digest(): string {
    this.flush();
    return 'sha256:' + bytesToHex(this.h.digest());
  }

  private flush(): void {
    // Both hashes consume or copy the data within update(), so a view of the reused buffer is safe to hand over.
    if (this.pos) this.h.update(this.buf.subarray(0, this.pos));
    this.pos = 0;
  }
}

/**
 * canonicalJson(value) written straight into the sink, the same bytes without building the text: the framework
 * alone is some 50 kB of JSON, rebuilt from thousands of small strings on every scoring run.
 */
export function writeCanonical(out: CanonicalSink, value: unknown): void {
  if (value === null || value === undefined) return out.ascii(NULL);
  if (typeof value === 'number') return out.number(value);
  if (typeof value === 'string') return out.string(value);
  if (typeof value === 'boolean') return out.ascii(value ? 'true' : 'false');
  if (Array.isArray(value)) {
    out.ascii('[');
    for (let i = 0; i < value.length; i++) {
      if (i) out.ascii(',');
      writeCanonical(out, value[i]);
    }
    return out.ascii(']');
  }
  if (typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    // Defined keys compacted in place and insertion-sorted by code unit (what sort() does with strings): filter()
    // and sort()'s work copy were ~0.35 MB of garbage per scoring run for the framework's thousands of small objects.
    const keys = Object.keys(obj);
    let n = 0;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      if (obj[key] === undefined) continue;
      let l = n++;
      while (l > 0 && keys[l - 1]! > key) {
        keys[l] = keys[l - 1]!;
        l--;
      }
      keys[l] = key;
    }
    keys.length = n;
    out.ascii('{');
    for (let i = 0; i < n; i++) {
      if (i) out.ascii(',');
      out.string(keys[i]!);
      out.ascii(':');
      writeCanonical(out, obj[keys[i]!]);
    }
    return out.ascii('}');
  }
  out.ascii(NULL);
}

/** The canonical JSON up to the first unit: engine version, framework and options. */
export function writeHead(out: CanonicalSink, framework: Framework, options: unknown): void {
  out.text(`{"engineVersion":${JSON.stringify(ENGINE_VERSION)},"framework":`);
  writeCanonical(out, framework);
  out.ascii(',"options":');
  writeCanonical(out, options);
  out.ascii(',"units":[');
}

const ATTRIBUTE_KEYS = ['level', 'ministry', 'org_type', 'province', 'serves_public'];
// Each key's JSON prefix, built once (a template string per key and unit was garbage on every run).
const FIRST_KEY_JSON = ATTRIBUTE_KEYS.map((k) => `"${k}":`);
const NEXT_KEY_JSON = ATTRIBUTE_KEYS.map((k) => `,"${k}":`);

/** Canonical JSON of the attributes; the usual keys are written directly (they are already in sorted order). */
export function writeAttributes(out: CanonicalSink, a: UnitInput['attributes'] | undefined): void {
  if (!a) return out.ascii('{}');
  const rec = a as Record<string, unknown>;
  for (const k in rec) if (!ATTRIBUTE_KEYS.includes(k)) return out.text(canonicalJson(a));
  out.ascii('{');
  let first = true;
  for (let i = 0; i < ATTRIBUTE_KEYS.length; i++) {
    const v = rec[ATTRIBUTE_KEYS[i]!];
    if (v === undefined) continue;
    out.ascii(first ? FIRST_KEY_JSON[i]! : NEXT_KEY_JSON[i]!);
    first = false;
    if (typeof v === 'string') out.string(v);
    else out.text(answerJson(v));
  }
  out.ascii('}');
}

/** Accepted evidence codes, sorted and without duplicates (their order and repetition carry no meaning). */
export function evidenceJson(codes: readonly string[] | undefined): string {
  return codes ? canonicalJson([...new Set(codes)].sort()) : NULL;
}

/** The last two keys of a unit, and its closing brace. */
export function writeIdName(out: CanonicalSink, u: UnitInput): void {
  out.ascii(',"id":');
  // Scoring checks ids first, but the public fingerprint also takes unchecked units.
  if (typeof u.id === 'string') out.string(u.id);
  else out.text(SIMPLE.test(String(u.id)) ? `"${String(u.id)}"` : JSON.stringify(u.id));
  out.ascii(',"name":');
  if (u.name) out.text(canonicalJson(u.name));
  else out.ascii(NULL);
  out.ascii('}');
}

/**
 * A unit in compact canonical form: answers as an array in the framework's item order (the framework is hashed
 * too), order-free lists sorted, and any answer to a code the framework lacks kept in a sorted "extra" object.
 */
function writeUnit(out: CanonicalSink, u: UnitInput, codes: readonly string[], known: ReadonlySet<string>): void {
  const answers = (u.answers ?? {}) as Record<string, unknown>;
  out.ascii('{"answers":[');
  for (let k = 0; k < codes.length; k++) {
    if (k) out.ascii(',');
    const v = answers[codes[k]!];
    if (typeof v === 'string') out.string(v);
    else out.text(answerJson(v));
  }
  let extra: Record<string, unknown> | null = null;
  // Own keys only, as canonicalJson: an enumerable property inherited from a polluted prototype is not an answer.
  for (const key of Object.keys(answers))
    if (!known.has(key)) {
      extra ??= {};
      extra[key] = answers[key];
    }
  out.ascii('],"attributes":');
  writeAttributes(out, u.attributes);
  out.text(`,"evidenceAccepted":${evidenceJson(u.evidenceAccepted)}`);
  if (extra) out.text(`,"extra":${canonicalJson(extra)}`);
  writeIdName(out, u);
}

/** "sha256:<hex>". Units are hashed in id order, so their order in the input does not matter. */
export function fingerprint(framework: Framework, units: readonly UnitInput[], options: unknown = {}, hash: Sha256Factory = jsSha256): string {
  const out = new CanonicalSink(hash);
  const codes = itemCodes(framework);
  const known = new Set(codes);
  writeHead(out, framework, options);
  const sorted = [...units].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (let i = 0; i < sorted.length; i++) {
    if (i > 0) out.ascii(',');
    writeUnit(out, sorted[i]!, codes, known);
  }
  out.ascii(']}');
  return out.digest();
}
