// Same seed → byte-identical exports: two databases loaded with the same seed (fixed clock and ids) export the same CSV bytes.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { sequentialIds } from '../../src/server/clock.js';
import { loadDemo } from '../../src/server/services/demo-loader.js';
import { prepareExport, writeExport, type ExportFormat } from '../../src/server/services/exports.js';
import { startHarness, type Harness } from './support/foundation.js';

async function exportBytes(h: Harness, yearBe: number, format: ExportFormat): Promise<Buffer> {
  const e = await h.db.selectFrom('edition').select('id').where('year_be', '=', yearBe).executeTakeFirstOrThrow();
  const chunks: Buffer[] = [];
  const out = new Writable({
    write(chunk: Buffer, _enc, cb) {
      chunks.push(Buffer.from(chunk));
      cb();
    },
  });
  await writeExport(h.db, await prepareExport(h.db, e.id, format), format, out);
  return Buffer.concat(chunks);
}

describe('demo determinism through the export service', () => {
  const harnesses: Harness[] = [];
  const dirs: string[] = [];
  afterAll(async () => {
    for (const h of harnesses) await h.close();
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  });

  it('the same seed gives byte-identical answer and evidence exports twice', async () => {
    const exports: Buffer[][] = [];
    for (let i = 0; i < 2; i++) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dgr-demo-export-'));
      dirs.push(dir);
      const h = await startHarness({ DATA_DIR: dir });
      harnesses.push(h);
      const r = await loadDemo({ config: h.config, db: h.db, clock: h.clock, ids: sequentialIds('00000000-0000-4000-9000-') }, { limitPerLevel: 12, score: false, seed: 42 });
      expect(r.loaded).toBe(true);
      exports.push([await exportBytes(h, 2562, 'csv'), await exportBytes(h, 2562, 'long-csv'), await exportBytes(h, 2563, 'evidence-csv')]);
    }
    for (let k = 0; k < exports[0]!.length; k++) {
      expect(exports[0]![k]!.length).toBeGreaterThan(1000);
      expect(exports[0]![k]!.equals(exports[1]![k]!)).toBe(true);
    }
  }, 300_000);
});
