/**
 * The figures as charts with their tables (one shape for the page, the XLSX and the yearly report).
 * Every table is small: rows are provinces, types, groups, days — never people.
 */
import { ACTIVITY_KIND_KEYS, activityKindLabel, isActivityKind } from '#core/activities/kinds.ts';
import { ORGANISATION_TYPES } from '#core/campaign/unit-types.ts';
import type { StatisticsChart, StatisticsFigure } from '#core/contract/statistics.ts';
import { PROVINCE_NAMES } from '#core/nomination/province-code.ts';
import { NOMINATION_STATES } from '#core/nomination/states.ts';
import { AGE_BANDS } from '#core/statistics/age-bands.ts';
import { groupFocusCounts } from '#core/statistics/focus-groups.ts';
import { SECTORS } from '#core/statistics/sectors.ts';
import { yearOnYear } from '#core/statistics/year-on-year.ts';
import type { ActivityCount } from './activities.ts';
import type { Counted, Participation } from './queries.ts';
import type { UnitFacts } from './scope.ts';

const CATEGORY_NAMES: Record<string, string> = { star: '百姓学习之星', project: '终身学习品牌项目' };
const COUNT_COLUMNS = ['推介数', '入选数'];
const pair = (c: Counted) => [c.nominations, c.winners];

/** Sums counted rows under a key, keeping the order keys were first met (or the given order). */
function sumBy<T extends Counted>(
  rows: readonly T[],
  key: (row: T) => string,
  order: readonly string[] = [],
) {
  const sums = new Map<string, Counted>(order.map((k) => [k, { nominations: 0, winners: 0 }]));
  for (const row of rows) {
    const k = key(row);
    const s = sums.get(k) ?? { nominations: 0, winners: 0 };
    s.nominations += row.nominations;
    s.winners += row.winners;
    sums.set(k, s);
  }
  return [...sums].map(([label, c]) => ({ label, values: pair(c) }));
}

const byFirstValue = (a: { values: number[] }, b: { values: number[] }) => b.values[0]! - a.values[0]!;

export interface Figures {
  byUnit: (Counted & { unit: string; category: string })[];
  focus: (Counted & { value: string })[];
  sectors: (Counted & { sector: string; category: string })[];
  sexes: (Counted & { sex: string })[];
  ages: (Counted & { band: string })[];
  participation: Participation;
  materials: { files: number; failed: number; findings: { code: string; message: string; files: number }[] };
  timeline: { day: string; nominations: number }[];
  activities: ActivityCount[];
  fate: { state: string; category: string; nominations: number }[];
}

