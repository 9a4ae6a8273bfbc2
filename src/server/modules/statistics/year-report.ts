/**
 * 年度报告: one campaign's figures, its charts as pictures with their tables, the list of winners and the
 * publicity activities, as a DOCX the organiser edits into the 总结 (and as PDF through LibreOffice).
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  ImageRun,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { sql } from 'kysely';
import { formatChineseDate } from '#core/calendar/format.ts';
import { todayInShanghai } from '#core/calendar/today.ts';
import type { StatisticsChart, StatisticsResponse } from '#core/contract/statistics.ts';
import type { Actor } from '#server/platform/auth/actor.ts';
import type { AppContext } from '#server/platform/context.ts';
import type { Db } from '#server/platform/db/database.ts';
import { convertToPdf, findSoffice, pdfUnavailable } from '#server/platform/documents/convert-to-pdf.ts';
import { OFFICIAL_PAGE } from '#server/platform/documents/render-text-docx.ts';
import { notFound } from '#server/platform/errors.ts';
import { CHART_SIZE, chartPng } from './chart-images.ts';
import { getStatistics } from './get-statistics.ts';
import { authorizeStatistics, organiserCampaigns } from './scope.ts';

const LANGUAGE = { value: 'zh-CN', eastAsia: 'zh-CN' };
const font = (eastAsia: string) => ({
  ascii: 'Times New Roman',
  hAnsi: 'Times New Roman',
  eastAsia,
  cs: 'Times New Roman',
});
const run = (text: string, face = '仿宋', size = 28, bold = false) =>
  new TextRun({ text, font: font(face), size, bold, language: LANGUAGE });
const body = (text: string) =>
  new Paragraph({
    indent: { firstLine: 560 },
    spacing: { line: 480, lineRule: 'exact' },
    children: [run(text)],
  });
const heading = (text: string) =>
  new Paragraph({
    heading: HeadingLevel.HEADING_2,
    spacing: { before: 240, after: 120 },
    children: [run(text, '黑体', 30)],
  });
const LINE = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const BORDERS = {
  top: LINE,
  bottom: LINE,
  left: LINE,
  right: LINE,
  insideHorizontal: LINE,
  insideVertical: LINE,
};

function table(header: readonly string[], rows: readonly (readonly (string | number)[])[]): Table {
  const cell = (text: string | number, bold = false) =>
    new TableCell({
      children: [
        new Paragraph({ alignment: AlignmentType.CENTER, children: [run(String(text), '仿宋', 21, bold)] }),
      ],
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: BORDERS,
    rows: [
      new TableRow({ tableHeader: true, children: header.map((h) => cell(h, true)) }),
      ...rows.map((r) => new TableRow({ children: r.map((v) => cell(v)) })),
    ],
  });
}

async function chartSection(chart: StatisticsChart, number: number) {
  const picture = await chartPng(chart);
  const width = 560;
  return [
    new Paragraph({ spacing: { before: 240 }, children: [run(`（${number}）${chart.title}`, '楷体', 28)] }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [
        new ImageRun({
          type: 'png',
          data: picture,
          transformation: { width, height: Math.round((width * CHART_SIZE.height) / CHART_SIZE.width) },
          altText: { name: chart.title, description: chart.title, title: chart.title },
        }),
      ],
    }),
    table(
      chart.columns,
      chart.rows.map((r) => [r.label, ...r.values]),
    ),
    ...(chart.note ? [new Paragraph({ children: [run(`注：${chart.note}`, '仿宋', 21)] })] : []),
  ];
}

const CATEGORY: Record<string, string> = { star: '百姓学习之星', project: '终身学习品牌项目' };

/** The winners of the campaign, as published: category, name, reporting unit. No personal data. */
async function winnersOf(db: Db, campaignId: string) {
  const { rows } = await sql<{ category: string; title: string; unit: string; special: boolean }>`
    select n.category, n.title, o.name as unit, n.special
    from nominations n join organisations o on o.id = n.unit_id
    where n.campaign_id = ${campaignId} and n.state in ('selected', 'forwarded')
    order by n.category desc, o.name, n.rank nulls last, n.title`.execute(db);
  return rows;
}

