// Thai/English texts of every problem, conflict, shortfall and flag the judging module reports, by stable code.

/** Every user-facing text exists in Thai (primary) and English (structurally the same as the framework's I18nText). */
export interface I18nText {
  th: string;
  en: string;
}

/**
 * A validation problem or refusal reason. Shaped like `ErrorDetail` in src/shared/errors.ts (path, th, en) plus a
 * stable `code`, so the server can wrap a list of them in `AppError('VALIDATION_FAILED', …, problems)`.
 */
export interface JudgingProblem {
  /** Where: a field path such as "rubric.criteria[2].weight", or an entry/judge id. */
  path: string;
  code: JudgingCode;
  th: string;
  en: string;
}

/** A reason attached to a result (a conflict, a flag, a shortfall): code, texts and the numbers behind them. */
export interface Reason {
  code: JudgingCode;
  th: string;
  en: string;
  params: Record<string, string | number>;
}

const MESSAGES = {
  // Rubric and contest configuration
  RUBRIC_NO_CRITERIA: { th: 'เกณฑ์การตัดสินต้องมีอย่างน้อยหนึ่งเกณฑ์', en: 'The rubric needs at least one criterion' },
  CRITERION_CODE_MISSING: { th: 'เกณฑ์ต้องมีรหัส', en: 'A criterion needs a code' },
  CRITERION_CODE_DUPLICATE: { th: 'รหัสเกณฑ์ซ้ำ: {code}', en: 'Duplicate criterion code: {code}' },
  TEXT_MISSING: { th: 'ต้องระบุข้อความทั้งภาษาไทยและภาษาอังกฤษ', en: 'Both the Thai and the English text are required' },
  WEIGHT_INVALID: { th: 'น้ำหนักต้องเป็นจำนวนบวก', en: 'The weight must be a positive number' },
  SCALE_INVALID: {
    th: 'ช่วงคะแนนไม่ถูกต้อง: ค่าต่ำสุดต้องน้อยกว่าค่าสูงสุด และช่วงต้องหารด้วยขั้นคะแนนลงตัว',
    en: 'Invalid score scale: min must be below max and the range a whole number of steps',
  },
  DESCRIPTOR_OFF_SCALE: { th: 'คำอธิบายระดับคะแนน {score} อยู่นอกช่วงคะแนน', en: 'The level descriptor for {score} is off the scale' },
  DESCRIPTOR_DUPLICATE: { th: 'มีคำอธิบายระดับคะแนน {score} ซ้ำ', en: 'Duplicate level descriptor for {score}' },
  TIERS_MISSING: { th: 'ต้องกำหนดระดับรางวัลอย่างน้อยหนึ่งระดับ', en: 'At least one award tier is required' },
  TIER_CODE_DUPLICATE: { th: 'รหัสระดับรางวัลซ้ำ: {code}', en: 'Duplicate tier code: {code}' },
  TIER_NO_RULE: {
    th: 'ระดับรางวัลต้องกำหนดจำนวนสูงสุด (top N) หรือคะแนนขั้นต่ำ หรือทั้งสองอย่าง',
    en: 'A tier needs a top-N rule, a score threshold, or both',
  },
  TIER_TOPN_INVALID: { th: 'จำนวนรางวัลต้องเป็นจำนวนเต็มตั้งแต่ 1 ขึ้นไป', en: 'The number of awards must be a whole number ≥ 1' },
  TIER_THRESHOLD_OFF_SCALE: { th: 'คะแนนขั้นต่ำต้องอยู่ในช่วงคะแนน', en: 'The score threshold must lie on the score scale' },
  TIER_THRESHOLD_ORDER: {
    th: 'คะแนนขั้นต่ำของระดับ {code} สูงกว่าระดับที่สูงกว่า',
    en: 'Tier {code} has a higher threshold than the tier above it',
  },
  TIER_TIE_RULE_INVALID: { th: 'กติกากรณีคะแนนเท่ากันไม่ถูกต้อง', en: 'Invalid tie rule' },
  TIE_BREAK_UNKNOWN_CRITERION: { th: 'เกณฑ์ตัดสินกรณีคะแนนเท่ากันไม่มีอยู่: {code}', en: 'Unknown tie-break criterion: {code}' },
  ELIGIBILITY_EMPTY: { th: 'ต้องระบุประเภท อปท. ที่มีสิทธิ์สมัครอย่างน้อยหนึ่งประเภท', en: 'At least one eligible LAO type is required' },
  LAO_TYPE_UNKNOWN: { th: 'ไม่รู้จักประเภท อปท.: {type}', en: 'Unknown LAO type: {type}' },
  JUDGES_PER_ENTRY_INVALID: {
    th: 'จำนวนกรรมการต่อผลงานต้องเป็นจำนวนเต็มตั้งแต่ 1 ขึ้นไป',
    en: 'Judges per entry must be a whole number ≥ 1',
  },
  THRESHOLD_INVALID: { th: 'เกณฑ์ความเห็นต่างต้องเป็นจำนวนไม่ติดลบ', en: 'Disagreement thresholds must be non-negative numbers' },
  DATE_INVALID: { th: 'วันที่ไม่ถูกต้อง (ใช้รูปแบบ ISO 8601)', en: 'Invalid date (use ISO 8601)' },
  SCHEDULE_ORDER: {
    th: 'ลำดับวันที่ไม่ถูกต้อง: {first} ต้องไม่ช้ากว่า {second}',
    en: 'Dates out of order: {first} must not be after {second}',
  },
  YEAR_INVALID: { th: 'ปีการประกวดไม่ถูกต้อง', en: 'Invalid contest year' },
  NOT_ELIGIBLE: {
    th: 'อปท. ประเภท {type} ไม่มีสิทธิ์สมัครการประกวดปีนี้',
    en: 'LAOs of type {type} are not eligible for this year’s contest',
  },

  // Conflicts of interest
  CONFLICT_SAME_LAO: { th: 'กรรมการสังกัด อปท. เดียวกับผู้สมัคร', en: 'The judge is linked to the applicant LAO itself' },
  CONFLICT_SAME_PROVINCE: { th: 'กรรมการสังกัดจังหวัดเดียวกับผู้สมัคร ({province})', en: 'The judge is linked to the applicant’s province ({province})' },
  CONFLICT_PAO_OF_PROVINCE: {
    th: 'กรรมการสังกัด อบจ. ของจังหวัดผู้สมัคร ({province})',
    en: 'The judge is linked to the PAO of the applicant’s province ({province})',
  },
  CONFLICT_LAO_IN_PROVINCE: {
    th: 'กรรมการสังกัด อปท. อื่นในจังหวัดเดียวกับผู้สมัคร ({province})',
    en: 'The judge is linked to another LAO in the applicant’s province ({province})',
  },
  CONFLICT_DECLARED_LAO: { th: 'กรรมการแจ้งว่ามีส่วนได้เสียกับ อปท. ผู้สมัคร', en: 'The judge declared a conflict with the applicant LAO' },
  CONFLICT_DECLARED_PROVINCE: {
    th: 'กรรมการแจ้งว่ามีส่วนได้เสียกับจังหวัดของผู้สมัคร ({province})',
    en: 'The judge declared a conflict with the applicant’s province ({province})',
  },
  CONFLICT_DECLARED_OTHER: {
    th: 'กรรมการแจ้งส่วนได้เสียด้วยเหตุอื่นกับ อปท. ผู้สมัคร: {reason}',
    en: 'The judge declared another conflict with the applicant LAO: {reason}',
  },

  // Assignment
  SHORTFALL_TOO_FEW_ELIGIBLE: {
    th: 'มีกรรมการที่ไม่มีส่วนได้เสียเพียง {eligible} คน แต่ต้องการ {required} คน',
    en: 'Only {eligible} judge(s) without a conflict, {required} needed',
  },
  SHORTFALL_CAPACITY: {
    th: 'กรรมการที่ไม่มีส่วนได้เสียรับงานครบตามจำนวนสูงสุดแล้ว (ได้ {assigned} จาก {required} คน)',
    en: 'The judges without a conflict are at full capacity ({assigned} of {required} assigned)',
  },
  UNKNOWN_ENTRY: { th: 'ไม่พบผลงาน {id}', en: 'Unknown entry {id}' },
  UNKNOWN_JUDGE: { th: 'ไม่พบกรรมการ {id}', en: 'Unknown judge {id}' },
  DUPLICATE_ID: { th: 'รหัสซ้ำ: {id}', en: 'Duplicate id: {id}' },
  ASSIGNMENT_CONFLICTED: {
    th: 'มอบหมายไม่ได้ เนื่องจากมีส่วนได้เสีย: {reasons}',
    en: 'Cannot assign because of a conflict of interest: {reasons}',
  },
  ASSIGNMENT_DUPLICATE: { th: 'กรรมการคนนี้ได้รับมอบหมายผลงานนี้อยู่แล้ว', en: 'This judge is already assigned to this entry' },
  ASSIGNMENT_NOT_FOUND: { th: 'กรรมการคนนี้ไม่ได้รับมอบหมายผลงานนี้', en: 'This judge is not assigned to this entry' },
  ASSIGNMENT_OVER_CAPACITY: {
    th: 'กรรมการรับงานครบจำนวนสูงสุดแล้ว ({capacity} ผลงาน)',
    en: 'The judge is at full capacity ({capacity} entries)',
  },
  ASSIGNMENT_BELOW_K: {
    th: 'ผลงานนี้จะเหลือกรรมการ {count} คน น้อยกว่าที่กำหนด {required} คน',
    en: 'This entry would have {count} judge(s), fewer than the required {required}',
  },
  ASSIGNMENT_UNBALANCED: {
    th: 'ภาระงานกรรมการจะต่างกัน {spread} ผลงาน (มากกว่า 1)',
    en: 'Judge loads would differ by {spread} entries (more than 1)',
  },
  ASSIGNMENT_HAS_SCORES: {
    th: 'กรรมการคนนี้ส่งคะแนนผลงานนี้แล้ว ถอนการมอบหมายไม่ได้',
    en: 'This judge has already submitted scores for this entry; the assignment cannot be removed',
  },

  // Score sheets
  SCORE_MISSING: { th: 'ยังไม่ได้ให้คะแนนเกณฑ์ {criterion}', en: 'No score for criterion {criterion}' },
  SCORE_OFF_SCALE: {
    th: 'คะแนนเกณฑ์ {criterion} ต้องอยู่ระหว่าง {min}–{max} ทีละ {step}',
    en: 'The score for {criterion} must be {min}–{max} in steps of {step}',
  },
  SCORE_UNKNOWN_CRITERION: { th: 'ไม่มีเกณฑ์ {criterion} ในเกณฑ์การตัดสิน', en: 'Criterion {criterion} is not in the rubric' },
  COMMENT_MISSING: { th: 'กรุณาให้ความเห็นประกอบคะแนนเกณฑ์ {criterion}', en: 'Please comment on your score for {criterion}' },

  // Calibration and agreement
  DESIGN_DISCONNECTED: {
    th: 'กลุ่มกรรมการแยกเป็น {components} กลุ่มที่ไม่มีผลงานร่วมกัน ความเข้มงวดของกรรมการเทียบกันข้ามกลุ่มไม่ได้',
    en: 'The judges form {components} groups sharing no entries; severities cannot be compared across groups',
  },
  ADDITIVE_NOT_IDENTIFIABLE: {
    th: 'ข้อมูลไม่พอประมาณความเข้มงวดของกรรมการ (ต้องมีผลงานที่ให้คะแนนโดยกรรมการหลายคน) คะแนนปรับจึงเท่ากับคะแนนดิบ',
    en: 'Not enough overlap to estimate judge severity (entries need several judges); adjusted scores equal raw scores',
  },
  SEVERITY_WITHIN_NOISE: {
    th: 'ความต่างของความเข้มงวดระหว่างกรรมการไม่เกินระดับความคลาดเคลื่อนปกติ คะแนนปรับจึงเท่ากับคะแนนดิบ',
    en: 'Differences in judge severity are within ordinary noise; adjusted scores equal raw scores',
  },
  ZSCORE_FALLBACK: {
    th: 'กรรมการ {judge} ให้คะแนน {count} ผลงานหรือให้คะแนนเท่ากันทุกผลงาน จึงปรับเฉพาะค่าเฉลี่ย',
    en: 'Judge {judge} scored {count} entries or gave every entry the same total; only their mean is adjusted',
  },
  SHEET_IGNORED: { th: 'ไม่นำใบให้คะแนนที่ยังไม่ส่งหรือไม่ครบมาคำนวณ', en: 'Score sheets not submitted or incomplete are left out' },
  AGREEMENT_INPUT_INVALID: { th: 'ข้อมูลสำหรับคำนวณความสอดคล้องไม่ถูกต้อง: {detail}', en: 'Invalid agreement input: {detail}' },

  // Flags for discussion
  FLAG_TIER_CHANGES: {
    th: 'ระดับรางวัลเปลี่ยนเมื่อปรับคะแนน ({rawTier} → {adjustedTier})',
    en: 'The tier changes with the adjustment ({rawTier} → {adjustedTier})',
  },
  FLAG_RANK_CHANGES: {
    th: 'อันดับเปลี่ยนเมื่อปรับคะแนน (อันดับ {rawRank} → {adjustedRank})',
    en: 'The rank changes with the adjustment (rank {rawRank} → {adjustedRank})',
  },
  FLAG_RANGE: {
    th: 'คะแนนรวมจากกรรมการต่างกันมาก (ช่วง {range} เกินเกณฑ์ {threshold})',
    en: 'Judges’ totals differ widely (range {range} above {threshold})',
  },
  FLAG_SD: {
    th: 'คะแนนรวมจากกรรมการกระจายมาก (ส่วนเบี่ยงเบนมาตรฐาน {sd} เกินเกณฑ์ {threshold})',
    en: 'Judges’ totals are widely spread (SD {sd} above {threshold})',
  },
  FLAG_FEW_JUDGES: {
    th: 'มีกรรมการส่งคะแนนเพียง {count} คน จากที่กำหนด {required} คน',
    en: 'Only {count} judge(s) submitted scores, {required} required',
  },
  FLAG_TIE_AT_CUTOFF: {
    th: 'คะแนนเท่ากันที่เส้นตัดระดับ {tier} ต้องให้คณะกรรมการตัดสิน',
    en: 'Tied at the cut-off of tier {tier}; the committee must decide',
  },

  // Tiers and overrides
  OVERRIDE_REASON_REQUIRED: { th: 'ต้องระบุเหตุผลในการเปลี่ยนผลการตัดสิน', en: 'A written reason is required to change a result' },
  OVERRIDE_UNKNOWN_TIER: { th: 'ไม่มีระดับรางวัล {tier}', en: 'There is no tier {tier}' },
  OVERRIDE_NO_CHANGE: { th: 'ผลงานนี้อยู่ในระดับนี้อยู่แล้ว', en: 'The entry already has this tier' },
} as const satisfies Record<string, I18nText>;

