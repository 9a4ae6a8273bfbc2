/**
 * What a programme's name is made of, for matching short names with the care long ones get: a
 * place in front (长春市朝阳区乐龄学堂 is 乐龄学堂 run in 朝阳区) does not make another programme, and a
 * name made only of the field's common words (读书会, 社区教育, 老年大学, 市民学校) names no programme in
 * particular, so it is never found inside another name. Works on programme keys (match-text.ts).
 */

/**
 * The common words of lifelong-learning programme names. Coined words that programmes are known by
 * (乐龄, 银龄, 夕阳红, 书香) are deliberately absent: 乐龄学堂 names a programme, 社区学堂 does not.
 */
const COMMON_WORDS = [
  '社区',
  '街道',
  '乡村',
  '农村',
  '城市',
  '教育',
  '学习',
  '终身',
  '全民',
  '老年',
  '老年人',
  '大学',
  '学校',
  '学院',
  '课堂',
  '讲堂',
  '学堂',
  '书屋',
  '书院',
  '书房',
  '读书',
  '读书会',
  '阅读',
  '家长',
  '市民',
  '百姓',
  '居民',
  '农民',
  '职工',
  '培训',
  '夜校',
  '文化',
  '志愿',
  '志愿者',
  '服务',
  '服务队',
  '活动',
  '项目',
  '计划',
  '工程',
  '行动',
  '中心',
  '家庭',
  '亲子',
  '科普',
  '技能',
  '讲座',
  '推广',
  '品牌',
  '学习型',
  '的',
  '之',
  '与',
  '和',
] as const;

const WORDS = new Set<string>(COMMON_WORDS);
const LONGEST_WORD = Math.max(...COMMON_WORDS.map((w) => w.length));

/** True when the key is nothing but common words (读书会, 社区教育, 老年大学), or one or two characters. */
export function isCommonName(key: string): boolean {
  const chars = [...key];
  if (chars.length <= 2) return true;
  // reachable[i]: the first i characters split into common words.
  const reachable = [true, ...chars.map(() => false)];
  for (let i = 0; i < chars.length; i++) {
    if (!reachable[i]) continue;
    for (let n = 1; n <= LONGEST_WORD && i + n <= chars.length; n++) {
      if (WORDS.has(chars.slice(i, i + n).join(''))) reachable[i + n] = true;
    }
  }
  return reachable[chars.length]!;
}

/**
 * Administrative places as they stand before a programme's name: one or more of 吉林省, 长春市, 朝阳区,
 * 延边朝鲜族自治州, 某某县, 某某镇, 某某街道, each at least three characters (城市书房 does not start with
 * a place called 城市).
 */
const PLACES =
  /^(?:\p{Script=Han}{2,10}?(?:自治区|自治州|自治县|特别行政区|省|市|州|盟|地区|区|县|旗|镇|乡|街道))+$/u;

export function isPlacePrefix(text: string): boolean {
  return PLACES.test(text);
}

/** `longer` is `shorter` with a place in front: 长春市朝阳区乐龄学堂 / 乐龄学堂. */
export function placedBefore(shorter: string, longer: string): boolean {
  return (
    longer.length > shorter.length &&
    longer.endsWith(shorter) &&
    isPlacePrefix(longer.slice(0, longer.length - shorter.length))
  );
}
