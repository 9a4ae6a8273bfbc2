/**
 * `/gs/<id>`: the 公示 as a Chinese notice carries it: title, intro, the list by category (specials marked,
 * removed entries struck through with the dated correction), the period on the official calendar, how to
 * object, the issuer and date.
 */
import { describeDayReason, formatChineseWeekday } from '#core/calendar/format.ts';
import type { Category } from '#core/campaign/rules.ts';
import type {
  ObjectionContact,
  PublicAnnouncement,
  PublicEntry,
} from '#server/modules/announcements/public-view.ts';
import { esc, paragraphs } from '../html.ts';
import { CATEGORY_TITLES, chineseDay, SPECIAL_LABELS, STATE_LABELS } from './labels.ts';

function entryTable(category: Category, entries: PublicEntry[]): string {
  const project = category === 'project';
  const head = project
    ? '<th scope="col">序号</th><th scope="col">项目名称</th><th scope="col">申报主体</th><th scope="col">推荐单位</th><th scope="col">备注</th>'
    : '<th scope="col">序号</th><th scope="col">姓名</th><th scope="col">推荐单位</th><th scope="col">备注</th>';
  const rows = entries.map((e, i) => {
    const notes = [
      e.special ? `<span class="special">${SPECIAL_LABELS[category]}</span>` : '',
      e.removed ? '已移出名单（见更正说明）' : '',
    ]
      .filter(Boolean)
      .join('；');
    const cells = project
      ? `<th scope="row">${i + 1}</th><td>${esc(e.name)}</td><td>${esc(e.entity)}</td><td>${esc(e.unit)}</td><td>${notes}</td>`
      : `<th scope="row">${i + 1}</th><td>${esc(e.name)}</td><td>${esc(e.unit)}</td><td>${notes}</td>`;
    return `<tr${e.removed ? ' class="removed"' : ''}>${cells}</tr>`;
  });
  const kept = entries.filter((e) => !e.removed).length;
  return `<h3>${CATEGORY_TITLES[category]}（${kept}${project ? '个' : '名'}）</h3>
<div class="table-wrap"><table>
<caption>${CATEGORY_TITLES[category]}拟推介名单</caption>
<thead><tr>${head}</tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table></div>`;
}

function periodSection(a: PublicAnnouncement): string {
  const counted = a.periodDays.filter((d) => d.working).length;
  const summary = `公示期：${esc(chineseDay(a.startDay))}至${esc(chineseDay(a.endDay))}，共${a.workingDays}个工作日${a.countStart ? '（自公示首日起计算）' : '（自公示次日起计算）'}。`;
  if (a.periodDays.length === 0) return `<p>${summary}</p>`;
  const rows = a.periodDays.map((d) => {
    const reason = describeDayReason(d);
    return `<tr><th scope="row">${esc(chineseDay(d.date))}</th><td>${formatChineseWeekday(d.date)}</td><td>${d.working ? '工作日' : '休息'}</td><td>${esc(reason)}</td></tr>`;
  });
  return `<p>${summary}按国务院办公厅公布的节假日安排计算，期间节假日和调休情况如下（工作日${counted}天）。</p>
<div class="table-wrap"><table>
<caption>公示期日历</caption>
<thead><tr><th scope="col">日期</th><th scope="col">星期</th><th scope="col">是否计入</th><th scope="col">说明</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table></div>`;
}

const CONTACT_LABELS: [keyof ObjectionContact, string][] = [
  ['department', '受理部门'],
  ['contact', '联系人'],
  ['phone', '联系电话'],
  ['email', '电子邮箱'],
  ['address', '通信地址'],
  ['postcode', '邮政编码'],
];

function objectionSection(a: PublicAnnouncement, acceptingOnline: boolean): string {
  const c = a.objectionContact;
  const contacts = CONTACT_LABELS.filter(([k]) => c[k]).map(
    ([k, label]) => `<dt>${label}</dt><dd>${esc(c[k])}</dd>`,
  );
  const online = acceptingOnline
    ? `<p><a href="/gs/${esc(a.id)}/objection">在线提出异议</a>（填写表格并上传证明材料，提交后取得受理回执编号，可凭回执编号和联系电话<a href="/gs/status">查询办理情况</a>）。</p>`
    : '<p>公示期已结束，不再受理异议。已提交异议的，可凭回执编号和联系电话<a href="/gs/status">查询办理情况</a>。</p>';
  return `<h2 id="objection">异议受理</h2>
<p>对拟推介名单有异议的，请于公示期内（${esc(chineseDay(a.endDay))}前）以书面形式实名提出。</p>
<ul>
<li>个人提出异议的，须署真实姓名，并提供本人身份证号码、工作单位和联系电话；单位提出异议的，须写明单位名称、联系人和联系电话，并加盖单位公章。</li>
<li>异议须针对名单中的具体人员或项目，写明事实和理由，并附必要的证明材料。</li>
<li>匿名异议、超出公示期提出的异议，不予受理。</li>
<li>受理部门对异议人的身份和所提供的信息严格保密。</li>
</ul>
${contacts.length ? `<dl class="contacts">\n${contacts.join('\n')}\n</dl>` : ''}
${c.note ? paragraphs(c.note) : ''}
${online}`;
}

function correctionsSection(a: PublicAnnouncement): string {
  if (a.corrections.length === 0) return '';
  const items = a.corrections.map(
    (c) =>
      `<li><strong>${esc(chineseDay(c.day))}${c.kind === 'restarted' ? '（重新公示）' : '（名单更正）'}：</strong>${esc(c.text)}</li>`,
  );
  return `<h2 id="corrections">更正说明</h2>
<ul>
${items.join('\n')}
</ul>`;
}

/** `acceptingOnline`: the period is open today, so the form is offered. */
export function announcementBody(a: PublicAnnouncement, acceptingOnline: boolean): string {
  const byCategory = (['star', 'project'] as const)
    .map((category) => ({ category, entries: a.entries.filter((e) => e.category === category) }))
    .filter((g) => g.entries.length > 0);
  return `<nav aria-label="当前位置" class="no-print"><a href="/gs/">公示公告</a> › ${esc(a.organiserName)} › ${a.year}年</nav>
<h1>${esc(a.title)}</h1>
<p class="meta">发布单位：${esc(a.issuer)}　状态：<span class="state state-${a.state}">${STATE_LABELS[a.state]}</span></p>
${a.state === 'open' ? '' : `<p class="notice">本公示的公示期已于${esc(chineseDay(a.endDay))}结束。</p>`}
${correctionsSection(a)}
${paragraphs(a.intro)}
<h2 id="list">拟推介名单</h2>
${byCategory.length ? byCategory.map((g) => entryTable(g.category, g.entries)).join('\n') : '<p>名单为空。</p>'}
<h2 id="period">公示期</h2>
${periodSection(a)}
${objectionSection(a, acceptingOnline)}
<div class="signature">
<p>${esc(a.issuer)}</p>
<p>${esc(chineseDay(a.startDay))}</p>
</div>`;
}
