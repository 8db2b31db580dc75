// Opens the Kysely database on a pg pool and runs migrations forward or back.
import { Kysely, Migrator, PostgresDialect, type MigrationResultSet } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.js';
import { migrations } from './migrations/index.js';

// int8 (count(*), bigserial) as JS number when safe; pg's default string leaks into every caller otherwise.
pg.types.setTypeParser(20, (v) => {
  const n = Number(v);
  return Number.isSafeInteger(n) ? n : v;
});
// numeric as number: scores are stored as numeric and read back for arithmetic.
pg.types.setTypeParser(1700, (v) => Number(v));
// date stays 'YYYY-MM-DD': pg's Date parsing uses local midnight and shifts under TZ=Asia/Bangkok.
pg.types.setTypeParser(1082, (v) => v);

export type DB = Kysely<Database>;

export function openDatabase(connectionString: string, poolSize = 10): DB {
  const pool = new pg.Pool({ connectionString, max: poolSize });
  pool.on('error', () => {
    /* idle-client errors are reported on the next query; keep the process alive */
  });
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

function migrator(db: Kysely<any>): Migrator {
  // Features are developed in parallel, each with its own block of migration numbers, so a database may meet an
  // earlier-numbered migration after later ones have run.
  return new Migrator({ db, provider: { getMigrations: async () => migrations }, allowUnorderedMigrations: true });
}

function check(result: MigrationResultSet): void {
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    throw new Error(`Migration ${failed?.migrationName ?? '?'} failed: ${String(result.error)}`);
  }
}

/** Idempotent: applies only what is missing. */
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const result = await migrator(db).migrateToLatest();
  check(result);
  return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

export async function migrateDown(db: Kysely<any>): Promise<string[]> {
  const result = await migrator(db).migrateDown();
  check(result);
  return (result.results ?? []).map((r) => r.migrationName);
}
