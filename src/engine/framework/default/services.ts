// Dimension S — Public Services: digital service levels, e-payment and digital ID, no-copy policy, user feedback.
import type { Dimension } from '../types.js';
import { NONE, PERCENT, bi, many, numG, numT, one, txt, yn } from './helpers.js';

export const services: Dimension = {
  code: 'S',
  name: bi(['บริการภาครัฐ', 'Public Services']),
  description: bi([
    'ระดับการให้บริการแก่ประชาชน ภาคธุรกิจ และหน่วยงานอื่นผ่านช่องทางดิจิทัล การชำระเงินและการยืนยันตัวตนทางดิจิทัล การลดภาระเอกสาร และการรับฟังผู้รับบริการ',
    'How far services to citizens, businesses and other agencies are delivered digitally, digital payment and identity, less paperwork, and listening to users.',
  ]),
  weight: 1,
  subdimensions: [
    {
      code: 'S1',
      name: bi(['บริการดิจิทัลและระดับการให้บริการ', 'Digital services and service levels']),
      items: [
        numG(
          'S1.01',
          [
            'ร้อยละของงานบริการตามคู่มือสำหรับประชาชนที่ยื่นคำขอทางออนไลน์ได้',
            'Share of the services in the agency’s citizen manuals that can be applied for online',
          ],
          PERCENT,
          0,
          100,
          {
            max: 100,
            w: 2,
            ev: true,
            tags: ['e_service'],
            help: [
              'นับตามคู่มือสำหรับประชาชนตามพระราชบัญญัติการอำนวยความสะดวกในการพิจารณาอนุญาตของทางราชการ พ.ศ. 2558 แนบรายการงานบริการและ URL',
              'Count against the citizen manuals required by the Licensing Facilitation Act B.E. 2558; attach the list of services with URLs.',
            ],
            rec: [
              'จัดลำดับงานบริการตามจำนวนผู้ใช้ แล้วเปิดให้ยื่นคำขอทางออนไลน์สำหรับงานบริการที่มีผู้ใช้มากที่สุดก่อน',
              'Rank services by number of users and open online applications for the most used ones first.',
            ],
          },
        ),
        one(
          'S1.02',
          ['ระดับการให้บริการทางดิจิทัลของงานบริการที่มีผู้ใช้มากที่สุดของหน่วยงาน', 'Digital service level of the agency’s most used service'],
          [
            ['counter', 'ให้บริการที่สำนักงานเท่านั้น', 'Over the counter only', 0],
            ['inform', 'เผยแพร่ข้อมูลและให้ดาวน์โหลดแบบฟอร์มทางออนไลน์', 'Information and downloadable forms online', 0.25],
            ['apply', 'ยื่นคำขอทางออนไลน์ได้ แต่ต้องมาแสดงตนหรือยื่นเอกสารที่สำนักงาน', 'Online application, but applicants must appear or bring documents in person', 0.5],
            ['transact', 'ยื่นคำขอ ติดตามสถานะ และชำระค่าธรรมเนียมทางออนไลน์ได้', 'Online application, status tracking and fee payment', 0.75],
            ['end_to_end', 'ดำเนินการได้ครบวงจรทางออนไลน์ รวมถึงรับผลเป็นเอกสารอิเล็กทรอนิกส์', 'Fully online end to end, including an electronic result', 1],
          ],
          {
            w: 2,
            tags: ['e_service'],
            rec: [
              'ออกแบบงานบริการหลักใหม่ให้ดำเนินการได้ครบวงจรทางออนไลน์ ตั้งแต่ยื่นคำขอ ชำระเงิน จนถึงออกผลเป็นเอกสารอิเล็กทรอนิกส์',
              'Redesign the main service to run fully online, from application and payment to an electronic result.',
            ],
          },
        ),
        numT(
          'S1.03',
          ['จำนวนงานบริการที่ให้บริการแบบครบวงจรทางดิจิทัล (End-to-End)', 'Number of services delivered fully digitally end to end'],
          ['งานบริการ', 'services'],
          [
            [1, 0.25],
            [3, 0.5],
            [5, 0.75],
            [10, 1],
          ],
          {
            integer: true,
            ev: true,
            tags: ['e_service'],
            rec: [
              'ยกระดับงานบริการที่ยื่นคำขอออนไลน์ได้แล้วให้เป็นบริการครบวงจร โดยเพิ่มการชำระเงินและการออกผลทางอิเล็กทรอนิกส์',
              'Upgrade services that already take online applications to end-to-end services by adding e-payment and electronic results.',
            ],
          },
        ),
        txt(
          'S1.04',
          [
            'โปรดระบุชื่องานบริการที่ให้บริการแบบครบวงจรทางดิจิทัลและ URL ของแต่ละบริการ',
            'Name the services delivered fully digitally and give the URL of each.',
          ],
          { tags: ['e_service'] },
        ),
        many(
          'S1.05',
          ['ช่องทางดิจิทัลที่หน่วยงานใช้ให้บริการ', 'Digital channels the agency serves users through'],
          [
            ['web', 'เว็บไซต์หรือเว็บแอปพลิเคชัน', 'Website or web application', 0],
            ['mobile', 'แอปพลิเคชันบนอุปกรณ์เคลื่อนที่', 'Mobile application', 0],
            ['chat', 'LINE Official Account หรือแชตบอต', 'LINE Official Account or chatbot', 0],
            ['portal', 'ศูนย์กลางบริการภาครัฐ (เช่น Biz Portal หรือ Citizen Portal)', 'A central government service portal (e.g. Biz Portal or Citizen Portal)', 0],
            NONE,
          ],
          'count',
          {
            countForFull: 3,
            tags: ['e_service'],
            rec: [
              'เปิดให้บริการผ่านช่องทางที่ผู้รับบริการใช้อยู่แล้ว และเชื่อมงานบริการเข้ากับศูนย์กลางบริการภาครัฐเพื่อให้ค้นหาได้จากจุดเดียว',
              'Serve users on the channels they already use and connect services to the central government portal so they can be found in one place.',
            ],
          },
        ),
        yn(
          'S1.06',
          [
            'ผู้รับบริการติดตามสถานะคำขอได้ทางออนไลน์ โดยไม่ต้องโทรศัพท์หรือเดินทางมาสอบถาม',
            'Applicants can track the status of their requests online without calling or visiting.',
          ],
          {
            tags: ['e_service'],
            rec: [
              'จัดให้มีระบบติดตามสถานะคำขอและแจ้งเตือนผู้รับบริการทางอีเมล SMS หรือแอปพลิเคชันเมื่อสถานะเปลี่ยน',
              'Provide request tracking and notify applicants by e-mail, SMS or app when the status changes.',
            ],
          },
        ),
        yn(
          'S1.07',
          [
            'หน่วยงานออกใบอนุญาต หนังสือรับรอง หรือผลการพิจารณาเป็นเอกสารอิเล็กทรอนิกส์ที่ตรวจสอบความถูกต้องได้',
            'The agency issues licences, certificates or decisions as electronic documents whose authenticity can be verified.',
          ],
          {
            ev: true,
            tags: ['e_service'],
            rec: [
              'ออกเอกสารผลการพิจารณาในรูปแบบอิเล็กทรอนิกส์ที่ลงลายมือชื่อดิจิทัล พร้อมช่องทางให้ผู้อื่นตรวจสอบความถูกต้อง เช่น QR Code',
              'Issue results as digitally signed electronic documents, with a way for others to verify them such as a QR code.',
            ],
          },
        ),
        one(
          'S1.08',
          ['การออกแบบบริการโดยยึดผู้ใช้เป็นศูนย์กลาง', 'User-centred service design'],
          [
            ['none', 'ออกแบบตามขั้นตอนภายในของหน่วยงาน', 'Designed around internal procedures', 0],
            ['internal', 'รับฟังความเห็นจากเจ้าหน้าที่ผู้ให้บริการ', 'Front-line staff consulted', 0.33],
            ['research', 'สำรวจความต้องการของผู้รับบริการก่อนออกแบบ', 'Users’ needs researched before design', 0.67],
            ['tested', 'ทดสอบกับผู้ใช้จริงก่อนเปิดใช้งานและปรับปรุงอย่างต่อเนื่อง', 'Tested with real users before launch and improved continuously', 1],
          ],
          {
            tags: ['e_service'],
            rec: [
              'ทดสอบบริการกับผู้ใช้จริงอย่างน้อย 5 รายก่อนเปิดใช้งาน และปรับปรุงจากจุดที่ผู้ใช้ติดขัด',
              'Test each service with at least five real users before launch and fix the points where they get stuck.',
            ],
          },
        ),
        yn(
          'S1.09',
          [
            'เว็บไซต์และบริการดิจิทัลของหน่วยงานรองรับการเข้าถึงของคนพิการและผู้สูงอายุตามแนวทาง WCAG',
            'The agency’s website and digital services are accessible to people with disabilities and older people, following WCAG.',
          ],
          {
            tags: ['e_service'],
            rec: [
              'ตรวจสอบเว็บไซต์และบริการดิจิทัลด้วยเครื่องมือตรวจสอบการเข้าถึงตามแนวทาง WCAG และแก้ไขประเด็นสำคัญ เช่น ข้อความแทนภาพ และการใช้งานด้วยแป้นพิมพ์',
              'Check the website and services with a WCAG accessibility tool and fix key issues such as alternative text and keyboard use.',
            ],
          },
        ),
        yn(
          'S1.10',
          [
            'บริการดิจิทัลทุกบริการของหน่วยงานใช้งานบนโทรศัพท์เคลื่อนที่ได้สะดวก (Mobile Responsive)',
            'All of the agency’s digital services work well on mobile phones (mobile responsive).',
          ],
          {
            tags: ['e_service'],
            rec: [
              'ปรับหน้าจอบริการให้แสดงผลและกรอกข้อมูลบนโทรศัพท์เคลื่อนที่ได้ เพราะผู้รับบริการส่วนใหญ่เข้าใช้ผ่านโทรศัพท์',
              'Make service screens display and accept input on mobile phones, since most users come through their phones.',
            ],
          },
        ),
      ],
    },
    {
      code: 'S2',
      name: bi(['การชำระเงินและการยืนยันตัวตนทางดิจิทัล', 'Digital payment and digital identity']),
      items: [
        yn(
          'S2.01',
          [
            'หน่วยงานรับชำระค่าธรรมเนียมหรือค่าบริการทางอิเล็กทรอนิกส์ (e-Payment)',
            'The agency accepts fees or charges electronically (e-payment).',
          ],
          {
            w: 2,
            ev: true,
            tags: ['e_service'],
            rec: [
              'เปิดรับชำระเงินทางอิเล็กทรอนิกส์สำหรับทุกงานบริการที่มีค่าธรรมเนียม ผ่านระบบที่กรมบัญชีกลางรับรอง',
              'Accept electronic payment for every service with a fee, through systems approved by the Comptroller General’s Department.',
            ],
          },
        ),
        many(
          'S2.02',
          ['ช่องทางการชำระเงินทางอิเล็กทรอนิกส์ที่หน่วยงานรองรับ', 'Electronic payment methods the agency accepts'],
          [
            ['qr', 'Thai QR Payment (พร้อมเพย์)', 'Thai QR Payment (PromptPay)', 0],
            ['banking', 'โอนเงินผ่านอินเทอร์เน็ตแบงก์กิงหรือโมบายแบงก์กิง', 'Internet or mobile banking transfer', 0],
            ['card', 'บัตรเครดิตหรือบัตรเดบิต', 'Credit or debit card', 0],
            ['edc', 'เครื่องรับชำระเงินด้วยบัตร (EDC) ที่จุดให้บริการ', 'Card terminal (EDC) at the counter', 0],
          ],
          'count',
          {
            countForFull: 3,
            vis: { item: 'S2.01', equals: true },
            tags: ['e_service'],
            rec: [
              'เพิ่มช่องทาง Thai QR Payment ซึ่งมีต้นทุนต่ำและประชาชนใช้แพร่หลาย ควบคู่กับการชำระผ่านบัตร',
              'Add Thai QR Payment, which is cheap and widely used, alongside card payment.',
            ],
          },
        ),
        yn(
          'S2.03',
          [
            'หน่วยงานออกใบเสร็จรับเงินอิเล็กทรอนิกส์ (e-Receipt) ให้ผู้ชำระเงิน',
            'The agency issues electronic receipts (e-receipts) to payers.',
          ],
          {
            tags: ['e_service'],
            rec: [
              'ออกใบเสร็จรับเงินอิเล็กทรอนิกส์ตามหลักเกณฑ์ของกรมบัญชีกลาง และส่งให้ผู้ชำระทางอีเมลหรือช่องทางออนไลน์',
              'Issue electronic receipts under the Comptroller General’s rules and send them to payers by e-mail or online.',
            ],
          },
        ),
        one(
          'S2.04',
          ['วิธีการพิสูจน์และยืนยันตัวตนของผู้ใช้บริการออนไลน์ที่เข้มแข็งที่สุดที่หน่วยงานใช้', 'The strongest identity proofing and authentication the agency uses for online services'],
          [
            ['in_person', 'ต้องมาแสดงตนที่สำนักงาน', 'Users must appear in person', 0],
            ['password', 'ชื่อผู้ใช้และรหัสผ่านที่หน่วยงานออกให้เอง', 'The agency’s own username and password', 0.33],
            ['otp', 'ยืนยันด้วย OTP หรือตรวจสอบข้อมูลบัตรประจำตัวประชาชน', 'OTP or a check of the national ID card', 0.67],
            ['digital_id', 'เชื่อมต่อระบบพิสูจน์และยืนยันตัวตนทางดิจิทัลกลาง (Digital ID) ตามมาตรฐานของ สพร.', 'A central digital ID service meeting DGA’s standard', 1],
          ],
          {
            tags: ['e_service'],
            rec: [
              'เชื่อมต่อบริการออนไลน์กับระบบ Digital ID กลางตามมาตรฐานการพิสูจน์และยืนยันตัวตนทางดิจิทัล แทนการสร้างบัญชีผู้ใช้แยกของหน่วยงาน',
              'Connect online services to a central digital ID that meets the digital identity standard instead of separate agency accounts.',
            ],
          },
        ),
        yn(
          'S2.05',
          [
            'ผู้รับบริการใช้บัญชีผู้ใช้เดียว (Single Sign-On) เข้าถึงบริการออนไลน์ทุกบริการของหน่วยงานได้',
            'Users can reach all of the agency’s online services with one account (single sign-on).',
          ],
          {
            tags: ['e_service'],
            rec: [
              'รวมการยืนยันตัวตนของบริการออนไลน์ทุกบริการไว้ที่จุดเดียว เพื่อให้ผู้รับบริการไม่ต้องจำหลายบัญชี',
              'Bring the sign-in of every online service to a single point so users do not need several accounts.',
            ],
          },
        ),
        yn(
          'S2.06',
          [
            'หน่วยงานยอมรับลายมือชื่ออิเล็กทรอนิกส์ของผู้ยื่นคำขอแทนการลงลายมือชื่อบนกระดาษ',
            'The agency accepts applicants’ electronic signatures instead of signatures on paper.',
          ],
          {
            tags: ['e_service'],
            rec: [
              'ประกาศให้คำขอที่ลงลายมือชื่ออิเล็กทรอนิกส์มีผลเช่นเดียวกับคำขอกระดาษ ตามพระราชบัญญัติว่าด้วยธุรกรรมทางอิเล็กทรอนิกส์',
              'Announce that electronically signed applications have the same effect as paper ones, under the Electronic Transactions Act.',
            ],
          },
        ),
      ],
    },
    {
      code: 'S3',
      name: bi(['การลดภาระเอกสารและการเชื่อมโยงบริการ', 'Less paperwork and joined-up services']),
      items: [
        yn(
          'S3.01',
          [
            'หน่วยงานไม่เรียกสำเนาเอกสารที่ทางราชการออกให้จากประชาชน ในกรณีที่ตรวจสอบข้อมูลได้ทางดิจิทัล',
            'The agency no longer asks citizens for copies of official documents it can verify digitally.',
          ],
          {
            w: 2,
            ev: true,
            tags: ['no_copy_policy', 'e_service'],
            help: [
              'แนบประกาศหรือคำสั่งยกเลิกการเรียกสำเนาเอกสาร',
              'Attach the announcement or order ending requests for document copies.',
            ],
            rec: [
              'ออกประกาศยกเลิกการเรียกสำเนาบัตรประจำตัวประชาชนและสำเนาทะเบียนบ้าน และตรวจสอบข้อมูลจากระบบของกรมการปกครองแทน',
              'Announce the end of requests for copies of ID cards and house registrations, and check the data in the Department of Provincial Administration’s system instead.',
            ],
          },
        ),
        numG(
          'S3.02',
          [
            'ร้อยละของงานบริการที่ยกเลิกการเรียกสำเนาบัตรประจำตัวประชาชนและสำเนาทะเบียนบ้านแล้ว',
            'Share of services that no longer require copies of the ID card and house registration',
          ],
          PERCENT,
          0,
          100,
          {
            max: 100,
            tags: ['no_copy_policy'],
            rec: [
              'ทบทวนงานบริการทุกงานที่ยังเรียกสำเนาเอกสาร และกำหนดแผนยกเลิกให้ครบภายในปีงบประมาณ',
              'Review every service that still asks for copies and plan to remove them all within the fiscal year.',
            ],
          },
        ),
        many(
          'S3.03',
          ['เอกสารใดบ้างที่หน่วยงานยกเลิกการเรียกจากผู้รับบริการแล้ว', 'Which documents has the agency stopped asking users for?'],
          [
            ['id_card', 'สำเนาบัตรประจำตัวประชาชน', 'Copy of the national ID card', 0],
            ['house', 'สำเนาทะเบียนบ้าน', 'Copy of the house registration', 0],
            ['company', 'หนังสือรับรองการจดทะเบียนนิติบุคคล', 'Company registration certificate', 0],
            ['name_change', 'หนังสือสำคัญการเปลี่ยนชื่อตัวหรือชื่อสกุล', 'Name change certificate', 0],
            ['licence', 'สำเนาใบอนุญาตที่หน่วยงานภาครัฐอื่นออกให้', 'Copies of licences issued by other agencies', 0],
            NONE,
          ],
          'count',
          {
            tags: ['no_copy_policy'],
            rec: [
              'ขยายการยกเลิกเอกสารไปยังหนังสือรับรองนิติบุคคลและใบอนุญาตของหน่วยงานอื่น โดยเชื่อมโยงข้อมูลกับหน่วยงานผู้ออกเอกสาร',
              'Extend the policy to company certificates and other agencies’ licences by linking data with the issuing agencies.',
            ],
          },
        ),
        yn(
          'S3.04',
          [
            'หน่วยงานเชื่อมโยงข้อมูลทะเบียนราษฎรผ่านศูนย์บริการเชื่อมโยงข้อมูลทางทะเบียน (Linkage Center) หรือ GDX เพื่อใช้ตรวจสอบข้อมูลแทนการเรียกเอกสาร',
            'The agency reads civil registration data through the Linkage Center or GDX to verify applicants instead of asking for documents.',
          ],
          {
            ev: true,
            tags: ['no_copy_policy', 'data_governance'],
            rec: [
              'ขอใช้บริการ Linkage Center หรือ GDX และปรับระบบงานให้ดึงข้อมูลผู้ยื่นคำขอด้วยเลขประจำตัวประชาชน',
              'Apply for Linkage Center or GDX access and change systems to fetch applicant data by national ID number.',
            ],
          },
        ),
        yn(
          'S3.05',
          [
            'หน่วยงานปรับปรุงคู่มือสำหรับประชาชนให้สอดคล้องกับการไม่เรียกสำเนาเอกสารแล้ว',
            'The agency has updated its citizen manuals to reflect the no-copy policy.',
          ],
          {
            ev: true,
            tags: ['no_copy_policy'],
            rec: [
              'แก้ไขคู่มือสำหรับประชาชนทุกงานบริการให้ตัดรายการสำเนาเอกสารที่ยกเลิกแล้ว และเผยแพร่ฉบับปรับปรุง',
              'Remove the abolished document copies from every citizen manual and publish the revised versions.',
            ],
          },
        ),
        yn(
          'S3.06',
          [
            'หน่วยงานเชื่อมโยงบริการกับหน่วยงานอื่นเพื่อให้ผู้รับบริการดำเนินการได้ในคราวเดียว (One-Stop Service)',
            'The agency links its services with other agencies so users can complete them in one go (one-stop service).',
          ],
          {
            tags: ['e_service'],
            rec: [
              'ร่วมกับหน่วยงานที่เกี่ยวข้องออกแบบบริการตามเหตุการณ์ในชีวิต (Life Event) เพื่อให้ผู้รับบริการยื่นคำขอครั้งเดียว',
              'Work with related agencies to design services around life events so users apply only once.',
            ],
          },
        ),
        one(
          'S3.07',
          ['การลดขั้นตอนและระยะเวลาการให้บริการด้วยดิจิทัล', 'Cutting service steps and time with digital means'],
          [
            ['none', 'ยังไม่ได้วิเคราะห์กระบวนงาน', 'Processes not yet analysed', 0],
            ['analysed', 'วิเคราะห์กระบวนงานแล้ว', 'Processes analysed', 0.33],
            ['some', 'ลดขั้นตอนและระยะเวลาได้ในบางงานบริการ', 'Steps and time cut in some services', 0.67],
            ['measured', 'ลดขั้นตอนและระยะเวลาได้ตามเป้าหมายและวัดผลได้', 'Steps and time cut to targets, with results measured', 1],
          ],
          {
            ev: true,
            tags: ['e_service'],
            rec: [
              'วิเคราะห์กระบวนงานของบริการหลักเพื่อตัดขั้นตอนที่ไม่จำเป็น กำหนดเป้าหมายระยะเวลาให้บริการ และวัดผลก่อนและหลังปรับปรุง',
              'Analyse the main services’ processes to cut unnecessary steps, set service-time targets, and measure before and after.',
            ],
          },
        ),
      ],
    },
    {
      code: 'S4',
      name: bi(['การรับฟังและการมีส่วนร่วมของผู้รับบริการ', 'User feedback and participation']),
      items: [
        yn(
          'S4.01',
          [
            'หน่วยงานรับเรื่องร้องเรียนและข้อเสนอแนะทางออนไลน์ และเชื่อมโยงกับศูนย์บริการประชาชน 1111',
            'The agency takes complaints and suggestions online and is linked to the 1111 government contact centre.',
          ],
          {
            tags: ['e_service'],
            rec: [
              'เปิดรับเรื่องร้องเรียนทางออนไลน์ที่ติดตามสถานะได้ และเชื่อมโยงกับศูนย์บริการประชาชน 1111 เพื่อไม่ให้เรื่องตกหล่น',
              'Offer online complaints with status tracking and link them to the 1111 centre so no case is lost.',
            ],
          },
        ),
        one(
          'S4.02',
          ['การสำรวจความพึงพอใจต่อบริการดิจิทัลของหน่วยงาน', 'Satisfaction surveys of the agency’s digital services'],
          [
            ['none', 'ไม่มีการสำรวจ', 'No survey', 0],
            ['adhoc', 'สำรวจเป็นครั้งคราว', 'Occasional surveys', 0.33],
            ['yearly', 'สำรวจทุกปี', 'Yearly survey', 0.67],
            ['acted', 'สำรวจทุกปีและนำผลมาปรับปรุงบริการอย่างเป็นรูปธรรม', 'Yearly survey with results turned into concrete improvements', 1],
          ],
          {
            tags: ['e_service'],
            rec: [
              'สำรวจความพึงพอใจหลังใช้บริการทุกครั้งด้วยแบบสอบถามสั้น และรายงานการปรับปรุงที่เกิดจากผลสำรวจต่อผู้บริหาร',
              'Ask a short satisfaction question after every transaction and report the resulting improvements to management.',
            ],
          },
        ),
        numG(
          'S4.03',
          ['ร้อยละความพึงพอใจของผู้รับบริการต่อบริการดิจิทัลในปีที่ผ่านมา', 'User satisfaction with digital services in the past year'],
          PERCENT,
          50,
          90,
          {
            max: 100,
            ev: true,
            tags: ['e_service'],
            rec: [
              'วิเคราะห์ความคิดเห็นเชิงลบของผู้รับบริการเพื่อหาจุดที่ต้องแก้ไขก่อน และติดตามผลความพึงพอใจหลังปรับปรุง',
              'Analyse negative feedback to find what to fix first, and track satisfaction again after the changes.',
            ],
          },
        ),
        yn(
          'S4.04',
          [
            'หน่วยงานเปิดให้ประชาชนมีส่วนร่วมทางออนไลน์ (e-Participation) เช่น รับฟังความคิดเห็นต่อร่างกฎหมาย นโยบาย หรือโครงการ',
            'The agency consults the public online (e-participation), e.g. on draft laws, policies or projects.',
          ],
          {
            rec: [
              'รับฟังความคิดเห็นต่อร่างกฎหมายและนโยบายผ่านระบบกลางทางกฎหมายหรือเว็บไซต์ของหน่วยงาน และเผยแพร่สรุปผลการรับฟัง',
              'Consult on draft laws and policies through the central law portal or the agency’s website and publish a summary of the responses.',
            ],
          },
        ),
        yn(
          'S4.05',
          [
            'หน่วยงานใช้ข้อมูลสถิติการใช้งานบริการดิจิทัล (เช่น จำนวนผู้ใช้ อัตราการทำรายการสำเร็จ) ในการปรับปรุงบริการ',
            'The agency uses digital service usage statistics (e.g. users, completion rate) to improve its services.',
          ],
          {
            tags: ['e_service'],
            rec: [
              'เก็บสถิติการใช้งานของทุกบริการ เช่น อัตราการทำรายการสำเร็จและจุดที่ผู้ใช้ออกจากระบบ แล้วทบทวนทุกไตรมาส',
              'Collect usage statistics for every service, such as completion rate and drop-off points, and review them every quarter.',
            ],
          },
        ),
      ],
    },
  ],
};