export function presentCharts(f: Figures, units: ReadonlyMap<string, UnitFacts>): StatisticsChart[] {
  const unit = (id: string) => units.get(id);
  const provinceOf = (id: string) => PROVINCE_NAMES[unit(id)?.province ?? ''] ?? '其他';
  const typeOf = (id: string) =>
    ORGANISATION_TYPES[unit(id)?.type as keyof typeof ORGANISATION_TYPES] ?? '其他';
  const charts: StatisticsChart[] = [
    {
      key: 'province',
      title: '各省（区、市）推介与入选情况',
      kind: 'bar',
      columns: ['省份', ...COUNT_COLUMNS],
      rows: sumBy(f.byUnit, (r) => provinceOf(r.unit)).sort(byFirstValue),
    },
    {
      key: 'unitType',
      title: '各类报送单位推介与入选情况',
      kind: 'bar',
      columns: ['报送单位类型', ...COUNT_COLUMNS],
      rows: sumBy(f.byUnit, (r) => typeOf(r.unit)).sort(byFirstValue),
    },
    {
      key: 'category',
      title: '分类别推介与入选情况',
      kind: 'pie',
      columns: ['类别', ...COUNT_COLUMNS],
      rows: sumBy(f.byUnit, (r) => CATEGORY_NAMES[r.category] ?? r.category, Object.values(CATEGORY_NAMES)),
    },
    {
      key: 'focusGroup',
      title: '百姓学习之星所属群体',
      kind: 'bar',
      columns: ['所属群体', ...COUNT_COLUMNS],
      rows: groupFocusCounts(f.focus).map((g) => ({ label: g.group, values: pair(g) })),
      note: '一位推介对象可属于多个群体，故各群体之和可大于推介总数。',
    },
    {
      key: 'sector',
      title: '推介对象所在领域',
      kind: 'bar',
      columns: ['领域', ...COUNT_COLUMNS],
      rows: sumBy(f.sectors, (r) => r.sector, SECTORS),
      note: '领域按百姓学习之星的工作单位、品牌项目的实施主体名称和类型归类；无法归类的计入“其他”。',
    },
    {
      key: 'sex',
      title: '百姓学习之星性别构成',
      kind: 'pie',
      columns: ['性别', ...COUNT_COLUMNS],
      rows: sumBy(f.sexes, (r) => r.sex, ['男', '女', '未知']),
      note: '性别由身份证号读出，统计中不显示任何个人信息。',
    },
    {
      key: 'ageBand',
      title: '百姓学习之星年龄构成',
      kind: 'bar',
      columns: ['年龄段', ...COUNT_COLUMNS],
      rows: sumBy(f.ages, (r) => r.band, AGE_BANDS),
      note: '年龄按推介年度12月31日计算，由身份证号读出。',
    },
    participationChart(f.participation),
    {
      key: 'materialQuality',
      title: '材料检查情况',
      kind: 'pie',
      columns: ['检查结果', '文件数'],
      rows: [
        { label: '通过或检查中', values: [f.materials.files - f.materials.failed] },
        { label: '未通过', values: [f.materials.failed] },
      ],
      note: `共 ${f.materials.files} 个文件，未通过检查的占 ${percent(f.materials.failed, f.materials.files)}。`,
    },
    {
      key: 'materialFindings',
      title: '材料检查最常见的问题',
      kind: 'bar',
      columns: ['问题', '文件数'],
      rows: f.materials.findings.map((x) => ({ label: x.message, values: [x.files] })),
    },
    {
      key: 'timeline',
      title: '每日提交推介数',
      kind: 'line',
      columns: ['日期', '提交数'],
      rows: f.timeline.map((d) => ({ label: d.day, values: [d.nominations] })),
    },
    ...activityCharts(f.activities),
  ];
  if (f.fate.length > 0) charts.push(fateChart(f.fate));
  return charts;
}

const percent = (part: number, whole: number) =>
  whole === 0 ? '0%' : `${((part / whole) * 100).toFixed(1)}%`;

function participationChart(p: Participation): StatisticsChart {
  const none = p.projects - p.onlineOnly - p.offlineOnly - p.both;
  return {
    key: 'participation',
    title: '品牌项目线上线下参与情况',
    kind: 'pie',
    columns: ['参与方式', '项目数'],
    rows: [
      { label: '仅线下', values: [p.offlineOnly] },
      { label: '仅线上', values: [p.onlineOnly] },
      { label: '线上线下结合', values: [p.both] },
      { label: '未填写参与人次', values: [none] },
    ],
    note: `年参与学习人次合计：线下 ${p.offline} 人次，线上 ${p.online} 人次。`,
  };
}

/** The kind as officials name it; a code the list does not know is shown as stored rather than lost. */
const kindLabel = (kind: string) => (isActivityKind(kind) ? activityKindLabel(kind) : kind);
const kindOrder = (kind: string) => {
  const i = ACTIVITY_KIND_KEYS.indexOf(kind as never);
  return i < 0 ? ACTIVITY_KIND_KEYS.length : i;
};

