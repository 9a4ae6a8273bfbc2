/** The Chinese page for anything the public site does not have (or no longer shows). */
export function notFoundBody(what: string): string {
  return `<h1>未找到${what}</h1>
<p>您访问的${what}不存在，或尚未公开。请检查网址是否完整，或从下列栏目查找：</p>
<ul>
<li><a href="/gs/">公示公告</a></li>
<li><a href="/results/">结果公布</a></li>
</ul>`;
}
