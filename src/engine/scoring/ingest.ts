// One pass over every unit's answers: validation, item points, visibility and the fingerprint's canonical bytes.
import type { CompiledFramework } from '../framework/compile.js';
import type { AnswerValue, Framework, Item, UnitInput } from '../framework/types.js';
import { CanonicalSink, answerJson, itemCodes, writeAttributes, writeHead, writeIdName, type Sha256Factory } from '../fingerprint.js';
import { answerProblem, itemPoints, ST, type ItemMatrix } from './items.js';

/**
 * Why this exists: reading 300,000 answers out of keyed objects is the slowest part of scoring an edition, and the
 * straightforward path (readAnswers → computeItemMatrix → fingerprint) read or re-walked every answer three times,
 * building an intermediate row array per unit and a JSON string per answer. Here each answer is read once and, in
 * the same step, checked, turned into points and written as canonical JSON bytes into the hash. Anything unusual —
 * an answer that fails the quick checks, an unknown code — defers to the straightforward functions, so messages,
 * points and bytes are exactly theirs; test/engine/ingest.test.ts compares both paths on random editions.
 */

const K_YES_NO = 0;
const K_SINGLE = 1;
const K_MULTI = 2;
const K_NUMBER = 3;
const K_INDICATOR = 4;
const K_TEXT = 5;
const KIND_CODE: Record<Item['kind'], number> = { yes_no: K_YES_NO, single_choice: K_SINGLE, multi_choice: K_MULTI, number: K_NUMBER, indicator: K_INDICATOR, text: K_TEXT };

/**
 * Positions in ItemSpec.num. The numbers live in a Float64Array rather than in fields because a field first holding
 * a small integer (cap 1) and then, for another item, a fraction (cap 0.5) changes the objects' hidden class, which
 * de-optimised the pass over the first scoring runs.
 */
const N_YES = 0;
const N_NO = 1;
const N_COUNT_FOR_FULL = 2;
const N_CAP = 3;
const N_MIN = 4;
const N_MAX = 5;
const N_LOW = 6;
const N_HIGH = 7;

/** Everything the pass needs about one item, resolved once per edition (one object shape for every kind). */
interface ItemSpec {
  item: Item;
  kind: number;
  /**
   * Yes/no points; multi-choice divisor for full marks and cap; number items' allowed range (±Infinity when open)
   * and goalposts (when `goalposts`).
   */
  num: Float64Array;
  /** Choice items: option code → option index (empty for other kinds). */
  options: Map<string, number>;
  optionPoints: Float64Array;
  /** JSON of each option code, as UTF-8 bytes. */
  optionJson: Uint8Array[];
  /** Position of each option code in sorted order (canonical JSON sorts multi-choice answers). */
  optionRank: Int32Array;
  /** Multi-choice: the "none" option's index (-1 if none), and whether it is scored by count. */
  noneIndex: number;
  count: boolean;
  /** Number items: whether only whole numbers are allowed, and whether they are scored by goalposts. */
  integer: boolean;
  goalposts: boolean;
  /** Option code → points, for the straightforward fallbacks. */
  pointMap: Map<string, number> | undefined;
}

const enc = new TextEncoder();
const COMMA = 44;
const BRACKET_OPEN = 91;
const BRACKET_CLOSE = 93;
const NULL_BYTES = enc.encode('null');
const TRUE_BYTES = enc.encode('true');
const FALSE_BYTES = enc.encode('false');

function itemSpec(cf: CompiledFramework, item: Item): ItemSpec {
  // Every field gets its final value in the literal (no field changes from null or [] to a Map or a filled array
  // afterwards): such a change alters the objects' hidden class and de-optimised the code reading them.
  const pointMap = cf.optionPoints.get(item.code);
  const choice = item.kind === 'single_choice' || item.kind === 'multi_choice';
  const codes = choice ? item.options.map((o) => o.code) : [];
  const sorted = [...codes].sort();
  const num = Float64Array.of(1, 0, 1, 1, -Infinity, Infinity, 0, 1);
  if (item.kind === 'yes_no') {
    num[N_YES] = item.points?.yes ?? 1;
    num[N_NO] = item.points?.no ?? 0;
  }
  if (item.kind === 'number') {
    // As answerProblem: a bound applies only when it is a finite number.
    if (Number.isFinite(item.min)) num[N_MIN] = item.min!;
    if (Number.isFinite(item.max)) num[N_MAX] = item.max!;
    if (item.scoring.type === 'goalposts') {
      num[N_LOW] = item.scoring.low;
      num[N_HIGH] = item.scoring.high;
    }
  }
  if (item.kind === 'multi_choice') {
    num[N_COUNT_FOR_FULL] = item.countForFull ?? item.options.filter((o) => o.code !== 'none').length;
    num[N_CAP] = item.cap ?? 1;
  }
  return {
    item,
    kind: KIND_CODE[item.kind],
    num,
    options: new Map(codes.map((c, i) => [c, i])),
    // Points exactly as itemPoints reads them, from compileFramework's map.
    optionPoints: Float64Array.from(codes, (c) => pointMap!.get(c)!),
    optionJson: codes.map((c) => enc.encode(JSON.stringify(c))),
    optionRank: Int32Array.from(codes, (c) => sorted.indexOf(c)),
    noneIndex: codes.indexOf('none'),
    count: item.kind === 'multi_choice' && item.scoring === 'count',
    integer: item.kind === 'number' && !!item.integer,
    goalposts: item.kind === 'number' && item.scoring.type === 'goalposts',
    pointMap,
  };
}

