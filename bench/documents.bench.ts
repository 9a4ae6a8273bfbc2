/**
 * Official documents for a whole round: N nominations (half stars, half projects) to 推介表 DOCX, plus
 * the 推介登记表 XLSX of 25 units per category, in memory. Goal (the issue): 500 nominations in under
 * 30 s with peak memory under 500 MB. The run also does 100 first and prints how time grows from 100 to
 * 500: about 5× means linear, more means something is quadratic. PDF is not timed here: it depends on
 * LibreOffice, about a second per form, and runs two at a time (convert-to-pdf.ts).
 *
 *   npm run bench -- documents
 */
import { getTemplate } from '#core/campaign/templates/index.ts';
import {
  defaultProjectLayout,
  defaultStarLayout,
  projectFormValues,
  type RegistrationEntry,
  registrationSheet,
  starFormValues,
} from '#core/documents/index.ts';
import { projectForm, starForm } from '#core/nomination/forms/fixtures.test-support.ts';
import { renderFormDocx } from '#server/platform/documents/render-form-docx.ts';
import { renderRegistrationXlsx } from '#server/platform/documents/render-registration-xlsx.ts';

const GOAL_MS = 30_000;
const GOAL_MB = 500;
const UNITS = 25;
const rules = getTemplate('national-2024')!;
const options = { maskPersonalData: false };
const starLayout = defaultStarLayout(rules);
const projectLayout = defaultProjectLayout(rules);

let peakRss = process.memoryUsage().rss;
const sample = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 20);

/** A realistic story: about 1,500 characters, a few paragraphs; every 50th a 5,000-character one. */
function story(i: number): string {
  const paragraph = `第${i}位推介对象坚持学习，创办社区读书会，带动邻里参与终身学习活动。`.repeat(12);
  return Array.from({ length: i % 50 === 0 ? 14 : 4 }, () => paragraph).join('\n');
}

async function round(n: number) {
  const started = performance.now();
  let bytes = 0;
  const entries: Record<'star' | 'project', RegistrationEntry[][]> = {
    star: Array.from({ length: UNITS }, () => []),
    project: Array.from({ length: UNITS }, () => []),
  };
  for (let i = 0; i < n; i++) {
    const isStar = i % 2 === 0;
    const values = isStar
      ? starFormValues(starForm({ name: `学习之星${i}号`, story: story(i) }), options)
      : projectFormValues(projectForm({ name: `第${i}号品牌项目`, results: story(i) }), options);
    bytes += (await renderFormDocx(isStar ? starLayout : projectLayout, values)).length;
    const list = entries[isStar ? 'star' : 'project'][i % UNITS]!;
    list.push({ id: String(i), rank: list.length + 1, special: list.length === 0, values });
  }
  for (const category of ['star', 'project'] as const) {
    const sheets = entries[category].map((list, u) =>
      registrationSheet(list, { category, rules, unitName: `报送单位${u + 1}` }),
    );
    bytes += (await renderRegistrationXlsx(sheets)).length;
  }
  return { ms: performance.now() - started, mb: bytes / 1e6 };
}

await round(20); // warm-up: module loading and JIT are not what is measured
const small = await round(100);
const large = await round(500);
clearInterval(sample);
peakRss = Math.max(peakRss, process.memoryUsage().rss);

const peakMb = peakRss / 1024 / 1024;
console.log(`100 份推介表 + 登记表：${small.ms.toFixed(0)} ms（${small.mb.toFixed(1)} MB 文件）`);
console.log(
  `500 份推介表 + 登记表：${large.ms.toFixed(0)} ms（${large.mb.toFixed(1)} MB 文件），每份 ${(large.ms / 500).toFixed(1)} ms`,
);
console.log(`500 / 100 用时之比：${(large.ms / small.ms).toFixed(2)}（线性约为 5）`);
console.log(`内存峰值（RSS）：${peakMb.toFixed(0)} MB`);
console.log(
  `目标：500 份 < ${GOAL_MS / 1000} s ${large.ms < GOAL_MS ? '达到' : '未达到'}；内存 < ${GOAL_MB} MB ${peakMb < GOAL_MB ? '达到' : '未达到'}`,
);
if (large.ms >= GOAL_MS || peakMb >= GOAL_MB) process.exitCode = 1;
