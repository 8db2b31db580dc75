// Dimension P — Policies / Practices: digital plan and CIO, data governance, open data, privacy and standards.
import type { Dimension } from '../types.js';
import { NONE, PERCENT, bi, many, numT, one, txt, yn } from './helpers.js';

export const policies: Dimension = {
  code: 'P',
  name: bi(['แนวนโยบายและหลักปฏิบัติ', 'Policies / Practices']),
  description: bi([
    'ความพร้อมด้านยุทธศาสตร์และแผนดิจิทัล บทบาทผู้บริหาร ธรรมาภิบาลข้อมูล การเปิดเผยข้อมูล และการปฏิบัติตามกฎหมายและมาตรฐานที่เกี่ยวข้อง',
    'Readiness in digital strategy and planning, leadership, data governance, open data, and compliance with the relevant laws and standards.',
  ]),
  weight: 1,
  subdimensions: [
    {
      code: 'P1',
      name: bi(['ยุทธศาสตร์ แผนดิจิทัล และผู้บริหารเทคโนโลยีสารสนเทศระดับสูง', 'Digital strategy, plan and CIO']),
      items: [
        yn(
          'P1.01',
          [
            'หน่วยงานมีแผนปฏิบัติการดิจิทัลของหน่วยงานที่สอดคล้องกับแผนพัฒนารัฐบาลดิจิทัลของประเทศไทย และได้รับความเห็นชอบจากหัวหน้าหน่วยงานแล้ว',
            "The agency has a digital action plan, aligned with Thailand's Digital Government Development Plan, approved by the head of the agency.",
          ],
          {
            w: 2,
            ev: true,
            tags: ['leadership'],
            help: [
              'แนบแผนฉบับที่ลงนามหรือหนังสือให้ความเห็นชอบ',
              'Attach the signed plan or the letter approving it.',
            ],
            rec: [
              'จัดทำแผนปฏิบัติการดิจิทัลของหน่วยงานให้สอดคล้องกับแผนพัฒนารัฐบาลดิจิทัลฯ กำหนดตัวชี้วัดและผู้รับผิดชอบ แล้วเสนอหัวหน้าหน่วยงานให้ความเห็นชอบ',
              'Prepare an agency digital action plan aligned with the national Digital Government Development Plan, with indicators and owners, and have the head of the agency approve it.',
            ],
          },
        ),
        many(
          'P1.02',
          ['แผนปฏิบัติการดิจิทัลของหน่วยงานมีองค์ประกอบใดบ้าง', 'Which elements does the agency’s digital action plan contain?'],
          [
            ['targets', 'เป้าหมายและตัวชี้วัดที่วัดผลได้', 'Measurable targets and indicators', 0],
            ['projects', 'โครงการ งบประมาณ และกรอบเวลา', 'Projects, budget and timeline', 0],
            ['owners', 'ผู้รับผิดชอบแต่ละโครงการ', 'An owner for each project', 0],
            ['risks', 'การบริหารความเสี่ยงของโครงการ', 'Project risk management', 0],
            ['integration', 'การบูรณาการหรือเชื่อมโยงกับหน่วยงานอื่น', 'Integration or linkage with other agencies', 0],
            NONE,
          ],
          'count',
          {
            rec: [
              'ปรับปรุงแผนให้มีเป้าหมายที่วัดผลได้ โครงการพร้อมงบประมาณ ผู้รับผิดชอบ และการบริหารความเสี่ยง เพื่อให้ติดตามผลได้จริง',
              'Complete the plan with measurable targets, budgeted projects, owners and risk management so that progress can actually be tracked.',
            ],
          },
        ),
        one(
          'P1.03',
          ['หน่วยงานติดตามและประเมินผลการดำเนินงานตามแผนปฏิบัติการดิจิทัลอย่างไร', 'How does the agency monitor and evaluate the implementation of its digital action plan?'],
          [
            ['none', 'ยังไม่มีการติดตามผล', 'No monitoring yet', 0],
            ['adhoc', 'ติดตามเป็นครั้งคราวเมื่อมีการสอบถาม', 'Occasional follow-up when asked', 0.33],
            ['yearly', 'ติดตามอย่างน้อยปีละครั้งและรายงานผู้บริหาร', 'Monitored at least yearly and reported to management', 0.67],
            ['improve', 'ติดตามตามตัวชี้วัดเป็นประจำและนำผลมาปรับปรุงแผน', 'Tracked against indicators regularly, with results used to revise the plan', 1],
          ],
          {
            rec: [
              'กำหนดรอบการรายงานความก้าวหน้าตามตัวชี้วัดของแผนอย่างน้อยรายไตรมาส และนำผลการประเมินมาปรับปรุงแผนในปีถัดไป',
              'Report progress against the plan’s indicators at least quarterly and use the evaluation to revise the next year’s plan.',
            ],
          },
        ),
        numT(
          'P1.04',
          [
            'ร้อยละของโครงการตามแผนปฏิบัติการดิจิทัลที่ดำเนินการแล้วเสร็จตามกำหนดในปีงบประมาณที่ผ่านมา',
            'Share of the digital action plan’s projects completed on schedule in the last fiscal year',
          ],
          PERCENT,
          [
            [20, 0.25],
            [40, 0.5],
            [60, 0.75],
            [80, 1],
          ],
          {
            max: 100,
            rec: [
              'วิเคราะห์สาเหตุที่โครงการล่าช้า จัดลำดับความสำคัญของโครงการให้สอดคล้องกับทรัพยากร และติดตามความก้าวหน้ารายเดือน',
              'Analyse why projects slip, prioritise projects to fit available resources, and track progress monthly.',
            ],
          },
        ),
        yn(
          'P1.05',
          [
            'หน่วยงานมีคำสั่งแต่งตั้งผู้บริหารเทคโนโลยีสารสนเทศระดับสูง (CIO) ของหน่วยงานเป็นลายลักษณ์อักษร',
            'The agency has appointed a Chief Information Officer (CIO) by written order.',
          ],
          {
            w: 2,
            ev: true,
            tags: ['leadership'],
            rec: [
              'ออกคำสั่งแต่งตั้ง CIO ระดับรองหัวหน้าส่วนราชการหรือเทียบเท่า พร้อมกำหนดอำนาจหน้าที่ในการขับเคลื่อนรัฐบาลดิจิทัลให้ชัดเจน',
              'Issue an order appointing a CIO at deputy-head level or equivalent, with clear authority to drive digital government.',
            ],
          },
        ),
        one(
          'P1.06',
          ['บทบาทของ CIO ในการขับเคลื่อนการพัฒนาดิจิทัลของหน่วยงานในทางปฏิบัติ', 'The CIO’s role in driving the agency’s digital development in practice'],
          [
            ['none', 'ยังไม่มี CIO', 'No CIO yet', 0],
            ['nominal', 'มีการแต่งตั้งแต่ยังไม่มีบทบาทในการขับเคลื่อน', 'Appointed but not yet active in driving change', 0.25],
            ['approves', 'ให้ความเห็นชอบโครงการด้านดิจิทัลของหน่วยงาน', 'Approves the agency’s digital projects', 0.5],
            ['steers', 'กำกับและติดตามการดำเนินงานตามแผนดิจิทัลอย่างสม่ำเสมอ', 'Steers and monitors the digital plan regularly', 0.75],
            ['leads', 'นำการปรับเปลี่ยนองค์กรสู่ดิจิทัลและรายงานหัวหน้าหน่วยงานเป็นประจำ', 'Leads the digital transformation and reports to the head of the agency regularly', 1],
          ],
          {
            tags: ['leadership'],
            rec: [
              'มอบหมายให้ CIO เป็นประธานคณะทำงานด้านดิจิทัล กำกับโครงการตามแผน และรายงานความก้าวหน้าต่อหัวหน้าหน่วยงานเป็นประจำ',
              'Have the CIO chair the digital working group, steer the plan’s projects and report progress to the head of the agency regularly.',
            ],
          },
        ),
        txt('P1.07', [
          'โปรดระบุโครงการสำคัญด้านดิจิทัลของหน่วยงานในปีงบประมาณนี้ (ไม่เกิน 3 โครงการ) และผลลัพธ์ที่คาดหวัง',
          'List the agency’s main digital projects for this fiscal year (up to three) and their expected results.',
        ]),
      ],
    },
    {
      code: 'P2',
      name: bi(['ธรรมาภิบาลข้อมูลภาครัฐ', 'Government data governance']),
      items: [
        yn(
          'P2.01',
          [
            'หน่วยงานแต่งตั้งคณะกรรมการธรรมาภิบาลข้อมูล (Data Governance Council) ของหน่วยงาน',
            'The agency has appointed a data governance council.',
          ],
          {
            w: 2,
            ev: true,
            tags: ['data_governance'],
            rec: [
              'แต่งตั้งคณะกรรมการธรรมาภิบาลข้อมูลตามกรอบธรรมาภิบาลข้อมูลภาครัฐ โดยมีผู้บริหารระดับสูงเป็นประธาน และกำหนดหน้าที่ให้ชัดเจน',
              'Appoint a data governance council under the government data governance framework, chaired by a senior executive, with clear duties.',
            ],
          },
        ),
        one(
          'P2.02',
          [
            'สถานะของนโยบายและแนวปฏิบัติด้านธรรมาภิบาลข้อมูลของหน่วยงานตามกรอบธรรมาภิบาลข้อมูลภาครัฐ',
            'Status of the agency’s data governance policy and practices under the government data governance framework',
          ],
          [
            ['none', 'ยังไม่มี', 'None yet', 0],
            ['drafting', 'อยู่ระหว่างจัดทำ', 'Being drafted', 0.33],
            ['issued', 'ประกาศใช้แล้ว', 'Issued', 0.67],
            ['audited', 'ประกาศใช้แล้วและมีการตรวจประเมินการปฏิบัติตามอย่างน้อยปีละครั้ง', 'Issued, with compliance reviewed at least yearly', 1],
          ],
          {
            ev: true,
            tags: ['data_governance'],
            rec: [
              'ประกาศนโยบายและแนวปฏิบัติธรรมาภิบาลข้อมูลที่ครอบคลุมการจัดเก็บ คุณภาพ ความปลอดภัย และการเปิดเผยข้อมูล และตรวจประเมินการปฏิบัติตามทุกปี',
              'Issue a data governance policy covering collection, quality, security and disclosure of data, and review compliance every year.',
            ],
          },
        ),
        many(
          'P2.03',
          ['หน่วยงานกำหนดผู้รับผิดชอบบทบาทด้านข้อมูลใดบ้างเป็นลายลักษณ์อักษร', 'Which data roles has the agency formally assigned?'],
          [
            ['cdo', 'ผู้บริหารข้อมูลระดับสูง (Chief Data Officer)', 'Chief Data Officer', 0],
            ['owner', 'เจ้าของข้อมูล (Data Owner) ของชุดข้อมูลสำคัญ', 'Data owners for key datasets', 0],
            ['steward', 'บริกรข้อมูล (Data Steward)', 'Data stewards', 0],
            ['custodian', 'ผู้ดูแลระบบข้อมูล (Data Custodian)', 'Data custodians', 0],
            NONE,
          ],
          'count',
          {
            tags: ['data_governance'],
            rec: [
              'กำหนดเจ้าของข้อมูลและบริกรข้อมูลสำหรับชุดข้อมูลสำคัญทุกชุด และมอบหมายผู้ดูแลระบบข้อมูลด้านเทคนิคอย่างเป็นทางการ',
              'Name a data owner and a data steward for every key dataset and formally assign technical data custodians.',
            ],
          },
        ),
        yn(
          'P2.04',
          [
            'หน่วยงานจัดทำบัญชีข้อมูล (Data Catalog) ของหน่วยงาน และลงทะเบียนในระบบบัญชีข้อมูลภาครัฐ (Government Data Catalog)',
            'The agency has built its data catalogue and registered it in the Government Data Catalog.',
          ],
          {
            w: 2,
            ev: true,
            tags: ['data_governance'],
            rec: [
              'สำรวจชุดข้อมูลของหน่วยงาน จัดทำคำอธิบายชุดข้อมูล (Metadata) ตามมาตรฐานขั้นต่ำ แล้วลงทะเบียนในระบบบัญชีข้อมูลภาครัฐ',
              'Inventory the agency’s datasets, describe them with the minimum metadata standard and register them in the Government Data Catalog.',
            ],
          },
        ),
        numT(
          'P2.05',
          ['จำนวนชุดข้อมูลที่ลงทะเบียนในบัญชีข้อมูลของหน่วยงาน', 'Number of datasets registered in the agency’s data catalogue'],
          ['ชุดข้อมูล', 'datasets'],
          [
            [1, 0.25],
            [10, 0.5],
            [30, 0.75],
            [50, 1],
          ],
          {
            integer: true,
            vis: { item: 'P2.04', equals: true },
            tags: ['data_governance'],
            rec: [
              'ขยายบัญชีข้อมูลให้ครอบคลุมชุดข้อมูลตามภารกิจหลักทั้งหมด เริ่มจากข้อมูลที่ใช้ในงานบริการและการตัดสินใจของผู้บริหาร',
              'Extend the catalogue to every dataset behind the agency’s core missions, starting with data used in services and management decisions.',
            ],
          },
        ),
        yn(
          'P2.06',
          [
            'หน่วยงานจัดหมวดหมู่ข้อมูลและจัดระดับชั้นข้อมูล (เปิดเผย ใช้ภายใน ลับ ลับมาก ลับที่สุด) ตามแนวทางธรรมาภิบาลข้อมูลภาครัฐ',
            'The agency classifies its data by category and sensitivity level (public, internal, confidential, secret, top secret) following the government data governance guideline.',
          ],
          {
            ev: true,
            tags: ['data_governance'],
            rec: [
              'จัดระดับชั้นข้อมูลของชุดข้อมูลทุกชุดในบัญชีข้อมูล และกำหนดสิทธิการเข้าถึงให้สอดคล้องกับระดับชั้นนั้น',
              'Assign a sensitivity level to every dataset in the catalogue and set access rights to match it.',
            ],
          },
        ),
        one(
          'P2.07',
          ['การบริหารจัดการคุณภาพข้อมูลของหน่วยงาน', 'How the agency manages data quality'],
          [
            ['none', 'ยังไม่มีการตรวจสอบคุณภาพข้อมูล', 'No data quality checks', 0],
            ['some', 'ตรวจสอบเฉพาะบางชุดข้อมูลเมื่อพบปัญหา', 'Some datasets checked when problems appear', 0.33],
            ['key', 'ประเมินคุณภาพชุดข้อมูลสำคัญ (ถูกต้อง ครบถ้วน เป็นปัจจุบัน) อย่างน้อยปีละครั้ง', 'Key datasets assessed for accuracy, completeness and timeliness at least yearly', 0.67],
            ['all', 'ประเมินคุณภาพทุกชุดข้อมูลตามเกณฑ์และแก้ไขอย่างต่อเนื่อง', 'All datasets assessed against criteria and corrected continuously', 1],
          ],
          {
            tags: ['data_governance'],
            rec: [
              'กำหนดเกณฑ์คุณภาพข้อมูล (ความถูกต้อง ครบถ้วน เป็นปัจจุบัน) และประเมินชุดข้อมูลสำคัญอย่างน้อยปีละครั้ง พร้อมแผนแก้ไข',
              'Set data quality criteria (accuracy, completeness, timeliness), assess key datasets at least yearly and plan corrections.',
            ],
          },
        ),
        yn(
          'P2.08',
          [
            'หน่วยงานเชื่อมโยงแลกเปลี่ยนข้อมูลกับหน่วยงานอื่นด้วยระบบอิเล็กทรอนิกส์ (เช่น ผ่านศูนย์แลกเปลี่ยนข้อมูลกลางภาครัฐ (GDX) หรือ API)',
            'The agency exchanges data electronically with other agencies (e.g. through the Government Data Exchange (GDX) or APIs).',
          ],
          {
            w: 2,
            ev: true,
            tags: ['data_governance'],
            rec: [
              'ระบุข้อมูลที่หน่วยงานอื่นต้องใช้บ่อย แล้วเชื่อมโยงผ่าน GDX หรือ API ตามมาตรฐานการแลกเปลี่ยนข้อมูลภาครัฐแทนการส่งเอกสารหรือไฟล์',
              'Identify the data other agencies need most and share it through GDX or APIs under the government data exchange standard instead of documents or files.',
            ],
          },
        ),
        numT(
          'P2.09',
          ['จำนวนหน่วยงานภายนอกที่หน่วยงานเชื่อมโยงแลกเปลี่ยนข้อมูลด้วยระบบอิเล็กทรอนิกส์', 'Number of other agencies the agency exchanges data with electronically'],
          ['หน่วยงาน', 'agencies'],
          [
            [1, 0.25],
            [3, 0.5],
            [5, 0.75],
            [10, 1],
          ],
          {
            integer: true,
            vis: { item: 'P2.08', equals: true },
            tags: ['data_governance'],
            rec: [
              'ขยายการเชื่อมโยงข้อมูลไปยังหน่วยงานที่เกี่ยวข้องกับงานบริการหลัก เพื่อลดการขอข้อมูลซ้ำจากประชาชน',
              'Extend data links to the agencies involved in your main services so citizens are not asked for the same data twice.',
            ],
          },
        ),
        yn(
          'P2.10',
          [
            'หน่วยงานประเมินระดับความพร้อมด้านธรรมาภิบาลข้อมูลของตนเอง (Data Governance Maturity) ในปีที่ผ่านมา',
            'The agency assessed its own data governance maturity in the past year.',
          ],
          {
            tags: ['data_governance'],
            rec: [
              'ประเมินระดับความพร้อมด้านธรรมาภิบาลข้อมูลด้วยเครื่องมือของ สพร. และใช้ผลกำหนดแผนพัฒนาในปีถัดไป',
              'Assess data governance maturity with DGA’s tool and use the result to set next year’s improvement plan.',
            ],
          },
        ),
      ],
    },
    {
      code: 'P3',
      name: bi(['ข้อมูลเปิดภาครัฐ', 'Open government data']),
      items: [
        yn(
          'P3.01',
          [
            'หน่วยงานเผยแพร่ข้อมูลเปิดภาครัฐบนศูนย์กลางข้อมูลเปิดภาครัฐ (data.go.th)',
            'The agency publishes open data on the government open data portal (data.go.th).',
          ],
          {
            w: 2,
            ev: true,
            tags: ['open_data'],
            help: ['แนบ URL หน้าหน่วยงานบน data.go.th', 'Attach the URL of the agency’s page on data.go.th.'],
            rec: [
              'คัดเลือกชุดข้อมูลที่เปิดเผยได้และเป็นที่ต้องการของผู้ใช้ แล้วเผยแพร่บน data.go.th พร้อมคำอธิบายชุดข้อมูลที่ครบถ้วน',
              'Select datasets that can be disclosed and are in demand, and publish them on data.go.th with complete metadata.',
            ],
          },
        ),
        numT(
          'P3.02',
          ['จำนวนชุดข้อมูลที่หน่วยงานเผยแพร่บน data.go.th', 'Number of datasets the agency publishes on data.go.th'],
          ['ชุดข้อมูล', 'datasets'],
          [
            [1, 0.2],
            [5, 0.4],
            [10, 0.6],
            [20, 0.8],
            [40, 1],
          ],
          {
            integer: true,
            vis: { item: 'P3.01', equals: true },
            tags: ['open_data'],
            help: ['นับเฉพาะชุดข้อมูลที่ยังปรับปรุงให้เป็นปัจจุบัน', 'Count only datasets that are kept up to date.'],
            rec: [
              'เพิ่มจำนวนชุดข้อมูลเปิดจากบัญชีข้อมูลของหน่วยงาน โดยให้ความสำคัญกับชุดข้อมูลที่มีคุณค่าสูงต่อประชาชนและภาคธุรกิจ',
              'Publish more open datasets from the agency’s catalogue, prioritising high-value data for citizens and businesses.',
            ],
          },
        ),
        many(
          'P3.03',
          ['รูปแบบไฟล์ของชุดข้อมูลเปิดที่หน่วยงานเผยแพร่', 'Formats of the open datasets the agency publishes'],
          [
            ['pdf', 'PDF หรือไฟล์ภาพ', 'PDF or images', 0.1],
            ['xlsx', 'ไฟล์ตารางคำนวณ (XLS/XLSX)', 'Spreadsheets (XLS/XLSX)', 0.3],
            ['csv', 'ไฟล์ CSV', 'CSV files', 0.3],
            ['json', 'JSON หรือ XML', 'JSON or XML', 0.2],
            ['api', 'API ที่ให้ดึงข้อมูลได้โดยอัตโนมัติ', 'An API for automated access', 0.3],
          ],
          'weighted',
          {
            cap: 1,
            vis: { item: 'P3.01', equals: true },
            tags: ['open_data'],
            rec: [
              'เผยแพร่ข้อมูลในรูปแบบที่เครื่องอ่านได้และเป็นรูปแบบเปิด เช่น CSV หรือ JSON และจัดทำ API สำหรับข้อมูลที่ปรับปรุงบ่อย',
              'Publish data in open machine-readable formats such as CSV or JSON, and offer an API for frequently updated data.',
            ],
          },
        ),
        one(
          'P3.04',
          ['การปรับปรุงชุดข้อมูลเปิดให้เป็นปัจจุบัน', 'Keeping open datasets up to date'],
          [
            ['unpublished', 'ยังไม่ได้เผยแพร่ข้อมูลเปิด', 'No open data published yet', 0],
            ['never', 'ยังไม่มีการปรับปรุงหลังเผยแพร่', 'Not updated after publication', 0],
            ['request', 'ปรับปรุงเมื่อมีผู้ร้องขอ', 'Updated on request', 0.33],
            ['some', 'ปรับปรุงตามรอบที่ระบุในคำอธิบายชุดข้อมูลสำหรับบางชุด', 'Some datasets updated on the schedule stated in their metadata', 0.67],
            ['all', 'ปรับปรุงทุกชุดตามรอบที่ระบุในคำอธิบายชุดข้อมูล', 'All datasets updated on the schedule stated in their metadata', 1],
          ],
          {
            tags: ['open_data'],
            rec: [
              'กำหนดรอบการปรับปรุงของแต่ละชุดข้อมูลในคำอธิบายชุดข้อมูล และมอบหมายผู้รับผิดชอบปรับปรุงตามรอบ',
              'State an update frequency in each dataset’s metadata and assign someone to update it on schedule.',
            ],
          },
        ),
        yn(
          'P3.05',
          [
            'หน่วยงานมีแผนการเปิดเผยข้อมูล (Open Data Plan) ที่ระบุชุดข้อมูลที่มีคุณค่าสูงและกำหนดเวลาเผยแพร่',
            'The agency has an open data plan naming high-value datasets and when they will be published.',
          ],
          {
            ev: true,
            tags: ['open_data'],
            rec: [
              'จัดทำแผนการเปิดเผยข้อมูลที่จัดลำดับชุดข้อมูลตามคุณค่าต่อผู้ใช้ และกำหนดเวลาเผยแพร่ที่ชัดเจน',
              'Write an open data plan that ranks datasets by value to users and sets clear publication dates.',
            ],
          },
        ),
        yn(
          'P3.06',
          [
            'หน่วยงานเปิดช่องทางให้ผู้ใช้ร้องขอชุดข้อมูลหรือแสดงความคิดเห็นต่อข้อมูลเปิด และตอบกลับภายในเวลาที่กำหนด',
            'The agency lets users request datasets or comment on its open data, and replies within a set time.',
          ],
          {
            tags: ['open_data'],
            rec: [
              'เปิดช่องทางรับคำขอชุดข้อมูลบนเว็บไซต์หรือ data.go.th และกำหนดระยะเวลาตอบกลับผู้ร้องขอ',
              'Open a dataset request channel on the website or data.go.th and set a response time for requesters.',
            ],
          },
        ),
        txt(
          'P3.07',
          ['โปรดระบุ URL ของหน้าหน่วยงานบน data.go.th', 'Give the URL of the agency’s page on data.go.th.'],
          { vis: { item: 'P3.01', equals: true }, tags: ['open_data'] },
        ),
      ],
    },
    {
      code: 'P4',
      name: bi(['การคุ้มครองข้อมูลส่วนบุคคลและการปฏิบัติตามกฎหมายและมาตรฐาน', 'Personal data protection and compliance']),
      items: [
        yn(
          'P4.01',
          [
            'หน่วยงานแต่งตั้งเจ้าหน้าที่คุ้มครองข้อมูลส่วนบุคคล (DPO) ตามพระราชบัญญัติคุ้มครองข้อมูลส่วนบุคคล พ.ศ. 2562',
            'The agency has appointed a data protection officer (DPO) under the Personal Data Protection Act B.E. 2562.',
          ],
          {
            ev: true,
            rec: [
              'แต่งตั้งเจ้าหน้าที่คุ้มครองข้อมูลส่วนบุคคลและเผยแพร่ช่องทางติดต่อให้ประชาชนทราบ',
              'Appoint a data protection officer and publish how the public can contact them.',
            ],
          },
        ),
        yn(
          'P4.02',
          [
            'หน่วยงานประกาศนโยบายคุ้มครองข้อมูลส่วนบุคคล (Privacy Policy) บนเว็บไซต์และบริการออนไลน์ทุกช่องทาง',
            'The agency publishes a privacy policy on its website and every online service.',
          ],
          {
            ev: true,
            rec: [
              'จัดทำและเผยแพร่นโยบายคุ้มครองข้อมูลส่วนบุคคลที่ระบุวัตถุประสงค์ ระยะเวลาการเก็บ และสิทธิของเจ้าของข้อมูล บนทุกช่องทางออนไลน์',
              'Publish a privacy policy on every online channel stating purposes, retention periods and the rights of data subjects.',
            ],
          },
        ),
        one(
          'P4.03',
          ['การบันทึกรายการกิจกรรมการประมวลผลข้อมูลส่วนบุคคล (RoPA)', 'Record of personal data processing activities (RoPA)'],
          [
            ['none', 'ยังไม่ได้จัดทำ', 'Not started', 0],
            ['some', 'จัดทำแล้วบางส่วนงาน', 'Done for some units', 0.5],
            ['all', 'จัดทำครบทุกส่วนงาน', 'Done for every unit', 0.75],
            ['reviewed', 'จัดทำครบและทบทวนอย่างน้อยปีละครั้ง', 'Complete and reviewed at least yearly', 1],
          ],
          {
            rec: [
              'สำรวจกิจกรรมที่ใช้ข้อมูลส่วนบุคคลในทุกส่วนงาน บันทึกรายการตามที่กฎหมายกำหนด และทบทวนทุกปี',
              'Survey every unit’s processing of personal data, record it as the law requires and review it every year.',
            ],
          },
        ),
        many(
          'P4.04',
          ['หน่วยงานนำมาตรฐานและแนวปฏิบัติด้านรัฐบาลดิจิทัลใดมาใช้แล้ว', 'Which digital government standards and guidelines has the agency adopted?'],
          [
            ['website', 'มาตรฐานเว็บไซต์ภาครัฐ', 'Government website standard', 0],
            ['interop', 'มาตรฐานการแลกเปลี่ยนข้อมูลภาครัฐ (TH e-GIF)', 'Government interoperability framework (TH e-GIF)', 0],
            ['dgframework', 'กรอบธรรมาภิบาลข้อมูลภาครัฐ', 'Government data governance framework', 0],
            ['identity', 'มาตรฐานการพิสูจน์และยืนยันตัวตนทางดิจิทัล', 'Digital identity proofing and authentication standard', 0],
            ['opendata', 'แนวทางการเปิดเผยข้อมูลภาครัฐในรูปแบบข้อมูลดิจิทัลต่อสาธารณะ', 'Guideline on publishing government data as open digital data', 0],
            NONE,
          ],
          'count',
          {
            rec: [
              'ศึกษามาตรฐานที่ สพร. ประกาศ และกำหนดให้ระบบใหม่ทุกระบบต้องผ่านการตรวจสอบตามมาตรฐานที่เกี่ยวข้องก่อนเปิดใช้งาน',
              'Study the standards DGA has issued and require every new system to be checked against the relevant ones before go-live.',
            ],
          },
        ),
        yn(
          'P4.05',
          [
            'หน่วยงานทบทวนกฎ ระเบียบ หรือขั้นตอนที่เป็นอุปสรรคต่อการให้บริการทางดิจิทัล และเสนอแก้ไขแล้วในปีที่ผ่านมา',
            'In the past year the agency reviewed rules or procedures that hinder digital services and proposed amendments.',
          ],
          {
            ev: true,
            rec: [
              'รวบรวมกฎระเบียบที่ยังกำหนดให้ใช้กระดาษ ลายมือชื่อ หรือการมาแสดงตน และเสนอแก้ไขให้รองรับการดำเนินการทางดิจิทัล',
              'List the rules that still require paper, wet signatures or appearing in person, and propose amendments that allow digital processing.',
            ],
          },
        ),
      ],
    },
  ],
};
