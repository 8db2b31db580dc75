// Digital Local demo: an announced contest with ~50 entries from varied LAO types and provinces judged by 8 demo judges, and next year's open contest.
import { Readable } from 'node:stream';
import type { AppContext } from '../app.js';
import { AppError } from '../../shared/errors.js';
import { mulberry32, simulateScoreSheets, validateScoreSheet, checkEligibility, type ContestConfig } from '../../engine/judging/index.js';
import { tinyPdf } from '../../demo/pdf.js';
import type { SessionUser } from '../auth/policy.js';
import { detectEvidenceType } from '../evidence/sniff.js';
import { ensureBlob } from '../repositories/evidence.js';
import { insertUsersBulk, type NewUserRow } from '../repositories/demo-load.js';
import { findUserByEmail } from '../repositories/users.js';
import { insertAttachmentsBulk, insertEntriesBulk, listProvincesBrief, searchLaos, type EntryContent } from '../repositories/digital-local.js';
import { assignmentsOf, insertSheetsBulk } from '../repositories/digital-local-judging.js';
import { appendAudit } from './audit.js';
import { presentSessionUser } from './auth.js';
import { createEntry, defaultContest, laoTypeOf, saveContest, saveDraft, uploadAttachment } from './digital-local.js';
import { announceResults, autoAssign, chooseBasis, committeeView, confirmResults, declareConflict, addOverride, setAffiliations } from './digital-local-judging.js';
import { evidenceStore } from './upload-staging.js';
import { hashPassword } from './passwords.js';
import { DEMO_PASSWORD } from './demo-loader.js';
import { importLaos } from './lao-import.js';

/** The contest judged and announced in the demo (the year of the open survey edition) and the next one, open for entries. */
export const DEMO_CONTEST_YEAR = 2563;
export const DEMO_OPEN_CONTEST_YEAR = 2564;
const CMPAO_APPLICANT = 'applicant.cmpao@demo.dga.local';
const DEMO_JUDGE = 'demo.judge@dga.local';

/** Seven judges besides demo.judge@dga.local, each with a link to the registry (which decides their conflicts). */
const JUDGES: { email: string; name: string; province?: string; pao?: string }[] = [
  { email: 'judge.academic@demo.dga.local', name: 'ศ.ดร.สมชาย ใจดี (สาธิต) · Prof. Somchai (demo)', province: '10' },
  { email: 'judge.dla@demo.dga.local', name: 'ผู้แทนกรมส่งเสริมการปกครองท้องถิ่น (สาธิต) · DLA representative (demo)' },
  { email: 'judge.dga@demo.dga.local', name: 'ผู้แทน สพร. (สาธิต) · DGA representative (demo)' },
  { email: 'judge.north@demo.dga.local', name: 'ผู้ทรงคุณวุฒิภาคเหนือ (สาธิต) · Expert, North (demo)', pao: '50' },
  { email: 'judge.northeast@demo.dga.local', name: 'ผู้ทรงคุณวุฒิภาคตะวันออกเฉียงเหนือ (สาธิต) · Expert, Northeast (demo)', province: '40' },
  { email: 'judge.south@demo.dga.local', name: 'ผู้ทรงคุณวุฒิภาคใต้ (สาธิต) · Expert, South (demo)', province: '90' },
  { email: 'judge.civic@demo.dga.local', name: 'ผู้แทนภาคประชาสังคม (สาธิต) · Civil society (demo)' },
];

