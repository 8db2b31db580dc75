// Shared set-up for the questionnaire tests: a small valid framework, an open edition with two organisations, signed-in agency users.
import type { LightMyRequestResponse } from 'fastify';
import { defaultFramework } from '../../../src/engine/framework/default/index.js';
import type { Dimension, Framework, Item } from '../../../src/engine/framework/types.js';
import type { Role } from '../../../src/server/auth/policy.js';
import { ADMIN, as, orgIdByCode, seedUser, signIn, type Harness, type Session } from './foundation.js';

/** Two items from the first sub-dimension of each default dimension, conditions dropped: 12 questions, still valid. */
export function miniFramework(version = 'test-1'): Framework {
  const pick = (items: Item[]): Item[] => items.filter((i) => !i.visibleIf).slice(0, 2);
  const dims: Dimension[] = defaultFramework.dimensions.map((d) => {
    if (d.subdimensions?.length) {
      const s = d.subdimensions[0]!;
      return { ...d, subdimensions: [{ ...s, items: pick(s.items) }] };
    }
    return { ...d, items: pick(d.items ?? []) };
  });
  const { crosswalk: _drop, ...rest } = defaultFramework;
  return { ...rest, id: 'test-mini', version, title: { th: 'กรอบทดสอบ', en: 'Test framework' }, dimensions: dims };
}

export const OWN_CODE = 'PAT-15002-50'; // สำนักงานจังหวัดเชียงใหม่
export const OTHER_CODE = 'PAT-15002-57'; // สำนักงานจังหวัดเชียงราย

export interface Survey {
  admin: Session;
  eid: string;
  own: string;
  other: string;
  fw: Framework;
  users: Record<'coordinator' | 'contributor' | 'head' | 'otherCoordinator', { id: string; session: Session }>;
  url: (path: string, oid?: string) => string;
}

let ipSeq = 0;
export function nextIp(): string {
  ipSeq++;
  return `10.${(ipSeq >> 8) & 255}.${ipSeq & 255}.9`;
}

export async function signInAdmin(h: Harness): Promise<Session> {
  return signIn(h.app, ADMIN.email, ADMIN.password, nextIp());
}

export function expectOk(res: LightMyRequestResponse, status = 200): any {
  if (res.statusCode !== status) throw new Error(`expected ${status}, got ${res.statusCode}: ${res.body}`);
  return res.body ? res.json() : null;
}

/** An edition of the mini framework over the two provincial offices; `open` moves it to open. */
export async function createSurvey(h: Harness, opts: { open?: boolean; seedUsers?: boolean; fullFramework?: boolean } = {}): Promise<Survey> {
  const admin = await signInAdmin(h);
  const fw = opts.fullFramework ? defaultFramework : miniFramework();
  const imported = await as(h.app, admin, { method: 'POST', url: '/api/frameworks', payload: fw });
  if (imported.statusCode !== 201 && imported.statusCode !== 200) throw new Error(imported.body);
  const own = await orgIdByCode(h.db, OWN_CODE);
  const other = await orgIdByCode(h.db, OTHER_CODE);
  const ed = expectOk(
    await as(h.app, admin, {
      method: 'POST',
      url: '/api/editions',
      payload: { yearBe: 2569, titleTh: 'การสำรวจความพร้อมรัฐบาลดิจิทัล ปี 2569', titleEn: 'Digital Government Readiness Survey 2026', frameworkId: fw.id, frameworkVersion: fw.version, opensAt: '2026-05-01T00:00:00Z', closesAt: '2026-06-30T00:00:00Z' },
    }),
    201,
  );
  const eid: string = ed.id;
  const o = await h.db.selectFrom('organisation').select(['org_type', 'level']).where('id', '=', own).executeTakeFirstOrThrow();
  const filter = { levels: [o.level], provinces: ['50', '57'], orgTypes: [o.org_type!] };
  const preview = expectOk(await as(h.app, admin, { method: 'POST', url: `/api/editions/${eid}/population/preview`, payload: filter }));
  expectOk(await as(h.app, admin, { method: 'POST', url: `/api/editions/${eid}/population`, payload: { ...filter, confirmCount: preview.count } }));
  if (opts.open !== false) expectOk(await as(h.app, admin, { method: 'POST', url: `/api/editions/${eid}/transition`, payload: { to: 'open' } }));
  const users = {} as Survey['users'];
  if (opts.seedUsers !== false) {
    const seed = async (role: Role, oid: string, email: string) => {
      const id = await seedUser(h.db, { email, role, organisationId: oid, displayName: `${role} ${email.split('@')[0]}` });
      return { id, session: await signIn(h.app, email, undefined, nextIp()) };
    };
    users.coordinator = await seed('coordinator', own, 'coord@cm.go.th');
    users.contributor = await seed('contributor', own, 'contrib@cm.go.th');
    users.head = await seed('head', own, 'head@cm.go.th');
    users.otherCoordinator = await seed('coordinator', other, 'coord@cr.go.th');
  }
  return { admin, eid, own, other, fw, users, url: (path, oid = own) => `/api/editions/${eid}/organisations/${oid}${path}` };
}

