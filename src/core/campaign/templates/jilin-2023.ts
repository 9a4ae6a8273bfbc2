/**
 * 吉林省教育厅, the 2023 Jilin provincial call (sources/jilin-2023-notice.txt). It follows the national
 * 2023 notice (教职成厅函〔2023〕17号) and differs from the national 2024 template in: quotas for every
 * unit, three paper copies, no photo size rules, no video opening/ending rule, special picks as photos
 * *or* video, projects registered in the province, and forwarding to the national round.
 */
import { MAX_BYTES } from '#core/materials/limits.ts';
import type { MaterialSlotSpec } from '#core/materials/spec.ts';
import type { CampaignRules } from '../rules.ts';
import {
  CATEGORY_INFO,
  PROJECT_CONDITIONS,
  requiredForms,
  STAR_CONDITIONS,
  STAR_FOCUS_GROUPS,
  videoSlot,
  workSummarySlot,
} from './common.ts';

const range = (min: number, max: number) => ({ min, max });

/** The notice names no photo format: the template accepts JPEG and PNG. */
function photo(id: string, label: string, required: boolean, min: number, max: number): MaterialSlotSpec {
  return {
    id,
    label,
    kind: 'photo',
    formats: ['jpeg', 'png'],
    required,
    count: range(min, max),
    maxBytes: MAX_BYTES.photo,
    attestations: [],
  };
}

/** 相关照片(电子版,4-8张)或音像视频资料: either one, each complete when supplied. */
function specialMaterials(focus: string) {
  return {
    slots: [
      photo('photos', '相关照片', false, 4, 8),
      videoSlot({ required: false, label: '音像视频资料', attestations: [focus] }),
    ],
    atLeastOneOf: [['photos', 'video']],
  };
}

/** 各地各校根据实际情况可推介“百姓学习之星”6至10名、“终身学习品牌项目”5至8个 */
const everyUnit = { star: range(6, 10), project: range(5, 8) };

export const jilin2023: CampaignRules = {
  schemaVersion: 1,
  templateId: 'jilin-2023',
  year: 2023,
  level: 'provincial',
  title: '2023年吉林省“百姓学习之星”和“终身学习品牌项目”宣传推介',
  organisers: ['吉林省教育厅'],
  publishers: ['吉林省成人教育协会'],
  // The notice as received carries neither its own document number nor a date.
  documentNumber: null,
  issuedOn: null,
  deadline: { date: '2023-07-12', time: '23:59', timeFromNotice: false },
  categories: CATEGORY_INFO,
  quotas: {
    byUnitType: {
      city_edu: everyUnit,
      direct_admin_edu: everyUnit,
      university: everyUnit,
      other_unit: everyUnit,
    },
    unitOverrides: {},
  },
  specialPicks: { star: 1, project: 1 },
  forms: requiredForms(3),
  materials: {
    star: {
      slots: [
        photo('idPhoto', '2寸免冠彩色证件照', true, 1, 1),
        photo('activityPhoto', '精彩学习活动照片', true, 1, 1),
        videoSlot({ required: false }),
      ],
      atLeastOneOf: [],
    },
    project: {
      slots: [
        workSummarySlot(1500),
        photo('photos', '反映活动品牌项目的照片', true, 3, 5),
        videoSlot({ required: false }),
      ],
      atLeastOneOf: [],
    },
    specialStar: specialMaterials('重点介绍坚持读书学习人员的突出事迹'),
    specialProject: specialMaterials('重点介绍服务全民终身学习的典型案例'),
  },
  announcement: { workingDays: 5, startDay: 'counts_if_working_day', venue: '长春全民学习网' },
  eligibility: {
    star: {
      nationality: '中国',
      focusGroups: STAR_FOCUS_GROUPS,
      warnOfficialRank: true,
      conditions: STAR_CONDITIONS,
      excludePreviousWinners: true,
    },
    project: {
      registration: { scope: 'province', provinceCode: '22', provinceName: '吉林省' },
      minYearsRunning: 2,
      minParticipationsOffline: 1000,
      minParticipationsOnline: 3000,
      workSummaryChars: { target: 1500, min: 1200, max: 1800 },
      creditCheckMaxAgeDays: 90,
      conditions: PROJECT_CONDITIONS,
      excludePreviousWinners: true,
    },
  },
  contacts: [
    {
      organisation: '吉林省教育厅职业与成人教育处',
      topic: '',
      people: ['尚鹤龄'],
      phones: ['0431-88905322'],
      emails: ['jlqmx@126.com'],
      address: '长春市宽城区北京大街62号411室',
      postcode: '130051',
    },
    {
      organisation: '长春开放大学',
      topic: '',
      people: ['吴晓辉'],
      phones: ['0431-82857798', '19990521785'],
      emails: ['jlqmx@126.com'],
      address: '长春市宽城区北京大街62号411室',
      postcode: '130051',
    },
  ],
  submission: {
    onlineUrl: null,
    paperAddress: '长春市宽城区北京大街62号411室（130051）',
    electronicCopyByMail: false,
    lateCountsAsWithdrawn: false,
  },
  forwardsToNationalRound: true,
};