/** LAOs added to the registry for the demo (the reference data has only PAOs, Bangkok and Pattaya), by type and province. */
const DEMO_LAOS: { type: 'city_municipality' | 'town_municipality' | 'subdistrict_municipality' | 'sao'; province: string; place?: string }[] = [
  ...['40', '30', '41', '83', '95', '65', '60', '34'].map((p) => ({ type: 'city_municipality' as const, province: p })),
  ...['55', '58', '46', '36', '24', '71', '86', '18', '44', '64'].map((p) => ({ type: 'town_municipality' as const, province: p })),
  ...[
    ['50', 'สันผักหวาน'],
    ['57', 'ป่าแดด'],
    ['45', 'หนองบัว'],
    ['31', 'ท่าช้าง'],
    ['20', 'บ้านสวน'],
    ['80', 'นาเกลือ'],
    ['67', 'วังทอง'],
    ['12', 'บางกระสอ'],
    ['33', 'โคกสูง'],
    ['92', 'ห้วยยอด'],
  ].map(([p, place]) => ({ type: 'subdistrict_municipality' as const, province: p!, place })),
  ...[
    ['50', 'แม่แรม'],
    ['40', 'ดอนหัน'],
    ['63', 'แม่กาษา'],
    ['48', 'นาทม'],
    ['26', 'ดงละคร'],
    ['72', 'บ้านกร่าง'],
    ['84', 'ท่าชนะ'],
    ['39', 'โนนสัง'],
    ['53', 'ทุ่งยั้ง'],
    ['94', 'ตะโละ'],
  ].map(([p, place]) => ({ type: 'sao' as const, province: p!, place })),
];

/** PAOs entering besides Chiang Mai's, and the two special LAOs. */
const DEMO_PAO_PROVINCES = ['50', '57', '40', '30', '90', '83', '20', '65', '34', '80'];

const INNOVATIONS: [string, string][] = [
  ['ระบบรับเรื่องร้องเรียนผ่าน LINE OA', 'ประชาชนแจ้งปัญหาไฟฟ้าส่องสว่าง ถนน และขยะ พร้อมภาพถ่ายและพิกัด ติดตามสถานะได้ทันที'],
  ['ระบบขออนุญาตก่อสร้างออนไลน์', 'ยื่นคำขอ แนบแบบแปลน และชำระค่าธรรมเนียมออนไลน์ ลดการเดินทางมาสำนักงาน'],
  ['แผนที่ภาษีและทะเบียนทรัพย์สินดิจิทัล', 'ใช้ GIS จัดเก็บภาษีที่ดินและสิ่งปลูกสร้างอย่างครบถ้วนและเป็นธรรม'],
  ['ระบบดูแลผู้สูงอายุและผู้ป่วยติดเตียง', 'อาสาสมัครบันทึกการเยี่ยมบ้านผ่านแอป เชื่อมข้อมูลกับโรงพยาบาลส่งเสริมสุขภาพตำบล'],
  ['ระบบเฝ้าระวังน้ำท่วมด้วยเซนเซอร์ IoT', 'วัดระดับน้ำในคลองแบบเวลาจริง แจ้งเตือนประชาชนล่วงหน้าผ่านข้อความ'],
  ['ระบบจัดการขยะอัจฉริยะ', 'ติดตามรถเก็บขยะด้วย GPS และวางแผนเส้นทาง ลดค่าน้ำมันและขยะตกค้าง'],
  ['ศูนย์ข้อมูลเปิดของท้องถิ่น', 'เผยแพร่ข้อมูลงบประมาณ การจัดซื้อจัดจ้าง และบริการสาธารณะในรูปแบบข้อมูลเปิด'],
  ['ระบบจองคิวรับบริการออนไลน์', 'จองคิวงานทะเบียนและชำระภาษีล่วงหน้า ลดเวลารอที่สำนักงาน'],
  ['ระบบชำระภาษีและค่าธรรมเนียมผ่าน QR Code', 'ชำระภาษีป้าย ภาษีที่ดิน และค่าขยะผ่านพร้อมเพย์ ได้ใบเสร็จอิเล็กทรอนิกส์'],
  ['ระบบแจ้งเหตุฉุกเฉินและกู้ภัย', 'ศูนย์สั่งการรับแจ้งเหตุพร้อมพิกัด ส่งหน่วยกู้ภัยที่ใกล้ที่สุด'],
  ['ตลาดออนไลน์สินค้าชุมชน', 'แพลตฟอร์มให้กลุ่มอาชีพขายสินค้าชุมชน พร้อมระบบขนส่งร่วมกับไปรษณีย์'],
  ['ระบบบริหารจัดการน้ำประปาหมู่บ้าน', 'อ่านมาตรวัดด้วยแอป ออกใบแจ้งหนี้และตรวจจับท่อรั่วจากข้อมูลการใช้น้ำ'],
];

