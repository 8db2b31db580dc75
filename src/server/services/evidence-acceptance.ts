// Which evidence counts as accepted when an edition is scored: one explicit, replaceable rule recorded on every snapshot.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { evidenceItems } from '../repositories/results.js';

/**
 * An evidence rule returns, per organisation, the item codes whose evidence is accepted (the engine's
 * `UnitInput.evidenceAccepted`; items with `requiresEvidence` score 0 unless listed). Its `name` is stored on the
 * snapshot (and so covered by its fingerprint via the inputs), so a published number always says which rule made it.
 */
export interface EvidenceRule {
  name: string;
  accepted: (db: Kysely<Database>, editionId: string) => Promise<Map<string, string[]>>;
}

/**
 * Until reviewers record decisions item by item (the verification feature), evidence is accepted when at least one
 * evidence file (not deleted) exists for the item. The verification feature replaces this rule by calling
 * `setEvidenceRule` with one that reads its decision table (e.g. name "reviewer_decision").
 */
export const fileExistsRule: EvidenceRule = {
  name: 'file_exists',
  accepted: async (db, editionId) => {
    const out = new Map<string, string[]>();
    for (const r of await evidenceItems(db, editionId)) {
      const list = out.get(r.organisation_id);
      if (list) list.push(r.item_code);
      else out.set(r.organisation_id, [r.item_code]);
    }
    for (const list of out.values()) list.sort();
    return out;
  },
};

let current: EvidenceRule = fileExistsRule;

export function evidenceRule(): EvidenceRule {
  return current;
}

/** Replaces the rule for the whole process (set once at start-up by the feature that owns evidence decisions). */
export function setEvidenceRule(rule: EvidenceRule): void {
  current = rule;
}
