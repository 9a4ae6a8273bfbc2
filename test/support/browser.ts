import { existsSync } from 'node:fs';
import {
  type Browser,
  type BrowserContext,
  chromium,
  type Locator,
  type Page,
  type Response,
} from 'playwright-core';
import { afterEach, expect } from 'vitest';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/**
 * A host name the test browser resolves to this machine's loopback. Chromium treats every 127.x.x.x
 * address and `localhost` as a secure context, but an intranet serves the platform over plain HTTP at
 * an address or name of its own, where `crypto.randomUUID`, `crypto.subtle` and the clipboard do not
 * exist. Opening the app under this name gives the browser exactly that insecure context.
 */
export const INTRANET_HOST = 'tuijie-intranet.test';

/** `http://127.0.0.1:PORT` → `http://tuijie-intranet.test:PORT`: the same server as an intranet sees it. */
export function intranetUrl(url: string): string {
  const u = new URL(url);
  u.hostname = INTRANET_HOST;
  return u.origin;
}

/** A response a test provokes on purpose (a wrong password, a refused move); any other 4xx/5xx fails it. */
export interface ExpectedResponse {
  method: string;
  /** The URL's path, exactly or by pattern. */
  path: string | RegExp;
  status: number;
}

/** Responses the app itself provokes in every session, by design. */
const ALWAYS_EXPECTED: ExpectedResponse[] = [
  // 401 is /api/auth/me's answer for "nobody", which tests ask after a logout. The app itself asks
  // /api/auth/session, which answers nobody with 200 (no failed request in the console).
  { method: 'GET', path: '/api/auth/me', status: 401 },
];

const expectedByContext = new WeakMap<BrowserContext, ExpectedResponse[]>();
/** What went wrong in any page since the last test ended, with the response bodies being read. */
let problems: Promise<string>[] = [];

/** Lets the context of `target` answer `expected` without failing the test. */
export function expectResponses(target: Page | BrowserContext, ...expected: ExpectedResponse[]): void {
  const context = 'context' in target ? target.context() : target;
  expectedByContext.set(context, [...(expectedByContext.get(context) ?? []), ...expected]);
}

function isExpected(context: BrowserContext, response: Response): boolean {
  const { pathname } = new URL(response.url());
  const method = response.request().method();
  return [...ALWAYS_EXPECTED, ...(expectedByContext.get(context) ?? [])].some(
    (e) =>
      e.status === response.status() &&
      e.method === method &&
      (typeof e.path === 'string' ? e.path === pathname : e.path.test(pathname)),
  );
}

async function describeResponse(response: Response): Promise<string> {
  const body = await response.text().catch(() => '');
  const { pathname } = new URL(response.url());
  return `${response.request().method()} ${pathname} → ${response.status()} ${body.slice(0, 300)}`;
}

const guarded = new WeakSet<BrowserContext>();
const ACTION_TIMEOUT_MS = 30_000;

function guard(context: BrowserContext): BrowserContext {
  // browser.newPage makes its context through browser.newContext: guard each context once.
  if (guarded.has(context)) return context;
  guarded.add(context);
  // One patience for every browser test: CI runs them beside the rest of the suite on two cores.
  context.setDefaultTimeout(ACTION_TIMEOUT_MS);
  context.on('response', (response) => {
    if (response.status() >= 400 && !isExpected(context, response)) problems.push(describeResponse(response));
  });
  context.on('weberror', (webError) => {
    const error = webError.error();
    problems.push(Promise.resolve(`页面脚本错误：${error.stack ?? error.message}`));
  });
  return context;
}

// Every test of a file that uses the browser fails on an unexpected 4xx/5xx or an uncaught page error,
// even when its own assertions passed: such a response is a bug the page hid from the user.
afterEach(async () => {
  const found = await Promise.all(problems);
  problems = [];
  if (found.length > 0) {
    throw new Error(`浏览器中出现了未预期的错误响应或页面错误：\n${found.join('\n')}`);
  }
});