function contentFor(lao: { name_th: string }, i: number): EntryContent {
  const [title, summary] = INNOVATIONS[i % INNOVATIONS.length]!;
  return {
    title: `${title} (ข้อมูลสาธิต)`,
    summary: `${lao.name_th}: ${summary}`,
    sections: {
      problem: `${lao.name_th} พบว่าประชาชนต้องเดินทางมาติดต่อหลายครั้งและไม่ทราบความคืบหน้าของเรื่อง ข้อมูลจากการสำรวจความพึงพอใจชี้ว่าระยะเวลารอเป็นปัญหาหลัก`,
      policy_plan: 'ผู้บริหารกำหนดนโยบายท้องถิ่นดิจิทัลไว้ในแผนพัฒนาท้องถิ่น 5 ปี พร้อมงบประมาณประจำปีและตัวชี้วัด',
      work_process: 'พัฒนาร่วมกับชุมชน สถาบันการศึกษาในพื้นที่ และผู้นำชุมชน ทดลองใช้ในบางหมู่บ้านก่อนขยายผลทั้งพื้นที่',
      results: 'ลดระยะเวลาให้บริการลงมากกว่าครึ่ง ประชาชนใช้งานเพิ่มขึ้นทุกไตรมาส และมีหน่วยงานอื่นขอนำไปใช้ต่อ',
    },
    links: [{ url: 'https://www.dga.or.th/', label: 'ข้อมูลเพิ่มเติม (สาธิต)' }],
  };
}

export interface DigitalLocalDemoResult {
  year: number;
  entries: number;
  judges: number;
  assignments: number;
  sheets: number;
  winners: Record<string, number>;
  ms: number;
}

/**
 * Loads the Digital Local demo through the services (contest set-up, judges' affiliations and declarations, automatic
 * assignment, basis, confirmation, announcement; next year's contest and the Chiang Mai PAO's draft); entries and
 * score sheets of the past contest go in bulk after the services' own checks (eligibility, complete sections, valid
 * sheets), because its entry and judging windows are already over.
 */
