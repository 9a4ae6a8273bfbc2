/**
 * The review setup as the organiser's screens read it: the pool with masked ID numbers and province
 * names, rounds with their progress and the moves the round table offers (house rules 1 and 4).
 */
import type { Category } from '#core/campaign/rules.ts';
import type { PoolExpert, ReviewRound } from '#core/contract/review-setup.ts';
import { maskIdNumber } from '#core/identity/id-number.ts';
import type { DeclaredRelation } from '#core/review/conflict-facts.ts';
import { provinceCode } from '#core/review/province-code.ts';
import { ROUND_STATES, ROUND_TRANSITIONS } from '#core/review/round-states.ts';
import type { PoolRow } from './pool-queries.ts';
import type { RoundRow } from './transition-round.ts';

export const PANEL_LABELS: Record<Category, string> = { star: '百姓学习之星', project: '终身学习品牌项目' };

/** GB/T 2260 province codes and the names officials write. */
const PROVINCE_NAMES: Record<string, string> = {
  '11': '北京市',
  '12': '天津市',
  '13': '河北省',
  '14': '山西省',
  '15': '内蒙古自治区',
  '21': '辽宁省',
  '22': '吉林省',
  '23': '黑龙江省',
  '31': '上海市',
  '32': '江苏省',
  '33': '浙江省',
  '34': '安徽省',
  '35': '福建省',
  '36': '江西省',
  '37': '山东省',
  '41': '河南省',
  '42': '湖北省',
  '43': '湖南省',
  '44': '广东省',
  '45': '广西壮族自治区',
  '46': '海南省',
  '50': '重庆市',
  '51': '四川省',
  '52': '贵州省',
  '53': '云南省',
  '54': '西藏自治区',
  '61': '陕西省',
  '62': '甘肃省',
  '63': '青海省',
  '64': '宁夏回族自治区',
  '65': '新疆维吾尔自治区',
  '66': '新疆生产建设兵团',
  '71': '台湾省',
  '81': '香港特别行政区',
  '82': '澳门特别行政区',
};

export function provinceName(value: string | null | undefined): string | null {
  const code = provinceCode(value);
  return code ? (PROVINCE_NAMES[code] ?? null) : null;
}

export function presentPoolExpert(row: PoolRow, conflicts: number): PoolExpert {
  return {
    expertId: row.expertId,
    name: row.name,
    username: row.username,
    organisationName: row.organisationName,
    panels: row.panels,
    chairOf: row.chairOf,
    employerName: row.employerName,
    employerCreditCode: row.employerCreditCode,
    province: row.province,
    provinceName: provinceName(row.province),
    field: row.field,
    idNumberMasked: row.idNumber ? maskIdNumber(row.idNumber) : null,
    minLoad: row.minLoad,
    maxLoad: row.maxLoad,
    relations: (row.relations ?? []) as DeclaredRelation[] as PoolExpert['relations'],
    conflicts,
    version: row.version,
  };
}

export function presentRound(
  row: RoundRow,
  expertIds: string[],
  progress: { assigned: number; submitted: number },
): ReviewRound {
  return {
    id: row.id,
    position: row.position,
    name: row.name,
    kind: row.kind,
    state: row.state,
    stateLabel: ROUND_STATES[row.state],
    opensOn: row.opensOn,
    closesAt: new Date(row.closesAt).toISOString(),
    reviewsPerNomination: row.reviewsPerNomination,
    blindFields: row.blindFields,
    showOthersAfterSubmit: row.showOthersAfterSubmit,
    expertIds,
    assignmentSeed: row.assignmentSeed,
    progress,
    moves: ROUND_TRANSITIONS.filter((t) => t.from === row.state).map((t) => ({ to: t.to, label: t.label })),
    version: row.version,
  };
}
