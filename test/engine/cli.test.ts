// The command-line scorer: every command on the example files, the three data formats, and errors that write nothing.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';

const root = resolve(import.meta.dirname, '../..');
const FW = join(root, 'examples/mini-framework.json');
const CSV = join(root, 'examples/mini-answers.csv');
let dir: string;

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t), cwd: dir });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dg-cli-'));
});

describe('cli validate', () => {
  it('accepts the example framework and the built-in default', async () => {
    const r = await cli('validate', '--framework', FW);
    expect(r.code).toBe(0);
    expect(r.out).toContain('OK · mini-readiness 2569.1: 3 dimensions, 8 items (7 scored), 4 stages');
    const d = await cli('validate', '--framework', 'default');
    expect(d.code).toBe(0);
    expect(d.out).toContain('dga-readiness');
  });
  it('lists every problem of an invalid framework with its path, in English and Thai', async () => {
    const fw = JSON.parse(readFileSync(FW, 'utf8'));
    fw.stages[2].minScore = 10;
    fw.dimensions[0].items[1].options[0].points = 2;
    writeFileSync(join(dir, 'bad-fw.json'), JSON.stringify(fw));
    const r = await cli('validate', '--framework', 'bad-fw.json');
    expect(r.code).toBe(1);
    expect(r.err).toContain('stages[2].minScore: Stage cut-offs must ascend');
    expect(r.err).toContain('dimensions[0].items[1].options[0].points: Points must be between 0 and 1');
    expect(r.err).toMatch(/เกณฑ์ของระดับต้องเรียงจากน้อยไปมาก/);
  });
});

