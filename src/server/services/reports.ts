// Report files from a frozen snapshot: one agency's PDF scorecard, the batch of all PDFs as a ZIP job, the XLSX of all results.
import fs from 'node:fs';
import path from 'node:path';
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';
import type { AppContext } from '../app.js';
import { AppError } from '../../shared/errors.js';
import type { SessionUser } from '../auth/policy.js';
import { isUuid } from '../presenters.js';
import { findEdition } from '../repositories/editions.js';
import { findJob, insertJob, snapshotUnitResultsPage, type JobRow, type SnapshotRow } from '../repositories/results.js';
import { renderScorecardPdf } from '../reports/scorecard-pdf.js';
import { writeResultsXlsx } from '../reports/results-xlsx.js';
import { appendAudit } from './audit.js';
import { requireFramework } from './frameworks.js';
import { buildScorecard, scorecardFor } from './scorecard.js';
import { presentJob, resolveSnapshot } from './scoring-runs.js';

export async function scorecardPdf(ctx: AppContext, user: SessionUser, eid: string, oid: string, snapshotId?: string): Promise<{ pdf: Buffer; filename: string }> {
  const model = await scorecardFor(ctx, user, eid, oid, snapshotId);
  return { pdf: await renderScorecardPdf(model), filename: `scorecard-${model.edition.yearBe}-${model.organisation.code}.pdf` };
}

async function* unitPages(ctx: Pick<AppContext, 'db'>, snapshotId: string, size = 200) {
  let after: string | null = null;
  for (;;) {
    const page = await snapshotUnitResultsPage(ctx.db, snapshotId, after, size);
    if (page.length === 0) return;
    yield page;
    after = page[page.length - 1]!.code;
  }
}

/** Streams the XLSX of every agency in the snapshot to `out`. */
export async function resultsXlsx(ctx: AppContext, eid: string, snapshot: SnapshotRow, out: Writable): Promise<number> {
  const edition = await findEdition(ctx.db, eid);
  if (!edition) throw new AppError('NOT_FOUND');
  const fw = await requireFramework(ctx.db, snapshot.framework_id, snapshot.framework_version);
  return writeResultsXlsx(out, {
    framework: fw,
    snapshot: { seq: snapshot.seq, fingerprint: snapshot.fingerprint, official: snapshot.official, createdAt: new Date(snapshot.created_at).toISOString(), editionTitleTh: edition.title_th, yearBe: edition.year_be },
    pages: unitPages(ctx, snapshot.id),
  });
}

/** Admin: queue the batch of every agency's PDF for a snapshot (official, else newest, unless one is named). */
export async function requestBatchPdf(ctx: AppContext, actor: SessionUser, eid: string, snapshotId?: string) {
  if (!isUuid(eid)) throw new AppError('NOT_FOUND');
  const snapshot = await resolveSnapshot(ctx.db, eid, snapshotId, true, false);
  const id = ctx.ids.uuid();
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await insertJob(trx, { id, kind: 'pdf_batch', edition_id: eid, params: { snapshotId: snapshot.id }, created_by: actor.id, created_at: now });
    await appendAudit(trx, now, { actorId: actor.id, action: 'results.pdf_batch_requested', entity: 'result_snapshot', entityId: snapshot.id, after: { jobId: id } });
  });
  return presentJob((await findJob(ctx.db, id))!);
}

export function reportsDir(ctx: Pick<AppContext, 'config'>): string {
  return path.resolve(ctx.config.DATA_DIR, 'reports');
}

/** Renders every agency's scorecard of the snapshot into one ZIP under DATA_DIR/reports, reporting progress. */
export async function runBatchPdfJob(
  ctx: AppContext,
  job: JobRow,
  progress: (done: number, total: number) => Promise<void>,
): Promise<{ snapshotId: string; path: string; count: number }> {
  const snapshotId = String((job.params as { snapshotId?: string }).snapshotId ?? '');
  const edition = await findEdition(ctx.db, job.edition_id);
  const snapshot = edition ? await resolveSnapshot(ctx.db, job.edition_id, snapshotId, true, 'summary') : undefined;
  if (!edition || !snapshot) throw new AppError('NOT_FOUND');
  const fw = await requireFramework(ctx.db, snapshot.framework_id, snapshot.framework_version);
  const dir = reportsDir(ctx);
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `scorecards-${job.id}.zip`);
  const tmp = `${file}.part`;
  const zip = new yazl.ZipFile();
  const written = pipeline(zip.outputStream, fs.createWriteStream(tmp));
  const total = snapshot.unit_count;
  let done = 0;
  await progress(0, total);
  const mtime = new Date(snapshot.created_at);
  for await (const page of unitPages(ctx, snapshot.id, 50)) {
    for (const unit of page) {
      const pdf = await renderScorecardPdf(buildScorecard(edition, snapshot, fw, unit));
      // PDFs are already compressed; storing them keeps the batch fast.
      zip.addBuffer(pdf, `scorecard-${edition.year_be}-${unit.code}.pdf`, { mtime, compress: false });
      done++;
      if (done % 25 === 0) await progress(done, total);
    }
  }
  zip.end();
  await written;
  fs.renameSync(tmp, file);
  await progress(done, total);
  return { snapshotId: snapshot.id, path: file, count: done };
}

/** The finished batch ZIP (admin). */
export async function batchDownload(ctx: AppContext, jobId: string): Promise<{ path: string; filename: string }> {
  if (!isUuid(jobId)) throw new AppError('NOT_FOUND');
  const job = await findJob(ctx.db, jobId);
  if (!job || job.kind !== 'pdf_batch' || job.state !== 'done' || !job.output_path || !fs.existsSync(job.output_path)) throw new AppError('NOT_FOUND');
  const edition = await findEdition(ctx.db, job.edition_id);
  return { path: job.output_path, filename: `scorecards-${edition?.year_be ?? ''}-${job.id.slice(0, 8)}.zip` };
}
