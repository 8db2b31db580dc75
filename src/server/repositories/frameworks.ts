// SQL for stored framework documents.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Framework } from '../../engine/framework/types.js';

export interface FrameworkSummaryRow {
  id: string;
  version: string;
  title_th: string;
  title_en: string;
  item_count: number;
  created_at: Date;
}

/** Inserts unless (id, version) exists; returns true when inserted. */
export async function insertFramework(
  db: Kysely<Database>,
  f: { id: string; version: string; document: Framework; title_th: string; title_en: string; item_count: number; created_at: Date; created_by: string | null },
): Promise<boolean> {
  const r = await db
    .insertInto('framework')
    .values({ ...f, document: JSON.stringify(f.document) })
    .onConflict((oc) => oc.columns(['id', 'version']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
}

export async function findFrameworkDocument(db: Kysely<Database>, id: string, version: string): Promise<Framework | undefined> {
  const row = await db.selectFrom('framework').select('document').where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return row?.document as Framework | undefined;
}

export async function frameworkExists(db: Kysely<Database>, id: string, version: string): Promise<boolean> {
  const row = await db.selectFrom('framework').select('id').where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Boolean(row);
}

export async function listFrameworks(db: Kysely<Database>): Promise<FrameworkSummaryRow[]> {
  return db
    .selectFrom('framework')
    .select(['id', 'version', 'title_th', 'title_en', 'item_count', 'created_at'])
    .orderBy('id')
    .orderBy('created_at', 'desc')
    .execute() as Promise<FrameworkSummaryRow[]>;
}
