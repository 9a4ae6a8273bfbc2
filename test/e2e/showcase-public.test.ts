import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DERIVATIVE_NAMES } from '#server/modules/showcase/derivative-files.ts';
import { expectNoSeriousA11yViolations } from '#test/support/axe.ts';
import { browserAvailability, launchBrowser } from '#test/support/browser.ts';
import { createDemoDatabase, type DemoDatabase } from '#test/support/demo-snapshot.ts';
import { type ServerProcess, startServerProcess } from '#test/support/server-process.ts';

const { available } = browserAvailability();

/** A national 2025 winner of the demo (seed/demo-showcase-people.ts) reported by Jilin, with a film. */
const WINNER = '孙桂兰';
const MEDIA = /^\/showcase\/media\/[0-9a-f-]{36}\/([^/]+)$/;

/**
 * Issue 14's public journey in Chromium on a phone (375 px), nobody signed in, against the real server
 * with the demo data: 优秀事迹展示 → 2025年 → 吉林省 → 孙桂兰, whose film plays from its web copy, sent by
 * byte ranges (206 with Content-Range); every picture and film fetched is a web copy, never an original;
 * the search finds her by name; the slideshow shows one slide at a time. Axe at 1280 and 375 px on
 * every page, screenshots at both widths.
 */
describe.skipIf(!available)('browser journey: the public showcase on a phone', () => {
  let database: DemoDatabase;
  let server: ServerProcess;
  let browser: Browser;

  beforeAll(async () => {
    database = await createDemoDatabase();
    server = await startServerProcess(database.url, { varDir: database.varDir });
    browser = await launchBrowser();
    await mkdir(path.resolve('.tmp'), { recursive: true });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await database?.drop();
  });

  const shot = (page: Page, name: string) =>
    page.screenshot({ path: path.resolve('.tmp', `e2e-showcase-public-${name}.png`), fullPage: true });

  /** A screenshot at the desk width too, and the phone's width back. */
  const shotsAtBothWidths = async (page: Page, name: string) => {
    await shot(page, `${name}-375`);
    await page.setViewportSize({ width: 1280, height: 900 });
    await shot(page, `${name}-1280`);
    await page.setViewportSize({ width: 375, height: 812 });
  };

  const fitsThePhone = async (page: Page) =>
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

  it('browses to a winner, plays the film by ranges, finds her, shows one slide at a time', {
    timeout: 400_000,
  }, async () => {
    // Reduced motion stops the slideshow's own turning, so what the test sees is what it clicked.
    const context = await browser.newContext({
      locale: 'zh-CN',
      viewport: { width: 375, height: 812 },
      reducedMotion: 'reduce',
    });
    const page = await context.newPage();
    const requested: URL[] = [];
    const filmAnswers: { status: number; range: string | null }[] = [];
    page.on('request', (r) => requested.push(new URL(r.url())));
    page.on('response', (r) => {
      if (new URL(r.url()).pathname.endsWith('/web.mp4'))
        filmAnswers.push({ status: r.status(), range: r.headers()['content-range'] ?? null });
    });
    try {
      await page.goto(`${server.url}/showcase/`);
      await expect.poll(() => page.getByRole('heading', { level: 1, name: '优秀事迹展示' }).count()).toBe(1);
      await fitsThePhone(page);
      await shotsAtBothWidths(page, '1-index');
      await expectNoSeriousA11yViolations(page, '优秀事迹展示（首页）');

      await page.getByRole('link', { name: '2025年', exact: true }).click();
      await expect
        .poll(() => page.getByRole('heading', { level: 1, name: '2025年优秀事迹展示' }).count())
        .toBe(1);
      await fitsThePhone(page);
      await shotsAtBothWidths(page, '2-year');
      await expectNoSeriousA11yViolations(page, '优秀事迹展示（2025年）');

      await page
        .getByRole('navigation', { name: '按省份浏览' })
        .getByRole('link', { name: /^吉林省（\d+）$/ })
        .click();
      await expect
        .poll(() => page.getByRole('heading', { level: 1, name: '2025年吉林省入选者' }).count())
        .toBe(1);
      await fitsThePhone(page);
      await shotsAtBothWidths(page, '3-province');
      await expectNoSeriousA11yViolations(page, '优秀事迹展示（吉林省）');

      await page.getByRole('link', { name: WINNER, exact: true }).click();
      await expect.poll(() => page.getByRole('heading', { level: 1, name: WINNER }).count()).toBe(1);
      // Her approved story is public.
      await expect
        .poll(() =>
          page
            .getByText('孙桂兰退休后走进老年大学，十年间坚持学习国画，从零基础到作品入选省级展览。', {
              exact: true,
            })
            .count(),
        )
        .toBe(1);
      // The web copies are made by the app's background job after its first start: the film appears
      // on her page once its copy is there.
      await expect
        .poll(
          async () => {
            await page.reload();
            return page.locator('video').count();
          },
          { timeout: 180_000, interval: 2000 },
        )
        .toBe(1);
      const video = page.locator('video');
      expect(await video.getAttribute('aria-label')).toBe(`${WINNER}的视频`);
      // Played muted: a page may start sound only after a listener's own gesture.
      await video.evaluate((v: HTMLVideoElement) => {
        v.muted = true;
        return v.play();
      });
      await expect
        .poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 60_000 })
        .toBeGreaterThan(0.5);
      expect(filmAnswers.length).toBeGreaterThan(0);
      for (const answer of filmAnswers) {
        expect(answer.status).toBe(206);
        expect(answer.range).toMatch(/^bytes \d+-\d+\/\d+$/);
      }
      await video.evaluate((v: HTMLVideoElement) => v.pause());
      await fitsThePhone(page);
      await shotsAtBothWidths(page, '4-winner');
      await expectNoSeriousA11yViolations(page, `优秀事迹展示（${WINNER}）`);

      await page.goto(`${server.url}/showcase/`);
      await page.getByLabel('搜索姓名、地区或关键词').fill(WINNER);
      await page.getByRole('button', { name: '搜索', exact: true }).click();
      await expect
        .poll(() => page.getByText(`“${WINNER}”共找到1个入选者。`, { exact: true }).count())
        .toBe(1);
      expect(await page.getByRole('link', { name: WINNER, exact: true }).count()).toBe(1);
      await fitsThePhone(page);
      await shotsAtBothWidths(page, '5-search');
      await expectNoSeriousA11yViolations(page, '优秀事迹展示（搜索）');

      await page.goto(`${server.url}/showcase/2025/`);
      await page.getByRole('link', { name: '大屏幕轮播', exact: true }).click();
      const slides = page.locator('.slide');
      const total = await slides.count();
      expect(total).toBeGreaterThan(1);
      await expect.poll(() => page.getByText(`1 / ${total}`, { exact: true }).count()).toBe(1);
      expect(await page.locator('.slide:visible').count()).toBe(1);
      expect(await slides.nth(0).isVisible()).toBe(true);
      await fitsThePhone(page);
      await shotsAtBothWidths(page, '6-slides');
      await page.getByRole('button', { name: '下一位', exact: true }).click();
      await expect.poll(() => page.getByText(`2 / ${total}`, { exact: true }).count()).toBe(1);
      expect(await page.locator('.slide:visible').count()).toBe(1);
      expect(await slides.nth(1).isVisible()).toBe(true);
      await page.keyboard.press('ArrowLeft');
      await expect.poll(() => page.getByText(`1 / ${total}`, { exact: true }).count()).toBe(1);
      expect(await page.locator('.slide:visible').count()).toBe(1);
      await expectNoSeriousA11yViolations(page, '优秀事迹展示（大屏幕轮播）');

      // Only web copies were fetched: every media address names a copy, and nothing asked the app's API
      // (where an original material is served to those who may see it).
      const media = requested.filter((u) => u.pathname.startsWith('/showcase/media/'));
      expect(media.some((u) => u.pathname.endsWith('/web.mp4'))).toBe(true);
      expect(media.some((u) => /\/w(480|1280)\.(jpg|webp)$/.test(u.pathname))).toBe(true);
      for (const u of media) expect(DERIVATIVE_NAMES).toContain(MEDIA.exec(u.pathname)?.[1]);
      expect(requested.filter((u) => u.pathname.startsWith('/api/')).map((u) => u.pathname)).toEqual([]);
      expect(
        requested.filter(
          (u) => /materials|\.mp4$|\.mov$/i.test(u.pathname) && !u.pathname.endsWith('/web.mp4'),
        ),
      ).toEqual([]);
    } catch (e) {
      await shot(page, 'failure').catch(() => {});
      console.error(server.output().slice(-3000));
      throw e;
    }
  });
});
