// SQL for the mail outbox: every message is recorded; sent_at is set when SMTP accepted it.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

export interface OutboxRow {
  id: string;
  created_at: Date;
  to_address: string;
  subject: string;
  body_text: string;
  kind: string;
  sent_at: Date | null;
  error: string | null;
}

export async function insertOutbox(db: Kysely<Database>, m: { id: string; created_at: Date; to_address: string; subject: string; body_text: string; kind: string }): Promise<void> {
  await db.insertInto('outbox').values(m).execute();
}

export async function markOutbox(db: Kysely<Database>, id: string, result: { sent_at: Date | null; error: string | null }): Promise<void> {
  await db.updateTable('outbox').set(result).where('id', '=', id).execute();
}

export async function listOutbox(db: Kysely<Database>, limit = 500): Promise<OutboxRow[]> {
  return db.selectFrom('outbox').selectAll().orderBy('created_at', 'desc').limit(limit).execute() as Promise<OutboxRow[]>;
}
