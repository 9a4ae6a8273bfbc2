/**
 * Previous-winner matching: 2,000 candidates (1,000 stars, 1,000 projects) against 10,000 registry
 * records. Machines differ, so every number is also a ratio against a baseline measured in this run:
 * exact Map lookups of ID numbers and credit codes only, the least any registry check must do.
 *
 * The fuzzy project-name rule (edit distance ≤ 2, or containment) compared naively is all pairs:
 * 1,000 × 5,000 similarKeys calls. The index instead keeps, per character pair (bigram), the records
 * whose programme key contains it, and compares only records that share enough bigrams to possibly
 * be similar (match-text.ts requiredSharedBigrams). That bound is exact, not a heuristic, so the index
 * finds the same matches as all pairs (checked below); the price is memory for the postings lists
 * and building the index once (timed below).
 *
 *   npm run bench -- previous-winners
 */
import { idCheckCharacter, normaliseIdentifier } from '#core/identity/index.ts';
import { normaliseForMatch, programmeKey, similarKeys } from '#core/nomination/match-text.ts';
import {
  buildWinnerIndex,
  type MatchCandidate,
  matchPreviousWinners,
  type PreviousWinnerRecord,
} from '#core/nomination/previous-winners.ts';

const RECORDS = 10_000;
const CANDIDATES = 2_000;
const RUNS = 5;

/** mulberry32: deterministic, so every run matches the same data. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = random(20240410);
const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
const pad = (n: number) => String(n).padStart(2, '0');

const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈',
];
const GIVEN = [...'伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国玉梅红春海燕志文淑珍'];
const PLACES = [
  '长春',
  '吉林',
  '四平',
  '延边',
  '白山',
  '松原',
  '通化',
  '辽源',
  '白城',
  '梅河口',
  '朝阳',
  '南关',
  '宽城',
  '绿园',
];
const THEMES = [
  '银龄',
  '书香',
  '乡村',
  '智慧助老',
  '红色',
  '非遗',
  '家风',
  '科普',
  '健康',
  '数字',
  '社区',
  '职工',
];
const FORMS = ['学堂', '课堂', '讲堂', '夜校', '读书会', '工作坊', '大讲堂', '学习圈', '服务队', '云课堂'];
const TAILS = ['', '项目', '学习项目', '终身学习品牌项目', '行动', '计划', '系列活动'];

function idNumber(): string {
  const first17 = `22${pad(1 + Math.floor(rand() * 9))}${pad(1 + Math.floor(rand() * 9))}19${50 + Math.floor(rand() * 50)}${pad(1 + Math.floor(rand() * 12))}${pad(1 + Math.floor(rand() * 28))}${String(Math.floor(rand() * 1000)).padStart(3, '0')}`;
  return first17 + idCheckCharacter(first17);
}
const creditCode = () =>
  `12220${String(Math.floor(rand() * 1e12)).padStart(12, '0')}${pick([...'0123456789ABCDEFGHJKLMNPQRTUWXY'])}`;
const personName = () => pick(SURNAMES) + pick(GIVEN) + (rand() < 0.7 ? pick(GIVEN) : '');
/** Real programme names are varied; a two-character qualifier makes about 400,000 distinct cores. */
const WORDS = [...'阳光幸福快乐和谐振兴启航追梦同心连心暖心知行博雅明德尚学润泽春风金秋夕阳晨曦'];
const programmeName = () =>
  `${rand() < 0.5 ? pick(PLACES) : ''}“${pick(THEMES)}${rand() < 0.8 ? pick(WORDS) + pick(WORDS) : ''}${pick(FORMS)}”${pick(TAILS)}`;

function record(i: number): PreviousWinnerRecord {
  const year = 2014 + (i % 10);
  const level = pick(['national', 'provincial', 'city'] as const);
  if (i % 2 === 0) {
    const id = rand() < 0.8 ? idNumber() : undefined;
    return {
      year,
      level,
      category: 'star',
      name: personName(),
      unit: `${pick(PLACES)}市某社区`,
      idNumber: id,
      birthDate: id ? `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}` : undefined,
    };
  }
  return {
    year,
    level,
    category: 'project',
    name: programmeName(),
    unit: `${pick(PLACES)}社区教育学院`,
    creditCode: creditCode(),
  };
}

const records = Array.from({ length: RECORDS }, (_, i) => record(i));

/** Traditional characters and decoration, as typed by some units. */
const TRADITIONAL: Record<string, string> = {
  书: '書',
  读: '讀',
  龄: '齡',
  学: '學',
  课: '課',
  讲: '講',
  会: '會',
  区: '區',
};
const disguise = (name: string) => `《${[...name].map((c) => TRADITIONAL[c] ?? c).join('')}》`;

