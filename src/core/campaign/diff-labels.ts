/**
 * Chinese names for the places in CampaignRules, so a change reads as 省级教育行政部门“百姓学习之星”名额
 * rather than quotas.byUnitType.provincial_edu.star. Unknown keys fall back to the key itself: a new field
 * then still shows up in the diff, just less prettily.
 */
import { formatDate, formatRange } from './format.ts';
import { CAMPAIGN_LEVEL_LABELS, type CampaignRules, type Category, type Contact } from './rules.ts';
import { isOrganisationType, organisationTypeLabel } from './unit-types.ts';

const FIELD_LABELS: Record<string, string> = {
  year: '年度',
  level: '活动级别',
  title: '活动名称',
  organisers: '组织单位',
  publishers: '公布名义',
  documentNumber: '文号',
  issuedOn: '发文日期',
  templateId: '模板',
  'deadline.date': '截止日期',
  'deadline.time': '截止时间',
  'deadline.timeFromNotice': '截止时间是否由通知规定',
  'announcement.workingDays': '公示工作日数',
  'announcement.startDay': '公示首日是否计入',
  'announcement.venue': '公示网站',
  'eligibility.star.nationality': '国籍要求',
  'eligibility.star.focusGroups': '重点面向群体',
  'eligibility.star.warnOfficialRank': '县处级及以上领导干部提示',
  'eligibility.star.conditions': '百姓学习之星推介条件',
  'eligibility.star.excludePreviousWinners': '往年获评人员不再推介',
  'eligibility.project.registration': '项目实施主体注册地要求',
  'eligibility.project.minYearsRunning': '项目最短运行年限',
  'eligibility.project.minParticipationsOffline': '线下年参与人次下限',
  'eligibility.project.minParticipationsOnline': '线上年参与人次下限',
  'eligibility.project.workSummaryChars': '工作总结字数',
  'eligibility.project.creditCheckMaxAgeDays': '信用查询有效天数',
  'eligibility.project.conditions': '终身学习品牌项目推介条件',
  'eligibility.project.excludePreviousWinners': '往年获评项目不再推介',
  'submission.onlineUrl': '网上报送平台',
  'submission.paperAddress': '纸质材料邮寄地址',
  'submission.electronicCopyByMail': '电子材料是否需一并邮寄',
  'submission.lateCountsAsWithdrawn': '逾期视为自动放弃',
  forwardsToNationalRound: '入选者推荐参加全国推介',
  supervision: '上级单位只读查看',
  'supervision.parentMayView': '上级单位可只读查看（个人信息隐去）',
};

const MATERIAL_SETS: Record<string, string> = {
  star: '百姓学习之星材料',
  project: '终身学习品牌项目材料',
  specialStar: '特别推介（百姓学习之星）材料',
  specialProject: '特别推介（终身学习品牌项目）材料',
};

const SLOT_FIELDS: Record<string, string> = {
  label: '名称',
  kind: '类型',
  formats: '格式',
  required: '是否必交',
  count: '数量',
  minBytes: '单个文件最小',
  maxBytes: '单个文件上限',
  minDpi: '最低分辨率（dpi）',
  width: '宽度（像素）',
  height: '高度（像素）',
  fps: '帧率',
  videoCodec: '视频编码',
  durationSeconds: '时长（秒）',
  openingSeconds: '片头（秒）',
  endingSeconds: '片尾（秒）',
  attestations: '需承诺事项',
};

function categoryLabel(rules: CampaignRules, category: string): string {
  const info = rules.categories[category as Category];
  return info ? `“${info.label}”` : category;
}

/** `path` is the list of keys from the root; array items matched by id appear as their id. */
export function labelFor(rules: CampaignRules, path: string[]): string {
  const [head, a, b, c, d] = path;
  if (head === 'quotas' && a === 'byUnitType' && b) {
    const unit = isOrganisationType(b) ? organisationTypeLabel(b) : b;
    return c ? `${unit}${categoryLabel(rules, c)}名额` : `${unit}名额`;
  }
  if (head === 'quotas' && a === 'unitOverrides' && b) {
    return `单位（${b}）单独设置的${c ? categoryLabel(rules, c) : ''}名额`;
  }
  if (head === 'specialPicks' && a) return `每单位特别推介${categoryLabel(rules, a)}数`;
  if (head === 'categories' && a) return `类别${categoryLabel(rules, a)}的${b ?? ''}名称`;
  if (head === 'forms' && a) {
    const form = rules.forms.find((f) => f.id === a);
    return `${form?.title ?? a}${b === 'paperCopies' ? '纸质份数' : (b ?? '')}`;
  }
  if (head === 'materials' && a) {
    const set = MATERIAL_SETS[a] ?? a;
    if (b !== 'slots' || !c) return `${set}${b === 'atLeastOneOf' ? '“至少提交其一”规则' : ''}`;
    const slot = rules.materials[a as keyof CampaignRules['materials']]?.slots.find((s) => s.id === c);
    return `${set}·${slot?.label ?? c}${d ? `·${SLOT_FIELDS[d] ?? d}` : ''}`;
  }
  if (head === 'contacts') return `联系方式${a ? `第${Number(a) + 1}项` : ''}`;
  return FIELD_LABELS[path.join('.')] ?? path.join('.');
}

function describeContact(contact: Contact): string {
  return [
    contact.organisation,
    contact.people.join('、'),
    contact.phones.join('；'),
    contact.emails.join('；'),
  ]
    .filter((part) => part !== '')
    .join(' ');
}

function isRange(value: unknown): value is { min: number; max: number } {
  return typeof value === 'object' && value !== null && 'min' in value && 'max' in value;
}

/** Stored enum values in words. */
const VALUE_LABELS: Record<string, string> = {
  ...CAMPAIGN_LEVEL_LABELS,
  counts_if_working_day: '首日为工作日时计入',
  never_counts: '首日不计入',
  photo: '照片',
  video: '视频',
  document: '文档',
};

/** `key` is the last path segment, for values whose unit lives in the key (minBytes). */
export function formatValue(value: unknown, key = ''): string {
  if (value === null || value === undefined) return '未设置';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'number' && (key === 'minBytes' || key === 'maxBytes'))
    return `${Number((value / 1024 / 1024).toFixed(2))}MB`;
  if (typeof value === 'string') {
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value);
    return VALUE_LABELS[value] ?? `“${value}”`;
  }
  if (Array.isArray(value))
    return value.length === 0 ? '无' : value.map((item) => formatValue(item)).join('、');
  if (isRange(value)) return formatRange(value);
  if (typeof value === 'object' && 'people' in value) return describeContact(value as Contact);
  if (typeof value === 'object' && 'label' in value) return `“${String(value.label)}”`;
  if (typeof value === 'object' && 'title' in value) return String(value.title);
  if (typeof value === 'object' && 'scope' in value) {
    return 'provinceName' in value
      ? `${String(value.provinceName)}内依法注册或登记`
      : '我国境内依法注册或登记';
  }
  return String(value);
}
