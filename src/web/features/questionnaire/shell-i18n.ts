// The questionnaire and editions entries in the shell's navigation and home cards, merged into the default namespace.
import i18n from 'i18next';

const th = {
  nav: { survey: 'แบบสำรวจ', editions: 'รอบการสำรวจ' },
  home: {
    cards: {
      survey: 'ตอบแบบสำรวจความพร้อมรัฐบาลดิจิทัลของหน่วยงาน แนบหลักฐาน และส่ง',
      editions: 'สร้างรอบการสำรวจ เลือกหน่วยงานเป้าหมาย เปิด–ปิดรับ ติดตามการตอบ และส่งออกข้อมูล',
    },
  },
};
const en = {
  nav: { survey: 'Survey', editions: 'Survey editions' },
  home: {
    cards: {
      survey: "Answer your agency's readiness survey, attach evidence and submit",
      editions: 'Create editions, select the population, open and close them, monitor responses and export',
    },
  },
};

function add(): void {
  i18n.addResourceBundle('th', 'translation', th, true, false);
  i18n.addResourceBundle('en', 'translation', en, true, false);
}

// Imported by the shell's i18n set-up, which may not have initialised i18next yet.
if (i18n.isInitialized) add();
else i18n.on('initialized', add);
