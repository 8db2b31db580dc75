// The one error catalogue: stable codes with Thai and English messages, shared by engine, server and web.

export interface CatalogueEntry {
  /** HTTP status the server answers with; the engine ignores it. */
  status: number;
  th: string;
  en: string;
}

/**
 * Messages may contain {placeholders} filled from the error's params.
 * Codes are stable: clients and tests match on them, so never rename one; add a new code instead.
 */
export const ERROR_CATALOGUE = {
  VALIDATION_FAILED: { status: 400, th: 'ข้อมูลไม่ถูกต้อง: {detail}', en: 'Invalid input: {detail}' },
  NOT_FOUND: { status: 404, th: 'ไม่พบข้อมูล หรือคุณไม่มีสิทธิ์เข้าถึง', en: 'Not found or no access' },
  UNAUTHENTICATED: { status: 401, th: 'กรุณาเข้าสู่ระบบ', en: 'Please sign in' },
  FORBIDDEN: { status: 404, th: 'ไม่พบข้อมูล หรือคุณไม่มีสิทธิ์เข้าถึง', en: 'Not found or no access' },
  CSRF_INVALID: { status: 403, th: 'โทเคนป้องกันการปลอมคำขอไม่ถูกต้อง กรุณาโหลดหน้าใหม่', en: 'Invalid CSRF token; please reload the page' },
  LOGIN_FAILED: { status: 401, th: 'อีเมลหรือรหัสผ่านไม่ถูกต้อง', en: 'Wrong e-mail or password' },
  RATE_LIMITED: { status: 429, th: 'มีคำขอมากเกินไป กรุณารอสักครู่แล้วลองใหม่', en: 'Too many requests; please wait and try again' },
  INVITATION_INVALID: { status: 410, th: 'ลิงก์คำเชิญไม่ถูกต้อง หมดอายุ หรือถูกใช้ไปแล้ว', en: 'The invitation link is invalid, expired or already used' },
  PASSWORD_TOO_WEAK: { status: 400, th: 'รหัสผ่านต้องยาวอย่างน้อย {min} ตัวอักษร', en: 'The password must be at least {min} characters long' },
  EMAIL_TAKEN: { status: 409, th: 'อีเมลนี้มีบัญชีอยู่แล้ว', en: 'An account with this e-mail already exists' },
  CONFLICT: { status: 409, th: 'ข้อมูลถูกแก้ไขโดยผู้อื่นแล้ว: {detail}', en: 'The record was changed by someone else: {detail}' },
  IMPORT_INVALID: { status: 400, th: 'ไฟล์นำเข้ามีข้อผิดพลาด {count} แถว ไม่มีการนำเข้าข้อมูลใด', en: 'The import file has {count} invalid row(s); nothing was imported' },
  FILE_TOO_LARGE: { status: 413, th: 'ไฟล์มีขนาดเกิน {maxMb} MB', en: 'The file is larger than {maxMb} MB' },
  FILE_TYPE_REFUSED: { status: 415, th: 'ไม่รับไฟล์ประเภทนี้ ({detected})', en: 'This file type is not accepted ({detected})' },
  STATE_FORBIDS: { status: 409, th: 'ทำรายการนี้ไม่ได้ในสถานะปัจจุบัน ({state})', en: 'This action is not allowed in the current state ({state})' },
  FRAMEWORK_INVALID: { status: 400, th: 'กรอบการประเมินไม่ถูกต้อง: {detail}', en: 'The framework is invalid: {detail}' },
  CHECKLIST_INCOMPLETE: { status: 409, th: 'แบบสำรวจยังไม่ครบ: ยังไม่ได้ตอบ {unanswered} ข้อ ขาดหลักฐาน {missingEvidence} ข้อ', en: 'The questionnaire is not complete: {unanswered} unanswered, {missingEvidence} missing evidence' },
  REVIEW_DECISION_FINAL: { status: 409, th: 'พ้นกำหนดส่งแก้ไขแล้ว ผลการพิจารณาครั้งล่าสุดเป็นที่สิ้นสุด', en: 'The correction deadline has passed; the last decision stands' },
  REVIEW_AWAITING_AGENCY: { status: 409, th: 'รายการนี้ถูกส่งกลับให้หน่วยงานแก้ไข รอหน่วยงานส่งกลับมาก่อน', en: 'This item is with the agency for correction; wait for it to be resubmitted' },
  CORRECTION_ITEMS_ONLY: { status: 409, th: 'แก้ไขได้เฉพาะรายการที่ถูกส่งกลับให้แก้ไข ({items})', en: 'Only the items returned for correction can be changed ({items})' },
  CORRECTION_DEADLINE_PASSED: { status: 409, th: 'พ้นกำหนดส่งแก้ไขแล้ว', en: 'The correction deadline has passed' },
  DL_ENTRIES_NOT_OPEN: { status: 409, th: 'ยังไม่เปิดรับใบสมัคร จะเปิดรับตั้งแต่ {opensTh}', en: 'Entries are not open yet; they open on {opensEn}' },
  DL_ENTRIES_CLOSED: { status: 409, th: 'หมดเขตรับใบสมัครแล้วเมื่อ {closedTh} จึงส่งหรือแก้ไขใบสมัครไม่ได้ ข้อมูลไม่มีการเปลี่ยนแปลง', en: 'Entries closed on {closedEn}: the entry can no longer be submitted or changed; nothing was changed' },
  DL_NOT_ELIGIBLE: { status: 409, th: 'องค์กรนี้สมัครไม่ได้: {detailTh}', en: 'This organisation may not enter: {detailEn}' },
  DL_ENTRY_INCOMPLETE: { status: 409, th: 'ใบสมัครยังไม่ครบ: {detailTh}', en: 'The entry is not complete: {detailEn}' },
  DL_JUDGE_CAPACITY_INSUFFICIENT: {
    status: 409,
    th: 'กรรมการรับงานได้ไม่พอ: ต้องมอบหมายกรรมการอีก {needed} ที่ แต่ภายใต้จำนวนสูงสุด {max} ผลงานต่อกรรมการ มอบหมายได้เพียง {possible} ที่ จึงไม่ได้มอบหมายใด ๆ กรุณาเพิ่มจำนวนสูงสุดหรือเพิ่มกรรมการ',
    en: 'Not enough judge capacity: {needed} more judge places are needed, but with at most {max} entries per judge only {possible} can be filled, so nothing was assigned. Raise the limit or add judges',
  },
  DL_APPLICANT_NOT_APPROVED: {
    status: 403,
    th: 'บัญชีผู้สมัครของท่าน{stateTh} จึงยังส่งใบสมัครไม่ได้ ท่านยังเตรียมใบสมัครได้ตามปกติ ข้อมูลไม่มีการเปลี่ยนแปลง',
    en: 'Your applicant account {stateEn}, so the entry cannot be submitted yet; you can still prepare it. Nothing was changed',
  },
  DL_JUDGING_NOT_OPEN: { status: 409, th: 'ไม่อยู่ในช่วงการให้คะแนน ({fromTh} – {toTh})', en: 'Scoring is not open (judging runs {fromEn} – {toEn})' },
  NOMINATIONS_CLOSED: { status: 409, th: 'ปิดรับการเสนอชื่อแล้วเมื่อ {closedTh} จึงเสนอชื่อ แก้ไข หรือถอนการเสนอชื่อไม่ได้ ข้อมูลไม่มีการเปลี่ยนแปลง', en: 'Nominations closed on {closedEn}: nominations can no longer be made, edited or withdrawn; nothing was changed' },
  NOMINATION_LOCKED: { status: 409, th: 'เปลี่ยนแปลงการเสนอชื่อไม่ได้แล้ว: {detailTh} ข้อมูลไม่มีการเปลี่ยนแปลง', en: 'The nomination can no longer be changed: {detailEn}; nothing was changed' },
  INTERNAL: { status: 500, th: 'เกิดข้อผิดพลาดภายในระบบ', en: 'Internal error' },
} as const satisfies Record<string, CatalogueEntry>;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;

