import { provinceOfRegion, provinceOfText } from './province.ts';

/** A province given as a GB/T 2260 code (22, 220000, 220102) or a name (吉林省, 宁波市) as its 2-digit code. */
export function provinceCode(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  return /^\d{2}/.test(trimmed) ? provinceOfRegion(trimmed) : provinceOfText(trimmed);
}

/** GB/T 2260 province codes and the names officials write. */
export const PROVINCE_NAMES: Record<string, string> = {
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

/** A province (code or name, as provinceCode reads it) as officials write it: 22 → 吉林省. */
export function provinceName(value: string | null | undefined): string | null {
  const code = provinceCode(value);
  return code ? (PROVINCE_NAMES[code] ?? null) : null;
}
