// First-start work: reference data and the first admin (filled in by the registry/accounts work).
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../config.js';
import type { DB } from '../../db/database.js';

export interface BootstrapDeps {
  config: Config;
  db: DB;
  log: FastifyBaseLogger;
}

export async function bootstrap(_deps: BootstrapDeps): Promise<void> {
  // Reference-data import and first-admin creation are added with the registry and accounts.
}
