import { describe, expect, it } from 'vitest';
import type { Framework } from '../../src/engine/framework/types.js';
import { answerLabel, answerProblem } from '../../src/engine/questionnaire/answers.js';
import { checklist, visibleItems } from '../../src/engine/questionnaire/checklist.js';
import { frameworkItems } from '../../src/engine/questionnaire/items.js';

const t = (th: string) => ({ th, en: th });
const fw: Framework = {
  id: 'test',
  version: '1',
  title: t('ทดสอบ'),
  scale: '0-100',
  missing: { rule: 'zero' },
  aggregation: { items: { method: 'arithmetic' }, dimensions: { method: 'arithmetic' } },
  peerGroups: ['all'],
  stages: [{ code: 's1', name: t('ขั้นริเริ่ม'), minScore: 0 }],
  dimensions: [
    {
      code: 'D1',
      name: t('นโยบาย'),
      items: [
        { code: 'Q1', kind: 'yes_no', text: t('มีแผนไหม'), requiresEvidence: true },
        { code: 'Q2', kind: 'single_choice', text: t('ระดับ'), options: [{ code: 'a', label: t('ต่ำ'), points: 0 }, { code: 'b', label: t('สูง'), points: 1 }], visibleIf: { item: 'Q1', equals: true } },
        { code: 'Q3', kind: 'text', text: t('อธิบาย') },
      ],
    },
    {
      code: 'D2',
      name: t('บริการ'),
      subdimensions: [
        {
          code: 'D2.1',
          name: t('ย่อย'),
          items: [
            { code: 'Q4', kind: 'number', text: t('จำนวน'), min: 0, max: 100, integer: true, scoring: { type: 'goalposts', low: 0, high: 100 } },
            { code: 'Q5', kind: 'multi_choice', text: t('ช่องทาง'), scoring: 'count', options: [{ code: 'web', label: t('เว็บไซต์'), points: 1 }, { code: 'app', label: t('แอป'), points: 1 }, { code: 'none', label: t('ไม่มี'), points: 0 }] },
          ],
        },
      ],
    },
  ],
};

describe('answer validation', () => {
  const item = (code: string) => frameworkItems(fw).find((l) => l.item.code === code)!.item;
  it('accepts values of the right kind and null', () => {
    expect(answerProblem(item('Q1'), true)).toBeNull();
    expect(answerProblem(item('Q2'), 'b')).toBeNull();
    expect(answerProblem(item('Q4'), 42)).toBeNull();
    expect(answerProblem(item('Q5'), ['web', 'app'])).toBeNull();
    expect(answerProblem(item('Q3'), 'ข้อความภาษาไทย')).toBeNull();
    expect(answerProblem(item('Q4'), null)).toBeNull();
  });
  it('names the reason for a wrong value', () => {
    expect(answerProblem(item('Q1'), 'yes')?.en).toMatch(/yes or no/);
    expect(answerProblem(item('Q2'), 'z')?.en).toMatch(/unknown option "z"/);
    expect(answerProblem(item('Q4'), 101)?.en).toBe('must be at most 100');
    expect(answerProblem(item('Q4'), -1)?.en).toBe('must be at least 0');
    expect(answerProblem(item('Q4'), 1.5)?.en).toBe('must be a whole number');
    expect(answerProblem(item('Q4'), '5')?.en).toBe('must be a number');
    expect(answerProblem(item('Q5'), ['web', 'none'])?.en).toMatch(/none/);
    expect(answerProblem(item('Q5'), ['web', 'web'])?.en).toMatch(/twice/);
  });
  it('renders labels in Thai', () => {
    expect(answerLabel(item('Q1'), true, 'th')).toBe('ใช่');
    expect(answerLabel(item('Q2'), 'b', 'th')).toBe('สูง');
    expect(answerLabel(item('Q5'), ['web', 'app'], 'th')).toBe('เว็บไซต์; แอป');
    expect(answerLabel(item('Q4'), 7, 'th')).toBe(7);
  });
});

describe('checklist', () => {
  it('hides conditional items and skips text items', () => {
    expect([...visibleItems(fw, { Q1: false })].sort()).toEqual(['Q1', 'Q3', 'Q4', 'Q5']);
    const c = checklist(fw, { Q1: false }, new Set());
    expect(c.unanswered).toEqual(['Q4', 'Q5']);
    expect(c.missingEvidence).toEqual([]);
  });
  it('asks for evidence only for answers that claim something', () => {
    const c = checklist(fw, { Q1: true, Q2: 'a', Q4: 3, Q5: ['none'] }, new Set());
    expect(c).toEqual({ unanswered: [], missingEvidence: ['Q1'], complete: false });
    expect(checklist(fw, { Q1: true, Q2: 'a', Q4: 3, Q5: ['none'] }, new Set(['Q1'])).complete).toBe(true);
  });
});