export interface Ingested {
  matrix: ItemMatrix;
  fingerprint: string;
}

/**
 * Per-edition lookups and per-unit scratch of one ingest pass. The pass is split into small functions over this
 * state (one unit's answers, its evidence, its visibility, its matrix row) because V8 optimises small functions
 * within the first scoring run and keeps them, where one large function was compiled, de-optimised and re-compiled
 * over the first few runs.
 */
interface IngestState {
  specs: ItemSpec[];
  codes: string[];
  codeIndex: Map<string, number>;
  rankJson: Uint8Array[];
  codeRank: Int32Array;
  requiresEvidence: Uint8Array;
  m: number;
  /** Visibility plan, as in computeItemMatrix: items in dependency order, each with its target's position. */
  visTarget: Int32Array;
  visRow: Int32Array;
  visMulti: Uint8Array;
  visEquals: (boolean | string | null)[];
  anyVisibleIf: boolean;
  colPos: Int32Array;
  colRow: Int32Array;
  raw: Float64Array;
  status: Uint8Array;
  /** Per-unit scratch, reused: the answers (for visibility), their points, visibility, and which codes have
   *  accepted evidence (marked with the unit's number, so nothing needs clearing between units). */
  row: (AnswerValue | undefined)[];
  pts: Float64Array;
  vis: Uint8Array;
  evMark: Int32Array;
  chosen: Int32Array;
  /** Ranks of the unit's evidence codes, without duplicates (typed: refilled for every unit). */
  evRanks: Int32Array;
  evCount: number;
  ids: Set<string>;
  out: CanonicalSink;
  /** Whether no item code names a property of Object.prototype (see readRow). */
  ownKeysSuffice: boolean;
}

/**
 * Item points (before the missing rule) and the fingerprint of units already sorted by id, or null when any unit
 * has a problem: the caller then reports every problem through readAnswers, in its documented order.
 * Assumes the framework's item codes in document order equal cf.allItems' (validation forbids the alternatives).
 */
export function ingestUnits(cf: CompiledFramework, framework: Framework, units: readonly UnitInput[], options: unknown, sha256?: Sha256Factory): Ingested | null {
  const codes = [...cf.allItems.keys()];
  const docCodes = itemCodes(framework);
  if (docCodes.length !== codes.length || docCodes.some((c, k) => c !== codes[k])) return null;
  const st = ingestState(cf, codes, units.length, sha256);
  writeHead(st.out, framework, options);
  for (let u = 0; u < units.length; u++) if (!ingestUnit(st, units[u]!, u)) return null;
  st.out.ascii(']}');
  return { matrix: { n: units.length, m: st.m, raw: st.raw, status: st.status }, fingerprint: st.out.digest() };
}

