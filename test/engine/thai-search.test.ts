// Thai-aware picker search: how Thai is typed, LAO abbreviations, ranking, the result cap.
import { describe, expect, it } from 'vitest';
import { matchRank, normaliseThai, queryTerms, searchRanked } from '../../src/shared/thai-search.js';

const LAOS = [
  { name: 'เทศบาลเมืองน่าน', en: 'Nan Town Municipality', province: 'น่าน' },
  { name: 'เทศบาลตำบลบ้านนา', en: 'Ban Na Subdistrict Municipality', province: 'นครนายก' },
  { name: 'องค์การบริหารส่วนตำบลบ้านนาเดิม', en: 'Ban Na Doem SAO', province: 'สุราษฎร์ธานี' },
  { name: 'องค์การบริหารส่วนตำบลนาบ้าน', en: null, province: 'น่าน' },
  { name: 'องค์การบริหารส่วนจังหวัดน่าน', en: 'Nan PAO', province: 'น่าน' },
];
const fields = (l: (typeof LAOS)[number]) => ({ name: l.name, others: [l.en, l.province] });
const names = (q: string, limit = 10) => searchRanked(LAOS, q, fields, limit).items.map((l) => l.name);

describe('normaliseThai', () => {
  it('makes SARA AM one character, drops zero-width spaces, folds case and spaces', () => {
    expect(normaliseThai('ต\u0E4D\u0E32บล')).toBe('ตำบล');
    expect(normaliseThai('บ้าน\u200Bนา')).toBe('บ้านนา');
    expect(normaliseThai('  Ban   NA ')).toBe('ban na');
  });
});

describe('queryTerms', () => {
  it('expands the LAO abbreviations and drops the province and district markers', () => {
    expect(queryTerms('อบต.บ้านนา')).toEqual(['องค์การบริหารส่วนตำบลบ้านนา']);
    expect(queryTerms('ทต. บ้านนา')).toEqual(['เทศบาลตำบล', 'บ้านนา']);
    expect(queryTerms('ทม.น่าน')).toEqual(['เทศบาลเมืองน่าน']);
    expect(queryTerms('อบจ.น่าน')).toEqual(['องค์การบริหารส่วนจังหวัดน่าน']);
    expect(queryTerms('จ.น่าน')).toEqual(['น่าน']);
    expect(queryTerms('บ้านนา จังหวัดนครนายก')).toEqual(['บ้านนา', 'นครนายก']);
  });
});

describe('searchRanked', () => {
  it('finds a name from an abbreviation, with spaces or without, and with SARA AM typed in two keys', () => {
    expect(names('ทต.บ้านนา')).toEqual(['เทศบาลตำบลบ้านนา']);
    expect(names('ทต. บ้านนา')).toEqual(['เทศบาลตำบลบ้านนา']);
    expect(names('อบต.บ้านนา')).toEqual(['องค์การบริหารส่วนตำบลบ้านนาเดิม']);
    expect(names('เทศบาลต\u0E4D\u0E32บล')).toEqual(['เทศบาลตำบลบ้านนา']);
  });

  it('ranks the name that starts with the words (after its type) before one that only contains them', () => {
    // "บ้านนา" starts two names (after their type) and is inside none other; "นาบ้าน" does not start with it.
    expect(names('บ้านนา')).toEqual(['เทศบาลตำบลบ้านนา', 'องค์การบริหารส่วนตำบลบ้านนาเดิม']);
    expect(names('น่าน')).toEqual(['เทศบาลเมืองน่าน', 'องค์การบริหารส่วนจังหวัดน่าน', 'องค์การบริหารส่วนตำบลนาบ้าน']);
  });

  it('matches the English name and the province too, after the Thai name matches', () => {
    expect(names('ban na doem')).toEqual(['องค์การบริหารส่วนตำบลบ้านนาเดิม']);
    expect(names('จ.นครนายก')).toEqual(['เทศบาลตำบลบ้านนา']);
    expect(matchRank(['นาเดิม'], fields(LAOS[2]!))).toBe(2);
    expect(matchRank(['nan'], fields(LAOS[0]!))).toBe(3);
  });

  it('every word must match; the cap keeps the best and says how many matched', () => {
    expect(names('บ้านนา น่าน')).toEqual([]);
    const r = searchRanked(LAOS, 'น่าน', fields, 2);
    expect(r.items.map((l) => l.name)).toEqual(['เทศบาลเมืองน่าน', 'องค์การบริหารส่วนจังหวัดน่าน']);
    expect(r.total).toBe(3);
    expect(searchRanked(LAOS, '', fields, 3).total).toBe(5);
  });
});
