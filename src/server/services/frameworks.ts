// Framework documents: import (only frameworks that validate), read with an in-process cache (stored versions never change).
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Framework } from '../../engine/framework/types.js';
import { assertValidFramework } from '../../engine/framework/validate.js';
import { frameworkItems } from '../../engine/questionnaire/items.js';
import { AppError } from '../../shared/errors.js';
import { appendAudit, canonicalJson } from './audit.js';
import { findFrameworkDocument, insertFramework, listFrameworks } from '../repositories/frameworks.js';

const cache = new Map<string, Framework>();
const key = (id: string, version: string) => `${id}\u0000${version}`;

export async function getFramework(db: Kysely<Database>, id: string, version: string): Promise<Framework | undefined> {
  const k = key(id, version);
  const hit = cache.get(k);
  if (hit) return hit;
  const doc = await findFrameworkDocument(db, id, version);
  if (doc) cache.set(k, doc);
  return doc;
}

export async function requireFramework(db: Kysely<Database>, id: string, version: string): Promise<Framework> {
  const fw = await getFramework(db, id, version);
  if (!fw) throw new AppError('NOT_FOUND');
  return fw;
}

/**
 * Stores a framework that validates. The same (id, version) with the same content is a no-op; with different
 * content it is refused: results record the version, so a stored version must never change.
 */
export async function importFramework(db: Kysely<Database>, doc: Framework, actorId: string | null, now: Date): Promise<{ created: boolean }> {
  assertValidFramework(doc);
  const existing = await findFrameworkDocument(db, doc.id, doc.version);
  if (existing) {
    if (canonicalJson(existing) === canonicalJson(doc)) return { created: false };
    throw new AppError('CONFLICT', { detail: `framework ${doc.id} ${doc.version} already exists with other content; give it a new version` });
  }
  const created = await db.transaction().execute(async (trx) => {
    const inserted = await insertFramework(trx, {
      id: doc.id,
      version: doc.version,
      document: doc,
      title_th: doc.title.th,
      title_en: doc.title.en,
      item_count: frameworkItems(doc).length,
      created_at: now,
      created_by: actorId,
    });
    if (inserted) {
      await appendAudit(trx, now, { actorId, action: 'framework.import', entity: 'framework', entityId: `${doc.id}@${doc.version}`, after: { id: doc.id, version: doc.version, title: doc.title } });
    }
    return inserted;
  });
  return { created };
}

/** Imports the frameworks bundled with the product (at start) when they are missing. */
export async function ensureBundledFrameworks(db: Kysely<Database>, frameworks: Framework[], now: Date): Promise<string[]> {
  const added: string[] = [];
  for (const fw of frameworks) {
    if (await findFrameworkDocument(db, fw.id, fw.version)) continue;
    const r = await importFramework(db, fw, null, now);
    if (r.created) added.push(`${fw.id}@${fw.version}`);
  }
  return added;
}

export async function frameworkList(db: Kysely<Database>) {
  const rows = await listFrameworks(db);
  return rows.map((r) => ({ id: r.id, version: r.version, titleTh: r.title_th, titleEn: r.title_en, itemCount: r.item_count, createdAt: new Date(r.created_at).toISOString() }));
}
