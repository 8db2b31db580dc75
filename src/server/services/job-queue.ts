// The PostgreSQL-backed job queue (pg-boss): the hourly reminder pass; started and stopped with the server.
import PgBoss from 'pg-boss';
import type { FastifyBaseLogger } from 'fastify';
import { runReminders, type JobContext } from './reminders.js';
import { runCorrectionReminders } from './send-backs.js';

export const REMINDER_QUEUE = 'edition-reminders';

export interface JobQueue {
  stop: () => Promise<void>;
}

/** Handlers are plain functions of (context, now), so tests invoke them directly with a fixed clock instead. */
export async function startJobQueue(connectionString: string, ctx: JobContext, log: FastifyBaseLogger, opts: { cron?: string } = {}): Promise<JobQueue> {
  const boss = new PgBoss({ connectionString, schema: 'pgboss', max: 2, application_name: 'dg-readiness-jobs' });
  boss.on('error', (err) => log.error({ err }, 'job queue error'));
  await boss.start();
  await boss.createQueue(REMINDER_QUEUE);
  await boss.schedule(REMINDER_QUEUE, opts.cron ?? '0 * * * *', {}, { tz: 'Asia/Bangkok' });
  await boss.work(REMINDER_QUEUE, async () => {
    const result = await runReminders(ctx, ctx.clock.now());
    if (result.sent > 0 || result.noRecipient > 0) log.info({ reminders: result }, 'reminders sent');
    // Correction deadlines: expire overdue send-backs and remind agencies 48 hours before.
    const corrections = await runCorrectionReminders(ctx, ctx.clock.now());
    if (corrections.expired > 0 || corrections.reminded > 0) log.info({ corrections }, 'correction deadlines processed');
  });
  return {
    stop: async () => {
      await boss.stop({ graceful: true, wait: true, timeout: 5000 });
    },
  };
}