describe('cli score', { timeout: 30_000 }, () => {
  it('prints the ranking and writes a CSV of results', async () => {
    const r = await cli('score', '--framework', FW, '--data', CSV, '--out', 'results.csv');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/DEPT-01\s+1\s+96\.11\s+advanced/);
    expect(r.out).toMatch(/PROV-02\s+2\s+75\.00\s+intermediate/);
    const rows = Papa.parse<Record<string, string>>(readFileSync(join(dir, 'results.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data;
    expect(rows).toHaveLength(7);
    const p2 = rows.find((x) => x.unit_id === 'PROV-02')!;
    expect(p2).toMatchObject({ overall: '75', stage: 'intermediate', stage_by_score: 'advanced', rank_level: '1', group_level: 'province', next_stage: 'advanced' });
    expect(p2.fingerprint).toMatch(/^sha256:[0-9a-f]{64}$/);
  });
  it('gives the same results and fingerprint from CSV, XLSX and JSON data', async () => {
    const csv = await cli('score', '--framework', FW, '--data', CSV, '--out', 'a.json');
    const a = JSON.parse(readFileSync(join(dir, 'a.json'), 'utf8'));
    // XLSX with the same cells (numbers as numbers).
    const parsed = Papa.parse<string[]>(readFileSync(CSV, 'utf8'), { skipEmptyLines: true }).data;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('answers');
    parsed.forEach((row, i) => ws.addRow(i === 0 ? row : row.map((c) => (/^\d+$/.test(c) ? Number(c) : c))));
    await wb.xlsx.writeFile(join(dir, 'answers.xlsx'));
    expect((await cli('score', '--framework', FW, '--data', 'answers.xlsx', '--out', 'b.json')).code).toBe(0);
    const b = JSON.parse(readFileSync(join(dir, 'b.json'), 'utf8'));
    // JSON in engine-unit form, units in reverse order.
    const units = a.units.map((u: { id: string }) => u.id).reverse();
    const fromCsv = Papa.parse<Record<string, string>>(readFileSync(CSV, 'utf8'), { header: true, skipEmptyLines: true }).data;
    const json = units.map((id: string) => {
      const row = fromCsv.find((r) => r.unit_id === id)!;
      const answers: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(row)) if (/^[A-Z]{3}\.\w$/.test(k) && v !== '') answers[k] = v;
      return {
        id,
        name: { th: row.name_en, en: row.name_en },
        attributes: { level: row.level, ministry: row.ministry, serves_public: row.serves_public === 'yes' },
        answers,
        evidenceAccepted: row.evidence_accepted ? row.evidence_accepted.split(';') : [],
      };
    });
    writeFileSync(join(dir, 'answers.json'), JSON.stringify(json));
    expect((await cli('score', '--framework', FW, '--data', 'answers.json', '--out', 'c.json')).code).toBe(0);
    const c = JSON.parse(readFileSync(join(dir, 'c.json'), 'utf8'));
    expect(csv.code).toBe(0);
    expect(b.fingerprint).toBe(a.fingerprint);
    expect(c.fingerprint).toBe(a.fingerprint);
    expect(c.units.map((u: { overall: number }) => u.overall)).toEqual(a.units.map((u: { overall: number }) => u.overall));
  });
  it('names the row and column of every bad value and writes nothing', async () => {
    writeFileSync(join(dir, 'bad.csv'), 'unit_id,level,POL.1,POL.2,SRV.1,SRV.2\nA,department,maybe,boss,web;fax,abc\nA,department,yes,head,web,120\n');
    const r = await cli('score', '--framework', FW, '--data', 'bad.csv', '--out', 'never.csv');
    expect(r.code).toBe(1);
    expect(r.err).toContain('row 2, column POL.1: Must be yes or no');
    expect(r.err).toContain('row 2, column POL.2: No option "boss"');
    expect(r.err).toContain('row 2, column SRV.1: No option "fax"');
    expect(r.err).toContain('row 2, column SRV.2: Must be a number; got "abc"');
    expect(r.err).toContain('row 3, column unit_id: Unit id "A" already appears in row 2');
    expect(r.err).toContain('row 3, column SRV.2: Must be at most 100');
    expect(existsSync(join(dir, 'never.csv'))).toBe(false);
  });
  it('rejects unknown item columns, malformed CSV and malformed JSON', async () => {
    writeFileSync(join(dir, 'unknown.csv'), 'unit_id,POL.1,POL.9\nA,yes,no\n');
    const u = await cli('score', '--framework', FW, '--data', 'unknown.csv', '--out', 'never.csv');
    expect(u.code).toBe(1);
    expect(u.err).toContain('header, column POL.9: Unknown item "POL.9"');
    writeFileSync(join(dir, 'ragged.csv'), 'unit_id,POL.1\nA,yes,extra\n');
    const g = await cli('score', '--framework', FW, '--data', 'ragged.csv');
    expect(g.code).toBe(1);
    expect(g.err).toContain('row 2: Has 3 fields but the header has 2 columns');
    writeFileSync(join(dir, 'broken.json'), '[{"unit_id": "A",');
    const j = await cli('score', '--framework', FW, '--data', 'broken.json');
    expect(j.code).toBe(1);
    expect(j.err).toContain('Malformed JSON');
    writeFileSync(join(dir, 'broken.xlsx'), 'not a workbook');
    const x = await cli('score', '--framework', FW, '--data', 'broken.xlsx');
    expect(x.code).toBe(1);
    expect(x.err).toContain('Not a readable XLSX file');
    expect(existsSync(join(dir, 'never.csv'))).toBe(false);
  });
  it('refuses wrong usage with exit code 2', async () => {
    expect((await cli('frobnicate')).code).toBe(2);
    expect((await cli('score', '--framework', FW)).err).toContain('--data is required');
    const o = await cli('score', '--framework', FW, '--data', CSV, '--out', 'x.txt');
    expect(o.code).toBe(2);
    expect(o.err).toContain('--out must end in .csv or .json');
    expect((await cli('score', '--framework', FW, '--data', CSV, '--seed', '3')).code).toBe(2);
  });
});

describe('cli stats and robustness', { timeout: 30_000 }, () => {
  it('prints segment statistics and quality checks and writes them as CSV', async () => {
    const r = await cli('stats', '--framework', FW, '--data', CSV, '--out', 'stats.csv');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/level=province\s+3\s+53\.01/);
    expect(r.out).toContain('Correlation of dimensions');
    const rows = Papa.parse<Record<string, string>>(readFileSync(join(dir, 'stats.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data;
    expect(rows.find((x) => x.key === 'ministry' && x.value === 'MOF')).toMatchObject({ n: '2', stage_advanced_count: '1', stage_advanced_percent: '50' });
  });
  it('runs a seeded Monte Carlo and gives the same answer for the same seed', async () => {
    const a = await cli('robustness', '--framework', FW, '--data', CSV, '--iterations', '200', '--seed', '5', '--out', 'r1.json');
    const b = await cli('robustness', '--framework', FW, '--data', CSV, '--iterations', '200', '--seed', '5', '--out', 'r2.json');
    expect(a.code).toBe(0);
    expect(a.out).toContain('200 iterations, seed 5');
    expect(readFileSync(join(dir, 'r1.json'), 'utf8')).toBe(readFileSync(join(dir, 'r2.json'), 'utf8'));
    expect(b.out).toBe(a.out.replace(/r1\.json/, 'r2.json'));
    expect((await cli('robustness', '--framework', FW, '--data', CSV, '--iterations', '0')).code).toBe(2);
  });
});

describe('cli compare', { timeout: 30_000 }, () => {
  it('reports year-over-year change on the crosswalk items only', async () => {
    const cur = JSON.parse(readFileSync(FW, 'utf8'));
    const prev = structuredClone(cur);
    prev.version = '2568.1';
    prev.dimensions[2].items = prev.dimensions[2].items.filter((i: { code: string }) => i.code !== 'INF.2');
    cur.crosswalk = { previous: { id: cur.id, version: '2568.1' }, items: { 'POL.1': 'POL.1', 'POL.2': 'POL.2', 'SRV.1': 'SRV.1', 'SRV.2': 'SRV.2', 'INF.1': 'INF.1' } };
    writeFileSync(join(dir, 'cur.json'), JSON.stringify(cur));
    writeFileSync(join(dir, 'prev.json'), JSON.stringify(prev));
    writeFileSync(join(dir, 'prev.csv'), 'unit_id,level,evidence_accepted,POL.1,POL.2,SRV.1,SRV.2,INF.1\nDEPT-01,department,POL.1,yes,deputy,web,40,1\nDEPT-04,department,,no,none,none,0,0\nOLD-01,department,,yes,head,web,80,2\n');
    const r = await cli('compare', '--framework', 'cur.json', '--data', CSV, '--previous-framework', 'prev.json', '--previous-data', 'prev.csv', '--out', 'change.csv');
    expect(r.code).toBe(0);
    expect(r.out).toContain('2568.1 → 2569.1 · 5 comparable items · 2 units in both editions');
    // DEPT-01 previous: POL (1 + 2×0.5)/3 = 66.67, SRV (0.25 + 0.5)/2 = 37.5, INF 50 → 51.39;
    // current on comparable items: POL 100, SRV (0.75 + 0.9)/2 = 82.5 (SRV.3 is not comparable), INF 100 → 94.17.
    const rows = Papa.parse<Record<string, string>>(readFileSync(join(dir, 'change.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data;
    const d1 = rows.find((x) => x.unit_id === 'DEPT-01')!;
    expect(Number(d1.previous)).toBeCloseTo((200 / 3 + 37.5 + 50) / 3, 3);
    expect(Number(d1.current)).toBeCloseTo((100 + 82.5 + 100) / 3, 3);
    expect(Number(d1.INF_change)).toBe(50);
    expect(r.out).toContain('only in the previous edition: OLD-01');
    const bad = await cli('compare', '--framework', FW, '--data', CSV, '--previous-framework', 'prev.json', '--previous-data', 'prev.csv');
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('no crosswalk');
    expect((await cli('compare', '--framework', 'cur.json', '--data', CSV)).code).toBe(2);
  });
});

describe('cli as a process', () => {
  it('exits 0 on success and 1 on invalid input', () => {
    const tsx = join(root, 'node_modules/.bin/tsx');
    const ok = spawnSync(tsx, ['src/cli/main.ts', 'validate', '--framework', 'examples/mini-framework.json'], { cwd: root, encoding: 'utf8' });
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('OK · mini-readiness');
    const bad = spawnSync(tsx, ['src/cli/main.ts', 'score', '--framework', 'examples/mini-framework.json', '--data', join(dir, 'bad.csv')], { cwd: root, encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('row 2, column POL.1');
  }, 60_000);
});
