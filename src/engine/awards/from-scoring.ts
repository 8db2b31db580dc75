// Maps the scoring engine's results (scoreEdition, runRobustness) into the awards engine's input types.
import { AppError } from '../../shared/errors.js';
import type { Framework, Item, UnitInput } from '../framework/types.js';
import type { EditionResult } from '../results.js';
import type { RobustnessResult } from '../robustness/montecarlo.js';
import type { AwardItem, AwardUnit, GroupRobustness } from './types.js';

export interface ScoringSource {
  framework: Framework;
  /** The inputs that were scored (for accepted evidence and names). */
  inputs: readonly UnitInput[];
  /** scoreEdition's result, with item detail (the default). */
  result: EditionResult;
  /** The previous edition's result, for improvement awards; units are matched by id. */
  previous?: EditionResult;
}

function allItems(fw: Framework): Item[] {
  return fw.dimensions.flatMap((d) => [...(d.items ?? []), ...(d.subdimensions ?? []).flatMap((s) => s.items)]);
}

/**
 * Builds AwardUnits and the edition's tag index. Imputed and zero-scored missing answers count as unanswered, so an
 * award never rests on a value the agency did not give; indicator items use their normalised value as points.
 */
export function awardUnitsFromScoring(src: ScoringSource): { units: AwardUnit[]; itemTags: Record<string, string[]> } {
  const items = new Map(allItems(src.framework).map((i) => [i.code, i]));
  const itemTags: Record<string, string[]> = {};
  for (const i of items.values()) if (i.tags && i.tags.length > 0) itemTags[i.code] = [...i.tags];
  const inputs = new Map(src.inputs.map((u) => [u.id, u]));
  const previous = new Map((src.previous?.units ?? []).map((u) => [u.id, u]));

  const units = src.result.units.map((r): AwardUnit => {
    if (!r.items)
      throw new AppError('VALIDATION_FAILED', { detail: 'awards need item detail: score with itemDetail true' });
    const input = inputs.get(r.id);
    const accepted = new Set(input?.evidenceAccepted ?? []);
    const unitItems: Record<string, AwardItem> = {};
    let visible = 0;
    let answered = 0;
    let needEvidence = 0;
    let evidenceOk = 0;
    for (const s of r.items) {
      if (s.status === 'hidden') continue;
      const def = items.get(s.code);
      const isAnswered = s.status === 'answered' || s.status === 'no_evidence';
      const evidenceRequired = def?.requiresEvidence === true;
      const evidenceAccepted = evidenceRequired && accepted.has(s.code);
      visible++;
      if (isAnswered) answered++;
      if (isAnswered && evidenceRequired) {
        needEvidence++;
        if (evidenceAccepted) evidenceOk++;
      }
      const points = def?.kind === 'indicator' ? s.value : s.raw;
      unitItems[s.code] = { points: points ?? 0, answered: isAnswered, evidenceRequired, evidenceAccepted, ...(def ? { kind: def.kind } : {}) };
    }
    const prev = previous.get(r.id);
    const a = r.attributes;
    const unit: AwardUnit = {
      id: r.id,
      name: r.name ?? input?.name ?? { th: r.id, en: r.id },
      peer: {
        level: a.level ?? '',
        servesPublic: a.serves_public === true,
        ministry: a.ministry ?? null,
        province: a.province ?? null,
        orgType: a.org_type ?? null,
      },
      overall: r.overall,
      stage: r.stage ? { code: r.stage.code, order: r.stage.index } : null,
      dimensions: { ...r.dimensions },
      items: unitItems,
      completeness: visible === 0 ? 0 : answered / visible,
      acceptedEvidenceShare: needEvidence === 0 ? 1 : evidenceOk / needEvidence,
    };
    if (prev) unit.previous = { overall: prev.overall, dimensions: { ...prev.dimensions } };
    return unit;
  });
  return { units, itemTags };
}

/**
 * Rank intervals and non-robust pairs from runRobustness, for RobustnessInput. Ranks from a wider peer group (e.g.
 * 'level') still order two units of the same award group correctly, so one result can serve several award groups.
 */
export function groupRobustnessFromScoring(r: RobustnessResult): GroupRobustness {
  return {
    intervals: Object.fromEntries(r.units.map((u) => [u.id, { p5: u.rankP05, p50: u.medianRank, p95: u.rankP95 }])),
    pairs: r.unstablePairs.map((p) => ({ a: p.higher, b: p.lower, robust: false })),
  };
}