export type ErrorParams = Record<string, string | number>;

function fill(template: string, params: ErrorParams): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    Object.prototype.hasOwnProperty.call(params, key) ? String(params[key]) : whole,
  );
}

export function errorMessage(code: ErrorCode, params: ErrorParams = {}): { th: string; en: string } {
  const entry = ERROR_CATALOGUE[code];
  return { th: fill(entry.th, params), en: fill(entry.en, params) };
}

/** An error a user can act on. `details` carries per-field or per-row problems. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly params: ErrorParams;
  readonly details: readonly ErrorDetail[];

  constructor(code: ErrorCode, params: ErrorParams = {}, details: readonly ErrorDetail[] = []) {
    super(errorMessage(code, params).en);
    this.name = 'AppError';
    this.code = code;
    this.params = params;
    this.details = details;
  }

  get status(): number {
    return ERROR_CATALOGUE[this.code].status;
  }

  toJSON(): ErrorBody {
    const m = errorMessage(this.code, this.params);
    return { error: { code: this.code, message_th: m.th, message_en: m.en, details: [...this.details] } };
  }
}

export interface ErrorDetail {
  /** Where: a field path, "row 12", "row 12, column score"… */
  path: string;
  th: string;
  en: string;
}

export interface ErrorBody {
  error: { code: ErrorCode; message_th: string; message_en: string; details: ErrorDetail[] };
}
