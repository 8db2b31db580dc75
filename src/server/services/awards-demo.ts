// Demo awards: the default award set of the published 2562 edition computed, reviewed, approved and announced; digital-leader nominations judged.
import { Readable } from 'node:stream';
import type { AppContext } from '../app.js';
import type { SessionUser } from '../auth/policy.js';
import { tinyPdf } from '../../demo/pdf.js';
import { findUserByEmail } from '../repositories/users.js';
import { findEditionByYear } from '../repositories/editions.js';
import { presentSessionUser } from './auth.js';
import { computeEditionAwards, decisionAction, getDecision } from './awards.js';
import { assignJudges, committeeRanking, createNomination, decideCommittee, scoreNomination, uploadNominationEvidence } from './awards-committee.js';
import { acceptInvitation, createInvitation } from './invitations.js';

/** The demo password is the demo loader's; kept here as a parameter so this module does not import the loader. */
export interface AwardsDemoOptions {
  password: string;
  log?: (msg: string, data?: Record<string, unknown>) => void;
}

/** Two more committee members, so the digital-leader award (at least three judges) can be decided in the demo. */
const EXTRA_JUDGES = [
  { email: 'demo.judge2@dga.local', displayName: 'กรรมการ คนที่ 2 (สาธิต) · Demo judge 2' },
  { email: 'demo.judge3@dga.local', displayName: 'กรรมการ คนที่ 3 (สาธิต) · Demo judge 3' },
];

/** The Chiang Mai head scores higher and wins; the Department of Land Transport's nominee is the runner-up. */
const NOMINEES = [
  {
    by: 'head.dlt@demo.dga.local',
    personNameTh: 'นายธนากร ดิจิทัลวงศ์ (สาธิต)',
    personNameEn: 'Mr Thanakorn Digitalwong (demo)',
    positionTh: 'ผู้บริหารเทคโนโลยีสารสนเทศระดับสูง (CIO)',
    positionEn: 'Chief Information Officer',
    statement:
      'ผลักดันการให้บริการใบอนุญาตขับขี่ดิจิทัลและการชำระภาษีรถยนต์ออนไลน์ ลดการเดินทางมาสำนักงานของประชาชน และจัดทำธรรมาภิบาลข้อมูลของกรม',
    scores: [7, 7, 8, 6],
  },
  {
    by: 'coordinator.cm@demo.dga.local',
    personNameTh: 'นางสาวพิมพ์ชนก ล้านนาทัศน์ (สาธิต)',
    personNameEn: 'Ms Pimchanok Lannatat (demo)',
    positionTh: 'หัวหน้าสำนักงานจังหวัด',
    positionEn: 'Head of the Provincial Office',
    statement: 'นำระบบรับเรื่องร้องเรียนออนไลน์และศูนย์ข้อมูลจังหวัดมาใช้ เชื่อมโยงข้อมูลกับหน่วยงานในจังหวัด และพัฒนาทักษะดิจิทัลของบุคลากร',
    scores: [9, 8, 9, 8],
  },
];

async function userByEmail(ctx: AppContext, email: string): Promise<SessionUser | null> {
  const u = await findUserByEmail(ctx.db, email);
  return u ? presentSessionUser(u) : null;
}

async function ensureJudge(ctx: AppContext, admin: SessionUser, j: { email: string; displayName: string }, password: string): Promise<SessionUser> {
  const existing = await userByEmail(ctx, j.email);
  if (existing) return existing;
  const inv = await createInvitation(ctx, admin, { email: j.email, role: 'judge', organisationId: null });
  const { user } = await acceptInvitation(ctx, inv.link.split('/').pop()!, { displayName: j.displayName, password });
  return user;
}

/**
 * Runs after the demo loader has published 2562 (no-op without that edition). Everything goes through the awards
 * services, as an administrator, the reviewer and the judges would.
 */
export async function loadAwardsDemo(ctx: AppContext, admin: SessionUser, opts: AwardsDemoOptions): Promise<void> {
  const log = opts.log ?? (() => {});
  const t = Date.now();
  const e = await findEditionByYear(ctx.db, 2562);
  if (!e || e.state !== 'published') return;
  const reviewer = (await userByEmail(ctx, 'demo.reviewer@dga.local')) ?? admin;

  // ---- rule-based awards: computed → reviewed → approved (knife-edge acknowledged) → announced ----
  const computed = await computeEditionAwards(ctx, admin, e.id);
  for (const d of computed.decisions) {
    if (d.type !== 'rule' || d.state !== 'computed') continue;
    await decisionAction(ctx, reviewer, e.id, d.categoryId, { type: 'review', note: 'ตรวจผลการคำนวณแล้ว (สาธิต) · checked (demo)' });
    const full = await getDecision(ctx, admin, e.id, d.categoryId);
    await decisionAction(ctx, admin, e.id, d.categoryId, {
      type: 'approve',
      acknowledgeKnifeEdge: full.knifeEdgeGroups,
      note: full.knifeEdgeGroups.length > 0 ? 'คณะกรรมการพิจารณากลุ่มที่ผลใกล้เคียงกันแล้ว · knife-edge groups considered' : 'อนุมัติ · approved',
    });
    await decisionAction(ctx, admin, e.id, d.categoryId, { type: 'announce' });
  }

  // ---- the outstanding digital leader: nominations with evidence, three judges, the committee's decision ----
  const judges = [(await userByEmail(ctx, 'demo.judge@dga.local')) ?? null, ...(await Promise.all(EXTRA_JUDGES.map((j) => ensureJudge(ctx, admin, j, opts.password))))].filter(
    (j): j is SessionUser => j !== null,
  );
  const nominationIds: string[] = [];
  for (const n of NOMINEES) {
    const by = await userByEmail(ctx, n.by);
    if (!by?.organisationId) continue;
    const nom = await createNomination(ctx, by, e.id, {
      categoryId: 'digital_leader',
      organisationId: by.organisationId,
      personNameTh: n.personNameTh,
      personNameEn: n.personNameEn,
      positionTh: n.positionTh,
      positionEn: n.positionEn,
      statement: n.statement,
    });
    await uploadNominationEvidence(ctx, by, e.id, nom.id, {
      filename: 'ผลงานผู้นำดิจิทัล.pdf',
      stream: Readable.from([tinyPdf('Digital leader nomination (demo)', [n.personNameEn, n.positionEn])]),
    });
    await assignJudges(ctx, admin, e.id, nom.id, judges.map((j) => j.id));
    const criteria = ['vision', 'change', 'results', 'people_data'];
    for (const [k, j] of judges.entries())
      await scoreNomination(ctx, j, e.id, nom.id, criteria.map((criterion, i) => ({ criterion, score: Math.max(0, Math.min(10, n.scores[i]! - (k % 2))) })));
    nominationIds.push(nom.id);
  }
  if (nominationIds.length > 0 && judges.length >= 3) {
    const ranking = await committeeRanking(ctx, e.id, 'digital_leader');
    const top = ranking.ranking[0];
    if (top && top.rank === 1) {
      await decideCommittee(ctx, admin, e.id, 'digital_leader', {
        winners: [top.nominationId],
        reasons: { [top.nominationId]: 'คะแนนเฉลี่ยถ่วงน้ำหนักสูงสุด และมีผลงานบริการดิจิทัลที่ประชาชนใช้จริง (สาธิต)' },
      });
      await decisionAction(ctx, admin, e.id, 'digital_leader', { type: 'announce' });
    }
  }
  log('demo awards 2562 computed, reviewed, approved and announced', { ms: Date.now() - t, categories: computed.decisions.length, nominations: nominationIds.length });
}
