// Shared set-up for the Digital Local tests: a contest configuration with dates around the harness clock, LAOs of every type.
import { randomUUID } from 'node:crypto';
import type { DB } from '../../../src/db/database.js';
import { defaultDigitalLocalContest, type ContestConfig } from '../../../src/engine/judging/index.js';

/** The harness clock starts at 2026-05-01T03:00Z (B.E. 2569): entries are open then. */
export const YEAR = 2569;
export const DATES = {
  beforeOpen: '2026-03-31T10:00:00Z',
  entriesOpen: '2026-05-01T03:00:00Z',
  // entriesClose is "2026-05-31" (a whole day, Bangkok time): open until 2026-05-31T16:59:59.999Z.
  lastMinute: '2026-05-31T16:59:00Z',
  afterClose: '2026-05-31T17:00:00Z',
  judging: '2026-06-10T03:00:00Z',
  afterJudging: '2026-07-01T03:00:00Z',
  announcement: '2026-07-15T03:00:00Z',
};

export function contestConfig(overrides: Partial<ContestConfig> = {}): ContestConfig {
  return {
    ...defaultDigitalLocalContest(YEAR),
    judgesPerEntry: 2,
    tiers: [
      { code: 'excellent', name: { th: 'ยอดเยี่ยม', en: 'Excellent' }, topN: 1, tieAtCutoff: 'refer_to_committee' },
      { code: 'outstanding', name: { th: 'ดีเด่น', en: 'Outstanding' }, topN: 2, tieAtCutoff: 'refer_to_committee' },
    ],
    schedule: { entriesOpen: '2026-04-01', entriesClose: '2026-05-31', judgingStart: '2026-06-05', judgingEnd: '2026-06-30', announcement: '2026-07-15' },
    ...overrides,
  };
}

/** Adds an LAO to the registry (the reference data has only PAOs, Bangkok and Pattaya). */
export async function addLao(db: DB, l: { code: string; nameTh: string; nameEn?: string; type: string; province: string }): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto('organisation')
    .values({ id, level: 'lao', code: l.code, name_th: l.nameTh, name_en: l.nameEn ?? null, ministry_code: null, province_code: l.province, org_type: l.type, parent_id: null, serves_public: true, active: true, created_at: new Date(), updated_at: new Date() })
    .execute();
  return id;
}

export const SECTIONS = {
  problem: 'ประชาชนต้องเดินทางมาติดต่อสำนักงานหลายครั้งเพื่อขออนุญาตก่อสร้าง',
  policy_plan: 'นายกเทศมนตรีกำหนดนโยบายบริการออนไลน์ในแผนพัฒนาท้องถิ่น 5 ปี',
  work_process: 'พัฒนาระบบร่วมกับชุมชนและมหาวิทยาลัยในพื้นที่',
  results: 'ลดเวลาการขออนุญาตจาก 30 วันเหลือ 7 วัน',
};

/** A multipart body with optional text fields (sent first) and one file, for app.inject. */
export function multipart(fields: Record<string, string>, file: { filename: string; content: Buffer; type?: string }): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----dgr${randomUUID().replace(/-/g, '')}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.filename}"\r\nContent-Type: ${file.type ?? 'application/octet-stream'}\r\n\r\n`));
  parts.push(file.content, Buffer.from(`\r\n--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
