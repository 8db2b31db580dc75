// What each certificate says: one per award in an announced decision (the server adds the verification code and PDF).
import { PEER_GROUPS, type PeerGroupCode } from './category.js';
import { finalWinners, type AwardDecision } from './workflow.js';
import type { AwardProblem, AwardUnit, I18nText } from './types.js';
import { problem } from './types.js';

export interface CertificateSpec {
  edition: string;
  categoryId: string;
  category: I18nText;
  /** Competition group key and its name ('หน่วยงานระดับกรมที่ให้บริการประชาชนเป็นหลัก'…). */
  group: string;
  groupName: I18nText;
  unitId: string;
  recipient: I18nText;
  /** 'rule' or 'committee' (added by override); printed certificates look the same. */
  source: 'rule' | 'committee';
  /** "ประจำปี พ.ศ. 2566" / "2023 (B.E. 2566)" when the edition is a Buddhist year. */
  editionLabel: I18nText;
}

/**
 * Lists the certificates to issue, in category, group and winner order. Only announced decisions give certificates;
 * others are reported as problems and skipped, as are winners missing from `units`.
 */
export function certificatesToIssue(
  decisions: readonly AwardDecision[],
  units: readonly Pick<AwardUnit, 'id' | 'name'>[],
): { certificates: CertificateSpec[]; problems: AwardProblem[] } {
  const byId = new Map(units.map((u) => [u.id, u]));
  const certificates: CertificateSpec[] = [];
  const problems: AwardProblem[] = [];
  for (const d of decisions) {
    if (d.state !== 'announced') {
      problems.push(
        problem('NOT_ANNOUNCED', d.categoryId, `รางวัล ${d.categoryId} ยังไม่ได้ประกาศผล จึงยังออกเกียรติบัตรไม่ได้`, `${d.categoryId} is not announced yet, so no certificates`),
      );
      continue;
    }
    for (const w of finalWinners(d)) {
      const u = byId.get(w.unitId);
      if (!u) {
        problems.push(problem('UNIT_UNKNOWN', `${d.categoryId}.${w.unitId}`, `ไม่พบหน่วยงาน ${w.unitId}`, `Unit ${w.unitId} not found`));
        continue;
      }
      const g = d.result.groups.find((x) => x.key === w.group);
      certificates.push({
        edition: d.edition,
        categoryId: d.categoryId,
        category: d.result.name,
        group: w.group,
        groupName: g?.name ?? groupName(w.group),
        unitId: u.id,
        recipient: u.name,
        source: w.source,
        editionLabel: editionLabel(d.edition),
      });
    }
  }
  return { certificates, problems };
}

function groupName(key: string): I18nText {
  const codes = key.split('+').filter((c): c is PeerGroupCode => c in PEER_GROUPS);
  return { th: codes.map((c) => PEER_GROUPS[c].name.th).join(' / '), en: codes.map((c) => PEER_GROUPS[c].name.en).join(' / ') };
}

/** Buddhist-era editions (2500+) print as "ประจำปี พ.ศ. 2566" and "2023 (B.E. 2566)". */
export function editionLabel(edition: string): I18nText {
  const y = Number(edition);
  if (Number.isInteger(y) && y > 2400) return { th: `ประจำปี พ.ศ. ${y}`, en: `${y - 543} (B.E. ${y})` };
  return { th: `ประจำปี ${edition}`, en: edition };
}
