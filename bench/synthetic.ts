// Seeded synthetic framework (6 dimensions × 25 questions of every kind) and answers, for the benchmark and tests.
import { answerCodes, answerRecord, createRng, type AnswerValue, type Framework, type Item, type UnitInput } from '../src/engine/index.js';

const t = (en: string, th: string): { th: string; en: string } => ({ th, en });

export function syntheticFramework(itemsPerDimension = 25, dimensions = 6): Framework {
  const dims = Array.from({ length: dimensions }, (_, d) => {
    const items: Item[] = Array.from({ length: itemsPerDimension }, (_, k) => {
      const code = `D${d + 1}.${String(k + 1).padStart(2, '0')}`;
      const base = { code, text: t(`Question ${code}`, `คำถาม ${code}`), recommendation: t(`Improve ${code}`, `ควรพัฒนา ${code}`) };
      switch (k % 5) {
        case 0:
          return { ...base, kind: 'yes_no', requiresEvidence: k % 10 === 0 } as Item;
        case 1:
          return {
            ...base,
            kind: 'single_choice',
            options: [0, 0.25, 0.5, 0.75, 1].map((p, i) => ({ code: `o${i}`, label: t(`Level ${i}`, `ระดับ ${i}`), points: p })),
          } as Item;
        case 2:
          return {
            ...base,
            kind: 'multi_choice',
            scoring: 'count',
            options: ['a', 'b', 'c', 'd'].map((c) => ({ code: c, label: t(c, c), points: 0.25 })),
          } as Item;
        case 3:
          return { ...base, kind: 'number', min: 0, scoring: { type: 'goalposts', low: 0, high: 100 } } as Item;
        default:
          return { ...base, kind: 'yes_no', visibleIf: { item: `D${d + 1}.${String(k - 1).padStart(2, '0')}`, equals: 'a' } } as Item;
      }
    });
    return { code: `D${d + 1}`, name: t(`Dimension ${d + 1}`, `มิติ ${d + 1}`), items };
  });
  return {
    id: 'synthetic',
    version: '1',
    title: t('Synthetic framework', 'กรอบสังเคราะห์'),
    scale: '0-100',
    missing: { rule: 'zero' },
    aggregation: { items: { method: 'arithmetic' }, dimensions: { method: 'arithmetic' } },
    dimensions: dims,
    stages: [
      { code: 'initial', name: t('Initial', 'ขั้นริเริ่ม'), minScore: 0 },
      { code: 'basic', name: t('Basic', 'ขั้นต้น'), minScore: 25 },
      { code: 'intermediate', name: t('Intermediate', 'ขั้นกลาง'), minScore: 50 },
      { code: 'advanced', name: t('Advanced', 'ขั้นสูง'), minScore: 75, conditions: [{ dimension: 'D1', min: 50 }] },
    ],
    peerGroups: ['level', 'ministry', 'province'],
  };
}

/**
 * Seeded answers of n units. `shape` 'server' gives each unit's answers as the server passes them to the engine
 * (answerRecord: every item in framework order, null when unanswered); 'sparse' only the answered items, added key
 * by key (the same answers and results, in the shape V8 keeps as a hash table per unit).
 */
export function syntheticUnits(fw: Framework, n: number, seed = 42, shape: 'server' | 'sparse' = 'server'): UnitInput[] {
  const rng = createRng(seed);
  const items = fw.dimensions.flatMap((d) => d.items ?? []);
  const codes = answerCodes(fw);
  return Array.from({ length: n }, (_, i) => {
    const ability = rng.next();
    const answers: Record<string, AnswerValue> = {};
    const evidence: string[] = [];
    for (const it of items) {
      if (rng.next() < 0.03) continue; // missing answer
      const good = rng.next() < ability;
      switch (it.kind) {
        case 'yes_no':
          answers[it.code] = good;
          if (it.requiresEvidence && rng.next() < 0.8) evidence.push(it.code);
          break;
        case 'single_choice':
          answers[it.code] = `o${Math.min(4, Math.floor(ability * 5 * rng.next() * 1.5))}`;
          break;
        case 'multi_choice':
          answers[it.code] = ['a', 'b', 'c', 'd'].filter(() => rng.next() < ability);
          break;
        case 'number':
          answers[it.code] = Math.round(100 * ability * rng.next() * 1.2);
          break;
        default:
          break;
      }
    }
    return {
      id: `U${String(i + 1).padStart(5, '0')}`,
      attributes: { level: i % 5 === 0 ? 'province' : 'department', ministry: `M${i % 20}`, province: `P${i % 77}`, serves_public: i % 2 === 0, org_type: 'government_agency' },
      answers: shape === 'server' ? answerRecord(codes, new Map(Object.entries(answers))) : answers,
      evidenceAccepted: evidence,
    };
  });
}