function candidate(i: number): MatchCandidate {
  // About one in ten repeats a registry record, exactly or disguised; the rest are new.
  const source = records[Math.floor(rand() * RECORDS)]!;
  const category = i % 2 === 0 ? 'star' : 'project';
  const repeat = rand() < 0.1 && source.category === category;
  if (category === 'star') {
    return repeat
      ? {
          category,
          name: source.name,
          idNumber: source.idNumber,
          birthDate: source.birthDate,
          unit: source.unit,
        }
      : { category, name: personName(), idNumber: idNumber(), unit: `${pick(PLACES)}市某社区` };
  }
  return repeat
    ? { category, name: disguise(source.name), creditCode: source.creditCode, unit: source.unit }
    : { category, name: programmeName(), creditCode: creditCode(), unit: `${pick(PLACES)}社区教育学院` };
}
const candidates = Array.from({ length: CANDIDATES }, (_, i) => candidate(i));

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
}
function time(run: () => number, runs = RUNS): { ms: number; result: number } {
  run();
  const times: number[] = [];
  let result = 0;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    result = run();
    times.push(performance.now() - start);
  }
  return { ms: median(times), result };
}

// Baseline: exact lookups of identifiers only, maps built beforehand.
const byIdentifier = new Map<string, number>();
records.forEach((r, i) => {
  for (const key of [r.idNumber, r.creditCode]) if (key) byIdentifier.set(normaliseIdentifier(key), i);
});
function baseline(): number {
  let hits = 0;
  for (const c of candidates) {
    const key = c.idNumber ?? c.creditCode;
    if (key && byIdentifier.has(normaliseIdentifier(key))) hits++;
  }
  return hits;
}

const index = buildWinnerIndex(records);
function indexed(): number {
  let findings = 0;
  for (const c of candidates) findings += matchPreviousWinners(c, index).length;
  return findings;
}

/** All pairs, with every record's normalised forms computed once beforehand (the fair comparison). */
const prepared = records.map((r) => ({
  r,
  id: normaliseIdentifier(r.idNumber ?? ''),
  code: normaliseIdentifier(r.creditCode ?? ''),
  name: normaliseForMatch(r.name),
  key: r.category === 'project' ? programmeKey(r.name) : '',
  unit: normaliseForMatch(r.unit ?? ''),
}));
function allPairs(): number {
  let findings = 0;
  for (const c of candidates) {
    const id = normaliseIdentifier(c.idNumber ?? '');
    const code = normaliseIdentifier(c.creditCode ?? '');
    const name = normaliseForMatch(c.name ?? '');
    const key = c.category === 'project' ? programmeKey(c.name ?? '') : '';
    const unit = normaliseForMatch(c.unit ?? '');
    for (const p of prepared) {
      if (p.r.category !== c.category) continue;
      if (c.category === 'star') {
        const sameName = name !== '' && p.name === name;
        if (
          (id !== '' && p.id === id) ||
          (sameName && ((c.birthDate && p.r.birthDate === c.birthDate) || (unit !== '' && p.unit === unit)))
        ) {
          findings++;
        }
      } else if ((code !== '' && p.code === code) || (key !== '' && similarKeys(key, p.key))) {
        findings++;
      }
    }
  }
  return findings;
}

const base = time(baseline);
const build = time(() => buildWinnerIndex(records).records.length, 3);
const fast = time(indexed);
const naive = time(allPairs, 1);
const fmt = (n: number) => n.toFixed(2);
const ratio = (n: number) => fmt(n / Math.max(base.ms, 0.001));

console.log(
  `往届获奖比对基准：${CANDIDATES.toLocaleString('en-US')} 个候选（人员、项目各半）对 ${RECORDS.toLocaleString('en-US')} 条记录`,
);
console.log(`  基线（只按身份证号/信用代码精确查找）：${fmt(base.ms)} ms，命中 ${base.result}`);
console.log(`  建立索引（规范化 + 二元组倒排）：${fmt(build.ms)} ms，为基线的 ${ratio(build.ms)} 倍`);
console.log(
  `  索引比对（含近似项目名称）：${fmt(fast.ms)} ms，为基线的 ${ratio(fast.ms)} 倍；每个候选 ${fmt((fast.ms * 1000) / CANDIDATES)} µs，共 ${fast.result} 条提示`,
);
console.log(
  `  逐对比对（不建索引）：${fmt(naive.ms)} ms，为基线的 ${ratio(naive.ms)} 倍，共 ${naive.result} 条提示`,
);
console.log(
  `  索引比逐对快 ${fmt(naive.ms / Math.max(fast.ms, 0.001))} 倍；两者结果${naive.result === fast.result ? '一致' : '不一致（有误！）'}`,
);
if (naive.result !== fast.result) process.exitCode = 1;
