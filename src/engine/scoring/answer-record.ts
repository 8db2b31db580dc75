// A unit's answers in the shape scoring reads fastest: every framework item in framework order, then any other code.
import { itemCodes } from '../fingerprint.js';
import type { AnswerValue, Framework } from '../framework/types.js';

/**
 * Why this shape: V8 gives objects that Object.fromEntries builds with the same keys in the same order one shared
 * hidden class, so scoring lists their keys from a cache and reads their values through one layout. Objects built
 * key by key (`answers[code] = value`), with a different set of keys per unit, become hash tables instead: listing
 * and reading their keys was about a tenth of scoring a 2,000-unit edition. So every item is present, null when
 * unanswered (which scoring treats exactly as an absent key: same points, same fingerprint). Codes the framework
 * lacks are kept, after the framework's, so that scoring still refuses them.
 */
export function answerRecord(codes: readonly string[], answers: ReadonlyMap<string, AnswerValue>): Record<string, AnswerValue> {
  const entries = new Array<[string, AnswerValue]>(codes.length);
  let found = 0;
  for (let k = 0; k < codes.length; k++) {
    const v = answers.get(codes[k]!);
    if (v !== undefined) found++;
    entries[k] = [codes[k]!, v ?? null];
  }
  if (found < answers.size) {
    const known = new Set(codes);
    for (const [code, v] of answers) if (!known.has(code)) entries.push([code, v]);
  }
  return Object.fromEntries(entries) as Record<string, AnswerValue>;
}

/** The item codes answerRecord expects, in framework order (every kind of item, text items too). */
export const answerCodes = (framework: Framework): string[] => itemCodes(framework);
