// Which questions are visible given the answers, and what still stops an organisation from completing.
import type { AnswerValue, Framework } from '../framework/types.js';
import { frameworkItems, isScoredQuestion } from './items.js';

/** Visible item codes. An item whose condition refers to a hidden item is hidden too. */
export function visibleItems(fw: Framework, answers: Record<string, AnswerValue | undefined>): Set<string> {
  const located = frameworkItems(fw);
  const byCode = new Map(located.map((l) => [l.item.code, l.item]));
  const memo = new Map<string, boolean>();
  const visit = (code: string, depth: number): boolean => {
    const known = memo.get(code);
    if (known !== undefined) return known;
    const item = byCode.get(code);
    if (!item) return false;
    let visible = true;
    if (item.visibleIf) {
      // A cycle (rejected by validation) would otherwise recurse forever.
      if (depth > byCode.size) return false;
      const { item: ref, equals } = item.visibleIf;
      const refVisible = visit(ref, depth + 1);
      const a = answers[ref];
      visible = refVisible && (Array.isArray(a) ? typeof equals === 'string' && a.includes(equals) : a === equals);
    }
    memo.set(code, visible);
    return visible;
  };
  return new Set(located.filter((l) => visit(l.item.code, 0)).map((l) => l.item.code));
}

/** An answer that says "we have nothing" needs no evidence. */
function claimsSomething(value: AnswerValue): boolean {
  if (value === false) return false;
  if (Array.isArray(value)) return value.length > 0 && !(value.length === 1 && value[0] === 'none');
  return true;
}

export interface Checklist {
  unanswered: string[];
  missingEvidence: string[];
  complete: boolean;
}

/**
 * Only visible scored questions count. Unanswered: no value (or cleared). Missing evidence: a visible item that
 * requires evidence, answered with a claim (not "no"/"none"), with no file attached.
 */
export function checklist(fw: Framework, answers: Record<string, AnswerValue | undefined>, itemsWithEvidence: ReadonlySet<string>): Checklist {
  const visible = visibleItems(fw, answers);
  const unanswered: string[] = [];
  const missingEvidence: string[] = [];
  for (const { item } of frameworkItems(fw)) {
    if (!visible.has(item.code) || !isScoredQuestion(item)) continue;
    const v = answers[item.code];
    if (v === null || v === undefined || (Array.isArray(v) && v.length === 0)) {
      unanswered.push(item.code);
      continue;
    }
    if (item.requiresEvidence && claimsSomething(v) && !itemsWithEvidence.has(item.code)) missingEvidence.push(item.code);
  }
  return { unanswered, missingEvidence, complete: unanswered.length === 0 && missingEvidence.length === 0 };
}