export type JudgingCode = keyof typeof MESSAGES;

type Params = Record<string, string | number>;

function fill(template: string, params: Params): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    Object.prototype.hasOwnProperty.call(params, key) ? String(params[key]) : whole,
  );
}

/** The Thai/English text of a code with its {placeholders} filled. */
export function messageFor(code: JudgingCode, params: Params = {}): I18nText {
  const m = MESSAGES[code];
  return { th: fill(m.th, params), en: fill(m.en, params) };
}

export function problem(path: string, code: JudgingCode, params: Params = {}): JudgingProblem {
  return { path, code, ...messageFor(code, params) };
}

/** A problem whose parameters differ by language (e.g. a list of reasons already in Thai and in English). */
export function problemBilingual(path: string, code: JudgingCode, paramsTh: Params, paramsEn: Params): JudgingProblem {
  return { path, code, th: messageFor(code, paramsTh).th, en: messageFor(code, paramsEn).en };
}

/** A reason whose parameters differ by language (e.g. tier names). */
export function reasonBilingual(code: JudgingCode, paramsTh: Params, paramsEn: Params): Reason {
  return { code, th: messageFor(code, paramsTh).th, en: messageFor(code, paramsEn).en, params: paramsEn };
}

export function reason(code: JudgingCode, params: Params = {}): Reason {
  return { code, ...messageFor(code, params), params };
}
