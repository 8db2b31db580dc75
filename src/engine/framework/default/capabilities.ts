// Dimension C — Digital Capabilities: skills development, leadership and digital workforce, digital culture.
import type { Dimension } from '../types.js';
import { NONE, PERCENT, bi, many, numG, numT, one, txt, yn } from './helpers.js';

export const capabilities: Dimension = {
  code: 'C',
  name: bi(['ศักยภาพเจ้าหน้าที่ภาครัฐด้านดิจิทัล', 'Digital Capabilities']),
  description: bi([
    'ทักษะดิจิทัลของผู้บริหารและบุคลากร การพัฒนาบุคลากรอย่างเป็นระบบ กำลังคนด้านดิจิทัล และวัฒนธรรมการทำงานแบบดิจิทัล',
    'Digital skills of executives and staff, systematic staff development, the digital workforce, and a digital working culture.',
  ]),
  weight: 1,
  subdimensions: [
    {
      code: 'C1',
      name: bi(['การพัฒนาทักษะดิจิทัลของบุคลากร', 'Digital skills development']),
      items: [
        yn(
          'C1.01',
          [
            'หน่วยงานมีแผนพัฒนาบุคลากรด้านดิจิทัลที่อ้างอิงกรอบทักษะดิจิทัลสำหรับข้าราชการและบุคลากรภาครัฐ',
            'The agency has a digital staff development plan based on the digital skills framework for civil servants and public officials.',
          ],
          {
            w: 2,
            ev: true,
            tags: ['digital_personnel'],
            rec: [
              'จัดทำแผนพัฒนาบุคลากรด้านดิจิทัลโดยกำหนดทักษะเป้าหมายตามกลุ่มตำแหน่งตามกรอบทักษะดิจิทัลภาครัฐ พร้อมหลักสูตรและงบประมาณ',
              'Write a digital staff development plan that sets target skills per job group under the government digital skills framework, with courses and budget.',
            ],
          },
        ),
        one(
          'C1.02',
          ['การประเมินทักษะดิจิทัลของบุคลากร', 'Assessment of staff digital skills'],
          [
            ['none', 'ยังไม่มีการประเมิน', 'No assessment', 0],
            ['some', 'ประเมินเฉพาะบางกลุ่มตำแหน่ง', 'Some job groups assessed', 0.33],
            ['all', 'ประเมินครบทุกกลุ่มตำแหน่ง', 'Every job group assessed', 0.67],
            ['idp', 'ประเมินครบทุกกลุ่มและนำผลไปจัดทำแผนพัฒนารายบุคคล (IDP)', 'Every job group assessed, with results used in individual development plans (IDP)', 1],
          ],
          {
            tags: ['digital_personnel'],
            rec: [
              'ประเมินทักษะดิจิทัลของบุคลากรทุกกลุ่มตำแหน่งอย่างน้อยปีละครั้ง และนำช่องว่างทักษะไปกำหนดในแผนพัฒนารายบุคคล',
              'Assess the digital skills of every job group at least yearly and feed skill gaps into individual development plans.',
            ],
          },
        ),
        numG(
          'C1.03',
          [
            'ร้อยละของบุคลากรที่ได้รับการพัฒนาทักษะดิจิทัลอย่างน้อย 1 หลักสูตรในปีงบประมาณที่ผ่านมา',
            'Share of staff who completed at least one digital skills course in the last fiscal year',
          ],
          PERCENT,
          0,
          80,
          {
            max: 100,
            w: 2,
            ev: true,
            tags: ['digital_personnel'],
            help: [
              'นับทั้งการอบรมในห้องเรียนและการเรียนออนไลน์ที่มีหลักฐานการผ่านหลักสูตร',
              'Count classroom and online courses with a record of completion.',
            ],
            rec: [
              'กำหนดเป้าหมายให้บุคลากรทุกคนผ่านหลักสูตรดิจิทัลอย่างน้อยปีละ 1 หลักสูตร โดยใช้หลักสูตรออนไลน์เพื่อให้เข้าถึงได้ทั่วถึง',
              'Aim for every staff member to complete at least one digital course a year, using online courses to reach everyone.',
            ],
          },
        ),
        many(
          'C1.04',
          ['ทักษะดิจิทัลด้านใดบ้างที่หน่วยงานจัดให้มีการพัฒนาในปีที่ผ่านมา', 'Which digital skill areas did the agency develop in the past year?'],
          [
            ['literacy', 'การใช้ดิจิทัลพื้นฐาน (Digital Literacy)', 'Digital literacy', 0],
            ['law', 'กฎหมาย มาตรฐาน และธรรมาภิบาลด้านดิจิทัล', 'Digital law, standards and governance', 0],
            ['technology', 'เทคโนโลยีดิจิทัล', 'Digital technology', 0],
            ['design', 'การออกแบบกระบวนงานและบริการดิจิทัล', 'Digital process and service design', 0],
            ['data', 'การวิเคราะห์และใช้ประโยชน์จากข้อมูล', 'Data analysis and use', 0],
            ['leadership', 'การบริหารเชิงกลยุทธ์และภาวะผู้นำดิจิทัล', 'Strategic management and digital leadership', 0],
            NONE,
          ],
          'count',
          {
            tags: ['digital_personnel'],
            rec: [
              'จัดการพัฒนาทักษะให้ครอบคลุมทุกกลุ่มทักษะตามกรอบทักษะดิจิทัลภาครัฐ โดยเลือกกลุ่มทักษะให้ตรงกับบทบาทของแต่ละตำแหน่ง',
              'Cover every skill group of the government digital skills framework, matching skill groups to each position’s role.',
            ],
          },
        ),
        yn(
          'C1.05',
          [
            'หน่วยงานส่งบุคลากรเข้ารับการพัฒนาในหลักสูตรของสถาบันพัฒนาบุคลากรภาครัฐด้านดิจิทัล (TDGA) ในปีที่ผ่านมา',
            'In the past year the agency sent staff to courses of the Thailand Digital Government Academy (TDGA).',
          ],
          {
            tags: ['digital_personnel'],
            rec: [
              'วางแผนส่งบุคลากรเข้าหลักสูตรของ TDGA ตามช่องว่างทักษะ โดยเฉพาะหลักสูตรด้านข้อมูล การออกแบบบริการ และความมั่นคงปลอดภัย',
              'Plan TDGA course places according to skill gaps, especially in data, service design and security.',
            ],
          },
        ),
        numT(
          'C1.06',
          ['จำนวนบุคลากรที่ผ่านหลักสูตรของ TDGA ในปีงบประมาณที่ผ่านมา', 'Number of staff who completed TDGA courses in the last fiscal year'],
          ['คน', 'people'],
          [
            [1, 0.25],
            [5, 0.5],
            [10, 0.75],
            [20, 1],
          ],
          {
            integer: true,
            ev: true,
            vis: { item: 'C1.05', equals: true },
            tags: ['digital_personnel'],
            rec: [
              'เพิ่มจำนวนบุคลากรที่เข้ารับการพัฒนากับ TDGA และให้ผู้ผ่านหลักสูตรถ่ายทอดความรู้ต่อภายในหน่วยงาน',
              'Send more staff to TDGA courses and have graduates pass their knowledge on inside the agency.',
            ],
          },
        ),
        yn(
          'C1.07',
          [
            'ผู้บริหารระดับสูงของหน่วยงานผ่านหลักสูตรผู้บริหารด้านดิจิทัล (เช่น หลักสูตรผู้บริหารเทคโนโลยีสารสนเทศระดับสูงภาครัฐ)',
            'The agency’s senior executives have completed an executive digital programme (e.g. the government CIO programme).',
          ],
          {
            ev: true,
            tags: ['leadership', 'digital_personnel'],
            rec: [
              'ส่งผู้บริหารระดับสูงและ CIO เข้ารับการพัฒนาในหลักสูตรผู้บริหารด้านดิจิทัล เพื่อให้กำหนดทิศทางการปรับเปลี่ยนองค์กรได้',
              'Enrol senior executives and the CIO in an executive digital programme so they can set the direction of the transformation.',
            ],
          },
        ),
        many(
          'C1.08',
          ['รูปแบบการเรียนรู้ด้านดิจิทัลที่หน่วยงานจัดให้บุคลากร', 'Forms of digital learning the agency offers its staff'],
          [
            ['classroom', 'การอบรมในห้องเรียน', 'Classroom training', 0],
            ['elearning', 'การเรียนรู้ผ่านระบบออนไลน์ (e-Learning)', 'Online learning (e-learning)', 0],
            ['coaching', 'การสอนงานหรือเรียนรู้จากการปฏิบัติงานจริง', 'Coaching or on-the-job learning', 0],
            ['visit', 'การศึกษาดูงาน', 'Study visits', 0],
            ['community', 'ชุมชนนักปฏิบัติ (Community of Practice)', 'Communities of practice', 0],
            NONE,
          ],
          'count',
          {
            countForFull: 4,
            tags: ['digital_personnel'],
            rec: [
              'ผสมผสานการเรียนรู้หลายรูปแบบ โดยเพิ่มการเรียนออนไลน์และการสอนงานจากการปฏิบัติจริง เพื่อให้บุคลากรนำทักษะไปใช้ได้ทันที',
              'Blend several forms of learning, adding online courses and on-the-job coaching so staff can apply the skills at once.',
            ],
          },
        ),
        one(
          'C1.09',
          ['การวัดผลการพัฒนาทักษะดิจิทัลหลังการอบรม', 'How the agency measures the results of digital training'],
          [
            ['none', 'ไม่มีการวัดผล', 'Not measured', 0],
            ['satisfaction', 'ประเมินความพึงพอใจของผู้เข้าอบรม', 'Participant satisfaction survey', 0.33],
            ['test', 'ทดสอบความรู้ก่อนและหลังการอบรม', 'Knowledge tests before and after training', 0.67],
            ['application', 'ติดตามการนำทักษะไปใช้ในการปฏิบัติงานจริง', 'Follow-up on how skills are applied at work', 1],
          ],
          {
            tags: ['digital_personnel'],
            rec: [
              'ติดตามผลหลังการอบรม 3–6 เดือนว่าบุคลากรนำทักษะไปใช้ในงานอย่างไร และใช้ผลปรับปรุงหลักสูตรในรอบถัดไป',
              'Follow up 3–6 months after training on how staff use the skills, and use the findings to improve the next round.',
            ],
          },
        ),
        yn(
          'C1.10',
          [
            'หน่วยงานจัดสรรงบประมาณเฉพาะสำหรับการพัฒนาทักษะดิจิทัลของบุคลากรในปีงบประมาณนี้',
            'The agency has a dedicated budget for staff digital skills development this fiscal year.',
          ],
          {
            tags: ['digital_personnel'],
            rec: [
              'กำหนดงบประมาณพัฒนาทักษะดิจิทัลแยกไว้ในแผนงบประมาณประจำปี โดยอ้างอิงเป้าหมายในแผนพัฒนาบุคลากรด้านดิจิทัล',
              'Set aside a digital skills budget in the annual budget plan, tied to the targets of the digital staff development plan.',
            ],
          },
        ),
      ],
    },
    {
      code: 'C2',
      name: bi(['ผู้นำและกำลังคนด้านดิจิทัล', 'Digital leadership and workforce']),
      items: [
        one(
          'C2.01',
          ['บทบาทของผู้บริหารระดับสูงในการนำองค์กรสู่ดิจิทัล', 'Role of senior executives in leading the digital transformation'],
          [
            ['none', 'ยังไม่มีการสื่อสารนโยบายด้านดิจิทัล', 'No digital policy communicated', 0],
            ['communicates', 'สื่อสารนโยบายด้านดิจิทัลให้บุคลากรทราบ', 'Digital policy communicated to staff', 0.33],
            ['targets', 'กำหนดเป้าหมายด้านดิจิทัลในคำรับรองการปฏิบัติราชการของส่วนงาน', 'Digital targets written into units’ performance agreements', 0.67],
            ['role_model', 'ติดตามผลอย่างใกล้ชิดและเป็นแบบอย่างในการใช้ระบบดิจิทัล', 'Close follow-up and leading by example in using digital systems', 1],
          ],
          {
            w: 2,
            tags: ['leadership'],
            rec: [
              'ให้ผู้บริหารกำหนดเป้าหมายด้านดิจิทัลในคำรับรองการปฏิบัติราชการของทุกส่วนงาน และเป็นแบบอย่างโดยใช้ระบบดิจิทัลในการสั่งการและอนุมัติ',
              'Have executives put digital targets in every unit’s performance agreement and lead by example, using digital systems to instruct and approve.',
            ],
          },
        ),
        yn(
          'C2.02',
          [
            'หน่วยงานมีส่วนงานภายใน (กอง ศูนย์ หรือกลุ่มงาน) ที่รับผิดชอบด้านเทคโนโลยีสารสนเทศและดิจิทัลโดยตรง',
            'The agency has an internal unit (division, centre or group) directly responsible for IT and digital.',
          ],
          {
            ev: true,
            tags: ['digital_personnel'],
            rec: [
              'จัดตั้งหรือมอบหมายส่วนงานที่รับผิดชอบด้านดิจิทัลอย่างชัดเจนในโครงสร้างองค์กร พร้อมอัตรากำลังที่เพียงพอ',
              'Set up or designate a unit clearly responsible for digital in the organisation chart, with enough positions.',
            ],
          },
        ),
        numT(
          'C2.03',
          ['ร้อยละของบุคลากรสายงานเทคโนโลยีสารสนเทศและดิจิทัลต่อบุคลากรทั้งหมด', 'IT and digital staff as a share of all staff'],
          PERCENT,
          [
            [1, 0.25],
            [2, 0.5],
            [3, 0.75],
            [5, 1],
          ],
          {
            max: 100,
            tags: ['digital_personnel'],
            rec: [
              'วางแผนอัตรากำลังด้านดิจิทัลให้สอดคล้องกับระบบงานที่ต้องดูแล และพิจารณาการจ้างบริการสำหรับงานที่ไม่ใช่งานหลัก',
              'Plan digital positions according to the systems to be run, and consider outsourcing non-core work.',
            ],
          },
        ),
        many(
          'C2.04',
          ['หน่วยงานมีบุคลากรที่ทำหน้าที่ในบทบาทเฉพาะด้านดิจิทัลใดบ้าง', 'Which specialist digital roles does the agency have staff for?'],
          [
            ['data', 'นักวิเคราะห์ข้อมูลหรือนักวิทยาศาสตร์ข้อมูล', 'Data analyst or data scientist', 0],
            ['security', 'ผู้เชี่ยวชาญความมั่นคงปลอดภัยไซเบอร์', 'Cybersecurity specialist', 0],
            ['architect', 'สถาปนิกระบบหรือสถาปนิกองค์กร', 'Systems or enterprise architect', 0],
            ['ux', 'นักออกแบบประสบการณ์ผู้ใช้ (UX/UI)', 'User experience (UX/UI) designer', 0],
            ['developer', 'นักพัฒนาซอฟต์แวร์', 'Software developer', 0],
            NONE,
          ],
          'count',
          {
            tags: ['digital_personnel'],
            rec: [
              'ระบุบทบาทเฉพาะด้านที่ขาด โดยเฉพาะด้านข้อมูลและความมั่นคงปลอดภัย แล้วสรรหาหรือพัฒนาบุคลากรภายในให้ทำหน้าที่นั้น',
              'Identify the missing specialist roles, especially data and security, and recruit or develop internal staff to fill them.',
            ],
          },
        ),
        yn(
          'C2.05',
          [
            'หน่วยงานกำหนดทักษะดิจิทัลเป็นส่วนหนึ่งของสมรรถนะหรือการประเมินผลการปฏิบัติราชการของบุคลากร',
            'The agency includes digital skills in staff competencies or performance appraisal.',
          ],
          {
            ev: true,
            tags: ['digital_personnel'],
            rec: [
              'เพิ่มสมรรถนะด้านดิจิทัลในการประเมินผลการปฏิบัติราชการ โดยกำหนดระดับที่คาดหวังตามกลุ่มตำแหน่ง',
              'Add digital competencies to performance appraisal, with expected levels per job group.',
            ],
          },
        ),
        yn(
          'C2.06',
          [
            'หน่วยงานมีมาตรการสรรหาและรักษาบุคลากรด้านดิจิทัล (เช่น ค่าตอบแทนพิเศษ เส้นทางความก้าวหน้า หรือทุนพัฒนา)',
            'The agency has measures to recruit and retain digital staff (e.g. special allowances, career paths or development grants).',
          ],
          {
            tags: ['digital_personnel'],
            rec: [
              'กำหนดเส้นทางความก้าวหน้าและสิ่งจูงใจสำหรับตำแหน่งด้านดิจิทัลที่ขาดแคลน เพื่อลดการสูญเสียบุคลากรที่มีทักษะสูง',
              'Define career paths and incentives for scarce digital positions to reduce the loss of highly skilled staff.',
            ],
          },
        ),
        yn(
          'C2.07',
          [
            'หน่วยงานมีความร่วมมือกับหน่วยงานภายนอก (เช่น สถาบันการศึกษา สพร. หรือภาคเอกชน) เพื่อเสริมความเชี่ยวชาญด้านดิจิทัล',
            'The agency partners with outside bodies (e.g. universities, DGA or the private sector) to add digital expertise.',
          ],
          {
            rec: [
              'ทำบันทึกความร่วมมือกับสถาบันการศึกษาหรือหน่วยงานผู้เชี่ยวชาญ เพื่อแลกเปลี่ยนบุคลากรและรับคำปรึกษาในโครงการสำคัญ',
              'Sign cooperation agreements with universities or expert bodies to exchange staff and get advice on key projects.',
            ],
          },
        ),
      ],
    },
    {
      code: 'C3',
      name: bi(['วัฒนธรรมดิจิทัลและการจัดการความรู้', 'Digital culture and knowledge management']),
      items: [
        yn(
          'C3.01',
          [
            'หน่วยงานสำรวจความต้องการพัฒนาทักษะดิจิทัลของบุคลากร (Training Needs) อย่างน้อยปีละครั้ง',
            'The agency surveys staff digital training needs at least once a year.',
          ],
          {
            tags: ['digital_personnel'],
            rec: [
              'สำรวจความต้องการพัฒนาทักษะดิจิทัลทุกปี และนำผลมาจัดลำดับหลักสูตรในแผนพัฒนาบุคลากร',
              'Survey digital training needs every year and use the results to rank courses in the staff development plan.',
            ],
          },
        ),
        yn(
          'C3.02',
          [
            'หน่วยงานมีระบบจัดการความรู้ (Knowledge Management) แบบดิจิทัลที่บุคลากรทุกคนเข้าถึงและค้นหาได้',
            'The agency has a digital knowledge management system that all staff can access and search.',
          ],
          {
            rec: [
              'รวบรวมคู่มือ แนวปฏิบัติ และบทเรียนจากการทำงานไว้ในระบบจัดการความรู้ที่ค้นหาได้ และมอบหมายผู้ดูแลเนื้อหา',
              'Collect manuals, guidelines and lessons learned in a searchable knowledge system and assign content owners.',
            ],
          },
        ),
        one(
          'C3.03',
          ['ระดับการใช้เครื่องมือดิจิทัลในการทำงานร่วมกันของบุคลากร', 'How staff use digital collaboration tools'],
          [
            ['paper', 'ทำงานร่วมกันผ่านเอกสารกระดาษเป็นหลัก', 'Mainly paper-based collaboration', 0],
            ['email', 'ใช้อีเมลส่งไฟล์ระหว่างกัน', 'Files exchanged by e-mail', 0.33],
            ['shared', 'ใช้พื้นที่จัดเก็บไฟล์ร่วมกันและแก้ไขเอกสารร่วมกันได้', 'Shared storage and co-editing of documents', 0.67],
            ['platform', 'ใช้แพลตฟอร์มการทำงานร่วมกันครบวงจร (เอกสาร การสื่อสาร และการติดตามงาน)', 'An integrated collaboration platform (documents, messaging and task tracking)', 1],
          ],
          {
            rec: [
              'จัดให้มีพื้นที่จัดเก็บและแก้ไขเอกสารร่วมกันที่ปลอดภัย พร้อมแนวปฏิบัติการใช้งาน เพื่อลดการส่งไฟล์ซ้ำซ้อน',
              'Provide secure shared storage with co-editing and usage guidelines to cut duplicate file exchanges.',
            ],
          },
        ),
        yn(
          'C3.04',
          [
            'หน่วยงานจัดกิจกรรมส่งเสริมนวัตกรรมดิจิทัลภายในองค์กร (เช่น การประกวดนวัตกรรม หรือ Hackathon) ในปีที่ผ่านมา',
            'In the past year the agency ran activities to encourage digital innovation (e.g. an innovation contest or hackathon).',
          ],
          {
            ev: true,
            rec: [
              'จัดเวทีให้บุคลากรเสนอแนวคิดปรับปรุงงานด้วยดิจิทัล พร้อมงบประมาณนำร่องสำหรับแนวคิดที่ได้รับคัดเลือก',
              'Give staff a forum to propose digital improvements, with pilot funding for selected ideas.',
            ],
          },
        ),
        numG(
          'C3.05',
          ['ร้อยละของบุคลากรที่ผ่านการทดสอบทักษะดิจิทัลพื้นฐาน', 'Share of staff who passed a basic digital skills test'],
          PERCENT,
          0,
          100,
          {
            max: 100,
            ev: true,
            tags: ['digital_personnel'],
            rec: [
              'จัดให้บุคลากรทุกคนทดสอบทักษะดิจิทัลพื้นฐาน และจัดหลักสูตรเสริมสำหรับผู้ที่ยังไม่ผ่าน',
              'Have every staff member take a basic digital skills test and offer catch-up courses to those who do not pass.',
            ],
          },
        ),
        txt('C3.06', [
          'โปรดยกตัวอย่างการปรับปรุงงานด้วยดิจิทัลที่ริเริ่มโดยบุคลากรของหน่วยงาน และผลที่เกิดขึ้น',
          'Give an example of a digital improvement started by the agency’s staff and what it achieved.',
        ]),
      ],
    },
  ],
};
