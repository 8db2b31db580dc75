// The Digital Local entries in the shell's navigation and home cards, merged into the default namespace.
import i18n from 'i18next';

const th = {
  login: { dlSignUp: 'องค์กรปกครองส่วนท้องถิ่น: ลงทะเบียนเพื่อสมัครรางวัลท้องถิ่นดิจิทัล' },
  nav: { dlEntry: 'ผลงานท้องถิ่นดิจิทัล', dlJudging: 'ให้คะแนนท้องถิ่นดิจิทัล', dlAdmin: 'รางวัลท้องถิ่นดิจิทัล' },
  home: {
    cards: {
      dlEntry: 'เขียนและส่งผลงานนวัตกรรมของ อปท. เข้าประกวดรางวัลท้องถิ่นดิจิทัล และดูผลคะแนนหลังประกาศผล',
      dlJudging: 'ผลงานที่ได้รับมอบหมาย ให้คะแนนรายเกณฑ์พร้อมความเห็น',
      dlAdmin: 'ตั้งค่าการประกวด มอบหมายกรรมการ ปรับเทียบคะแนน ยืนยันและประกาศผล',
    },
  },
};
const en = {
  login: { dlSignUp: 'Local administrative organisations: register for the Digital Local Award' },
  nav: { dlEntry: 'Digital Local entry', dlJudging: 'Digital Local judging', dlAdmin: 'Digital Local award' },
  home: {
    cards: {
      dlEntry: "Write and submit your LAO's innovation to the Digital Local award; read your scores after the announcement",
      dlJudging: 'Your assigned entries: score each criterion with a comment',
      dlAdmin: 'Set up the contest, assign judges, calibrate scores, confirm and announce the results',
    },
  },
};

function add(): void {
  i18n.addResourceBundle('th', 'translation', th, true, false);
  i18n.addResourceBundle('en', 'translation', en, true, false);
}

if (i18n.isInitialized) add();
else i18n.on('initialized', add);
