// Dimension T — Digital Technological Practices: analytics and big data, emerging technologies, platforms and innovation.
import type { Dimension } from '../types.js';
import { NONE, bi, many, numT, one, txt, yn } from './helpers.js';

export const technology: Dimension = {
  code: 'T',
  name: bi(['เทคโนโลยีดิจิทัลและการนำไปใช้', 'Digital Technological Practices']),
  description: bi([
    'การใช้ข้อมูลและการวิเคราะห์ข้อมูลขนาดใหญ่ การนำเทคโนโลยีดิจิทัลสมัยใหม่ เช่น ปัญญาประดิษฐ์ IoT และ RPA มาใช้งานจริง และการพัฒนาแพลตฟอร์มและนวัตกรรม',
    'Use of data and big-data analytics, real use of emerging technologies such as AI, IoT and RPA, and platform and innovation practices.',
  ]),
  weight: 1,
  subdimensions: [
    {
      code: 'T1',
      name: bi(['การวิเคราะห์ข้อมูลและข้อมูลขนาดใหญ่', 'Data analytics and big data']),
      items: [
        one(
          'T1.01',
          ['ระดับการใช้การวิเคราะห์ข้อมูลประกอบการตัดสินใจของหน่วยงาน', 'How far the agency uses data analytics in decisions'],
          [
            ['none', 'ยังไม่มีการวิเคราะห์ข้อมูล', 'No analytics', 0],
            ['descriptive', 'รายงานสถิติเชิงพรรณนา (เกิดอะไรขึ้น)', 'Descriptive statistics (what happened)', 0.33],
            ['diagnostic', 'วิเคราะห์เชิงวินิจฉัยและแดชบอร์ด (ทำไมจึงเกิดขึ้น)', 'Diagnostic analysis and dashboards (why it happened)', 0.67],
            ['predictive', 'วิเคราะห์เชิงคาดการณ์หรือเชิงแนะนำ (จะเกิดอะไรขึ้นและควรทำอย่างไร)', 'Predictive or prescriptive analytics (what will happen and what to do)', 1],
          ],
          {
            w: 2,
            tags: ['data_governance'],
            rec: [
              'เลือกประเด็นเชิงนโยบายหรือบริการที่สำคัญ 1–2 เรื่อง แล้วพัฒนาการวิเคราะห์จากรายงานสถิติไปสู่การวิเคราะห์เชิงคาดการณ์',
              'Pick one or two key policy or service questions and move their analysis from statistics to prediction.',
            ],
          },
        ),
        yn(
          'T1.02',
          [
            'หน่วยงานมีโครงการวิเคราะห์ข้อมูลขนาดใหญ่ (Big Data) ที่นำผลไปใช้กำหนดนโยบายหรือปรับปรุงบริการแล้ว',
            'The agency has a big data analytics project whose results have been used to shape policy or improve services.',
          ],
          {
            ev: true,
            tags: ['data_governance'],
            rec: [
              'เริ่มโครงการวิเคราะห์ข้อมูลขนาดใหญ่จากข้อมูลที่หน่วยงานมีอยู่แล้ว โดยกำหนดคำถามเชิงนโยบายและผู้ใช้ผลการวิเคราะห์ให้ชัดเจน',
              'Start a big data project on data the agency already holds, with a clear policy question and a named user of the results.',
            ],
          },
        ),
        yn(
          'T1.03',
          [
            'หน่วยงานนำข้อมูลจากหน่วยงานอื่นมาวิเคราะห์ร่วมกับข้อมูลของตน (เช่น ร่วมกับสถาบันข้อมูลขนาดใหญ่ (องค์การมหาชน))',
            'The agency analyses other agencies’ data together with its own (e.g. with the Big Data Institute).',
          ],
          {
            tags: ['data_governance'],
            rec: [
              'ทำข้อตกลงการใช้ข้อมูลร่วมกับหน่วยงานที่เกี่ยวข้อง และวิเคราะห์ข้อมูลข้ามหน่วยงานเพื่อตอบโจทย์ที่หน่วยงานเดียวตอบไม่ได้',
              'Agree data-sharing terms with related agencies and analyse data across agencies to answer questions no single agency can.',
            ],
          },
        ),
        many(
          'T1.04',
          ['เครื่องมือด้านข้อมูลที่หน่วยงานใช้งานแล้ว', 'Data tools the agency uses'],
          [
            ['bi', 'เครื่องมือ Business Intelligence หรือแดชบอร์ด', 'Business intelligence or dashboard tools', 0],
            ['code', 'ภาษาโปรแกรมสำหรับวิเคราะห์ข้อมูล (เช่น Python หรือ R)', 'Data analysis languages (e.g. Python or R)', 0],
            ['warehouse', 'คลังข้อมูลหรือ Data Lake', 'Data warehouse or data lake', 0],
            ['gis', 'ระบบสารสนเทศภูมิศาสตร์ (GIS)', 'Geographic information system (GIS)', 0],
            NONE,
          ],
          'count',
          {
            tags: ['data_governance'],
            rec: [
              'รวบรวมข้อมูลสำคัญไว้ในคลังข้อมูลกลางของหน่วยงาน และใช้เครื่องมือแดชบอร์ดให้ส่วนงานต่าง ๆ วิเคราะห์ได้เอง',
              'Gather key data in a central data warehouse and give units dashboard tools to analyse it themselves.',
            ],
          },
        ),
        yn(
          'T1.05',
          [
            'หน่วยงานเผยแพร่ผลการวิเคราะห์ข้อมูลต่อสาธารณะในรูปแบบที่เข้าใจง่าย (เช่น Infographic หรือแดชบอร์ดสาธารณะ)',
            'The agency publishes analysis results in easy-to-understand form (e.g. infographics or public dashboards).',
          ],
          {
            tags: ['open_data'],
            rec: [
              'เผยแพร่แดชบอร์ดสาธารณะของข้อมูลที่ประชาชนสนใจ พร้อมลิงก์ไปยังชุดข้อมูลต้นทางบน data.go.th',
              'Publish public dashboards on data people care about, linked to the source datasets on data.go.th.',
            ],
          },
        ),
      ],
    },
    {
      code: 'T2',
      name: bi(['เทคโนโลยีดิจิทัลสมัยใหม่', 'Emerging digital technologies']),
      items: [
        many(
          'T2.01',
          [
            'เทคโนโลยีใดบ้างที่หน่วยงานนำมาใช้งานจริงแล้ว (ไม่นับการทดลองหรือโครงการนำร่อง)',
            'Which technologies does the agency use in production (not counting trials or pilots)?',
          ],
          [
            ['ai', 'ปัญญาประดิษฐ์ (AI) หรือการเรียนรู้ของเครื่อง (Machine Learning)', 'Artificial intelligence or machine learning', 0.25],
            ['chatbot', 'แชตบอตตอบคำถามอัตโนมัติ', 'Chatbot answering questions', 0.15],
            ['iot', 'อินเทอร์เน็ตของสรรพสิ่ง (IoT) หรือเซนเซอร์', 'Internet of things (IoT) or sensors', 0.2],
            ['rpa', 'ระบบอัตโนมัติด้วยซอฟต์แวร์ (RPA)', 'Robotic process automation (RPA)', 0.2],
            ['blockchain', 'บล็อกเชน', 'Blockchain', 0.1],
            ['remote', 'ภาพถ่ายดาวเทียมหรืออากาศยานไร้คนขับ (โดรน)', 'Satellite imagery or drones', 0.1],
            NONE,
          ],
          'weighted',
          {
            cap: 1,
            w: 2,
            ev: true,
            rec: [
              'เลือกเทคโนโลยีที่แก้ปัญหาของภารกิจหลักได้ชัดเจน ทดลองในขอบเขตเล็ก แล้วขยายสู่การใช้งานจริงเมื่อวัดผลได้',
              'Choose technologies that clearly solve a core-mission problem, pilot them small, then scale once results are measured.',
            ],
          },
        ),
        txt(
          'T2.02',
          [
            'โปรดอธิบายระบบปัญญาประดิษฐ์ที่ใช้งานจริง งานที่นำไปใช้ และผลลัพธ์ที่ได้',
            'Describe the AI system in production, what it is used for and what it achieved.',
          ],
          { vis: { item: 'T2.01', equals: 'ai' } },
        ),
        one(
          'T2.03',
          ['ระดับการนำปัญญาประดิษฐ์ (AI) มาใช้ในหน่วยงาน', 'Stage of AI adoption in the agency'],
          [
            ['none', 'ยังไม่มีการพิจารณา', 'Not considered', 0],
            ['study', 'ศึกษาความเป็นไปได้', 'Feasibility study', 0.25],
            ['poc', 'ทดลองใช้ (Proof of Concept)', 'Proof of concept', 0.5],
            ['production', 'ใช้งานจริงอย่างน้อย 1 ระบบ', 'At least one system in production', 0.75],
            ['scaled', 'ใช้งานจริงหลายระบบและวัดประโยชน์ที่ได้รับ', 'Several systems in production with measured benefits', 1],
          ],
          {
            rec: [
              'เริ่มจากงานที่มีข้อมูลพร้อมและทำซ้ำบ่อย เช่น การคัดแยกเรื่องร้องเรียน หรือการตอบคำถามที่พบบ่อย และวัดเวลาที่ประหยัดได้',
              'Start with repetitive tasks that already have data, such as sorting complaints or answering common questions, and measure the time saved.',
            ],
          },
        ),
        numT(
          'T2.04',
          [
            'จำนวนกระบวนงานที่ใช้ระบบอัตโนมัติ (RPA หรือ Workflow Automation) แทนการทำงานด้วยมือ',
            'Number of processes automated (RPA or workflow automation) instead of done by hand',
          ],
          ['กระบวนงาน', 'processes'],
          [
            [1, 0.33],
            [3, 0.67],
            [5, 1],
          ],
          {
            integer: true,
            rec: [
              'สำรวจงานที่ทำซ้ำตามกฎชัดเจน เช่น การบันทึกข้อมูลซ้ำระหว่างระบบ และนำระบบอัตโนมัติมาใช้แทน',
              'Find rule-based repetitive work, such as re-keying between systems, and automate it.',
            ],
          },
        ),
        yn(
          'T2.05',
          [
            'หน่วยงานมีแนวทางการกำกับดูแลและจริยธรรมในการใช้ปัญญาประดิษฐ์ (AI Governance)',
            'The agency has guidance on the governance and ethics of using AI.',
          ],
          {
            ev: true,
            rec: [
              'กำหนดแนวทางการใช้ปัญญาประดิษฐ์ที่ครอบคลุมความโปร่งใส การคุ้มครองข้อมูลส่วนบุคคล และการตรวจสอบผลลัพธ์โดยมนุษย์',
              'Set AI guidance covering transparency, personal data protection and human review of outputs.',
            ],
          },
        ),
        yn(
          'T2.06',
          [
            'หน่วยงานประเมินประโยชน์และความคุ้มค่าของการนำเทคโนโลยีใหม่มาใช้ (เช่น เวลาที่ลดลง หรือค่าใช้จ่ายที่ประหยัดได้)',
            'The agency evaluates the benefits and value for money of new technology (e.g. time or cost saved).',
          ],
          {
            rec: [
              'กำหนดตัวชี้วัดประโยชน์ก่อนเริ่มโครงการเทคโนโลยีใหม่ และวัดผลเทียบกับค่าเริ่มต้นหลังใช้งาน 6–12 เดือน',
              'Set benefit indicators before a new technology project and measure them against the baseline after 6–12 months.',
            ],
          },
        ),
        yn(
          'T2.07',
          [
            'หน่วยงานร่วมมือกับสตาร์ทอัพ สถาบันการศึกษา หรือภาคเอกชน ในการพัฒนานวัตกรรมดิจิทัลสำหรับภาครัฐ (GovTech)',
            'The agency works with start-ups, universities or the private sector on digital government innovation (GovTech).',
          ],
          {
            rec: [
              'เปิดโจทย์ปัญหาของหน่วยงานให้สตาร์ทอัพหรือสถาบันการศึกษาร่วมพัฒนาแนวทางแก้ไข ผ่านโครงการนำร่องที่มีขอบเขตชัดเจน',
              'Open the agency’s problems to start-ups or universities through clearly scoped pilot projects.',
            ],
          },
        ),
      ],
    },
    {
      code: 'T3',
      name: bi(['แพลตฟอร์ม สถาปัตยกรรม และนวัตกรรม', 'Platforms, architecture and innovation']),
      items: [
        yn(
          'T3.01',
          [
            'หน่วยงานมีสถาปัตยกรรมองค์กร (Enterprise Architecture) ที่อธิบายกระบวนงาน ข้อมูล ระบบงาน และเทคโนโลยีของหน่วยงาน',
            'The agency has an enterprise architecture describing its business processes, data, applications and technology.',
          ],
          {
            ev: true,
            rec: [
              'จัดทำสถาปัตยกรรมองค์กรที่เชื่อมโยงกระบวนงานหลักกับข้อมูลและระบบงาน เพื่อใช้วางแผนการลงทุนด้านดิจิทัลโดยไม่ซ้ำซ้อน',
              'Build an enterprise architecture linking core processes to data and systems, and use it to plan digital investment without duplication.',
            ],
          },
        ),
        yn(
          'T3.02',
          [
            'หน่วยงานเปิดให้บริการข้อมูลหรือบริการดิจิทัลผ่าน API แก่หน่วยงานอื่นหรือผู้พัฒนาภายนอก',
            'The agency offers data or digital services to other agencies or outside developers through APIs.',
          ],
          {
            ev: true,
            tags: ['data_governance'],
            rec: [
              'พัฒนา API สำหรับข้อมูลหรือบริการที่มีผู้ขอใช้บ่อย พร้อมเอกสารประกอบ การยืนยันตัวตน และการบันทึกการใช้งาน',
              'Build APIs for frequently requested data or services, with documentation, authentication and usage logging.',
            ],
          },
        ),
        one(
          'T3.03',
          ['แนวทางการพัฒนาระบบสารสนเทศของหน่วยงาน', 'How the agency develops information systems'],
          [
            ['adhoc', 'จ้างพัฒนาเป็นรายระบบโดยไม่มีมาตรฐานกลาง', 'System by system, without common standards', 0],
            ['standards', 'มีมาตรฐานการพัฒนาและเป็นเจ้าของซอร์สโค้ดของระบบ', 'Development standards, with the agency owning the source code', 0.5],
            ['reuse', 'ใช้ส่วนประกอบหรือแพลตฟอร์มกลางที่นำกลับมาใช้ซ้ำได้', 'Reusable components or shared platforms', 0.75],
            ['agile', 'พัฒนาแบบ Agile ร่วมกับผู้ใช้ และใช้แพลตฟอร์มกลางภาครัฐ', 'Agile development with users, on shared government platforms', 1],
          ],
          {
            rec: [
              'กำหนดให้สัญญาจ้างพัฒนาระบบส่งมอบซอร์สโค้ดและเอกสาร และพัฒนาเป็นรอบสั้นร่วมกับผู้ใช้งานจริง',
              'Require development contracts to hand over source code and documentation, and develop in short cycles with real users.',
            ],
          },
        ),
        yn(
          'T3.04',
          [
            'หน่วยงานใช้แพลตฟอร์มกลางภาครัฐแทนการพัฒนาระบบซ้ำซ้อน (เช่น ระบบสารบรรณกลาง ระบบประชุมกลาง หรือระบบยืนยันตัวตนกลาง)',
            'The agency uses shared government platforms instead of building duplicates (e.g. central correspondence, meeting or identity services).',
          ],
          {
            rec: [
              'ตรวจสอบแพลตฟอร์มกลางภาครัฐที่มีอยู่ก่อนตั้งงบประมาณพัฒนาระบบใหม่ และเลือกใช้แพลตฟอร์มกลางเมื่อตอบโจทย์ได้',
              'Check existing shared government platforms before budgeting a new system, and use them when they fit.',
            ],
          },
        ),
        yn(
          'T3.05',
          [
            'หน่วยงานใช้ซอฟต์แวร์โอเพนซอร์สในระบบงานหลักอย่างน้อย 1 ระบบ',
            'The agency uses open-source software in at least one core system.',
          ],
          {
            rec: [
              'พิจารณาซอฟต์แวร์โอเพนซอร์สที่มีชุมชนผู้พัฒนาเข้มแข็งเป็นทางเลือกในการจัดหา เพื่อลดค่าลิขสิทธิ์และการผูกขาดผู้ขาย',
              'Consider open-source software with a strong community when procuring, to cut licence costs and vendor lock-in.',
            ],
          },
        ),
        yn(
          'T3.06',
          [
            'หน่วยงานมีกลไกสนับสนุนนวัตกรรมดิจิทัล เช่น งบประมาณนวัตกรรม หรือทีมนวัตกรรม (Innovation Lab)',
            'The agency has mechanisms supporting digital innovation, such as an innovation budget or innovation lab.',
          ],
          {
            ev: true,
            rec: [
              'จัดตั้งทีมนวัตกรรมขนาดเล็กพร้อมงบประมาณนำร่อง เพื่อทดลองแนวคิดใหม่อย่างรวดเร็วก่อนขยายผล',
              'Set up a small innovation team with pilot funding to test new ideas quickly before scaling them.',
            ],
          },
        ),
        numT(
          'T3.07',
          ['จำนวนนวัตกรรมดิจิทัลหรือระบบใหม่ที่หน่วยงานนำไปใช้งานจริงในปีที่ผ่านมา', 'Number of digital innovations or new systems put into production in the past year'],
          ['ระบบ', 'systems'],
          [
            [1, 0.33],
            [2, 0.67],
            [4, 1],
          ],
          {
            integer: true,
            rec: [
              'กำหนดเป้าหมายการนำนวัตกรรมไปใช้งานจริงในแผนปฏิบัติการดิจิทัล และติดตามการใช้งานหลังเปิดระบบ',
              'Set innovation roll-out targets in the digital action plan and follow usage after launch.',
            ],
          },
        ),
        yn(
          'T3.08',
          [
            'หน่วยงานมีแผนที่นำทางด้านเทคโนโลยี (Technology Roadmap) ระยะ 3–5 ปี ที่สอดคล้องกับแผนปฏิบัติการดิจิทัล',
            'The agency has a 3–5 year technology roadmap aligned with its digital action plan.',
          ],
          {
            rec: [
              'จัดทำแผนที่นำทางด้านเทคโนโลยีที่ระบุระบบที่จะพัฒนา ปรับปรุง หรือยกเลิกในแต่ละปี ให้สอดคล้องกับแผนปฏิบัติการดิจิทัล',
              'Write a technology roadmap naming the systems to build, upgrade or retire each year, aligned with the digital action plan.',
            ],
          },
        ),
        txt('T3.09', [
          'โปรดอธิบายนวัตกรรมดิจิทัลที่หน่วยงานภาคภูมิใจที่สุด ปัญหาที่แก้ได้ และผลลัพธ์ที่วัดได้',
          'Describe the digital innovation the agency is proudest of, the problem it solved and its measurable results.',
        ]),
      ],
    },
  ],
};
