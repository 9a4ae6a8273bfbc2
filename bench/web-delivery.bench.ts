/**
 * What a first visit costs an office on a slow line (issue 17): bytes transferred on a cold visit (empty
 * cache) to /login and to a 推介表 (nomination form), from the browser's own network trace, and the time to
 * first contentful paint of /login (its form: the login page is plain HTML, decision 0020) and until the
 * form works (its script arrived and enabled the button), with the network throttled as Lighthouse's mobile
 * profile (150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up; the CPU is not slowed). Goals: /login ≤ 300 KB,
 * the form ≤ 700 KB, first paint < 2.5 s. The baseline, from the same trace, is the same visit's bytes before compression.
 *
 *   npm run bench -- web-delivery        (needs web/dist: npm run build:web; and /usr/bin/chromium)
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium } from 'playwright-core';
import { freePort } from '#server/platform/free-port.ts';
import { api, loginOverHttp, printedPasswords } from '#test/server/modules/materials/killable-server.ts';

// As test/support/browser.ts (which cannot be imported outside vitest): Debian's Chromium.
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const KB = 1024;
const GOALS = { loginBytes: 300 * KB, formBytes: 700 * KB, paintMs: 2500 };
/** Lighthouse's mobile network profile, as DevTools applies it. */
const THROTTLED_4G = {
  offline: false,
  latency: 150,
  downloadThroughput: (1.6e6 / 8) | 0,
  uploadThroughput: (750e3 / 8) | 0,
};

const root = path.resolve(import.meta.dirname, '..');

interface Trace {
  /** Bytes on the wire, headers included (CDP encodedDataLength). */
  transferred: number;
  /** The bodies as the page uses them, uncompressed. */
  decoded: number;
  requests: number;
  firstContentfulPaintMs: number | null;
  /** When the page could be used: the login form's button enabled by its script, the 推介表's fields there. */
  readyMs: number;
}

/** Opens `url` in a fresh page of `context` (its cache empty) and sums what the browser fetched for it. */
async function visit(
  context: BrowserContext,
  url: string,
  ready: (page: import('playwright-core').Page) => Promise<unknown>,
  throttled: boolean,
): Promise<Trace> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (throttled) await cdp.send('Network.emulateNetworkConditions', THROTTLED_4G);
  let transferred = 0;
  let decoded = 0;
  let requests = 0;
  cdp.on('Network.dataReceived', (e) => (decoded += e.dataLength));
  cdp.on('Network.loadingFinished', (e) => {
    transferred += e.encodedDataLength;
    requests += 1;
  });
  await page.goto(url);
  await ready(page);
  const readyMs = await page.evaluate(() => performance.now());
  await page.waitForLoadState('networkidle');
  const firstContentfulPaintMs = await page.evaluate(
    () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
  );
  await page.close();
  return { transferred, decoded, requests, firstContentfulPaintMs, readyMs };
}

async function startServer(
  varDir: string,
  port: number,
): Promise<{ child: ChildProcess; output: () => string }> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    TUIJIE_VAR_DIR: varDir,
    LOG_LEVEL: 'warn',
  };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, ['src/cli/main.ts', 'serve', '--demo'], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let out = '';
  child.stdout!.on('data', (c) => (out += c));
  child.stderr!.on('data', (c) => (out += c));
  while (!out.includes('推介平台已启动')) {
    if (child.exitCode !== null) throw new Error(`服务进程退出（${child.exitCode}）：\n${out}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { child, output: () => out };
}

const varDir = await mkdtemp(path.join(os.tmpdir(), 'tuijie-bench-web-'));
await chmod(varDir, 0o755);
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
let server: { child: ChildProcess; output: () => string } | undefined;
let browser: Browser | undefined;
try {
  server = await startServer(varDir, port);
  // The 推介表 of a unit: a fresh star nomination in the demo's open provincial round.
  const unit = await loginOverHttp(base, 'changchun', printedPasswords(server.output()).get('changchun')!);
  const { items } = await (await api(base, unit, 'GET', '/api/campaigns')).json();
  const round = items.find(
    (c: { organiserName: string; status: string }) =>
      c.organiserName === '吉林省教育厅' && c.status === 'open',
  );
  const created = await api(base, unit, 'POST', '/api/nominations', {
    campaignId: round.id,
    category: 'star',
  });
  const { nomination } = await created.json();

  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
  const anonymous = await browser.newContext({ locale: 'zh-CN', viewport: { width: 390, height: 844 } });
  // The form paints with the HTML; it works once its script has enabled the button.
  const loginForm = (page: import('playwright-core').Page) =>
    page.locator('button[type="submit"]:enabled').waitFor();
  const login = await visit(anonymous, `${base}/login`, loginForm, false);
  const loginThrottled = await visit(anonymous, `${base}/login`, loginForm, true);

  const signedIn = await browser.newContext({ locale: 'zh-CN', viewport: { width: 390, height: 844 } });
  const [name, value] = unit.cookie.split('=') as [string, string];
  await signedIn.addCookies([{ name, value, url: base }]);
  const form = await visit(
    signedIn,
    `${base}/nominations/${nomination.id}`,
    (page) => page.getByLabel('姓名', { exact: true }).waitFor({ timeout: 60_000 }),
    false,
  );

  const kb = (n: number) => `${(n / KB).toFixed(0).padStart(6)} KB`;
  const row = (name: string, trace: Trace, goal: number) =>
    console.log(
      `${name.padEnd(38)}${kb(trace.transferred)}  ${String(trace.requests).padStart(3)} requests  ` +
        `${(trace.transferred / goal).toFixed(2)}x goal  (${kb(trace.decoded).trim()} uncompressed: ` +
        `${(trace.transferred / trace.decoded).toFixed(2)}x baseline)`,
    );
  console.log('cold first visit, bytes transferred (goal: /login 300 KB, 推介表 700 KB)');
  row('/login', login, GOALS.loginBytes);
  row('推介表 /nominations/:id (signed in)', form, GOALS.formBytes);
  const paint = loginThrottled.firstContentfulPaintMs;
  console.log(`first contentful paint of /login, throttled 4G (goal ${GOALS.paintMs} ms)`);
  console.log(
    paint === null
      ? '/login                                 no paint recorded'
      : `${'/login'.padEnd(38)}${paint.toFixed(0).padStart(6)} ms  ${(paint / GOALS.paintMs).toFixed(2)}x goal  ` +
          `(unthrottled ${login.firstContentfulPaintMs?.toFixed(0) ?? '—'} ms)`,
  );
  // The first paint is the form itself; signing in needs its script too.
  console.log(
    `${'/login form works, throttled'.padEnd(38)}${loginThrottled.readyMs.toFixed(0).padStart(6)} ms  ` +
      `(unthrottled ${login.readyMs.toFixed(0)} ms; no goal)`,
  );
} finally {
  await browser?.close();
  if (server && server.child.exitCode === null) {
    process.kill(-server.child.pid!, 'SIGTERM');
    await new Promise((r) => server!.child.once('exit', r));
  }
  await rm(varDir, { recursive: true, force: true });
  await rm(`${varDir}.password`, { force: true });
}
