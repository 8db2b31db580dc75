// The verification entries in the shell's navigation and home cards, merged into the default namespace.
import i18n from 'i18next';

const th = { nav: { review: 'ตรวจสอบหลักฐาน', corrections: 'รายการที่ต้องแก้ไข' }, home: { cards: { review: 'ตรวจคำตอบและหลักฐานทีละข้อ ส่งกลับให้หน่วยงานแก้ไข', corrections: 'รายการที่ผู้ตรวจสอบส่งกลับให้แก้ไขพร้อมเหตุผล' } } };
const en = { nav: { review: 'Evidence review', corrections: 'Corrections' }, home: { cards: { review: 'Check answers and evidence item by item; return items for correction', corrections: 'Items reviewers returned for correction, with reasons' } } };

function add(): void {
  i18n.addResourceBundle('th', 'translation', th, true, false);
  i18n.addResourceBundle('en', 'translation', en, true, false);
}

if (i18n.isInitialized) add();
else i18n.on('initialized', add);
