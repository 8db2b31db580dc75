// Conflicts of interest between judges and Digital Local entries, derived from the registry structure and declarations.
import { reason, type Reason } from './messages.js';

/**
 * A judge's link to the registry. 'lao': works for / sits on an LAO (its province, when known, lets the
 * same-province rule apply); 'province': a provincial office or the province itself; 'pao': the Provincial
 * Administrative Organisation of a province (it supports and co-funds the LAOs there).
 */
export type Affiliation =
  | { kind: 'lao'; laoId: string; provinceCode?: string }
  | { kind: 'province'; provinceCode: string }
  | { kind: 'pao'; provinceCode: string };

/**
 * A conflict the judge declared themselves: with an LAO they are linked to, with a whole province, or with an LAO for
 * another reason they must state (e.g. a relative on its council, a stake in the supplier of its innovation).
 */
export type DeclaredConflict =
  | { kind: 'lao'; laoId: string; note?: string }
  | { kind: 'province'; provinceCode: string; note?: string }
  | { kind: 'other'; laoId: string; note: string };

export interface Judge {
  id: string;
  affiliations: Affiliation[];
  declaredConflicts: DeclaredConflict[];
  /** Most entries this judge will take; unlimited when absent. */
  capacity?: number;
}

export interface Entry {
  id: string;
  /** The applicant LAO's registry id. */
  laoId: string;
  /** DOPA province code of the applicant LAO. */
  provinceCode: string;
  laoType: string;
}

export interface ConflictPolicy {
  /**
   * A judge linked to one LAO is also conflicted with other LAOs of the same province (they compete locally and
   * deal with the same PAO and provincial offices). Default true: the conservative reading of "the same province".
   */
  laoAffiliationCoversProvince: boolean;
}

export const DEFAULT_CONFLICT_POLICY: ConflictPolicy = { laoAffiliationCoversProvince: true };

export interface Conflict extends Reason {
  judgeId: string;
  entryId: string;
}

/** Every reason this judge may not judge this entry; empty when there is none. */
export function findConflicts(judge: Judge, entry: Entry, policy: ConflictPolicy = DEFAULT_CONFLICT_POLICY): Conflict[] {
  const out: Conflict[] = [];
  const add = (r: Reason) => {
    if (!out.some((c) => c.code === r.code)) out.push({ ...r, judgeId: judge.id, entryId: entry.id });
  };
  const province = entry.provinceCode;
  for (const a of judge.affiliations) {
    if (a.kind === 'lao') {
      if (a.laoId === entry.laoId) add(reason('CONFLICT_SAME_LAO'));
      else if (policy.laoAffiliationCoversProvince && a.provinceCode === province) add(reason('CONFLICT_LAO_IN_PROVINCE', { province }));
    } else if (a.kind === 'province') {
      if (a.provinceCode === province) add(reason('CONFLICT_SAME_PROVINCE', { province }));
    } else if (a.provinceCode === province) {
      add(reason('CONFLICT_PAO_OF_PROVINCE', { province }));
    }
  }
  for (const d of judge.declaredConflicts) {
    if (d.kind === 'lao' && d.laoId === entry.laoId) add(reason('CONFLICT_DECLARED_LAO'));
    if (d.kind === 'province' && d.provinceCode === province) add(reason('CONFLICT_DECLARED_PROVINCE', { province }));
    if (d.kind === 'other' && d.laoId === entry.laoId) add(reason('CONFLICT_DECLARED_OTHER', { reason: d.note }));
  }
  return out;
}

export function isConflicted(judge: Judge, entry: Entry, policy: ConflictPolicy = DEFAULT_CONFLICT_POLICY): boolean {
  return findConflicts(judge, entry, policy).length > 0;
}

/** All conflicted (judge, entry) pairs of a panel, e.g. for the committee's conflict register. */
export function conflictRegister(judges: readonly Judge[], entries: readonly Entry[], policy: ConflictPolicy = DEFAULT_CONFLICT_POLICY): Conflict[] {
  const out: Conflict[] = [];
  for (const j of judges) for (const e of entries) out.push(...findConflicts(j, e, policy));
  return out;
}
