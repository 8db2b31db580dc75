// The PostgreSQL-backed job queue (pg-boss): the hourly reminder and purge pass; started and stopped with the server.
import PgBoss from 'pg-boss';
import type { FastifyBaseLogger } from 'fastify';
import { purgeExpired } from './bootstrap.js';
import { runReminders, type JobContext } from './reminders.js';
import { runCorrectionReminders } from './send-backs.js';

export const REMINDER_QUEUE = 'edition-reminders';

const HOUR_MS = 3_600_000;

export interface JobQueue {
  stop: () => Promise<void>;
}

/**
 * Milliseconds from `nowMs` to one second past the next full hour (UTC; Asia/Bangkok is a whole number of hours ahead,
 * so the same instants); the second keeps a timer that fires a little early inside the new hour's slot.
 */
export function msToNextHour(nowMs: number): number {
  return HOUR_MS - ((((nowMs - 1000) % HOUR_MS) + HOUR_MS) % HOUR_MS);
}

/**
 * Handlers are plain functions of (context, now), so tests invoke them directly with a fixed clock instead.
 *
 * The hourly pass is queued by a timer of ours, not by pg-boss's cron monitor: that monitor evaluates the cron
 * expression with cron-parser every 30 seconds, stepping back minute by minute through time-zone conversions, which
 * held the event loop for 20–80 ms of CPU (300 ms on a loaded machine) and stalled every request in flight: the
 * autosave's p99. Each server process queues the hour's job under one singleton key, so with several processes the
 * queue still runs the pass once per hour.
 */
export async function startJobQueue(connectionString: string, ctx: JobContext, log: FastifyBaseLogger, opts: { firstInMs?: number } = {}): Promise<JobQueue> {
  const boss = new PgBoss({ connectionString, schema: 'pgboss', max: 2, application_name: 'dg-readiness-jobs', schedule: false });
  boss.on('error', (err) => log.error({ err }, 'job queue error'));
  await boss.start();
  await boss.createQueue(REMINDER_QUEUE);
  // Earlier versions scheduled the pass with pg-boss's cron; a process of theirs still running must not queue it twice.
  await boss.unschedule(REMINDER_QUEUE);
  await boss.work(REMINDER_QUEUE, async () => {
    const result = await runReminders(ctx, ctx.clock.now());
    if (result.sent > 0 || result.noRecipient > 0) log.info({ reminders: result }, 'reminders sent');
    // Correction deadlines: expire overdue send-backs and remind agencies 48 hours before.
    const corrections = await runCorrectionReminders(ctx, ctx.clock.now());
    if (corrections.expired > 0 || corrections.reminded > 0) log.info({ corrections }, 'correction deadlines processed');
    // Expired sessions, old login-attempt windows and spent invitations / sign-up links, otherwise removed only when a server starts.
    const purged = await purgeExpired(ctx.db, ctx.clock.now());
    if (purged.sessions > 0 || purged.attempts > 0 || purged.invitations > 0) log.info({ purged }, 'expired sessions, login attempts and invitations purged');
  });
  let timer: NodeJS.Timeout | null = null;
  const queueHourly = () => {
    // One job per hour slot (singleton key + 3,600 s throttle), whichever process queues it first.
    boss.sendThrottled(REMINDER_QUEUE, {}, {}, HOUR_MS / 1000, 'hourly').catch((err: unknown) => log.error({ err }, 'could not queue the hourly reminder pass'));
    timer = setTimeout(queueHourly, msToNextHour(Date.now()));
    timer.unref();
  };
  timer = setTimeout(queueHourly, opts.firstInMs ?? msToNextHour(Date.now()));
  timer.unref();
  return {
    stop: async () => {
      if (timer) clearTimeout(timer);
      await boss.stop({ graceful: true, wait: true, timeout: 5000 });
    },
  };
}
