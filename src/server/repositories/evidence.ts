// SQL for evidence files and the blobs they point to.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

export interface EvidenceFileRow {
  id: string;
  edition_id: string;
  organisation_id: string;
  item_code: string;
  sha256: string;
  filename: string;
  size: number;
  mime_type: string;
  uploaded_at: Date;
  uploaded_by: string;
  uploaded_by_name: string | null;
}

const columns = [
  'f.id',
  'f.edition_id',
  'f.organisation_id',
  'f.item_code',
  'f.sha256',
  'f.filename',
  'f.size',
  'f.mime_type',
  'f.uploaded_at',
  'f.uploaded_by',
  'u.display_name as uploaded_by_name',
] as const;

export async function ensureBlob(db: Kysely<Database>, b: { sha256: string; size: number; mime_type: string; created_at: Date }): Promise<void> {
  await db.insertInto('evidence_blob').values(b).onConflict((oc) => oc.column('sha256').doNothing()).execute();
}

export async function insertEvidenceFile(
  db: Kysely<Database>,
  f: { id: string; edition_id: string; organisation_id: string; item_code: string; sha256: string; filename: string; size: number; mime_type: string; uploaded_by: string; uploaded_at: Date },
): Promise<void> {
  await db.insertInto('evidence_file').values({ ...f, deleted_at: null, deleted_by: null }).execute();
}

export async function findEvidenceFile(db: Kysely<Database>, id: string): Promise<EvidenceFileRow | undefined> {
  return db
    .selectFrom('evidence_file as f')
    .leftJoin('app_user as u', 'u.id', 'f.uploaded_by')
    .select(columns)
    .where('f.id', '=', id)
    .where('f.deleted_at', 'is', null)
    .executeTakeFirst() as Promise<EvidenceFileRow | undefined>;
}

export async function evidenceFor(db: Kysely<Database>, editionId: string, organisationId: string): Promise<EvidenceFileRow[]> {
  return db
    .selectFrom('evidence_file as f')
    .leftJoin('app_user as u', 'u.id', 'f.uploaded_by')
    .select(columns)
    .where('f.edition_id', '=', editionId)
    .where('f.organisation_id', '=', organisationId)
    .where('f.deleted_at', 'is', null)
    .orderBy('f.uploaded_at')
    .execute() as Promise<EvidenceFileRow[]>;
}

export async function softDeleteEvidenceFile(db: Kysely<Database>, id: string, by: string, now: Date): Promise<boolean> {
  const r = await db.updateTable('evidence_file').set({ deleted_at: now, deleted_by: by }).where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** The evidence index of a whole edition, in organisation order, a page at a time. */
export async function evidenceIndexPage(db: Kysely<Database>, editionId: string, afterId: string | null, limit: number) {
  let q = db
    .selectFrom('evidence_file as f')
    .innerJoin('organisation as o', 'o.id', 'f.organisation_id')
    .leftJoin('app_user as u', 'u.id', 'f.uploaded_by')
    .select(['f.id', 'o.code as org_code', 'o.name_th as org_name_th', 'f.item_code', 'f.filename', 'f.size', 'f.mime_type', 'f.sha256', 'f.uploaded_at', 'u.display_name as uploaded_by_name'])
    .where('f.edition_id', '=', editionId)
    .where('f.deleted_at', 'is', null)
    .orderBy('f.id')
    .limit(limit);
  if (afterId) q = q.where('f.id', '>', afterId);
  return q.execute();
}
