/**
 * 中成协〔2024〕023号: the 2024 national call (sources/national-2024-notice.txt). Every number here is
 * asserted against the notice's own sentences in templates.test.ts.
 */
import { MAX_BYTES } from '#core/materials/limits.ts';
import { type MaterialSlotSpec, MEBIBYTE } from '#core/materials/spec.ts';
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
const both = (min: number, max: number) => ({ star: range(min, max), project: range(min, max) });

/** 片头10秒，片尾5秒，视频不能带有台标、logo等标识; 视频请拷贝原视频. "技术要求同上" carries it everywhere. */
function nationalVideo(required: boolean, focus?: string): MaterialSlotSpec {
  const attestations = ['片头10秒，片尾5秒', '视频不带有台标、logo等标识', '提交原视频（未经二次压缩）'];
  return videoSlot({
    required,
    extra: { openingSeconds: 10, endingSeconds: 5 },
    attestations: focus ? [...attestations, focus] : attestations,
  });
}

/** jpg格式的文件，单张图片文件不小于5MB，分辨率不低于300dpi，图中主元素要清晰 */
function starPhoto(id: string, label: string): MaterialSlotSpec {
  return {
    id,
    label,
    kind: 'photo',
    formats: ['jpeg'],
    required: true,
    count: range(1, 1),
    minBytes: 5 * MEBIBYTE,
    maxBytes: MAX_BYTES.photo,
    minDpi: 300,
    attestations: ['图中主元素清晰'],
  };
}

/** 照片电子版3-5张和视频资料: the notice gives no photo format or size here, only the count. */
function specialMaterials(focus: string) {
  return {
    slots: [
      {
        id: 'photos',
        label: '照片',
        kind: 'photo' as const,
        formats: ['jpeg' as const, 'png' as const],
        required: true,
        count: range(3, 5),
        maxBytes: MAX_BYTES.photo,
        attestations: [],
      },
      nationalVideo(true, focus),
    ],
    atLeastOneOf: [],
  };
}

export const national2024: CampaignRules = {
  schemaVersion: 1,
  templateId: 'national-2024',
  year: 2024,
  level: 'national',
  title: '2024年全国新时代“百姓学习之星”和“终身学习品牌项目”宣传推介',
  organisers: ['中国成人教育协会'],
  publishers: ['全民终身学习活动周领导小组', '中国成人教育协会'],
  documentNumber: '中成协〔2024〕023号',
  issuedOn: '2024-03-20',
  deadline: { date: '2024-04-10', time: '23:59', timeFromNotice: false },
  categories: CATEGORY_INFO,
  quotas: {
    byUnitType: {
      provincial_edu: both(3, 5),
      planned_city_edu: both(1, 3),
      corps_edu: both(1, 3),
      trade_union: both(5, 10),
      senior_university: both(1, 1),
      association_branch: both(1, 1),
      enterprise: both(1, 3),
    },
    unitOverrides: {},
  },
  specialPicks: { star: 1, project: 1 },
  forms: requiredForms(2),
  materials: {
    star: {
      slots: [
        starPhoto('idPhoto', '2寸免冠彩色证件照'),
        starPhoto('photo', '个人照片'),
        nationalVideo(false),
      ],
      atLeastOneOf: [],
    },
    project: {
      slots: [
        workSummarySlot(1500),
        {
          id: 'photos',
          label: '反映活动品牌项目的照片',
          kind: 'photo',
          formats: ['jpeg', 'png'],
          required: true,
          count: range(3, 5),
          minBytes: 1 * MEBIBYTE,
          maxBytes: MAX_BYTES.photo,
          attestations: [],
        },
        nationalVideo(false),
      ],
      atLeastOneOf: [],
    },
    specialStar: specialMaterials('重点介绍坚持读书学习人员的突出事迹'),
    specialProject: specialMaterials('重点介绍服务全民终身学习的典型案例'),
  },
  announcement: { workingDays: 5, startDay: 'counts_if_working_day', venue: '中国成人教育协会官网' },
  eligibility: {
    star: {
      nationality: '中国',
      focusGroups: STAR_FOCUS_GROUPS,
      warnOfficialRank: true,
      conditions: STAR_CONDITIONS,
      excludePreviousWinners: true,
    },
    project: {
      registration: { scope: 'china' },
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
      organisation: '教育部职业教育与成人教育司',
      topic: '',
      people: ['李勖晟', '王立'],
      phones: ['010-66097704'],
      emails: [],
      address: null,
      postcode: null,
    },
    {
      organisation: '中国成人教育协会',
      topic: '材料报送',
      people: ['黄晓晨', '关昀'],
      phones: ['010-58582578', '13601198336'],
      emails: ['caeabgs@126.com'],
      address: '北京市西城区德胜门外大街4号院高等教育出版社综技楼104室',
      postcode: '100120',
    },
    {
      // The notice names no body here, only the platform and the 中国成协 site to ask through.
      organisation: '',
      topic: '技术咨询（网上提交材料的用户名、密码和技术问题）',
      people: ['李荣华'],
      phones: ['13811473279'],
      emails: ['pengfang@enaea.edu.cn'],
      address: null,
      postcode: null,
    },
  ],
  submission: {
    onlineUrl: 'http://www.goschool.org.cn',
    paperAddress: '北京市西城区德胜门外大街4号院高等教育出版社综技楼104室 中国成人教育协会（100120）',
    electronicCopyByMail: true,
    lateCountsAsWithdrawn: true,
  },
  forwardsToNationalRound: false,
};