/**
 * Browser tests need Debian's Chromium. Outside CI a machine without it skips them and says so;
 * in CI its absence is a failure, because CI installs it.
 */
export function browserAvailability(): { available: boolean; reason: string } {
  if (existsSync(CHROMIUM)) return { available: true, reason: '' };
  const reason = `未找到 Chromium（${CHROMIUM}）：请执行 apt-get install chromium fonts-noto-cjk`;
  if (process.env.CI) throw new Error(`${reason}。CI 中浏览器测试不能跳过。`);
  console.warn(`跳过浏览器测试：${reason}`);
  return { available: false, reason };
}

/** Chromium with every context guarded (see `afterEach` above) and INTRANET_HOST resolving to loopback. */
export async function launchBrowser(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--host-resolver-rules=MAP ${INTRANET_HOST} 127.0.0.1`,
    ],
  });
  const newContext = browser.newContext.bind(browser);
  const newPage = browser.newPage.bind(browser);
  browser.newContext = async (options) => guard(await newContext(options));
  browser.newPage = async (options) => {
    const page = await newPage(options);
    guard(page.context());
    return page;
  };
  return browser;
}

/** Logs in through the login page; on a first login, changes the one-time password to `newPassword`. */
export async function loginThroughPage(
  page: import('playwright-core').Page,
  baseUrl: string,
  username: string,
  password: string,
  newPassword: string,
) {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  if (new URL(page.url()).pathname.startsWith('/account/password')) {
    await page.getByLabel('当前密码').fill(password);
    await page.getByLabel('新密码', { exact: true }).fill(newPassword);
    await page.getByLabel('确认新密码').fill(newPassword);
    await page.getByRole('button', { name: '确认修改' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/account/password'));
  }
}

/** An API call from inside the page, with its session cookie and CSRF token, as the app itself makes it. */
export async function pageApi(page: Page, method: string, url: string, body?: object) {
  return page.evaluate(
    async ({ method, url, body }) => {
      const { csrfToken } = await (await fetch('/api/auth/me')).json();
      const response = await fetch(url, {
        method,
        headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken },
        body: body ? JSON.stringify(body) : undefined,
      });
      const text = await response.text();
      if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${text}`);
      return text ? JSON.parse(text) : null;
    },
    { method, url, body },
  );
}

/**
 * The open dialog once its opening animation has ended. antd zooms a dialog in; on a loaded CI machine a
 * click on its button while it still moved was lost (no request went out, and the dialog stayed or
 * closed), so a test clicks in it only once it stands still.
 */
export async function settledDialog(page: Page): Promise<Locator> {
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  // A spinner inside turns for ever: only the animations that end are waited for.
  await dialog.evaluate((element) =>
    Promise.all(
      element
        .getAnimations({ subtree: true })
        .filter((animation) => animation.effect?.getComputedTiming().iterations !== Number.POSITIVE_INFINITY)
        .map((animation) => animation.finished),
    ),
  );
  return dialog;
}

/**
 * Chooses an option of a single drop-down (antd Select) and waits until the field shows it. On a loaded
 * CI machine a choice made while a dialog was still opening was not taken (the list moved under the
 * click), and once the list was left open, so that the next click on the field closed it and the option
 * was waited for in vain: the field is read back, the list opened only when it is closed, and a choice
 * that did not take is made again, with a warning in the run's output.
 */
export async function chooseOption(page: Page, field: Locator, title: string) {
  const select = field.locator('xpath=ancestor::*[contains(concat(" ", @class, " "), " ant-select ")][1]');
  for (let attempt = 1; ; attempt++) {
    try {
      if ((await field.getAttribute('aria-expanded')) !== 'true') await field.click();
      await page.locator(`.ant-select-item-option[title="${title}"]`).click({ timeout: 5_000 });
      await expect.poll(() => select.locator(`[title="${title}"]`).count(), { timeout: 5_000 }).toBe(1);
      return;
    } catch (error) {
      if (attempt === 3) throw error;
      console.warn(`下拉框未显示所选的“${title}”，第 ${attempt + 1} 次选择`);
    }
  }
}