function ingestState(cf: CompiledFramework, codes: string[], n: number, sha256: Sha256Factory | undefined): IngestState {
  const K = codes.length;
  const m = cf.items.length;
  const specs = codes.map((c) => itemSpec(cf, cf.allItems.get(c)!));
  const codeIndex = new Map(codes.map((c, k) => [c, k]));
  const sortedCodes = [...codes].sort();
  const sortedRank = new Map(sortedCodes.map((c, r) => [c, r]));
  const order = cf.visibilityOrder;
  const pos = new Map(order.map((c, i) => [c, i]));
  const visTarget = new Int32Array(order.length).fill(-1);
  const visRow = new Int32Array(order.length).fill(-1);
  const visMulti = new Uint8Array(order.length);
  const visEquals: (boolean | string | null)[] = [];
  order.forEach((c, i) => {
    const cond = cf.allItems.get(c)!.visibleIf;
    visEquals.push(cond ? cond.equals : null);
    if (!cond) return;
    visTarget[i] = pos.get(cond.item)!;
    visRow[i] = codeIndex.get(cond.item)!;
    visMulti[i] = cf.allItems.get(cond.item)!.kind === 'multi_choice' ? 1 : 0;
  });
  return {
    specs,
    codes,
    codeIndex,
    rankJson: sortedCodes.map((c) => enc.encode(JSON.stringify(c))),
    codeRank: Int32Array.from(codes, (c) => sortedRank.get(c)!),
    requiresEvidence: Uint8Array.from(codes, (c) => (cf.allItems.get(c)!.requiresEvidence ? 1 : 0)),
    m,
    visTarget,
    visRow,
    visMulti,
    visEquals,
    anyVisibleIf: visRow.some((r) => r >= 0),
    colPos: Int32Array.from(cf.items, (ci) => pos.get(ci.code)!),
    colRow: Int32Array.from(cf.items, (ci) => codeIndex.get(ci.code)!),
    raw: new Float64Array(n * m),
    status: new Uint8Array(n * m),
    row: new Array<AnswerValue | undefined>(K),
    pts: new Float64Array(K),
    vis: new Uint8Array(order.length),
    evMark: new Int32Array(K),
    chosen: new Int32Array(Math.max(1, ...specs.map((s) => s.optionRank.length))),
    evRanks: new Int32Array(K),
    evCount: 0,
    ids: new Set<string>(),
    out: new CanonicalSink(sha256),
    ownKeysSuffice: codes.every((c) => !(c in Object.prototype)),
  };
}

/** One unit: its answers, evidence and the rest of its canonical JSON, then its matrix row; false on any problem. */
function ingestUnit(st: IngestState, unit: UnitInput, u: number): boolean {
  const out = st.out;
  const id = unit.id;
  if (typeof id !== 'string' || id === '' || st.ids.has(id)) return false;
  st.ids.add(id);
  const answers = (unit.answers ?? {}) as Record<string, unknown>;
  if (!readRow(st, answers)) return false;
  out.ascii(u ? ',{"answers":[' : '{"answers":[');
  if (!writeAnswers(st)) return false;
  const mark = u + 1;
  const evidence = unit.evidenceAccepted;
  if (evidence && !markEvidence(st, evidence, mark)) return false;
  out.ascii('],"attributes":');
  writeAttributes(out, unit.attributes);
  out.ascii(',"evidenceAccepted":');
  if (!evidence) out.ascii('null');
  else writeEvidence(st);
  writeIdName(out, unit);
  if (st.anyVisibleIf) visibility(st);
  fillRow(st, u, mark);
  return true;
}

/**
 * The unit's answers into st.row by item position; false when the object has a key the framework lacks (the
 * straightforward path then reports it).
 *
 * Why a walk over the object's keys: looking up each item code (a hash probe per code in objects built key by key,
 * which V8 keeps as hash tables) and then listing the keys to find unknown ones cost ~40 % of the pass. One walk
 * maps each key to its position and reads its value: both jobs at once. Keys usually come in framework order (the
 * server's answerRecord), so the next position is tried before the Map.
 *
 * Own enumerable keys give the same answers as reading every code only when no code can be found on the
 * prototype: the plain and null-prototype objects JSON and object literals produce (whose properties are all
 * enumerable), with no item code naming a property of Object.prototype. Other objects read code by code, as before.
 */
function readRow(st: IngestState, answers: Record<string, unknown>): boolean {
  const { codes, codeIndex, row } = st;
  const K = codes.length;
  row.fill(undefined);
  const proto = Object.getPrototypeOf(answers) as unknown;
  if (!st.ownKeysSuffice || (proto !== Object.prototype && proto !== null)) return readRowByCode(st, answers);
  let next = 0;
  // for…in rather than Object.keys: on the server's answer objects (one shared hidden class, see answerRecord) V8
  // walks the class's cached key list without copying it and reads each value straight from its slot; Object.keys
  // copied the list per unit (2.6 MB per run) and each read was a generic keyed lookup. An inherited enumerable key
  // (a polluted Object.prototype) is unknown here, which only sends the unit down the code-by-code path.
  for (const key in answers) {
    let k: number | undefined = next;
    if (next >= K || codes[next] !== key) {
      k = codeIndex.get(key);
      if (k === undefined) return false;
    }
    row[k] = answers[key] as AnswerValue | undefined;
    next = k + 1;
  }
  return true;
}

