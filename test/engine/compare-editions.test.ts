// Year-over-year change on crosswalk-comparable items only.
import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/shared/errors.js';
import { compareEditions, scoreEdition, type Framework } from '../../src/engine/index.js';
import { miniFramework, t, unit, yesNo } from './scoring-helpers.js';

const previous: Framework = miniFramework({
  id: 'fw',
  version: '2561',
  dimensions: [
    { code: 'A', name: t('A'), items: [yesNo('OLD1'), yesNo('OLD2'), yesNo('GONE')] },
    { code: 'B', name: t('B'), items: [yesNo('OLDB')] },
  ],
});
const current: Framework = miniFramework({
  id: 'fw',
  version: '2562',
  dimensions: [
    { code: 'A', name: t('A'), items: [yesNo('N1'), yesNo('N2'), yesNo('NEW')] },
    { code: 'B', name: t('B'), items: [yesNo('NB')] },
    { code: 'C', name: t('C'), items: [yesNo('C1')] },
  ],
  crosswalk: { previous: { id: 'fw', version: '2561' }, items: { N1: 'OLD1', N2: 'OLD2', NB: 'OLDB' } },
});

describe('compareEditions', () => {
  const prevUnits = [unit('x', { OLD1: true, OLD2: false, GONE: true, OLDB: false }), unit('y', { OLD1: true, OLD2: true, GONE: false, OLDB: true }), unit('gone', {})];
  const curUnits = [unit('x', { N1: true, N2: true, NEW: false, NB: false, C1: true }), unit('y', { N1: true, N2: true, NEW: true, NB: true, C1: true }), unit('new', {})];
  const cmp = compareEditions({ framework: previous, units: prevUnits }, { framework: current, units: curUnits });
  it('uses only comparable items and dimensions present in both editions', () => {
    expect(cmp.items).toEqual([
      { current: 'N1', previous: 'OLD1' },
      { current: 'N2', previous: 'OLD2' },
      { current: 'NB', previous: 'OLDB' },
    ]);
    expect(cmp.dimensions).toEqual(['A', 'B']);
  });
  it('gives each unit present in both editions its change per dimension and overall', () => {
    const x = cmp.units.find((u) => u.id === 'x')!;
    // Previous on comparable items: A = (1 + 0)/2 = 50, B = 0 → 25. Current: A = 100, B = 0 → 50.
    expect(x.previous).toEqual({ overall: 25, dimensions: { A: 50, B: 0 } });
    expect(x.current).toEqual({ overall: 50, dimensions: { A: 100, B: 0 } });
    expect(x.change).toEqual({ overall: 25, dimensions: { A: 50, B: 0 } });
    // Unchanged on comparable items, although the full scores differ (NEW, C1 and GONE are left out).
    expect(cmp.units.find((u) => u.id === 'y')!.change.overall).toBe(0);
    const full = scoreEdition(current, curUnits).units.find((u) => u.id === 'y')!.overall;
    expect(full).toBe(100);
    expect(cmp.onlyPrevious).toEqual(['gone']);
    expect(cmp.onlyCurrent).toEqual(['new']);
    expect(cmp.meanChange.overall).toBe(12.5);
  });
  it('refuses a crosswalk that points to another edition or to unknown items', () => {
    const other = { ...previous, version: '2560' };
    expect(() => compareEditions({ framework: other, units: prevUnits }, { framework: current, units: curUnits })).toThrowError(AppError);
    const bad = { ...current, crosswalk: { previous: { id: 'fw', version: '2561' }, items: { N1: 'NOPE' } } };
    expect(() => compareEditions({ framework: previous, units: prevUnits }, { framework: bad, units: curUnits })).toThrowError(/NOPE/);
  });
  it('keeps a visibility gate that is not comparable, with no weight, so follow-up items stay hidden', () => {
    const prevFw = miniFramework({ id: 'g', version: '1', dimensions: [{ code: 'A', name: t('A'), items: [yesNo('G'), yesNo('F', { visibleIf: { item: 'G', equals: true } }), yesNo('H')] }] });
    const curFw = miniFramework({
      id: 'g',
      version: '2',
      dimensions: [{ code: 'A', name: t('A'), items: [yesNo('G2'), yesNo('F', { visibleIf: { item: 'G2', equals: true } }), yesNo('H')] }],
      crosswalk: { previous: { id: 'g', version: '1' }, items: { F: 'F', H: 'H' } },
    });
    const r = compareEditions({ framework: prevFw, units: [unit('u', { G: false, H: true })] }, { framework: curFw, units: [unit('u', { G2: true, F: false, H: true })] });
    expect(r.units[0]!.previous.overall).toBe(100); // F hidden, H = 1
    expect(r.units[0]!.current.overall).toBe(50); // F shown and 0, H = 1
  });
});
