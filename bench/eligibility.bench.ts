/**
 * Eligibility + identity checks over 10,000 fictional nominations (5,000 stars, 5,000 projects),
 * against the goal of 200 ms. Machines differ, so the run also times a baseline loop that only
 * reads each record's fields, and every number printed is a ratio measured in this one run.
 *
 *   npm run bench -- eligibility
 */

import { getTemplate } from '#core/campaign/templates/index.ts';
import {
  countChineseText,
  creditCodeCheckCharacter,
  idCheckCharacter,
  parseIdNumber,
  parsePhone,
} from '#core/identity/index.ts';
import {
  checkProjectEligibility,
  checkStarEligibility,
  type ProjectEligibilityInput,
  type StarEligibilityInput,
} from '#core/nomination/eligibility/index.ts';
import { seededRandom } from '#core/review/seeded-random.ts';

const GOAL_MS = 200;
const RECORDS = 10_000;
const RUNS = 7;
const TODAY = '2024-04-01';

const rand = seededRandom(20240410);
const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
const digits = (n: number) => Array.from({ length: n }, () => Math.floor(rand() * 10)).join('');
const pad = (n: number) => String(n).padStart(2, '0');

type StarRecord = StarEligibilityInput & { idNumber: string; phone: string };
type ProjectRecord = ProjectEligibilityInput & { contactPhone: string };

const GROUPS = ['基层员工', '社区居民', '乡村农民', '退役军人', '老年人', '残疾人'];
const SUMMARY_SENTENCE =
  '本项目坚持面向社区居民开展读书分享、技能培训和老年教育活动，2023年累计开展活动120场。';
const SUMMARIES = [30, 34, 38, 42, 46].map((n) => SUMMARY_SENTENCE.repeat(n));

function idNumber(): string {
  const first17 = `2201${pad(1 + Math.floor(rand() * 5))}19${50 + Math.floor(rand() * 50)}${pad(1 + Math.floor(rand() * 12))}${pad(1 + Math.floor(rand() * 28))}${digits(3)}`;
  // About one in ten is mistyped, as real forms are.
  return rand() < 0.9 ? first17 + idCheckCharacter(first17) : `${first17}0`;
}

function creditCode(): string {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const body = Array.from({ length: 9 }, () => pick([...alphabet])).join('');
  const first17 = `${pick(['91', '52', '12'])}${pick(['220102', '220104', '110108'])}${body}`;
  return rand() < 0.95 ? first17 + creditCodeCheckCharacter(first17) : `${first17}0`;
}

function star(): StarRecord {
  return {
    nationality: rand() < 0.98 ? '中国' : '美国',
    noMisconductAttested: rand() < 0.97,
    isCountyLevelOfficialOrAbove: rand() < 0.03,
    focusGroups: rand() < 0.9 ? [pick(GROUPS)] : [],
    conditionsAttested: [true, true, true, rand() < 0.95],
    previousWinner: rand() < 0.01,
    idNumber: idNumber(),
    phone: `1${pick(['3', '5', '8'])}${digits(9)}`,
  };
}

function project(): ProjectRecord {
  return {
    today: TODAY,
    programmeName: pick(['“银龄学堂”老年教育项目', '书香社区全民阅读推广', '社区教育服务中心', '乡村夜校']),
    entity: { name: '长春市某社区教育学院', creditCode: creditCode() },
    creditRecord: {
      attested: rand() < 0.97,
      checkedOn: `2024-0${1 + Math.floor(rand() * 4)}-${pad(1 + Math.floor(rand() * 28))}`,
    },
    startDate: `${2015 + Math.floor(rand() * 10)}-${pad(1 + Math.floor(rand() * 12))}`,
    participationsOffline: rand() < 0.5 ? Math.floor(rand() * 5000) : null,
    participationsOnline: rand() < 0.5 ? String(Math.floor(rand() * 20000)) : '1.2万',
    workSummary: pick(SUMMARIES),
    conditionsAttested: [true, true, true, true, true],
    previousWinner: rand() < 0.01,
    contactPhone: `0431-${digits(8)}`,
  };
}

const stars = Array.from({ length: RECORDS / 2 }, star);
const projects = Array.from({ length: RECORDS / 2 }, project);
const rules = getTemplate('jilin-2023')!;

/** Reads every field the checks read, so the baseline pays for walking the same data. */
function baseline(): number {
  let total = 0;
  for (const s of stars) {
    total +=
      s.nationality.length +
      s.focusGroups.length +
      s.conditionsAttested.length +
      s.idNumber.length +
      s.phone.length;
    total += s.noMisconductAttested ? 1 : 0;
  }
  for (const p of projects) {
    total += p.programmeName.length + p.entity.creditCode.length + p.creditRecord.checkedOn.length;
    total += p.startDate.length + p.workSummary.length + p.contactPhone.length + p.conditionsAttested.length;
  }
  return total;
}

function checks(): number {
  let findings = 0;
  for (const s of stars) {
    findings += checkStarEligibility(s, rules).length;
    findings += parseIdNumber(s.idNumber, TODAY).findings.length;
    findings += parsePhone(s.phone).findings.length;
  }
  for (const p of projects) {
    findings += checkProjectEligibility(p, rules).length;
    findings += parsePhone(p.contactPhone).findings.length;
  }
  return findings;
}

/** The work-summary count alone, to show how much of the total it is. */
function summaryCounts(): number {
  let total = 0;
  for (const p of projects) total += countChineseText(p.workSummary);
  return total;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function time(run: () => number): { ms: number; result: number } {
  run(); // warm-up: let the JIT compile before measuring
  const times: number[] = [];
  let result = 0;
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    result = run();
    times.push(performance.now() - start);
  }
  return { ms: median(times), result };
}

const base = time(baseline);
const measured = time(checks);
const counting = time(summaryCounts);
const fmt = (n: number) => n.toFixed(2);

console.log(
  `资格与身份校验基准：${RECORDS.toLocaleString('en-US')} 条虚构推介（百姓学习之星、品牌项目各半），取 ${RUNS} 次中位数`,
);
console.log(`  基线（只读取每条记录的字段）：${fmt(base.ms)} ms`);
console.log(
  `  资格 + 身份校验：${fmt(measured.ms)} ms，共 ${measured.result} 条提示；每条记录 ${fmt((measured.ms * 1000) / RECORDS)} µs`,
);
console.log(
  `  其中工作总结字数统计（countChineseText，${(RECORDS / 2).toLocaleString('en-US')} 篇约 1,500 字）：${fmt(counting.ms)} ms，占 ${fmt((100 * counting.ms) / measured.ms)}%`,
);
console.log(`  与基线之比：${fmt(measured.ms / Math.max(base.ms, 0.001))} 倍`);
console.log(
  `  与目标 ${GOAL_MS} ms 之比：${fmt(measured.ms / GOAL_MS)}（${measured.ms <= GOAL_MS ? '达标' : '未达标'}，小于 1 即达标）`,
);