/** readRow for unusual objects: every code looked up, then any key the framework lacks (or holding undefined). */
function readRowByCode(st: IngestState, answers: Record<string, unknown>): boolean {
  const { codes, row } = st;
  let found = 0;
  for (let k = 0; k < codes.length; k++) {
    const v = answers[codes[k]!] as AnswerValue | undefined;
    row[k] = v;
    if (v !== undefined) found++;
  }
  // A count that does not add up means some key is unknown (or holds undefined).
  if (Object.keys(answers).length !== found) for (const key in answers) if (!st.codeIndex.has(key)) return false;
  return true;
}

/** Checks, scores and writes every answer of st.row in framework order; false on a problem. */
function writeAnswers(st: IngestState): boolean {
  const { row, out, specs } = st;
  const K = row.length;
  for (let k = 0; k < K; k++) {
    if (k) out.byte(COMMA);
    const v = row[k];
    if (v === undefined || v === null) out.bytes(NULL_BYTES);
    else if (!readAnswer(st, specs[k]!, k, v)) return false;
  }
  return true;
}

/** One non-null answer: its points into st.pts[k] and its canonical JSON into the sink; false when it has a problem. */
function readAnswer(st: IngestState, s: ItemSpec, k: number, v: AnswerValue): boolean {
  const { out, pts } = st;
  // Each case either handles the common valid answer completely, or breaks out to the general path below.
  switch (s.kind) {
    case K_YES_NO:
      if (v === true) {
        pts[k] = s.num[N_YES]!;
        out.bytes(TRUE_BYTES);
        return true;
      }
      if (v === false) {
        pts[k] = s.num[N_NO]!;
        out.bytes(FALSE_BYTES);
        return true;
      }
      break;
    case K_SINGLE:
      if (typeof v === 'string') {
        const o = s.options.get(v);
        if (o !== undefined) {
          pts[k] = s.optionPoints[o]!;
          out.bytes(s.optionJson[o]!);
          return true;
        }
      }
      break;
    case K_MULTI:
      if (Array.isArray(v) && multiChoice(s, v, st.chosen)) {
        multiChoicePoints(s, st.chosen, v.length, pts, k);
        writeSortedOptions(out, s, st.chosen, v.length);
        return true;
      }
      break;
    case K_NUMBER:
      if (typeof v === 'number' && Number.isFinite(v) && !(v < s.num[N_MIN]!) && !(v > s.num[N_MAX]!) && !(s.integer && !Number.isInteger(v))) {
        if (s.goalposts) goalpostPoints(pts, k, s.num, v);
        else pts[k] = itemPoints(s.item, v);
        out.number(v);
        return true;
      }
      break;
    case K_INDICATOR:
      if (typeof v === 'number' && Number.isFinite(v)) {
        pts[k] = v;
        out.number(v);
        return true;
      }
      break;
    case K_TEXT:
      if (typeof v === 'string') {
        out.string(v);
        return true;
      }
      break;
    default:
      break;
  }
  // Exotic valid answers (e.g. "none" alone, a multi-choice list longer than the options) and problems.
  if (answerProblem(s.item, v)) return false;
  if (s.kind !== K_TEXT) pts[k] = itemPoints(s.item, v, s.pointMap);
  out.text(answerJson(v));
  return true;
}

/**
 * Points of a valid multi-choice answer into pts[k]: they add up in the answer's order, as itemPoints does. Stored
 * here rather than returned, because V8 does not inline this function and a returned fraction is boxed: 36,000
 * heap numbers, 0.55 MB per scoring run (alloc.mjs).
 */
function multiChoicePoints(s: ItemSpec, chosen: Int32Array, len: number, pts: Float64Array, k: number): void {
  if (s.count) {
    pts[k] = Math.min(len / s.num[N_COUNT_FOR_FULL]!, s.num[N_CAP]!);
    return;
  }
  let sum = 0;
  for (let i = 0; i < len; i++) sum += s.optionPoints[chosen[i]!]!;
  pts[k] = Math.min(sum, s.num[N_CAP]!);
}

/**
 * A number answer's points on goalposts into pts[k]: itemPoints' expression, without its general dispatch. Stored,
 * not returned: the returned fraction was boxed (0.9 MB per run).
 */
function goalpostPoints(pts: Float64Array, k: number, num: Float64Array, x: number): void {
  pts[k] = Math.min(1, Math.max(0, (x - num[N_LOW]!) / (num[N_HIGH]! - num[N_LOW]!)));
}

