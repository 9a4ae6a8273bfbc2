/**
 * The frame of every public page: one Chinese document with a skip link, landmarks, the reading switches
 * (大字, 高对比度) that work as plain links, and print styles. Everything a page inserts goes through `esc`.
 */
import { SHOWCASE_CSS, SITE_CSS } from './site-css.ts';
import type { ViewPreferences } from './view-preferences.ts';

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text or attribute value made inert: no tag, entity or quote in it can open markup. */
export function esc(value: string | number | null | undefined): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/** Paragraphs from text with line breaks, each escaped. */
export function paragraphs(text: string): string {
  return text
    .split(/\n\s*\n|\r?\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${esc(p)}</p>`)
    .join('\n');
}

export interface PageFrame {
  title: string;
  /** The page's own path (the reading switches come back to it). */
  path: string;
  view: ViewPreferences;
  body: string;
  /** A short description for the head. */
  description?: string;
  /** More tags for the head (Open Graph), already escaped. */
  head?: string;
}

function switchLink(path: string, param: string, value: string, label: string, current: boolean): string {
  const href = `/gs/view?${param}=${value}&amp;back=${encodeURIComponent(path)}`;
  return current ? `<a href="${href}" aria-current="true">${label}</a>` : `<a href="${href}">${label}</a>`;
}

export function page(frame: PageFrame): string {
  const { view, path } = frame;
  const classes = [view.largeText ? 'text-large' : '', view.highContrast ? 'contrast-high' : '']
    .filter(Boolean)
    .join(' ');
  return `<!doctype html>
<html lang="zh-CN"${classes ? ` class="${classes}"` : ''}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(frame.title)} - 推介平台公示公告</title>
${frame.description ? `<meta name="description" content="${esc(frame.description)}">\n` : ''}${frame.head ? `${frame.head}\n` : ''}<link rel="alternate" type="application/atom+xml" href="/feed.xml" title="公示与结果公布">
<style>${SITE_CSS}${frame.path.startsWith('/showcase/') ? SHOWCASE_CSS : ''}</style>
</head>
<body>
<a class="skip" href="#main">跳到正文</a>
<header class="site-header">
<div class="wrap">
<p class="site-name"><a href="/gs/">推介平台 · 公示公告</a></p>
<nav aria-label="网站栏目">
<ul>
<li><a href="/gs/">公示</a></li>
<li><a href="/results/">结果公布</a></li>
<li><a href="/showcase/">优秀事迹展示</a></li>
<li><a href="/gs/status">异议办理查询</a></li>
<li><a href="/feed.xml">订阅更新</a></li>
</ul>
</nav>
<nav aria-label="阅读设置" class="view-switch">
<ul>
<li>字号：${switchLink(path, 'text', 'normal', '标准', !view.largeText)} ${switchLink(path, 'text', 'large', '大字', view.largeText)}</li>
<li>颜色：${switchLink(path, 'contrast', 'normal', '标准', !view.highContrast)} ${switchLink(path, 'contrast', 'high', '高对比度', view.highContrast)}</li>
</ul>
</nav>
</div>
</header>
<main id="main" tabindex="-1">
<div class="wrap">
${frame.body}
</div>
</main>
<footer class="site-footer">
<div class="wrap">
<p>本栏目刊登百姓学习之星、终身学习品牌项目推介工作的公示与结果公告。页面内容以发布单位公告为准。</p>
</div>
</footer>
</body>
</html>
`;
}
