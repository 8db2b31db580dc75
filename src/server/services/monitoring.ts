// Edition monitoring: how many organisations are at each status, response rates by level, ministry and province, and whom to chase.
import type { AppContext } from '../app.js';
import { AppError } from '../../shared/errors.js';
import { frameworkItems, isScoredQuestion } from '../../engine/questionnaire/items.js';
import { isUuid } from '../presenters.js';
import { findEdition } from '../repositories/editions.js';
import { monitoringRows, type MonitoringRow } from '../repositories/participants.js';
import { requireFramework } from './frameworks.js';

interface Counts {
  targeted: number;
  notStarted: number;
  inProgress: number;
  completed: number;
  submitted: number;
  /** Submitted as a percentage of targeted, two decimals (e.g. 96.05). */
  responseRate: number;
}

function emptyCounts(): Counts {
  return { targeted: 0, notStarted: 0, inProgress: 0, completed: 0, submitted: 0, responseRate: 0 };
}

function add(c: Counts, status: MonitoringRow['status']): void {
  c.targeted++;
  if (status === 'not_started') c.notStarted++;
  else if (status === 'in_progress') c.inProgress++;
  else if (status === 'completed') c.completed++;
  else c.submitted++;
}

function rate(c: Counts): Counts {
  c.responseRate = c.targeted === 0 ? 0 : Math.round((c.submitted / c.targeted) * 10000) / 100;
  return c;
}

function groupBy(rows: MonitoringRow[], key: (r: MonitoringRow) => string | null, name: (r: MonitoringRow) => string | null) {
  const groups = new Map<string, Counts & { key: string; nameTh: string | null }>();
  for (const r of rows) {
    const k = key(r) ?? '-';
    let g = groups.get(k);
    if (!g) groups.set(k, (g = { key: k, nameTh: name(r), ...emptyCounts() }));
    add(g, r.status);
  }
  return [...groups.values()].map((g) => rate(g) as typeof g).sort((a, b) => a.key.localeCompare(b.key));
}

const CHASE_ORDER: Record<string, number> = { not_started: 0, in_progress: 1, completed: 2 };

export async function editionMonitoring(ctx: AppContext, eid: string) {
  if (!isUuid(eid)) throw new AppError('NOT_FOUND');
  const edition = await findEdition(ctx.db, eid);
  if (!edition) throw new AppError('NOT_FOUND');
  const fw = await requireFramework(ctx.db, edition.framework_id, edition.framework_version);
  const totalItems = frameworkItems(fw).filter((l) => isScoredQuestion(l.item)).length;
  const rows = await monitoringRows(ctx.db, eid);
  const all = emptyCounts();
  for (const r of rows) add(all, r.status);
  rate(all);
  const chase = rows
    .filter((r) => r.status !== 'submitted')
    .sort((a, b) => (CHASE_ORDER[a.status] ?? 9) - (CHASE_ORDER[b.status] ?? 9) || a.answered - b.answered || a.code.localeCompare(b.code))
    .map((r) => ({
      organisationId: r.organisation_id,
      code: r.code,
      nameTh: r.name_th,
      nameEn: r.name_en,
      level: r.level,
      ministryCode: r.ministry_code,
      ministryNameTh: r.ministry_name_th,
      provinceCode: r.province_code,
      provinceNameTh: r.province_name_th,
      status: r.status,
      answered: r.answered,
      totalItems,
      lastAnswerAt: r.last_answer_at ? new Date(r.last_answer_at).toISOString() : null,
      remindersSent: r.reminders_sent,
      lastRemindedAt: r.last_reminded_at ? new Date(r.last_reminded_at).toISOString() : null,
      contactEmail: r.contact_email,
    }));
  return {
    ...all,
    byLevel: groupBy(rows, (r) => r.level, () => null),
    byMinistry: groupBy(rows, (r) => r.ministry_code, (r) => r.ministry_name_th),
    byProvince: groupBy(rows, (r) => r.province_code, (r) => r.province_name_th),
    chase,
  };
}