function activityCharts(rows: readonly ActivityCount[]): StatisticsChart[] {
  const byKind = new Map<string, [number, number]>();
  const byMonth = new Map<string, number>();
  for (const r of [...rows].sort((a, b) => kindOrder(a.kind) - kindOrder(b.kind))) {
    const label = kindLabel(r.kind);
    const k = byKind.get(label) ?? [0, 0];
    byKind.set(label, [k[0] + r.activities, k[1] + r.audience]);
    byMonth.set(r.month, (byMonth.get(r.month) ?? 0) + r.activities);
  }
  return [
    {
      key: 'activityKind',
      title: '宣传活动分类型情况',
      kind: 'bar',
      columns: ['活动类型', '活动次数', '参与人数'],
      rows: [...byKind].map(([label, values]) => ({ label, values })),
    },
    {
      key: 'activityMonth',
      title: '宣传活动分月情况',
      kind: 'line',
      columns: ['月份', '活动次数'],
      rows: [...byMonth].sort(([a], [b]) => a.localeCompare(b)).map(([label, n]) => ({ label, values: [n] })),
    },
  ];
}

/** Item 5: the forwarded nominations' fate in the round above, by the state of their copy there. */
function fateChart(
  rows: readonly { state: string; category: string; nominations: number }[],
): StatisticsChart {
  const outcome = (state: string) =>
    state === 'selected' || state === 'forwarded'
      ? '入选'
      : state === 'not_selected'
        ? '未入选'
        : state === 'returned' || state === 'withdrawn' || state === 'draft'
          ? NOMINATION_STATES[state]
          : '评审中';
  const order = ['入选', '未入选', '评审中'];
  const table = new Map<string, [number, number]>(order.map((o) => [o, [0, 0]]));
  const total: [number, number] = [0, 0];
  for (const r of rows) {
    const row = table.get(outcome(r.state)) ?? [0, 0];
    const i = r.category === 'star' ? 0 : 1;
    row[i] += r.nominations;
    total[i] += r.nominations;
    table.set(outcome(r.state), row);
  }
  return {
    key: 'forwardedFate',
    title: '报送上级推介的结果',
    kind: 'bar',
    columns: ['上级推介结果', '百姓学习之星', '终身学习品牌项目'],
    rows: [{ label: '报送上级', values: total }, ...[...table].map(([label, values]) => ({ label, values }))],
    note: '本单位报送上级推介活动的推介对象在上级评审中的结果，仅统计数量。',
  };
}

export interface Totals {
  nominations: number;
  winners: number;
  units: number;
  activities: number;
}

export const totalsOf = (byUnit: Figures['byUnit'], activities: readonly ActivityCount[]): Totals => ({
  nominations: byUnit.reduce((t, r) => t + r.nominations, 0),
  winners: byUnit.reduce((t, r) => t + r.winners, 0),
  units: new Set(byUnit.map((r) => r.unit)).size,
  activities: activities.reduce((t, r) => t + r.activities, 0),
});

const FIGURE_LABELS: Record<keyof Totals, string> = {
  nominations: '推介数',
  winners: '入选数',
  units: '报送单位数',
  activities: '宣传活动次数',
};

export function presentFigures(current: Totals, previous: Totals): StatisticsFigure[] {
  return (Object.keys(FIGURE_LABELS) as (keyof Totals)[]).map((key) => {
    const change = yearOnYear(current[key], previous[key]);
    return {
      key,
      label: FIGURE_LABELS[key],
      current: change.current,
      previous: change.previous,
      change: change.label,
    };
  });
}

/** Year on year as a chart of its own, so it has a table and a place in the export too. */
export const yearOnYearChart = (figures: readonly StatisticsFigure[], year: number): StatisticsChart => ({
  key: 'yearOnYear',
  title: `${year}年与${year - 1}年对比`,
  kind: 'bar',
  columns: ['指标', `${year - 1}年`, `${year}年`],
  rows: figures.map((f) => ({ label: f.label, values: [f.previous, f.current] })),
  note: figures.map((f) => `${f.label}${f.change}`).join('；'),
});
