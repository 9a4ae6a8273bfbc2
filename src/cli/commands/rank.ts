/**
 * `tuijie rank SCORES.csv --method mean|trimmed|zscore [--json]`: the ranking of a score sheet from a
 * meeting, with the same core functions as the platform. Exit 0 with the ranking; 1 when the sheet has
 * errors (each with its line number); 2 when the file cannot be read or the command is called wrongly.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import {
  aggregateReviews,
  FALLBACK_REASON_LABELS,
  RANKING_METHOD_LABELS,
  RANKING_METHODS,
  type RankingMethod,
  rankNominations,
} from '#core/review/ranking.ts';
import { readScoreSheet } from '#core/review/score-sheet.ts';
import { describeArgsError, formatFindings, printJson, printUsageError } from '../print-findings.ts';

export const summary = '按评分表（CSV）计算推介排名：平均分、去极值平均分或按专家标准化';

const USAGE = '用法：tuijie rank 评分表.csv [--method mean|trimmed|zscore] [--json]';
const HELP = `${USAGE}
  评分表为 UTF-8 编码的 CSV，表头 nomination,expert,criterion,score,max,weight，每个评分项一行
  --method  mean 平均分（默认）；trimmed 评审不少于5份时去掉一个最高分和一个最低分；zscore 按专家标准化
  --json    以 JSON 输出`;

const round = (value: number) => Math.round(value * 10_000) / 10_000;
const fixed = (value: number) => value.toFixed(2);

async function readSheetText(file: string): Promise<string | undefined> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (caught) {
    const code = (caught as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? '文件不存在' : code === 'EISDIR' ? '这是一个文件夹' : '无法读取';
    console.error(`无法读取评分表「${file}」：${why}`);
    return undefined;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    console.error(
      `评分表「${file}」不是 UTF-8 编码。请在 Excel 或 WPS 中另存为「CSV UTF-8（逗号分隔）」后重试`,
    );
    return undefined;
  }
}

export async function run(args: string[]): Promise<number> {
  let parsed: { values: { method?: string; json?: boolean; help?: boolean }; positionals: string[] };
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        method: { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (caught) {
    return printUsageError(describeArgsError(caught), USAGE);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const method = (values.method ?? 'mean') as RankingMethod;
  if (!RANKING_METHODS.includes(method))
    return printUsageError(`排序方法「${values.method}」无效，应为 mean、trimmed 或 zscore`, USAGE);
  if (positionals.length !== 1)
    return printUsageError(positionals.length === 0 ? '请给出评分表文件' : '一次只能计算一个评分表', USAGE);

  const text = await readSheetText(positionals[0]!);
  if (text === undefined) return 2;
  const sheet = readScoreSheet(text);
  if (sheet.findings.length > 0) {
    if (values.json) printJson({ findings: sheet.findings });
    else
      console.log(
        `评分表有 ${sheet.findings.length} 处错误，未计算排名：\n${formatFindings(sheet.findings)}`,
      );
    return 1;
  }

  const aggregation = aggregateReviews(sheet.totals);
  const ranked = rankNominations(aggregation.nominations, method);
  if (values.json) {
    printJson(
      ranked.map((n) => ({
        nomination: n.nomination,
        reviews: n.reviews,
        mean: round(n.mean),
        trimmed: round(n.trimmed),
        zscore: round(n.zscore),
        zscoreRescaled: round(n.zscoreRescaled),
        rank: n.rank,
        disagreement: n.disagreement,
        fallbackExperts: n.fallbackExperts,
      })),
    );
    return 0;
  }
  const lines = [
    `排序依据：${RANKING_METHOD_LABELS[method]}；${ranked.length} 个推介，${aggregation.overall.reviews} 份评审；同分按推介编号排列`,
    ['名次', '推介', '评审数', '平均分', '去极值平均分', '标准化分', '标准化分（百分制）'].join('\t'),
    ...ranked.map((n) =>
      [
        n.rank,
        n.nomination,
        n.reviews,
        fixed(n.mean),
        fixed(n.trimmed),
        n.zscore.toFixed(3),
        fixed(n.zscoreRescaled),
        n.disagreement ? '评审意见分歧较大' : '',
      ]
        .join('\t')
        .trimEnd(),
    ),
  ];
  const fallback = aggregation.experts.filter((e) => e.fallback);
  if (fallback.length > 0)
    lines.push(
      `注：以下专家无法按本人评分标准化，其评分与全部评分一并标准化：${fallback
        .map((e) => `${e.expert}（${FALLBACK_REASON_LABELS[e.fallbackReason!]}）`)
        .join('、')}`,
    );
  console.log(lines.join('\n'));
  return 0;
}