/** Minimal valid files of each kind, and things that must be refused. */
export const FILES = {
  pdf: Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1'),
  png: Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex'),
  exe: Buffer.concat([Buffer.from('MZ', 'latin1'), Buffer.alloc(58), Buffer.from([0x80, 0, 0, 0]), Buffer.alloc(64), Buffer.from('PE\0\0', 'latin1'), Buffer.alloc(200)]),
  elf: Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(120)]),
  script: Buffer.from('#!/bin/sh\nrm -rf / --no-preserve-root\n'),
};

export function multipartEvidence(item: string | null, filename: string, content: Buffer, contentType = 'application/pdf'): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----dgrq${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  if (item !== null) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="item"\r\n\r\n${item}\r\n`));
  parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`), content, Buffer.from(`\r\n--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

let req = 0;
export function change(item: string, value: unknown, baseVersion: number, requestId = `r-${++req}-${Math.random().toString(36).slice(2, 8)}`) {
  return { item, value, baseVersion, requestId };
}

/** A value that fits each item kind (choices pick the first option that is not "none"). */
export function sampleValue(item: Item): unknown {
  switch (item.kind) {
    case 'yes_no':
      return true;
    case 'single_choice':
      return item.options[item.options.length - 1]!.code;
    case 'multi_choice':
      return [item.options.find((o) => o.code !== 'none')!.code];
    case 'number':
      return item.min ?? 1;
    case 'text':
      return 'คำอธิบายภาษาไทย';
    case 'indicator':
      return 1;
  }
}

/** Every questionnaire route that takes an organisation id; questionnaire-access.test.ts checks each one for 404 across agencies. */
export const QUESTIONNAIRE_ORG_ROUTES: { method: 'GET' | 'POST' | 'PUT' | 'DELETE'; route: string; path: string; body?: (s: Survey) => unknown; multipart?: boolean; allowedRole?: 'head' }[] = [
  { method: 'GET', route: '/api/editions/:eid/organisations/:oid/questionnaire', path: '/questionnaire' },
  { method: 'PUT', route: '/api/editions/:eid/organisations/:oid/answers', path: '/answers', body: (s) => ({ changes: [change(frameworkItemCode(s), true, 0)] }) },
  { method: 'GET', route: '/api/editions/:eid/organisations/:oid/answers/:item/history', path: '/answers/P1.01/history' },
  { method: 'POST', route: '/api/editions/:eid/organisations/:oid/evidence', path: '/evidence', multipart: true },
  { method: 'PUT', route: '/api/editions/:eid/organisations/:oid/assignments', path: '/assignments', body: () => ({ assignments: [] }) },
  { method: 'GET', route: '/api/editions/:eid/organisations/:oid/checklist', path: '/checklist' },
  { method: 'POST', route: '/api/editions/:eid/organisations/:oid/complete', path: '/complete', body: () => ({ version: 1 }) },
  { method: 'POST', route: '/api/editions/:eid/organisations/:oid/submit', path: '/submit', body: () => ({ version: 1 }), allowedRole: 'head' },
  { method: 'POST', route: '/api/editions/:eid/organisations/:oid/reopen', path: '/reopen', body: () => ({ reason: 'x' }) },
];

function frameworkItemCode(s: Survey): string {
  return s.fw.dimensions[0]!.subdimensions?.[0]?.items[0]?.code ?? s.fw.dimensions[0]!.items![0]!.code;
}
