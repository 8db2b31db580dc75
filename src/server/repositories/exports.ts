// SQL read by the edition export: participants with their organisation, and answers a page of organisations at a time.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { AnswerValue } from '../../engine/framework/types.js';

export interface ExportParticipant {
  organisation_id: string;
  code: string;
  name_th: string;
  name_en: string | null;
  level: string;
  ministry_code: string | null;
  ministry_name_th: string | null;
  province_code: string | null;
  province_name_th: string | null;
  status: string;
  submitted_at: Date | null;
}

export async function exportParticipants(db: Kysely<Database>, editionId: string): Promise<ExportParticipant[]> {
  const r = await sql<ExportParticipant>`
    SELECT p.organisation_id, o.code, o.name_th, o.name_en, o.level, o.ministry_code, m.name_th AS ministry_name_th,
           o.province_code, pv.name_th AS province_name_th, p.status, p.submitted_at
    FROM participant p
    JOIN organisation o ON o.id = p.organisation_id
    LEFT JOIN ministry m ON m.code = o.ministry_code
    LEFT JOIN province pv ON pv.code = o.province_code
    WHERE p.edition_id = ${editionId}
    ORDER BY o.code`.execute(db);
  return r.rows;
}

export interface ExportAnswer {
  organisation_id: string;
  item_code: string;
  value: AnswerValue;
  version: number;
  updated_at: Date;
  updated_by_name: string | null;
}

/** `detail` adds version, time and author (the long format); the wide formats need only the values. */
export async function exportAnswers(db: Kysely<Database>, editionId: string, organisationIds: string[], detail: boolean): Promise<ExportAnswer[]> {
  if (organisationIds.length === 0) return [];
  const r = detail
    ? await sql<ExportAnswer>`
        SELECT a.organisation_id, a.item_code, a.value, a.version, a.updated_at, u.display_name AS updated_by_name
        FROM answer a LEFT JOIN app_user u ON u.id = a.updated_by
        WHERE a.edition_id = ${editionId} AND a.organisation_id = ANY(${organisationIds}::uuid[]) AND a.value <> 'null'::jsonb`.execute(db)
    : await sql<ExportAnswer>`
        SELECT a.organisation_id, a.item_code, a.value
        FROM answer a
        WHERE a.edition_id = ${editionId} AND a.organisation_id = ANY(${organisationIds}::uuid[]) AND a.value <> 'null'::jsonb`.execute(db);
  return r.rows;
}
