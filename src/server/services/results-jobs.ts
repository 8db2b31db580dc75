// The results job worker: claims queued jobs from the result_job table (FOR UPDATE SKIP LOCKED) and runs them.
import type { FastifyBaseLogger } from 'fastify';
import type { AppContext } from '../app.js';
import { claimJob, failExhaustedJobs, updateJob, type JobRow } from '../repositories/results.js';
import { executeScoring } from './scoring-runs.js';
import { runBatchPdfJob } from './reports.js';

/** A running job sends a heartbeat at least this often; a job silent for longer is taken over by another worker. */
const STALE_MS = 5 * 60_000;
const MAX_ATTEMPTS = 3;

export type JobContext = Pick<AppContext, 'config' | 'db' | 'clock' | 'ids'>;

async function run(ctx: JobContext, job: JobRow): Promise<void> {
  const heartbeat = async (progress: number, total: number) => {
    await updateJob(ctx.db, job.id, { progress, total, heartbeat_at: ctx.clock.now() });
  };
  try {
    if (job.kind === 'score') {
      const params = job.params as { robustness?: { seed: number; iterations: number } };
      await heartbeat(0, 1);
      const out = await executeScoring(ctx as AppContext, job.edition_id, job.created_by, params.robustness ? { robustness: params.robustness } : {});
      await updateJob(ctx.db, job.id, { state: 'done', progress: 1, total: 1, snapshot_id: out.snapshotId, finished_at: ctx.clock.now() });
    } else {
      const out = await runBatchPdfJob(ctx as AppContext, job, heartbeat);
      await updateJob(ctx.db, job.id, { state: 'done', snapshot_id: out.snapshotId, output_path: out.path, progress: out.count, total: out.count, finished_at: ctx.clock.now() });
    }
  } catch (err) {
    const message = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    await updateJob(ctx.db, job.id, { state: 'failed', error: message.slice(0, 2000), finished_at: ctx.clock.now() });
  }
}

/** Claims and runs one job; false when none was waiting. */
export async function runNextResultJob(ctx: JobContext): Promise<boolean> {
  const now = ctx.clock.now();
  const staleBefore = new Date(now.getTime() - STALE_MS);
  await failExhaustedJobs(ctx.db, staleBefore, MAX_ATTEMPTS, now);
  const job = await claimJob(ctx.db, now, staleBefore, MAX_ATTEMPTS);
  if (!job) return false;
  await run(ctx, job);
  return true;
}

/** Runs jobs until the queue is empty (tests, benchmarks, and the CLI). */
export async function drainResultJobs(ctx: JobContext): Promise<number> {
  let n = 0;
  while (await runNextResultJob(ctx)) n++;
  return n;
}

export interface ResultsWorker {
  stop: () => Promise<void>;
}

/** Polls the job table; every app process may run one, since claims never overlap. */
export function startResultsWorker(ctx: JobContext, log: FastifyBaseLogger, opts: { intervalMs?: number } = {}): ResultsWorker {
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> = Promise.resolve();
  const tick = () => {
    if (stopped) return;
    running = (async () => {
      try {
        while (!stopped && (await runNextResultJob(ctx))) {
          /* keep going while there is work */
        }
      } catch (err) {
        log.error({ err }, 'results job worker');
      }
      if (!stopped) timer = setTimeout(tick, opts.intervalMs ?? 2000);
    })();
  };
  timer = setTimeout(tick, 0);
  return {
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
