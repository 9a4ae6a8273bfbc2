/**
 * Accessibility check of the page a browser journey has open: axe-core's WCAG 2 A/AA rules, run in the
 * page at the width it was left in and at a phone's 375 px. A serious or critical violation fails the
 * test with the rule, the elements and a hint in Chinese; milder ones are left to review.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

// WCAG 2.0 and 2.1, A and AA: the level China's GB/T 37668 asks of web content. WCAG 2.2's target size
// (wcag22aa) is not yet checked: antd's 14 px password eye would fail it.
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const FAILING_IMPACTS = new Set(['serious', 'critical']);

/** The widths every checked page is looked at: a desk screen and a phone. */
export const A11Y_WIDTHS = [1280, 375] as const;

/**
 * Violations of antd internals that props or theme tokens cannot reach, each rule with the exact
 * selector axe reports and why it is left. Never a whole rule.
 */
const KNOWN_EXCEPTIONS: { rule: string; targetEndsWith: string; why: string }[] = [
  {
    rule: 'aria-hidden-focus',
    targetEndsWith: '.ant-table-measure-row',
    why:
      'antd 的表格在横向滚动时插入一行 aria-hidden 的“测量行”，把表头（含全选框）再渲染一遍以量列宽；' +
      '这一行不可见，键盘的全选框在真正的表头里。antd 没有属性可以去掉它。',
  },
  {
    rule: 'scrollable-region-focusable',
    targetEndsWith: '.ant-table-content',
    why:
      'antd 表格横向滚动的容器由 antd 生成，无法通过属性设为可聚焦；只读的宽表（如已确认的评审排名）里没有可聚焦的元素。' +
      '待办：在表格外层提供可聚焦的滚动区域。',
  },
];

/** Chinese hints for the rules the app has met, so a failure says what to do. */
const HINTS: Record<string, string> = {
  'color-contrast': '文字与背景对比度不足（正文至少 4.5:1，大字至少 3:1）：改用主题中更深的颜色',
  label: '输入框没有可读的名称：加上 <label>、aria-label 或 aria-labelledby',
  'select-name': '下拉选择没有可读的名称：给 Select 加上 aria-label',
  'aria-input-field-name': '输入控件没有可读的名称：给它加上 aria-label',
  'aria-progressbar-name': '进度条没有名称：给 Progress 加上 aria-label，说明它表示什么',
  'aria-required-children': 'ARIA 角色缺少必需的子元素（如 tablist 里只能有 tab）',
  'aria-required-parent': 'ARIA 角色不在它必需的父元素中（如 tab 不在 tablist 中）',
  'aria-allowed-role': '元素使用了不允许的 ARIA 角色',
  'aria-valid-attr-value': 'ARIA 属性的取值无效（例如指向不存在的元素）',
  'button-name': '按钮没有可读的名称：加上文字或 aria-label',
  'link-name': '链接没有可读的名称：加上文字或 aria-label',
  'nested-interactive': '可操作的元素里又套了可操作的元素，读屏软件和键盘无法区分',
  'scrollable-region-focusable': '可滚动区域无法用键盘到达：加 tabIndex=0 或让其中有可聚焦元素',
  'aria-hidden-focus': 'aria-hidden 的区域里有可聚焦的元素',
  'image-alt': '图片缺少替代文字（alt）',
  list: '列表（ul/ol）里只能直接放 li',
  listitem: 'li 必须放在 ul 或 ol 中',
  'duplicate-id-aria': 'ARIA 引用的 id 在页面中重复',
  'aria-command-name': '可操作的 ARIA 元素没有名称',
};

interface Found {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; summary: string }[];
}

async function runAxe(page: Page): Promise<Found[]> {
  const injected = await page.evaluate(() => 'axe' in window);
  // Evaluated rather than added as a <script>: the app's CSP (script-src 'self') rightly refuses inline scripts.
  if (!injected) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      nodes: v.nodes.map((n) => ({
        target: n.target.map(String),
        summary: (n.failureSummary ?? '').split('\n').slice(1, 2).join(' ').trim(),
      })),
    }));
  }, TAGS);
}

function isKnownException(rule: string, target: string): boolean {
  return KNOWN_EXCEPTIONS.some((e) => e.rule === rule && target.endsWith(e.targetEndsWith));
}

/** The serious and critical violations of the page as it is now, known exceptions left out. */
export async function seriousA11yViolations(page: Page): Promise<Found[]> {
  const found = await runAxe(page);
  return found
    .filter((v) => FAILING_IMPACTS.has(v.impact ?? ''))
    .map((v) => ({ ...v, nodes: v.nodes.filter((n) => !isKnownException(v.id, n.target.join(' '))) }))
    .filter((v) => v.nodes.length > 0);
}

function describe(label: string, width: number, found: Found[]): string {
  const lines = found.flatMap((v) => [
    `  [${v.impact}] ${v.id}：${HINTS[v.id] ?? v.help}（${v.nodes.length} 处）`,
    ...v.nodes.slice(0, 8).map((n) => `      ${n.target.join(' ')}${n.summary ? `  — ${n.summary}` : ''}`),
    ...(v.nodes.length > 8 ? [`      …另有 ${v.nodes.length - 8} 处`] : []),
  ]);
  return `「${label}」在 ${width} px 宽度下有严重的无障碍问题：\n${lines.join('\n')}`;
}

/**
 * Lets animations end and the layout follow a width change before axe reads colours and roles: two
 * animation frames, or a second if the page draws none (a renderer that stops drawing would otherwise
 * hold the test until its own timeout, saying nothing; once in CI a journey waited four minutes here or
 * in axe, and never said which).
 */
async function settle(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        setTimeout(resolve, 1000);
        requestAnimationFrame(() => requestAnimationFrame(() => resolve()));
      }),
  );
  await page.waitForTimeout(400);
}

/** `work`, or a failure naming `what` once it has taken `seconds`. */
async function within<T>(seconds: number, what: string, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}：${seconds} 秒内没有完成`)), seconds * 1000);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Fails when the page has a serious or critical WCAG 2 A/AA violation at 1280 px or at 375 px. The
 * page is resized for the check and given back its own size afterwards.
 */
export async function expectNoSeriousA11yViolations(page: Page, label: string): Promise<void> {
  const original = page.viewportSize() ?? { width: 1280, height: 900 };
  const failures: string[] = [];
  let failed = true;
  try {
    for (const width of A11Y_WIDTHS) {
      const step = `「${label}」的无障碍检查（${width} px）`;
      await within(
        30,
        `${step}：调整页面宽度`,
        page.setViewportSize({
          width,
          height: width === original.width ? original.height : width < 600 ? 800 : 900,
        }),
      );
      await within(30, `${step}：等待页面布局`, settle(page));
      const found = await within(90, `${step}：axe-core 检查`, seriousA11yViolations(page));
      if (found.length > 0) failures.push(describe(label, width, found));
    }
    failed = false;
  } finally {
    const restored = within(
      30,
      '恢复页面宽度',
      page.setViewportSize(original).then(() => settle(page)),
    );
    // After a step that failed, its own error is the one to read.
    await (failed ? restored.catch(() => {}) : restored);
  }
  if (failures.length > 0) throw new Error(failures.join('\n'));
}
