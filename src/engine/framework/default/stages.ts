// Default readiness stages: four equal bands on 0–100; Advanced also needs every dimension at 40 or more.
import type { Stage } from '../types.js';
import { bi } from './helpers.js';

/** Minimum score on every dimension to be placed at the advanced stage. */
export const ADVANCED_MIN_DIMENSION_SCORE = 40;

const DIMENSION_CODES = ['P', 'C', 'S', 'B', 'I', 'T'] as const;

export const defaultStages: Stage[] = [
  {
    code: 'initial',
    name: bi(['ขั้นริเริ่ม', 'Initial']),
    minScore: 0,
    description: bi([
      'หน่วยงานเริ่มนำเทคโนโลยีดิจิทัลมาใช้ในบางงาน ยังไม่มีแผนหรือผู้รับผิดชอบที่ชัดเจน งานบริการและงานภายในส่วนใหญ่ยังใช้กระดาษ',
      'The agency uses digital technology for some tasks only; there is no clear plan or owner, and most services and internal work are still on paper.',
    ]),
  },
  {
    code: 'basic',
    name: bi(['ขั้นต้น', 'Basic']),
    minScore: 25,
    description: bi([
      'หน่วยงานมีแผนและผู้รับผิดชอบด้านดิจิทัล มีระบบงานพื้นฐาน เช่น สารบรรณอิเล็กทรอนิกส์ และให้ข้อมูลหรือแบบฟอร์มทางออนไลน์ แต่ระบบยังแยกส่วนและใช้ข้อมูลได้จำกัด',
      'The agency has a digital plan and owner and basic systems such as e-Saraban, and offers information or forms online, but systems are siloed and data use is limited.',
    ]),
  },
  {
    code: 'intermediate',
    name: bi(['ขั้นกลาง', 'Intermediate']),
    minScore: 50,
    description: bi([
      'งานบริการหลักยื่นคำขอและชำระเงินทางออนไลน์ได้ งานสนับสนุนภายในส่วนใหญ่เป็นดิจิทัล มีธรรมาภิบาลข้อมูล แลกเปลี่ยนข้อมูลกับหน่วยงานอื่น และมีมาตรการความมั่นคงปลอดภัยไซเบอร์อย่างเป็นระบบ',
      'Main services take online applications and payments, most internal work is digital, data is governed and shared with other agencies, and cybersecurity is managed systematically.',
    ]),
  },
  {
    code: 'advanced',
    name: bi(['ขั้นสูง', 'Advanced']),
    minScore: 75,
    conditions: DIMENSION_CODES.map((dimension) => ({ dimension, min: ADVANCED_MIN_DIMENSION_SCORE })),
    description: bi([
      'หน่วยงานให้บริการแบบครบวงจรทางดิจิทัลโดยไม่เรียกสำเนาเอกสาร ใช้ข้อมูลและเทคโนโลยีสมัยใหม่ในการตัดสินใจและสร้างนวัตกรรม และมีความพร้อมทุกมิติไม่ต่ำกว่าเกณฑ์ขั้นต่ำ',
      'The agency delivers services end to end digitally without asking for document copies, uses data and new technology to decide and innovate, and meets the minimum in every dimension.',
    ]),
  },
];
