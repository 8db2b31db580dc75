// Dimension B — Smart Back Office: e-saraban and e-documents, HR/finance/procurement systems, e-meeting and digital workplace.
import type { Dimension } from '../types.js';
import { NONE, PERCENT, bi, many, numG, numT, one, txt, yn } from './helpers.js';

export const backoffice: Dimension = {
  code: 'B',
  name: bi(['การบริหารจัดการรูปแบบดิจิทัล', 'Smart Back Office']),
  description: bi([
    'การใช้ระบบดิจิทัลในงานสนับสนุนภายใน ได้แก่ งานสารบรรณ เอกสารและลายมือชื่ออิเล็กทรอนิกส์ งานบุคคล การเงิน พัสดุ การประชุม และการบริหารงาน',
    'Digital systems in internal support work: correspondence, electronic documents and signatures, HR, finance, procurement, meetings and management.',
  ]),
  weight: 1,
  subdimensions: [
    {
      code: 'B1',
      name: bi(['งานสารบรรณและเอกสารอิเล็กทรอนิกส์', 'e-Saraban and electronic documents']),
      items: [
        yn(
          'B1.01',
          [
            'หน่วยงานใช้ระบบสารบรรณอิเล็กทรอนิกส์ (e-Saraban) ในการรับ ส่ง และเสนอหนังสือราชการ',
            'The agency uses an electronic correspondence system (e-Saraban) to receive, send and route official letters.',
          ],
          {
            w: 2,
            ev: true,
            rec: [
              'นำระบบสารบรรณอิเล็กทรอนิกส์มาใช้ทั้งหน่วยงาน ตั้งแต่การลงทะเบียนรับ การเสนอ การสั่งการ จนถึงการจัดเก็บ',
              'Roll out e-Saraban across the agency, from registering incoming letters through routing and instructions to filing.',
            ],
          },
        ),
        numG(
          'B1.02',
          [
            'ร้อยละของหนังสือราชการภายในหน่วยงานที่รับส่งทางอิเล็กทรอนิกส์โดยไม่พิมพ์เป็นกระดาษ',
            'Share of internal official letters handled electronically without printing',
          ],
          PERCENT,
          0,
          100,
          {
            max: 100,
            rec: [
              'กำหนดให้หนังสือภายในทุกประเภทเวียนผ่านระบบอิเล็กทรอนิกส์เป็นค่าเริ่มต้น และติดตามสัดส่วนหนังสือที่ยังพิมพ์เป็นกระดาษ',
              'Make electronic routing the default for every kind of internal letter and track the share still printed.',
            ],
          },
        ),
        yn(
          'B1.03',
          [
            'หน่วยงานรับส่งหนังสือราชการกับหน่วยงานภาครัฐอื่นทางอิเล็กทรอนิกส์ตามมาตรฐานการรับส่งหนังสือราชการ',
            'The agency exchanges official letters electronically with other agencies following the government correspondence standard.',
          ],
          {
            ev: true,
            rec: [
              'เชื่อมต่อระบบสารบรรณของหน่วยงานกับระบบรับส่งหนังสือราชการระหว่างหน่วยงาน เพื่อเลิกส่งหนังสือทางไปรษณีย์และโทรสาร',
              'Connect the agency’s correspondence system to the inter-agency exchange to stop sending letters by post and fax.',
            ],
          },
        ),
        one(
          'B1.04',
          ['การลงลายมือชื่อในหนังสือราชการของหน่วยงาน', 'How official letters are signed'],
          [
            ['wet', 'ลงลายมือชื่อบนกระดาษเท่านั้น', 'Wet signatures on paper only', 0],
            ['scan', 'ใช้ภาพลายมือชื่อที่สแกน', 'Scanned signature images', 0.25],
            ['esign', 'ใช้ลายมือชื่ออิเล็กทรอนิกส์ที่ระบุตัวผู้ลงนามได้ผ่านการยืนยันตัวตนในระบบ', 'Electronic signatures tied to the signer through system authentication', 0.6],
            ['digital', 'ใช้ลายมือชื่อดิจิทัลที่อาศัยใบรับรองอิเล็กทรอนิกส์ (Digital Signature)', 'Certificate-based digital signatures', 1],
          ],
          {
            ev: true,
            rec: [
              'ใช้ลายมือชื่อดิจิทัลที่อาศัยใบรับรองอิเล็กทรอนิกส์สำหรับผู้มีอำนาจลงนาม เพื่อให้หนังสือราชการอิเล็กทรอนิกส์มีผลทางกฎหมายครบถ้วน',
              'Give signing officers certificate-based digital signatures so electronic letters carry full legal effect.',
            ],
          },
        ),
        yn(
          'B1.05',
          [
            'หน่วยงานมีคำสั่งหรือแนวปฏิบัติภายในให้ใช้หนังสือราชการอิเล็กทรอนิกส์เป็นช่องทางหลัก',
            'An internal order or guideline makes electronic letters the main channel.',
          ],
          {
            ev: true,
            rec: [
              'ออกคำสั่งให้หนังสือราชการอิเล็กทรอนิกส์เป็นช่องทางหลัก ตามระเบียบสำนักนายกรัฐมนตรีว่าด้วยงานสารบรรณ และกำหนดข้อยกเว้นให้ชัดเจน',
              'Order electronic letters to be the main channel under the Prime Minister’s Office regulation on correspondence, with clear exceptions.',
            ],
          },
        ),
        yn(
          'B1.06',
          [
            'หน่วยงานจัดเก็บเอกสารอิเล็กทรอนิกส์ในระบบที่ค้นหาได้ และกำหนดอายุการเก็บรักษาตามระเบียบงานสารบรรณ',
            'The agency keeps electronic documents in a searchable repository with retention periods set under the correspondence regulation.',
          ],
          {
            rec: [
              'จัดระบบจัดเก็บเอกสารอิเล็กทรอนิกส์ที่มีดัชนีค้นหา สิทธิการเข้าถึง และกำหนดอายุการเก็บรักษา แทนการเก็บไฟล์ในเครื่องส่วนตัว',
              'Set up an electronic document repository with search, access rights and retention instead of files on personal computers.',
            ],
          },
        ),
        yn(
          'B1.07',
          [
            'หน่วยงานใช้แบบฟอร์มอิเล็กทรอนิกส์และการอนุมัติผ่านระบบ (e-Form / e-Workflow) สำหรับคำขอภายใน',
            'The agency uses electronic forms and in-system approval (e-form / e-workflow) for internal requests.',
          ],
          {
            rec: [
              'เปลี่ยนแบบฟอร์มภายในที่ใช้บ่อย เช่น คำขอใช้รถ คำขอเบิกวัสดุ ให้เป็นแบบฟอร์มอิเล็กทรอนิกส์พร้อมลำดับการอนุมัติในระบบ',
              'Turn frequently used internal forms, such as vehicle or supplies requests, into electronic forms with in-system approval.',
            ],
          },
        ),
        numT(
          'B1.08',
          ['ร้อยละของปริมาณกระดาษที่ลดลงเมื่อเทียบกับปีงบประมาณก่อน', 'Reduction in paper use compared with the previous fiscal year'],
          PERCENT,
          [
            [5, 0.25],
            [10, 0.5],
            [20, 0.75],
            [30, 1],
          ],
          {
            max: 100,
            rec: [
              'ตั้งเป้าหมายลดการใช้กระดาษรายปี วัดจากปริมาณการจัดซื้อกระดาษและการพิมพ์ และรายงานผลต่อผู้บริหาร',
              'Set a yearly paper reduction target, measured from paper purchases and printing, and report it to management.',
            ],
          },
        ),
      ],
    },
    {
      code: 'B2',
      name: bi(['การบริหารทรัพยากรบุคคล การเงิน และการจัดซื้อจัดจ้าง', 'HR, finance and procurement']),
      items: [
        many(
          'B2.01',
          ['งานบริหารทรัพยากรบุคคลใดบ้างที่ดำเนินการผ่านระบบดิจิทัล', 'Which HR processes run on digital systems?'],
          [
            ['records', 'ทะเบียนประวัติบุคลากร (เช่น DPIS หรือระบบสารสนเทศทรัพยากรบุคคล)', 'Personnel records (e.g. DPIS or an HR information system)', 0.25],
            ['leave', 'การลาและการบันทึกเวลาปฏิบัติงาน', 'Leave and working time', 0.2],
            ['appraisal', 'การประเมินผลการปฏิบัติราชการ', 'Performance appraisal', 0.2],
            ['training', 'การพัฒนาบุคลากรและประวัติการอบรม', 'Staff development and training records', 0.15],
            ['selfservice', 'บริการตนเองออนไลน์ เช่น หนังสือรับรองเงินเดือน และการเบิกสวัสดิการ', 'Online self-service, e.g. salary certificates and welfare claims', 0.2],
            NONE,
          ],
          'weighted',
          {
            cap: 1,
            rec: [
              'ขยายระบบบริหารทรัพยากรบุคคลให้ครอบคลุมการลา การประเมินผล และบริการตนเองของบุคลากร โดยใช้ฐานข้อมูลบุคลากรชุดเดียว',
              'Extend the HR system to leave, appraisal and staff self-service on a single personnel database.',
            ],
          },
        ),
        yn(
          'B2.02',
          [
            'ระบบการเงินและบัญชีภายในของหน่วยงานเชื่อมโยงกับระบบ GFMIS โดยไม่ต้องบันทึกข้อมูลซ้ำ',
            'The agency’s internal finance and accounting system is linked to GFMIS without re-keying data.',
          ],
          {
            ev: true,
            rec: [
              'เชื่อมโยงระบบการเงินภายในกับ GFMIS ด้วยการนำเข้าข้อมูลอัตโนมัติ เพื่อลดการบันทึกซ้ำและความผิดพลาด',
              'Link the internal finance system to GFMIS with automated data import to stop re-keying and errors.',
            ],
          },
        ),
        one(
          'B2.03',
          ['ระดับการใช้ดิจิทัลในกระบวนการจัดซื้อจัดจ้างและการบริหารพัสดุ', 'Digital maturity of procurement and supplies management'],
          [
            ['egp_only', 'ใช้ระบบ e-GP เฉพาะขั้นตอนที่กฎหมายกำหนด ขั้นตอนอื่นใช้กระดาษ', 'e-GP only where legally required; paper elsewhere', 0],
            ['requests', 'ขออนุมัติจัดซื้อจัดจ้างภายในทางอิเล็กทรอนิกส์', 'Internal purchase approvals done electronically', 0.33],
            ['contracts', 'ติดตามสัญญา การตรวจรับ และการเบิกจ่ายทางอิเล็กทรอนิกส์', 'Contracts, acceptance and payment tracked electronically', 0.67],
            ['integrated', 'เชื่อมโยงครบวงจรกับ e-GP ระบบการเงิน และทะเบียนพัสดุ', 'Fully linked with e-GP, finance and the asset register', 1],
          ],
          {
            rec: [
              'ปรับกระบวนการจัดซื้อจัดจ้างภายในให้เป็นอิเล็กทรอนิกส์ตั้งแต่การขออนุมัติจนถึงการตรวจรับ และเชื่อมโยงกับ e-GP และระบบการเงิน',
              'Digitise internal procurement from approval to acceptance and link it with e-GP and the finance system.',
            ],
          },
        ),
        yn(
          'B2.04',
          [
            'บุคลากรขออนุมัติเดินทางไปราชการและเบิกค่าใช้จ่ายผ่านระบบอิเล็กทรอนิกส์',
            'Staff request travel approval and claim expenses through an electronic system.',
          ],
          {
            rec: [
              'จัดระบบขออนุมัติเดินทางและเบิกค่าใช้จ่ายออนไลน์ที่แนบหลักฐานเป็นไฟล์ได้ และเชื่อมโยงกับระบบการเงิน',
              'Provide online travel approval and expense claims with file attachments, linked to the finance system.',
            ],
          },
        ),
        yn(
          'B2.05',
          [
            'หน่วยงานบริหารทะเบียนครุภัณฑ์และทรัพย์สินด้วยระบบดิจิทัลที่ระบุตำแหน่งและผู้รับผิดชอบได้',
            'The agency manages its equipment and asset register digitally, with location and custodian.',
          ],
          {
            rec: [
              'จัดทำทะเบียนครุภัณฑ์ดิจิทัลที่ติดรหัสหรือ QR Code บนครุภัณฑ์ และใช้ตรวจนับประจำปีผ่านอุปกรณ์เคลื่อนที่',
              'Keep a digital asset register with codes or QR labels on equipment, and use mobile devices for the yearly count.',
            ],
          },
        ),
        one(
          'B2.06',
          ['ระดับการบูรณาการระบบงานสนับสนุนภายใน (บุคคล การเงิน พัสดุ สารบรรณ)', 'Integration of internal support systems (HR, finance, supplies, correspondence)'],
          [
            ['separate', 'แต่ละระบบแยกกันและบันทึกข้อมูลซ้ำ', 'Separate systems with re-keyed data', 0],
            ['files', 'แลกเปลี่ยนข้อมูลด้วยไฟล์เป็นครั้งคราว', 'Occasional data exchange by file', 0.33],
            ['some', 'เชื่อมโยงกันบางระบบ', 'Some systems linked', 0.67],
            ['integrated', 'บูรณาการผ่านฐานข้อมูลกลางหรือ API ทุกระบบ', 'All integrated through a shared database or APIs', 1],
          ],
          {
            rec: [
              'กำหนดข้อมูลหลัก (เช่น ข้อมูลบุคลากรและหน่วยงาน) ให้มีแหล่งเดียว แล้วเชื่อมโยงระบบงานสนับสนุนผ่าน API',
              'Give master data (such as staff and units) a single source and connect support systems through APIs.',
            ],
          },
        ),
      ],
    },
    {
      code: 'B3',
      name: bi(['การประชุมและการทำงานแบบดิจิทัล', 'e-Meeting and digital workplace']),
      items: [
        yn(
          'B3.01',
          [
            'หน่วยงานจัดประชุมผ่านสื่ออิเล็กทรอนิกส์ (e-Meeting) ตามกฎหมายว่าด้วยการประชุมผ่านสื่ออิเล็กทรอนิกส์',
            'The agency holds electronic meetings (e-meetings) under the law on electronic meetings.',
          ],
          {
            ev: true,
            rec: [
              'จัดระบบประชุมผ่านสื่ออิเล็กทรอนิกส์ที่ยืนยันตัวตนผู้เข้าประชุมและเก็บหลักฐานการประชุมได้ตามที่กฎหมายกำหนด',
              'Provide an e-meeting system that authenticates participants and keeps meeting evidence as the law requires.',
            ],
          },
        ),
        many(
          'B3.02',
          ['การประชุมของหน่วยงานใช้ระบบดิจิทัลในขั้นตอนใดบ้าง', 'Which meeting steps does the agency handle digitally?'],
          [
            ['agenda', 'ส่งวาระและเอกสารประกอบการประชุมทางอิเล็กทรอนิกส์ (ไม่พิมพ์เอกสาร)', 'Agenda and papers sent electronically (no printing)', 0],
            ['register', 'ลงทะเบียนและลงคะแนนออนไลน์', 'Online registration and voting', 0],
            ['record', 'บันทึกและเก็บรักษาหลักฐานการประชุม', 'Recording and keeping meeting evidence', 0],
            ['minutes', 'รับรองรายงานการประชุมทางอิเล็กทรอนิกส์', 'Electronic approval of minutes', 0],
            NONE,
          ],
          'count',
          {
            rec: [
              'ใช้ระบบประชุมไร้กระดาษที่ส่งวาระล่วงหน้า ลงทะเบียน และรับรองรายงานการประชุมได้ในระบบเดียว',
              'Use a paperless meeting system that sends agendas, registers attendance and approves minutes in one place.',
            ],
          },
        ),
        yn(
          'B3.03',
          [
            'หน่วยงานมีแนวปฏิบัติและระบบที่ให้บุคลากรปฏิบัติงานนอกสำนักงานและเข้าถึงระบบงานได้อย่างมั่นคงปลอดภัย (Work from Anywhere)',
            'The agency has guidelines and systems that let staff work outside the office and reach work systems securely (work from anywhere).',
          ],
          {
            ev: true,
            rec: [
              'ออกแนวปฏิบัติการทำงานนอกสำนักงาน และจัดการเข้าถึงระบบงานผ่าน VPN หรือบริการคลาวด์ที่มีการยืนยันตัวตนหลายปัจจัย',
              'Issue a remote-work guideline and give access to work systems through a VPN or cloud services with multi-factor authentication.',
            ],
          },
        ),
        yn(
          'B3.04',
          [
            'บุคลากรใช้อีเมลของหน่วยงานหรือระบบจดหมายอิเล็กทรอนิกส์กลางภาครัฐ (MailGoThai) ในการติดต่อราชการ โดยไม่ใช้อีเมลสาธารณะ',
            'Staff use agency e-mail or the government mail service (MailGoThai) for official business, not public e-mail services.',
          ],
          {
            tags: ['cybersecurity'],
            rec: [
              'สร้างบัญชีอีเมลของหน่วยงานให้บุคลากรทุกคน และออกแนวปฏิบัติห้ามใช้อีเมลสาธารณะรับส่งข้อมูลราชการ',
              'Give every staff member an agency e-mail account and forbid public e-mail for official data.',
            ],
          },
        ),
        one(
          'B3.05',
          ['ระบบสารสนเทศเพื่อผู้บริหารของหน่วยงาน', 'The agency’s management information for executives'],
          [
            ['none', 'ไม่มี ผู้บริหารได้รับรายงานเป็นเอกสาร', 'None; executives receive paper reports', 0],
            ['files', 'รายงานเป็นไฟล์ที่จัดทำเป็นรอบ', 'Periodic reports as files', 0.33],
            ['eis', 'ระบบสารสนเทศเพื่อผู้บริหาร (EIS) ที่ปรับปรุงข้อมูลเป็นระยะ', 'An executive information system (EIS) updated periodically', 0.67],
            ['dashboard', 'แดชบอร์ดที่ปรับปรุงข้อมูลใกล้เคียงเวลาจริงและใช้ประกอบการตัดสินใจ', 'Near-real-time dashboards used in decisions', 1],
          ],
          {
            w: 2,
            tags: ['data_governance'],
            rec: [
              'จัดทำแดชบอร์ดสำหรับผู้บริหารที่ดึงข้อมูลจากระบบงานโดยตรง และใช้ประกอบการประชุมผู้บริหารเป็นประจำ',
              'Build executive dashboards fed directly from operational systems and use them in regular management meetings.',
            ],
          },
        ),
        yn(
          'B3.06',
          [
            'หน่วยงานติดตามความก้าวหน้าของโครงการและงานที่ได้รับมอบหมายผ่านระบบดิจิทัล',
            'The agency tracks projects and assigned tasks in a digital system.',
          ],
          {
            rec: [
              'ใช้ระบบติดตามงานที่ผู้บริหารมอบหมายและแสดงสถานะได้ทันที แทนการรายงานด้วยหนังสือ',
              'Track assigned tasks in a system that shows their status at once instead of reporting by letter.',
            ],
          },
        ),
        yn(
          'B3.07',
          [
            'บุคลากรจองห้องประชุม ยานพาหนะ และทรัพยากรส่วนกลางผ่านระบบออนไลน์',
            'Staff book meeting rooms, vehicles and shared resources online.',
          ],
          {
            rec: [
              'จัดระบบจองทรัพยากรส่วนกลางออนไลน์ที่แสดงสถานะว่างและอนุมัติได้ในระบบ',
              'Provide online booking of shared resources that shows availability and allows approval in the system.',
            ],
          },
        ),
        txt('B3.08', [
          'โปรดระบุงานสนับสนุนภายในที่ยังใช้กระดาษเป็นหลัก และแผนการปรับเปลี่ยนเป็นดิจิทัล',
          'List internal support work that is still mainly on paper and the plan to digitise it.',
        ]),
      ],
    },
  ],
};
