// The results entry in the shell's navigation and home cards, merged into the default namespace.
import i18n from 'i18next';

const th = { nav: { results: 'ผลการประเมิน' }, home: { cards: { results: 'คะแนน ระดับความพร้อม การวิเคราะห์ และรายงานผลรายหน่วยงาน' } } };
const en = { nav: { results: 'Results' }, home: { cards: { results: 'Scores, readiness stages, analysis and agency scorecards' } } };

function add(): void {
  i18n.addResourceBundle('th', 'translation', th, true, false);
  i18n.addResourceBundle('en', 'translation', en, true, false);
}

if (i18n.isInitialized) add();
else i18n.on('initialized', add);
