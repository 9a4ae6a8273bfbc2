/** `/results/<id>`: the published result notice: title, 文号, issuers, the list by category and province, downloads. */
import { formatBeijingDate } from '#core/calendar/beijing-time.ts';
import type { Category } from '#core/campaign/rules.ts';
import { SECTION_ORDER, sectionTitle } from '#core/results/result-list.ts';
import type { PublicResult, PublicResultEntry } from '#server/modules/results/public-view.ts';
import { esc, paragraphs } from '../html.ts';

/** One heading of the notice's list (specials apart, as the notice counts them). */
function table(category: Category, special: boolean, entries: PublicResultEntry[]): string {
  const project = category === 'project';
  const title = sectionTitle(category, special).replace(/[“”]/g, '');
  const head = project
    ? '<th scope="col">序号</th><th scope="col">省份</th><th scope="col">项目名称</th><th scope="col">申报主体</th>'
    : '<th scope="col">序号</th><th scope="col">省份</th><th scope="col">姓名</th><th scope="col">单位</th>';
  const rows = entries.map((e, i) => {
    const middle = project
      ? `<td>${esc(e.name)}</td><td>${esc(e.entity)}</td>`
      : `<td>${esc(e.name)}</td><td>${esc(e.unit)}</td>`;
    return `<tr><th scope="row">${i + 1}</th><td>${esc(e.province || e.unit)}</td>${middle}</tr>`;
  });
  return `<h3>${title}（${entries.length}${project ? '个' : '名'}）</h3>
<div class="table-wrap"><table>
<caption>${title}名单（按省份排列）</caption>
<thead><tr>${head}</tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table></div>`;
}

const DOCUMENTS = [
  ['docx', '通知（Word 文档）'],
  ['pdf', '通知（PDF 文件）'],
  ['xlsx', '名单（Excel 表格）'],
] as const;

export function resultBody(r: PublicResult): string {
  const groups = SECTION_ORDER.map(({ category, special }) => ({
    category,
    special,
    entries: r.entries.filter((e) => e.category === category && e.special === special),
  })).filter((g) => g.entries.length > 0);
  const downloads = DOCUMENTS.filter(([kind]) => r.documents[kind]).map(
    ([kind, label]) => `<li><a href="/results/${esc(r.id)}/notice.${kind}">${label}</a></li>`,
  );
  return `<nav aria-label="当前位置" class="no-print"><a href="/results/">结果公布</a> › ${esc(r.organiserName)} › ${r.year}年</nav>
<h1>${esc(r.title)}</h1>
<p class="meta">${r.docNumber ? `文号：${esc(r.docNumber)}　` : ''}发布单位：${r.issuers.map(esc).join('、')}　公布日期：${esc(formatBeijingDate(r.publishedAt))}</p>
${paragraphs(r.body)}
<h2 id="list">推介名单</h2>
${groups.length ? groups.map((g) => table(g.category, g.special, g.entries)).join('\n') : '<p>名单为空。</p>'}
${downloads.length ? `<h2 id="downloads">文件下载</h2>\n<ul class="downloads">\n${downloads.join('\n')}\n</ul>` : ''}
<div class="signature">
${r.issuers.map((i) => `<p>${esc(i)}</p>`).join('\n')}
<p>${esc(formatBeijingDate(r.publishedAt))}</p>
</div>`;
}
