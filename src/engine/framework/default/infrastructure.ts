// Dimension I — Secure and Efficient Infrastructure: network and cloud, cybersecurity, continuity and backups.
import type { Dimension } from '../types.js';
import { NONE, PERCENT, bi, many, numG, numT, one, txt, yn } from './helpers.js';

export const infrastructure: Dimension = {
  code: 'I',
  name: bi(['โครงสร้างพื้นฐานที่มีความมั่นคงปลอดภัยและมีประสิทธิภาพ', 'Secure and Efficient Infrastructure']),
  description: bi([
    'ความพร้อมของเครือข่าย อุปกรณ์ ศูนย์ข้อมูลและคลาวด์ การรักษาความมั่นคงปลอดภัยไซเบอร์ตามมาตรฐาน และความต่อเนื่องของการให้บริการ',
    'Readiness of networks, equipment, data centres and cloud, cybersecurity to recognised standards, and continuity of service.',
  ]),
  weight: 1,
  subdimensions: [
    {
      code: 'I1',
      name: bi(['เครือข่าย ศูนย์ข้อมูล และคลาวด์', 'Network, data centre and cloud']),
      items: [
        numT(
          'I1.01',
          ['ความเร็วอินเทอร์เน็ตรวมของสำนักงานใหญ่', 'Total internet bandwidth at headquarters'],
          ['เมกะบิตต่อวินาที', 'Mbps'],
          [
            [50, 0.25],
            [100, 0.5],
            [500, 0.75],
            [1000, 1],
          ],
          {
            rec: [
              'ประเมินปริมาณการใช้งานเครือข่ายในช่วงเวลาที่ใช้งานสูงสุด และเพิ่มความเร็วอินเทอร์เน็ตให้รองรับบริการออนไลน์และการประชุมทางไกล',
              'Measure peak network use and increase bandwidth to support online services and video meetings.',
            ],
          },
        ),
        yn(
          'I1.02',
          [
            'หน่วยงานเชื่อมต่อเครือข่ายสื่อสารข้อมูลเชื่อมโยงหน่วยงานภาครัฐ (GIN)',
            'The agency is connected to the Government Information Network (GIN).',
          ],
          {
            rec: [
              'ขอใช้บริการเครือข่าย GIN เพื่อเชื่อมโยงกับหน่วยงานภาครัฐอื่นผ่านเครือข่ายที่มั่นคงปลอดภัย',
              'Subscribe to GIN to connect to other agencies over a secure network.',
            ],
          },
        ),
        numT(
          'I1.03',
          ['จำนวนเครื่องคอมพิวเตอร์ที่ใช้งานได้ต่อบุคลากร 100 คน', 'Working computers per 100 staff'],
          ['เครื่อง', 'computers'],
          [
            [50, 0.25],
            [70, 0.5],
            [90, 0.75],
            [100, 1],
          ],
          {
            rec: [
              'จัดทำแผนจัดหาและทดแทนเครื่องคอมพิวเตอร์ตามอายุการใช้งาน เพื่อให้บุคลากรทุกคนมีอุปกรณ์ที่ใช้งานระบบดิจิทัลได้',
              'Plan computer purchases and replacement by age so every staff member has a device that runs digital systems.',
            ],
          },
        ),
        yn(
          'I1.04',
          [
            'หน่วยงานใช้บริการคลาวด์กลางภาครัฐ (เช่น G-Cloud หรือ Government Data Center and Cloud service: GDCC)',
            'The agency uses the government cloud (e.g. G-Cloud or the Government Data Center and Cloud service, GDCC).',
          ],
          {
            w: 2,
            ev: true,
            tags: ['cloud'],
            rec: [
              'ย้ายระบบที่เหมาะสมขึ้นคลาวด์กลางภาครัฐ เริ่มจากระบบใหม่และระบบที่เครื่องแม่ข่ายใกล้หมดอายุ เพื่อลดภาระการดูแลศูนย์ข้อมูลเอง',
              'Move suitable systems to the government cloud, starting with new systems and those on ageing servers, to reduce the burden of running your own data centre.',
            ],
          },
        ),
        numG(
          'I1.05',
          ['ร้อยละของระบบสารสนเทศของหน่วยงานที่ทำงานบนคลาวด์ (ภาครัฐหรือเอกชน)', 'Share of the agency’s information systems running in the cloud (government or commercial)'],
          PERCENT,
          0,
          80,
          {
            max: 100,
            tags: ['cloud'],
            rec: [
              'จัดทำบัญชีระบบสารสนเทศและประเมินความเหมาะสมในการย้ายขึ้นคลาวด์ของแต่ละระบบ พร้อมกำหนดลำดับการย้าย',
              'List the agency’s systems, assess each for cloud migration and set a migration order.',
            ],
          },
        ),
        one(
          'I1.06',
          ['นโยบายการใช้คลาวด์ของหน่วยงาน', 'The agency’s cloud policy'],
          [
            ['none', 'ยังไม่มีนโยบาย', 'No policy', 0],
            ['case', 'พิจารณาเป็นรายกรณี', 'Decided case by case', 0.33],
            ['cloud_first', 'มีนโยบายพิจารณาคลาวด์ก่อน (Cloud First) สำหรับระบบใหม่', 'Cloud-first policy for new systems', 0.67],
            ['migration', 'มีนโยบาย Cloud First และแผนย้ายระบบเดิมขึ้นคลาวด์', 'Cloud-first policy plus a plan to migrate existing systems', 1],
          ],
          {
            tags: ['cloud'],
            rec: [
              'ประกาศนโยบาย Cloud First ให้ระบบใหม่พิจารณาคลาวด์เป็นทางเลือกแรก พร้อมเกณฑ์การจัดระดับชั้นข้อมูลที่นำขึ้นคลาวด์ได้',
              'Adopt a cloud-first policy for new systems, with criteria on which data classes may go to the cloud.',
            ],
          },
        ),
        yn(
          'I1.07',
          [
            'หน่วยงานมีเครือข่ายไร้สายที่ยืนยันตัวตนผู้ใช้ ครอบคลุมพื้นที่ปฏิบัติงานและพื้นที่ให้บริการประชาชน',
            'The agency has authenticated Wi-Fi covering work areas and public service areas.',
          ],
          {
            rec: [
              'ติดตั้งเครือข่ายไร้สายที่แยกเครือข่ายบุคลากรและผู้มาติดต่อ และยืนยันตัวตนผู้ใช้ก่อนเข้าใช้งาน',
              'Install Wi-Fi with separate staff and guest networks and user authentication before access.',
            ],
          },
        ),
        yn(
          'I1.08',
          [
            'หน่วยงานมีระบบเฝ้าระวังและแจ้งเตือนสถานะของเครือข่ายและระบบสารสนเทศสำคัญ',
            'The agency monitors its network and critical systems and raises alerts.',
          ],
          {
            rec: [
              'ติดตั้งระบบเฝ้าระวังที่แจ้งเตือนผู้ดูแลเมื่อระบบหรือเครือข่ายขัดข้อง และกำหนดเวลาตอบสนองต่อการแจ้งเตือน',
              'Install monitoring that alerts administrators when systems or the network fail, and set response times.',
            ],
          },
        ),
        yn(
          'I1.09',
          [
            'ห้องเครื่องหรือศูนย์ข้อมูลของหน่วยงานมีระบบไฟฟ้าสำรอง ระบบป้องกันอัคคีภัย และการควบคุมการเข้าออก',
            'The agency’s server room or data centre has backup power, fire protection and access control.',
          ],
          {
            ev: true,
            rec: [
              'ปรับปรุงห้องเครื่องให้มีเครื่องสำรองไฟฟ้า ระบบดับเพลิง และบันทึกการเข้าออก หรือย้ายระบบไปใช้ศูนย์ข้อมูลหรือคลาวด์ภาครัฐ',
              'Equip the server room with UPS, fire suppression and an access log, or move systems to a government data centre or cloud.',
            ],
          },
        ),
        yn(
          'I1.10',
          [
            'เว็บไซต์และบริการออนไลน์ของหน่วยงานรองรับ IPv6',
            'The agency’s website and online services support IPv6.',
          ],
          {
            rec: [
              'เปิดใช้ IPv6 บนเว็บไซต์และบริการออนไลน์ตามแนวทางของภาครัฐ โดยทดสอบร่วมกับผู้ให้บริการเครือข่าย',
              'Enable IPv6 on the website and online services following government guidance, testing with the network provider.',
            ],
          },
        ),
      ],
    },
    {
      code: 'I2',
      name: bi(['ความมั่นคงปลอดภัยไซเบอร์', 'Cybersecurity']),
      items: [
        yn(
          'I2.01',
          [
            'หน่วยงานประกาศนโยบายและแนวปฏิบัติในการรักษาความมั่นคงปลอดภัยด้านสารสนเทศ และทบทวนอย่างน้อยปีละครั้ง',
            'The agency has issued an information security policy and practices and reviews them at least yearly.',
          ],
          {
            w: 2,
            ev: true,
            tags: ['cybersecurity'],
            rec: [
              'จัดทำนโยบายและแนวปฏิบัติการรักษาความมั่นคงปลอดภัยด้านสารสนเทศตามประกาศคณะกรรมการธุรกรรมทางอิเล็กทรอนิกส์ และทบทวนทุกปี',
              'Issue an information security policy and practices under the Electronic Transactions Commission’s notification and review them every year.',
            ],
          },
        ),
        one(
          'I2.02',
          [
            'การปฏิบัติตามประมวลแนวทางปฏิบัติและกรอบมาตรฐานด้านการรักษาความมั่นคงปลอดภัยไซเบอร์ของสำนักงานคณะกรรมการการรักษาความมั่นคงปลอดภัยไซเบอร์แห่งชาติ (สกมช.)',
            'Compliance with the cybersecurity code of practice and standards of the National Cyber Security Agency (NCSA)',
          ],
          [
            ['none', 'ยังไม่ได้ดำเนินการ', 'Not started', 0],
            ['gap', 'ประเมินช่องว่างเทียบกับมาตรฐานแล้ว', 'Gap assessment done', 0.33],
            ['partial', 'ปฏิบัติตามแล้วบางส่วน', 'Partly compliant', 0.67],
            ['full', 'ปฏิบัติตามครบถ้วนและมีการตรวจสอบ', 'Fully compliant and audited', 1],
          ],
          {
            w: 2,
            ev: true,
            tags: ['cybersecurity'],
            rec: [
              'ประเมินช่องว่างเทียบกับประมวลแนวทางปฏิบัติของ สกมช. และจัดทำแผนปิดช่องว่างที่มีกำหนดเวลาและผู้รับผิดชอบ',
              'Assess gaps against the NCSA code of practice and make a plan with deadlines and owners to close them.',
            ],
          },
        ),
        yn(
          'I2.03',
          [
            'หน่วยงานมีแผนรับมือภัยคุกคามทางไซเบอร์ (Incident Response Plan) ที่กำหนดผู้รับผิดชอบและขั้นตอนการแจ้งเหตุ',
            'The agency has a cyber incident response plan naming owners and reporting steps.',
          ],
          {
            ev: true,
            tags: ['cybersecurity'],
            rec: [
              'จัดทำแผนรับมือภัยคุกคามทางไซเบอร์ที่ระบุทีมรับมือ ช่องทางแจ้งเหตุ และขั้นตอนการกู้คืน โดยอ้างอิงแนวทางของ สกมช.',
              'Write a cyber incident response plan with a response team, reporting channels and recovery steps, following NCSA guidance.',
            ],
          },
        ),
        yn(
          'I2.04',
          [
            'หน่วยงานซ้อมแผนรับมือภัยคุกคามทางไซเบอร์อย่างน้อยปีละครั้ง',
            'The agency rehearses its cyber incident response plan at least once a year.',
          ],
          {
            vis: { item: 'I2.03', equals: true },
            tags: ['cybersecurity'],
            rec: [
              'ซ้อมแผนรับมือภัยคุกคามอย่างน้อยปีละครั้งด้วยสถานการณ์จำลอง เช่น มัลแวร์เรียกค่าไถ่ และปรับปรุงแผนจากผลการซ้อม',
              'Rehearse the plan at least yearly with a scenario such as ransomware and improve it from the lessons learned.',
            ],
          },
        ),
        one(
          'I2.05',
          ['การประเมินช่องโหว่และทดสอบเจาะระบบ', 'Vulnerability assessment and penetration testing'],
          [
            ['never', 'ยังไม่เคยดำเนินการ', 'Never done', 0],
            ['some', 'เคยดำเนินการกับบางระบบ', 'Done for some systems', 0.33],
            ['yearly', 'ประเมินช่องโหว่ระบบสำคัญทุกปี', 'Critical systems scanned every year', 0.67],
            ['pentest', 'ประเมินช่องโหว่ทุกปี ทดสอบเจาะระบบ และแก้ไขช่องโหว่ตามกำหนดเวลา', 'Yearly scans plus penetration tests, with fixes on schedule', 1],
          ],
          {
            ev: true,
            tags: ['cybersecurity'],
            rec: [
              'ประเมินช่องโหว่ของระบบที่เปิดให้บริการทางอินเทอร์เน็ตอย่างน้อยปีละครั้ง และติดตามการแก้ไขช่องโหว่ระดับสูงภายในเวลาที่กำหนด',
              'Scan internet-facing systems for vulnerabilities at least yearly and track fixes of high-severity findings within set deadlines.',
            ],
          },
        ),
        many(
          'I2.06',
          ['มาตรการควบคุมความมั่นคงปลอดภัยที่หน่วยงานใช้งานแล้ว', 'Security controls the agency has in place'],
          [
            ['firewall', 'ไฟร์วอลล์และการแบ่งส่วนเครือข่าย', 'Firewall and network segmentation', 0.15],
            ['antimalware', 'ระบบป้องกันมัลแวร์ที่ปรับปรุงอัตโนมัติ', 'Automatically updated anti-malware', 0.15],
            ['mfa', 'การยืนยันตัวตนหลายปัจจัย (MFA) สำหรับผู้ดูแลระบบและการเข้าถึงจากภายนอก', 'Multi-factor authentication for administrators and remote access', 0.2],
            ['encryption', 'การเข้ารหัสข้อมูลสำคัญ', 'Encryption of sensitive data', 0.15],
            ['patch', 'การบริหารจัดการแพตช์อย่างเป็นระบบ', 'Systematic patch management', 0.15],
            ['siem', 'การรวบรวมและวิเคราะห์บันทึกเหตุการณ์ (SIEM)', 'Log collection and analysis (SIEM)', 0.2],
            NONE,
          ],
          'weighted',
          {
            cap: 1,
            tags: ['cybersecurity'],
            rec: [
              'เริ่มจากมาตรการที่ลดความเสี่ยงได้มาก ได้แก่ MFA สำหรับผู้ดูแลระบบและการติดตั้งแพตช์ตามรอบ แล้วจึงขยายไปสู่การวิเคราะห์บันทึกเหตุการณ์',
              'Start with the controls that cut the most risk, MFA for administrators and scheduled patching, then add log analysis.',
            ],
          },
        ),
        yn(
          'I2.07',
          [
            'หน่วยงานจัดเก็บข้อมูลจราจรทางคอมพิวเตอร์ไม่น้อยกว่า 90 วัน ตามพระราชบัญญัติว่าด้วยการกระทำความผิดเกี่ยวกับคอมพิวเตอร์',
            'The agency keeps computer traffic data for at least 90 days as the Computer Crime Act requires.',
          ],
          {
            ev: true,
            tags: ['cybersecurity'],
            rec: [
              'ตั้งค่าระบบให้จัดเก็บข้อมูลจราจรทางคอมพิวเตอร์จากอุปกรณ์เครือข่ายและระบบสำคัญไว้อย่างน้อย 90 วัน ในที่จัดเก็บที่ป้องกันการแก้ไข',
              'Configure network devices and key systems to keep traffic data for at least 90 days in tamper-proof storage.',
            ],
          },
        ),
        yn(
          'I2.08',
          [
            'ระบบสารสนเทศสำคัญของหน่วยงานได้รับการรับรองมาตรฐาน ISO/IEC 27001',
            'The agency’s critical information systems are certified to ISO/IEC 27001.',
          ],
          {
            ev: true,
            tags: ['cybersecurity'],
            rec: [
              'เริ่มจัดทำระบบบริหารจัดการความมั่นคงปลอดภัยสารสนเทศตาม ISO/IEC 27001 สำหรับระบบให้บริการหลัก แล้วขอรับรองมาตรฐาน',
              'Build an ISO/IEC 27001 information security management system for the main service systems and seek certification.',
            ],
          },
        ),
        yn(
          'I2.09',
          [
            'หน่วยงานสร้างความตระหนักด้านความมั่นคงปลอดภัยไซเบอร์ให้บุคลากรทุกคนอย่างน้อยปีละครั้ง',
            'The agency runs cybersecurity awareness training for all staff at least once a year.',
          ],
          {
            tags: ['cybersecurity', 'digital_personnel'],
            rec: [
              'จัดอบรมความตระหนักด้านความมั่นคงปลอดภัยไซเบอร์ให้บุคลากรทุกคนทุกปี และทดสอบด้วยอีเมลหลอกลวงจำลอง',
              'Train all staff in cybersecurity awareness every year and test them with simulated phishing e-mails.',
            ],
          },
        ),
        yn(
          'I2.10',
          [
            'หน่วยงานรายงานเหตุภัยคุกคามทางไซเบอร์ต่อ สกมช. หรือศูนย์ประสานการรักษาความมั่นคงปลอดภัยระบบคอมพิวเตอร์ (ThaiCERT) ตามที่กำหนด',
            'The agency reports cyber incidents to NCSA or ThaiCERT as required.',
          ],
          {
            tags: ['cybersecurity'],
            rec: [
              'กำหนดขั้นตอนและผู้รับผิดชอบในการรายงานเหตุภัยคุกคามทางไซเบอร์ต่อ สกมช. หรือ ThaiCERT ภายในเวลาที่กำหนด',
              'Set steps and owners for reporting cyber incidents to NCSA or ThaiCERT within the required time.',
            ],
          },
        ),
        yn(
          'I2.11',
          [
            'เว็บไซต์และบริการออนไลน์ทุกบริการของหน่วยงานใช้ HTTPS ด้วยใบรับรองที่ถูกต้องและยังไม่หมดอายุ',
            'All of the agency’s websites and online services use HTTPS with valid, unexpired certificates.',
          ],
          {
            tags: ['cybersecurity'],
            rec: [
              'เปิดใช้ HTTPS กับทุกเว็บไซต์และบริการออนไลน์ และตั้งระบบแจ้งเตือนก่อนใบรับรองหมดอายุ',
              'Turn on HTTPS for every website and online service and set alerts before certificates expire.',
            ],
          },
        ),
      ],
    },
    {
      code: 'I3',
      name: bi(['ความต่อเนื่องและการสำรองข้อมูล', 'Continuity and backups']),
      items: [
        one(
          'I3.01',
          ['การสำรองข้อมูลของหน่วยงาน', 'The agency’s data backups'],
          [
            ['none', 'ไม่มีการสำรองข้อมูลอย่างเป็นระบบ', 'No systematic backups', 0],
            ['some', 'สำรองข้อมูลเฉพาะบางระบบ', 'Some systems backed up', 0.33],
            ['offsite', 'สำรองข้อมูลระบบสำคัญตามรอบและเก็บไว้นอกสถานที่', 'Critical systems backed up on schedule and kept off-site', 0.67],
            ['tested', 'สำรองตามหลัก 3-2-1 และทดสอบการกู้คืนอย่างน้อยปีละครั้ง', '3-2-1 backups with restores tested at least yearly', 1],
          ],
          {
            w: 2,
            ev: true,
            tags: ['cybersecurity'],
            rec: [
              'สำรองข้อมูลระบบสำคัญตามหลัก 3-2-1 โดยเก็บสำเนาหนึ่งชุดแยกจากเครือข่าย และทดสอบการกู้คืนอย่างน้อยปีละครั้ง',
              'Back up critical systems 3-2-1 with one copy kept off the network, and test restores at least yearly.',
            ],
          },
        ),
        yn(
          'I3.02',
          [
            'หน่วยงานมีแผนความต่อเนื่องทางธุรกิจ (BCP) และแผนกู้คืนระบบ (DRP) สำหรับระบบสารสนเทศสำคัญ',
            'The agency has a business continuity plan (BCP) and disaster recovery plan (DRP) for critical systems.',
          ],
          {
            ev: true,
            tags: ['cybersecurity'],
            rec: [
              'จัดทำแผนความต่อเนื่องและแผนกู้คืนระบบ โดยกำหนดเวลากู้คืนเป้าหมาย (RTO) และจุดกู้คืนเป้าหมาย (RPO) ของแต่ละระบบสำคัญ',
              'Write continuity and recovery plans setting a recovery time objective (RTO) and recovery point objective (RPO) for each critical system.',
            ],
          },
        ),
        yn(
          'I3.03',
          [
            'หน่วยงานมีศูนย์สำรอง (DR Site) หรือใช้บริการคลาวด์เป็นที่สำรองระบบสำคัญ',
            'The agency has a disaster recovery site or uses cloud services as the backup location for critical systems.',
          ],
          {
            tags: ['cloud', 'cybersecurity'],
            rec: [
              'ใช้บริการคลาวด์ภาครัฐเป็นที่สำรองระบบสำคัญ แทนการลงทุนสร้างศูนย์สำรองของหน่วยงานเอง',
              'Use the government cloud as the backup site for critical systems instead of building your own DR site.',
            ],
          },
        ),
        numT(
          'I3.04',
          ['ร้อยละเวลาที่ระบบให้บริการหลักพร้อมใช้งาน (Uptime) ในปีที่ผ่านมา', 'Availability (uptime) of the main service system in the past year'],
          PERCENT,
          [
            [95, 0.25],
            [98, 0.5],
            [99, 0.75],
            [99.9, 1],
          ],
          {
            max: 100,
            rec: [
              'วัดความพร้อมใช้งานของระบบให้บริการหลักอย่างต่อเนื่อง วิเคราะห์สาเหตุการหยุดทำงาน และกำหนดระดับการให้บริการ (SLA) กับผู้ให้บริการ',
              'Measure the main service’s availability continuously, analyse outages and agree service levels (SLA) with providers.',
            ],
          },
        ),
        yn(
          'I3.05',
          [
            'หน่วยงานมีทะเบียนทรัพย์สินสารสนเทศ (ฮาร์ดแวร์ ซอฟต์แวร์ และระบบ) ที่เป็นปัจจุบัน พร้อมผู้รับผิดชอบ',
            'The agency keeps an up-to-date register of its IT assets (hardware, software and systems) with owners.',
          ],
          {
            ev: true,
            tags: ['cybersecurity'],
            rec: [
              'จัดทำทะเบียนทรัพย์สินสารสนเทศที่ระบุผู้รับผิดชอบ ระดับความสำคัญ และวันหมดอายุการสนับสนุน และปรับปรุงทุกครั้งที่มีการเปลี่ยนแปลง',
              'Keep an IT asset register with owners, criticality and end-of-support dates, and update it with every change.',
            ],
          },
        ),
        txt('I3.06', [
          'โปรดระบุระบบสารสนเทศสำคัญของหน่วยงาน และที่ตั้งของระบบ (ศูนย์ข้อมูลของหน่วยงาน คลาวด์ภาครัฐ หรือคลาวด์เอกชน)',
          'List the agency’s critical information systems and where each runs (own data centre, government cloud or commercial cloud).',
        ]),
      ],
    },
  ],
};
