// Award-set editor helpers: immutable updates of one category, new-category templates, and API problems by field.
import type { AwardCategory, AwardSet, CommitteeCategory, RuleCategory } from '../../../engine/awards/category';
import type { ErrorDetail } from '../../api/client';

/** A problem path as the API reports it, reduced to the part inside the set ('categories[2].selection.topN'). */
export function setPath(path: string): string {
  const i = path.indexOf('categories[');
  if (i >= 0) return path.slice(i);
  // Top-level fields may come prefixed by the body ('set.version', '/set/version').
  return path.replace(/^\/?(body[./])?(set[./])?/, '').replace(/\//g, '.');
}

/** Problems of one field (exact path) and of everything under it (prefix), for the form's error props. */
export class FieldErrors {
  private readonly byPath = new Map<string, ErrorDetail[]>();

  constructor(details: readonly ErrorDetail[]) {
    for (const d of details) {
      const p = setPath(d.path);
      this.byPath.set(p, [...(this.byPath.get(p) ?? []), d]);
    }
  }

  /** Messages for exactly this path, in the user's language; undefined when none (Mantine shows no error). */
  at(path: string, en: boolean): string | undefined {
    const list = this.byPath.get(path);
    return list?.length ? list.map((d) => (en ? d.en : d.th)).join(' · ') : undefined;
  }

  /** Messages for this path and every path under it (e.g. all of `categories[1]`). */
  under(path: string): ErrorDetail[] {
    const out: ErrorDetail[] = [];
    for (const [p, list] of this.byPath) if (p === path || p.startsWith(`${path}.`) || p.startsWith(`${path}[`)) out.push(...list);
    return out;
  }

  /** Index of each category that has at least one problem → count. */
  categoryCounts(): Map<number, number> {
    const out = new Map<number, number>();
    for (const [p, list] of this.byPath) {
      const m = /^categories\[(\d+)\]/.exec(p);
      if (m) out.set(Number(m[1]), (out.get(Number(m[1])) ?? 0) + list.length);
    }
    return out;
  }

  get size(): number {
    return [...this.byPath.values()].reduce((n, l) => n + l.length, 0);
  }

  /** Problems whose path the form has no field for (shown in the summary only). */
  all(): ErrorDetail[] {
    return [...this.byPath.values()].flat();
  }
}

/** A number field's value: Mantine's NumberInput gives '' when cleared, which means "not set". */
export function optNumber(v: number | string): number | undefined {
  if (v === '' || v === null || v === undefined) return undefined;
  const n = typeof v === 'number' ? v : Number(v);
  return Number.isFinite(n) ? n : undefined;
}

/** Shares are edited as percentages (90 rather than 0.9) and stored as shares. */
export function shareToPercent(v: number | undefined): number | string {
  return v === undefined ? '' : Math.round(v * 10000) / 100;
}

export function percentToShare(v: number | string): number | undefined {
  const n = optNumber(v);
  return n === undefined ? undefined : Math.round(n * 100) / 10000;
}

/**
 * The nominations deadline is typed as Thailand wall-clock time (a datetime-local field has no zone) and stored
 * with +07:00, so a browser set to another zone still means the Thai date and time DGA announces.
 */
export function thaiLocalInput(iso: string | undefined): string {
  const t = iso ? Date.parse(iso) : NaN;
  return Number.isFinite(t) ? new Date(t + 7 * 3_600_000).toISOString().slice(0, 16) : '';
}

export function fromThaiLocalInput(v: string): string | undefined {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(v) ? `${v}:00+07:00` : undefined;
}

/** Returns a copy of `obj` with `key` set, or removed when `value` is undefined (the JSON omits unset options). */
export function withField<T extends object, K extends keyof T>(obj: T, key: K, value: T[K] | undefined): T {
  const next = { ...obj };
  if (value === undefined) delete next[key];
  else next[key] = value;
  return next;
}

export function replaceCategory(set: AwardSet, index: number, category: AwardCategory): AwardSet {
  return { ...set, categories: set.categories.map((c, i) => (i === index ? category : c)) };
}

function freeId(set: AwardSet, base: string): string {
  const ids = new Set(set.categories.map((c) => c.id));
  for (let i = 1; ; i++) if (!ids.has(`${base}_${i}`)) return `${base}_${i}`;
}

/** A new rule category with the engine defaults' shape; the committee fills in the rest. */
export function newRuleCategory(set: AwardSet): RuleCategory {
  return {
    type: 'rule',
    id: freeId(set, 'award'),
    name: { th: '', en: '' },
    eligibility: { peerGroups: ['department_all'] },
    criterion: { kind: 'overall' },
    selection: { topN: 3 },
    tie: { kind: 'all_win' },
    perPeerGroup: false,
  };
}

export function newCommitteeCategory(set: AwardSet): CommitteeCategory {
  return {
    type: 'committee',
    id: freeId(set, 'committee'),
    name: { th: '', en: '' },
    criteria: [{ code: 'c1', name: { th: '', en: '' }, weight: 1, maxScore: 10 }],
    awards: 1,
    minJudges: 3,
  };
}