function overview(s: StatisticsResponse): string[] {
  const figure = (key: string) => s.figures.find((f) => f.key === key)!;
  const category = s.charts.find((c) => c.key === 'category')!;
  const byCategory = (label: string) => category.rows.find((r) => r.label === label)?.values ?? [0, 0];
  const [stars, starWinners] = byCategory('百姓学习之星');
  const [projects, projectWinners] = byCategory('终身学习品牌项目');
  const n = figure('nominations');
  const w = figure('winners');
  return [
    `本次推介活动共有 ${figure('units').current} 个单位报送，收到推介 ${n.current} 个，其中百姓学习之星 ${stars} 名、终身学习品牌项目 ${projects} 个；推介数${n.change}。`,
    `经审核、评审、公示和审定，共 ${w.current} 个入选，其中百姓学习之星 ${starWinners} 名、终身学习品牌项目 ${projectWinners} 个；入选数${w.change}。`,
  ];
}

function activitiesSummary(s: StatisticsResponse): string {
  const kinds = s.charts.find((c) => c.key === 'activityKind');
  const total = kinds?.rows.reduce((t, r) => t + (r.values[0] ?? 0), 0) ?? 0;
  if (!kinds || total === 0) return '本年度尚无登记的宣传推广活动。';
  const audience = kinds.rows.reduce((t, r) => t + (r.values[1] ?? 0), 0);
  const parts = kinds.rows.map((r) => `${r.label} ${r.values[0]} 次`).join('，');
  return `入选者共开展宣传推广活动 ${total} 次（${parts}），参与 ${audience} 人次。`;
}

export async function buildYearReport(
  context: AppContext,
  actor: Actor,
  input: { campaignId: string; format: 'docx' | 'pdf' },
) {
  authorizeStatistics(actor);
  const { db, clock } = context;
  const campaign = (await organiserCampaigns(db, actor)).find((c) => c.id === input.campaignId);
  if (!campaign) throw notFound('推介活动');
  if (input.format === 'pdf' && !findSoffice()) throw pdfUnavailable();
  const statistics = await getStatistics(
    db,
    actor,
    { year: campaign.year, level: campaign.level },
    (c) => c.id === campaign.id || c.year === campaign.year - 1,
  );
  const winners = await winnersOf(db, campaign.id);
  const charts = statistics.charts.filter((c) => c.rows.some((r) => r.values.some((v) => v > 0)));
  const sections = [];
  for (const [i, chart] of charts.entries()) sections.push(...(await chartSection(chart, i + 1)));

  const document = new Document({
    sections: [
      {
        properties: { page: OFFICIAL_PAGE },
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 240 },
            children: [run(`${campaign.title}统计报告`, '黑体', 40)],
          }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 360 },
            children: [run(`${formatChineseDate(todayInShanghai(clock.now()))}生成`, '楷体', 28)],
          }),
          heading('一、总体情况'),
          ...overview(statistics).map(body),
          table(
            ['指标', `${campaign.year}年`, `${campaign.year - 1}年`, '同比'],
            statistics.figures.map((f) => [f.label, f.current, f.previous, f.change]),
          ),
          heading('二、统计图表'),
          ...sections,
          heading('三、入选名单'),
          winners.length === 0
            ? body('本次推介活动尚未产生入选名单。')
            : table(
                ['序号', '类别', '名称', '报送单位'],
                winners.map((w, i) => [i + 1, CATEGORY[w.category] ?? w.category, w.title, w.unit]),
              ),
          heading('四、宣传推广活动'),
          body(activitiesSummary(statistics)),
        ],
      },
    ],
  });
  const docx = await Packer.toBuffer(document);
  const base = `${campaign.title}统计报告`;
  if (input.format === 'docx')
    return {
      body: docx,
      fileName: `${base}.docx`,
      type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    };
  const pdf = await convertToPdf(docx, 'report.docx', { lane: 'interactive', owner: actor.accountId });
  return { body: pdf, fileName: `${base}.pdf`, type: 'application/pdf' };
}