/** Marks the codes with accepted evidence and collects their ranks without duplicates; false on an unknown code. */
function markEvidence(st: IngestState, evidence: readonly string[], mark: number): boolean {
  const { evRanks, evMark, codeIndex, codeRank } = st;
  let count = 0;
  for (let i = 0; i < evidence.length; i++) {
    const k = codeIndex.get(evidence[i]!);
    if (k === undefined) return false;
    if (evMark[k] !== mark) {
      evMark[k] = mark;
      evRanks[count++] = codeRank[k]!;
    }
  }
  st.evCount = count;
  return true;
}

/** The evidence codes without duplicates, in sorted order: their ranks, sorted, index the JSON prepared per rank. */
function writeEvidence(st: IngestState): void {
  const { evRanks, evCount, out, rankJson } = st;
  // Insertion sort of a few distinct ranks (Array.prototype.sort allocated work arrays for every unit).
  for (let i = 1; i < evCount; i++) {
    const r = evRanks[i]!;
    let l = i;
    while (l > 0 && evRanks[l - 1]! > r) {
      evRanks[l] = evRanks[l - 1]!;
      l--;
    }
    evRanks[l] = r;
  }
  out.ascii('[');
  for (let i = 0; i < evCount; i++) {
    if (i) out.ascii(',');
    out.bytes(rankJson[evRanks[i]!]!);
  }
  out.ascii(']');
}

/** Visibility of every item in dependency order, from the unit's answers in st.row. */
function visibility(st: IngestState): void {
  const { visTarget, visRow, visEquals, visMulti, vis, row } = st;
  for (let i = 0; i < visTarget.length; i++) {
    const t = visTarget[i]!;
    if (t < 0) vis[i] = 1;
    else if (!vis[t]) vis[i] = 0;
    else {
      const a = row[visRow[i]!];
      const eq = visEquals[i]!;
      vis[i] = a === undefined || a === null ? 0 : visMulti[i] ? (Array.isArray(a) && a.includes(eq as string) ? 1 : 0) : a === eq ? 1 : 0;
    }
  }
}

/** The unit's matrix row: hidden, missing, gated by evidence, or answered with its points. */
function fillRow(st: IngestState, u: number, mark: number): void {
  const { m, raw, status, anyVisibleIf, vis, colPos, colRow, row, requiresEvidence, evMark, pts } = st;
  const base = u * m;
  for (let j = 0; j < m; j++) {
    if (anyVisibleIf && !vis[colPos[j]!]) {
      raw[base + j] = NaN;
      status[base + j] = ST.hidden;
      continue;
    }
    const k = colRow[j]!;
    const v = row[k];
    if (v === undefined || v === null) {
      raw[base + j] = NaN;
      status[base + j] = ST.missing;
    } else if (requiresEvidence[k] && evMark[k] !== mark) {
      raw[base + j] = 0;
      status[base + j] = ST.noEvidence;
    } else {
      raw[base + j] = pts[k]!;
      status[base + j] = ST.answered;
    }
  }
}

/**
 * The common valid multi-choice answer: known option codes, no repeats, no "none" (which is valid only alone, and
 * left to the general path). Fills `chosen` with the option indices in answer order.
 */
function multiChoice(s: ItemSpec, v: readonly unknown[], chosen: Int32Array): boolean {
  const len = v.length;
  if (len > chosen.length) return false;
  for (let i = 0; i < len; i++) {
    const c = v[i];
    if (typeof c !== 'string') return false;
    const o = s.options.get(c);
    if (o === undefined || o === s.noneIndex) return false;
    for (let l = 0; l < i; l++) if (chosen[l] === o) return false;
    chosen[i] = o;
  }
  return true;
}

/** JSON of the chosen options in sorted code order (answerJson's order), by insertion sort on their ranks. */
function writeSortedOptions(out: CanonicalSink, s: ItemSpec, chosen: Int32Array, len: number): void {
  if (len === 0) return out.ascii('[]');
  const rank = s.optionRank;
  for (let i = 1; i < len; i++) {
    const o = chosen[i]!;
    let l = i;
    while (l > 0 && rank[chosen[l - 1]!]! > rank[o]!) {
      chosen[l] = chosen[l - 1]!;
      l--;
    }
    chosen[l] = o;
  }
  out.byte(BRACKET_OPEN);
  for (let i = 0; i < len; i++) {
    if (i) out.byte(COMMA);
    out.bytes(s.optionJson[chosen[i]!]!);
  }
  out.byte(BRACKET_CLOSE);
}
