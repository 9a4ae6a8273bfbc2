/**
 * The province a published list's 省份 column (or a reporting unit's name) points to, as the two-digit
 * code of GB/T 2260, so that 吉林, 吉林省 and 吉林省教育厅 are one province. 计划单列市 count with their
 * province; 新疆生产建设兵团 is its own reporting region (66), as in the national notice.
 */
const PROVINCES: readonly [string, string][] = [
  ['新疆生产建设兵团', '66'],
  ['兵团', '66'],
  ['北京', '11'],
  ['天津', '12'],
  ['河北', '13'],
  ['山西', '14'],
  ['内蒙古', '15'],
  ['辽宁', '21'],
  ['大连', '21'],
  ['吉林', '22'],
  ['黑龙江', '23'],
  ['上海', '31'],
  ['江苏', '32'],
  ['浙江', '33'],
  ['宁波', '33'],
  ['安徽', '34'],
  ['福建', '35'],
  ['厦门', '35'],
  ['江西', '36'],
  ['山东', '37'],
  ['青岛', '37'],
  ['河南', '41'],
  ['湖北', '42'],
  ['湖南', '43'],
  ['广东', '44'],
  ['深圳', '44'],
  ['广西', '45'],
  ['海南', '46'],
  ['重庆', '50'],
  ['四川', '51'],
  ['贵州', '52'],
  ['云南', '53'],
  ['西藏', '54'],
  ['陕西', '61'],
  ['甘肃', '62'],
  ['青海', '63'],
  ['宁夏', '64'],
  ['新疆', '65'],
];

/** The province a text starts with (吉林省, 吉林省教育厅, 吉林市教育局), or undefined. */
export function provinceOfText(text: string | undefined): string | undefined {
  const trimmed = (text ?? '').replace(/\s/g, '');
  return PROVINCES.find(([name]) => trimmed.startsWith(name))?.[1];
}

/** The province of a six-digit region code (220102 → 22). */
export function provinceOfRegion(regionCode: string | null | undefined): string | undefined {
  return regionCode && /^\d{2}/.test(regionCode) ? regionCode.slice(0, 2) : undefined;
}