export async function loadDigitalLocalDemo(ctx: AppContext, admin: SessionUser, opts: { seed: number; log?: (msg: string, data?: Record<string, unknown>) => void }): Promise<DigitalLocalDemoResult> {
  const t0 = Date.now();
  const now = ctx.clock.now();
  const day = 86400_000;
  const at = (days: number) => new Date(now.getTime() + days * day).toISOString();
  const rng = mulberry32(opts.seed ^ 0x5d1c0a1);

  // ---- registry: municipalities and SAOs of the demo, through the LAO import
  const provinces = new Map((await listProvincesBrief(ctx.db)).map((p) => [p.code, p]));
  const TYPE_TH = { city_municipality: 'เทศบาลนคร', town_municipality: 'เทศบาลเมือง', subdistrict_municipality: 'เทศบาลตำบล', sao: 'องค์การบริหารส่วนตำบล' } as const;
  const TYPE_EN = { city_municipality: 'City Municipality', town_municipality: 'Town Municipality', subdistrict_municipality: 'Subdistrict Municipality', sao: 'SAO' } as const;
  const rows = DEMO_LAOS.filter((l) => provinces.has(l.province)).map((l, i) => {
    const p = provinces.get(l.province)!;
    const place = l.place ?? p.name_th;
    return [`DEMO-DL-${String(i + 1).padStart(3, '0')}`, `${TYPE_TH[l.type]}${place}`, `${l.place ? `${place} ` : `${p.name_en} `}${TYPE_EN[l.type]} (demo)`, l.type, l.province];
  });
  const csv = ['code,name_th,name_en,lao_type,province', ...rows.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(','))].join('\n');
  await importLaos(ctx, admin, { filename: 'digital-local-demo-laos.csv', buffer: Buffer.from(csv, 'utf8') });

  const allLaos = await searchLaos(ctx.db, { limit: 10_000 });
  const byCode = new Map(allLaos.map((o) => [o.code, o]));
  const pao = (province: string) => allLaos.find((o) => o.org_type === 'pao' && o.province_code === province);
  const entering = [
    ...DEMO_PAO_PROVINCES.map(pao),
    allLaos.find((o) => o.org_type === 'special' && o.province_code === '10'),
    allLaos.find((o) => o.org_type === 'special' && o.province_code !== '10'),
    ...rows.map((r) => byCode.get(r[0]!)),
  ].filter((o): o is NonNullable<typeof o> => Boolean(o));

  // ---- the past contest: set up through the service, with its calendar already behind us
  const config: ContestConfig = {
    ...defaultContest(DEMO_CONTEST_YEAR),
    name: { th: `รางวัลท้องถิ่นดิจิทัล ประจำปี ${DEMO_CONTEST_YEAR} (ข้อมูลสาธิต)`, en: `Digital Local Award ${DEMO_CONTEST_YEAR - 543} (demo data)` },
    schedule: { entriesOpen: at(-150), entriesClose: at(-100), judgingStart: at(-90), judgingEnd: at(-40), announcement: at(-30) },
  };
  await saveContest(ctx, admin, DEMO_CONTEST_YEAR, { config });

  const applicant = await findUserByEmail(ctx.db, CMPAO_APPLICANT);
  const hash = await hashPassword(DEMO_PASSWORD);
  // One applicant account per other entering LAO (one shared hash of the demo password, as the survey demo does).
  const users: NewUserRow[] = [];
  const applicantOf = new Map<string, string>();
  if (applicant?.organisation_id) applicantOf.set(applicant.organisation_id, applicant.id);
  for (const o of entering) {
    if (applicantOf.has(o.id)) continue;
    const id = ctx.ids.uuid();
    applicantOf.set(o.id, id);
    users.push({ id, email: `applicant.${o.code.toLowerCase().replace(/[^a-z0-9-]/g, '')}@demo.dga.local`, display_name: `ผู้สมัคร ${o.name_th} (สาธิต)`, password_hash: hash, role: 'lao_applicant', organisation_id: o.id, created_at: now });
  }
  const judgeRows: NewUserRow[] = JUDGES.map((j) => ({ id: ctx.ids.uuid(), email: j.email, display_name: j.name, password_hash: hash, role: 'judge', organisation_id: null, created_at: now }));
  await insertUsersBulk(ctx.db, [...users, ...judgeRows]);
  await appendAudit(ctx.db, now, { actorId: null, action: 'demo.accounts', entity: 'user', after: { created: users.length + judgeRows.length, roles: ['lao_applicant', 'judge'] } });

  // Entries: the same checks as submission (eligible type, title, summary and every section written).
  const entryRows: Parameters<typeof insertEntriesBulk>[1] = [];
  const quality: Record<string, number> = {};
  entering.forEach((o, i) => {
    if (checkEligibility(laoTypeOf(o.org_type, o.province_code), config)) throw new AppError('DL_NOT_ELIGIBLE', { detailTh: o.name_th, detailEn: o.code });
    const content = contentFor(o, i);
    if (config.rubric.criteria.some((c) => !content.sections[c.code]?.trim())) throw new AppError('INTERNAL');
    const id = ctx.ids.uuid();
    const created = new Date(now.getTime() - (148 - (i % 40)) * day);
    entryRows.push({ id, contest_year: DEMO_CONTEST_YEAR, organisation_id: o.id, status: 'submitted', content, by: applicantOf.get(o.id)!, created_at: created, submitted_at: new Date(created.getTime() + 5 * day) });
    // True quality on the 1–5 scale: most entries are good (they chose to enter), a few stand out.
    quality[id] = Math.min(4.8, Math.max(1.8, 3.3 + 0.7 * (rng() + rng() + rng() - 1.5) * 1.6));
  });
  await insertEntriesBulk(ctx.db, entryRows);
  // One shared demo PDF attached to every entry's results section, stored like any upload.
  const store = evidenceStore(ctx);
  const staged = await store.stage(Readable.from(tinyPdf('Digital Local demo', ['Demo attachment of a Digital Local entry.', 'Not a real document.'])), ctx.config.UPLOAD_MAX_MB * 1024 * 1024);
  const type = await detectEvidenceType(staged.tmpPath);
  if (!type.ok) throw new AppError('FILE_TYPE_REFUSED', { detected: type.detected });
  await store.commit(staged);
  await ensureBlob(ctx.db, { sha256: staged.sha256, size: staged.size, mime_type: type.mime, created_at: now });
  await insertAttachmentsBulk(
    ctx.db,
    entryRows.map((e) => ({ id: ctx.ids.uuid(), entry_id: e.id, section: 'results', sha256: staged.sha256, filename: 'ผลการดำเนินงาน-สาธิต.pdf', size: staged.size, mime_type: type.mime, uploaded_by: e.by, uploaded_at: e.created_at })),
  );
  await appendAudit(ctx.db, now, { actorId: null, action: 'demo.dl_entries', entity: 'dl_contest', entityId: String(DEMO_CONTEST_YEAR), after: { entries: entryRows.length } });

  // ---- judges: affiliations by the admin, one declaration by a judge, then the automatic assignment
  const demoJudge = await findUserByEmail(ctx.db, DEMO_JUDGE);
  const judgeIds = [...(demoJudge ? [demoJudge.id] : []), ...judgeRows.map((j) => j.id)];
  if (demoJudge) await setAffiliations(ctx, admin, demoJudge.id, [{ provinceCode: '65' }]);
  for (const [i, j] of JUDGES.entries()) {
    const list = [...(j.province ? [{ provinceCode: j.province }] : []), ...(j.pao && pao(j.pao) ? [{ organisationId: pao(j.pao)!.id }] : [])];
    if (list.length > 0) await setAffiliations(ctx, admin, judgeRows[i]!.id, list);
  }
  const civic = judgeRows[JUDGES.findIndex((j) => j.email === 'judge.civic@demo.dga.local')]!;
  const civicUser = presentSessionUser((await findUserByEmail(ctx.db, civic.email))!);
  const declared = entering.find((o) => o.org_type === 'sao');
  if (declared) await declareConflict(ctx, civicUser, { organisationId: declared.id, note: 'เคยเป็นที่ปรึกษาโครงการ (สาธิต)' });
  const assigned = await autoAssign(ctx, admin, DEMO_CONTEST_YEAR, { seed: opts.seed });

  // ---- scores: simulated sheets (known quality, each judge's own severity), validated as submissions are
  const severity: Record<string, number> = {};
  judgeIds.forEach((id, i) => (severity[id] = [-0.5, 0.3, 0, -0.2, 0.4, -0.1, 0.2, 0][i % 8]!));
  const assignments = (await assignmentsOf(ctx.db, DEMO_CONTEST_YEAR)).map((a) => ({ entryId: a.entry_id, judgeId: a.judge_id }));
  const sheets = simulateScoreSheets({ rubric: config.rubric, assignments, quality, severity, noiseSd: 0.45, rng });
  const judgingStart = new Date(now.getTime() - 90 * day);
  const sheetRows = sheets.map((s, i) => {
    const problems = validateScoreSheet(s, config.rubric, { forSubmission: true });
    if (problems.length > 0) throw new AppError('VALIDATION_FAILED', { detail: problems.map((p) => p.en).join('; ') });
    const submitted = new Date(judgingStart.getTime() + ((i * 7) % 45) * day);
    return { entry_id: s.entryId, judge_id: s.judgeId, contest_year: DEMO_CONTEST_YEAR, ratings: s.ratings, overall_comment: null, status: 'submitted' as const, updated_at: submitted, submitted_at: submitted };
  });
  await insertSheetsBulk(ctx.db, sheetRows);
  await appendAudit(ctx.db, now, { actorId: null, action: 'demo.dl_sheets', entity: 'dl_contest', entityId: String(DEMO_CONTEST_YEAR), after: { sheets: sheetRows.length } });

  // ---- committee: severity-adjusted basis, ties at a cut-off settled with a written reason, confirm, announce
  await chooseBasis(ctx, admin, DEMO_CONTEST_YEAR, { basis: 'additive', reason: 'กรรมการมีความเข้มงวดต่างกัน จึงใช้คะแนนที่ปรับความเข้มงวดแล้ว (สาธิต) · Judges differ in severity: the adjusted scores are used (demo)' });
  let report = await committeeView(ctx, DEMO_CONTEST_YEAR);
  for (const tie of report.result.cutoffTies.filter((t) => t.rule === 'refer_to_committee')) {
    for (const [k, entryId] of tie.entryIds.entries()) {
      const current = report.result.entries.find((e) => e.entryId === entryId);
      if (!current || current.pendingTier === null) continue;
      const tier = k < tie.seats ? tie.tier : current.tier;
      await addOverride(ctx, admin, DEMO_CONTEST_YEAR, { entryId, tier, reason: 'คณะกรรมการพิจารณาผลงานที่คะแนนเท่ากันจากการนำเสนอ (สาธิต) · Decided by the committee after presentations (demo)' });
      report = await committeeView(ctx, DEMO_CONTEST_YEAR);
    }
  }
  await confirmResults(ctx, admin, DEMO_CONTEST_YEAR);
  await announceResults(ctx, admin, DEMO_CONTEST_YEAR);
  const winners: Record<string, number> = {};
  for (const e of report.result.entries) if (e.tier) winners[e.tier] = (winners[e.tier] ?? 0) + 1;

  // ---- next year's contest, open for entries; the Chiang Mai PAO's applicant has a draft with an attachment
  const next = defaultContest(DEMO_OPEN_CONTEST_YEAR);
  await saveContest(ctx, admin, DEMO_OPEN_CONTEST_YEAR, {
    config: {
      ...next,
      name: { th: `รางวัลท้องถิ่นดิจิทัล ประจำปี ${DEMO_OPEN_CONTEST_YEAR} (ข้อมูลสาธิต)`, en: `Digital Local Award ${DEMO_OPEN_CONTEST_YEAR - 543} (demo data)` },
      schedule: { entriesOpen: at(-10), entriesClose: at(45), judgingStart: at(55), judgingEnd: at(90), announcement: at(110) },
    },
  });
  if (applicant?.organisation_id) {
    const me = presentSessionUser(applicant);
    const { entry } = await createEntry(ctx, me, DEMO_OPEN_CONTEST_YEAR, { title: 'ระบบติดตามรถพยาบาลฉุกเฉินของ อบจ.เชียงใหม่ (ข้อมูลสาธิต)' });
    await saveDraft(ctx, me, entry.id, {
      baseVersion: entry.version,
      requestId: 'demo-cmpao-draft-1',
      summary: 'ประชาชนและโรงพยาบาลเห็นตำแหน่งรถพยาบาลฉุกเฉินแบบเวลาจริง ลดเวลาเข้าถึงผู้ป่วยในพื้นที่ห่างไกล',
      sections: {
        problem: 'พื้นที่ภูเขาทำให้รถพยาบาลเข้าถึงผู้ป่วยช้า และศูนย์สั่งการไม่ทราบตำแหน่งรถที่ใกล้ที่สุด',
        policy_plan: 'อยู่ในแผนพัฒนาจังหวัดด้านสาธารณสุขฉุกเฉิน มีงบประมาณต่อเนื่อง 3 ปี',
      },
      links: [{ url: 'https://www.dga.or.th/', label: 'วิดีโอนำเสนอ (สาธิต)' }],
    });
    await uploadAttachment(ctx, me, entry.id, 'problem', { filename: 'ข้อมูลเวลาเข้าถึงผู้ป่วย-สาธิต.pdf', stream: Readable.from(tinyPdf('Response times (demo)', ['Demo attachment of the Chiang Mai PAO draft entry.'])) });
  }

  const result: DigitalLocalDemoResult = { year: DEMO_CONTEST_YEAR, entries: entryRows.length, judges: judgeIds.length, assignments: assigned.total, sheets: sheetRows.length, winners, ms: Date.now() - t0 };
  opts.log?.('demo Digital Local contest loaded', { ...result });
  return result;
}
