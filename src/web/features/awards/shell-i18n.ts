// The awards entries in the shell's navigation and home cards, merged into the default namespace.
import i18n from 'i18next';

const th = {
  nav: { awards: 'รางวัลรัฐบาลดิจิทัล', myAwards: 'รางวัลของหน่วยงาน', nominations: 'เสนอชื่อรางวัล', judging: 'พิจารณารางวัลรัฐบาลดิจิทัล' },
  home: {
    cards: {
      awards: 'เกณฑ์รางวัล ผลการตัดสินพร้อมเหตุผล การอนุมัติ ประกาศผล และเกียรติบัตร',
      myAwards: 'รางวัลที่หน่วยงานได้รับพร้อมเกียรติบัตร',
      nominations: 'เสนอชื่อผู้นำองค์กรดิจิทัลดีเด่นพร้อมหลักฐาน',
      judging: 'ให้คะแนนการเสนอชื่อที่ได้รับมอบหมาย',
    },
  },
};
const en = {
  nav: { awards: 'Digital Government Awards', myAwards: 'Our awards', nominations: 'Award nominations', judging: 'DG Awards judging' },
  home: {
    cards: {
      awards: 'Award rules, decisions with reasons, approval, announcement and certificates',
      myAwards: 'Awards your organisation received, with certificates',
      nominations: 'Nominate an outstanding digital leader with evidence',
      judging: 'Score the nominations assigned to you',
    },
  },
};

function add(): void {
  i18n.addResourceBundle('th', 'translation', th, true, false);
  i18n.addResourceBundle('en', 'translation', en, true, false);
}

if (i18n.isInitialized) add();
else i18n.on('initialized', add);
