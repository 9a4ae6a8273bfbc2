/**
 * 评审表 on paper: one expert's scores in one round for one category, a row per nomination with each
 * criterion, the total, the recommendation, 特别推介 and the comment, and the line the expert signs at a
 * meeting. A review not yet submitted is printed as it stands and marked (未提交 / 未评分), so the paper
 * never passes a draft off as final; a submitted one carries the start of its hash, which ties it to
 * the frozen record.
 */
import type { ReviewSheetResponse } from '#web/api/review-scoring.ts';
import { formatTotal } from './reviewContent.ts';

type Item = ReviewSheetResponse['items'][number];

export interface SheetGroup {
  category: Item['category'];
  categoryLabel: string;
  /** The criteria of the group's reviews, in the rubric's order (a later rubric's extra ones after). */
  criteria: Array<Omit<Item['criteria'][number], 'score'>>;
  items: Item[];
}

/** One sheet per category, in the order the categories first appear. */
export function sheetGroups(items: readonly Item[]): SheetGroup[] {
  const groups = new Map<string, SheetGroup>();
  for (const item of items) {
    let group = groups.get(item.category);
    if (!group) {
      group = { category: item.category, categoryLabel: item.categoryLabel, criteria: [], items: [] };
      groups.set(item.category, group);
    }
    for (const { score: _, ...criterion } of item.criteria)
      if (!group.criteria.some((c) => c.id === criterion.id)) group.criteria.push(criterion);
    group.items.push(item);
  }
  return [...groups.values()];
}

const SUBMITTED = '已提交';

export function PrintedScoreSheet({ sheet, group }: { sheet: ReviewSheetResponse; group: SheetGroup }) {
  const { criteria } = group;
  // Fixed columns: 序号, 推介名称, the criteria, 总分, 推荐意见, 特别推介, 评语.
  const columns = 6 + criteria.length;
  return (
    <>
      <h1 className="print-title score-sheet-title">
        {sheet.campaignTitle}
        {'\n'}
        {group.categoryLabel}评审表
      </h1>
      <div className="print-unit-line">
        <span>评审轮次：{sheet.roundName}</span>
        <span>评审专家：{sheet.expertName}</span>
      </div>
      <table className="print-table registration">
        <colgroup>
          <col style={{ width: '5%' }} />
          <col style={{ width: '18%' }} />
          {criteria.map((c) => (
            <col key={c.id} style={{ width: `${Math.max(5, 30 / criteria.length)}%` }} />
          ))}
          <col style={{ width: '7%' }} />
          <col style={{ width: '8%' }} />
          <col style={{ width: '7%' }} />
          <col />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">序号</th>
            <th scope="col">推介名称</th>
            {criteria.map((c) => (
              <th key={c.id} scope="col">
                {c.label}
                {'\n'}（满分{c.max}，权重{c.weight}）
              </th>
            ))}
            <th scope="col">总分</th>
            <th scope="col">推荐意见</th>
            <th scope="col">特别推介</th>
            <th scope="col">评语</th>
          </tr>
        </thead>
        <tbody>
          {group.items.map((item, i) => {
            const scores = new Map(item.criteria.map((c) => [c.id, c.score]));
            return (
              <tr key={item.nominationId}>
                <td>{i + 1}</td>
                <td className="wrap">
                  {item.title}
                  {item.stateLabel !== SUBMITTED && `（${item.stateLabel}）`}
                </td>
                {criteria.map((c) => (
                  <td key={c.id}>{scores.get(c.id) ?? ''}</td>
                ))}
                <td>{item.total === null ? '' : formatTotal(item.total)}</td>
                <td>{item.recommendationLabel}</td>
                <td>{item.proposeSpecial ? '是' : ''}</td>
                <td className="wrap">
                  {item.comment}
                  {item.contentHash && (
                    <div className="print-sheet-hash">校验码 {item.contentHash.slice(0, 16)}</div>
                  )}
                </td>
              </tr>
            );
          })}
          {group.items.length === 0 && (
            <tr>
              <td colSpan={columns} className="print-empty">
                本轮没有分配给您的{group.categoryLabel}推介。
              </td>
            </tr>
          )}
        </tbody>
      </table>
      <p className="print-notes">总分按各评分项得分乘以权重折算为百分制。打印日期：{sheet.printedOn}。</p>
      <div className="print-signature">
        <div>
          评审专家（签名）：
          <span className="gap" />
          <span className="gap" />
        </div>
        <div>日期：　　　　年　　月　　日</div>
      </div>
    </>
  );
}
