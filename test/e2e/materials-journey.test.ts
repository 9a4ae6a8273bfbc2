import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousA11yViolations } from '#test/support/axe.ts';
import {
  ffmpegAvailability,
  film,
  flatImage,
  noisyJpeg,
  tempFolder,
  withJfif,
} from '../fixtures/media/generate.ts';
import {
  browserAvailability,
  intranetUrl,
  launchBrowser,
  loginThroughPage,
  pageApi,
  settledDialog,
} from '../support/browser.ts';
import { createDemoDatabase, type DemoDatabase } from '../support/demo-snapshot.ts';
import { type ServerProcess, startServerProcess } from '../support/server-process.ts';

const { available: browser_ } = browserAvailability();
const { available: ffmpeg } = ffmpegAvailability();
const root = path.resolve(import.meta.dirname, '../..');

/** Screenshots stay after the run, to be looked at: `$TMPDIR/tuijie-materials-journey/*.png`. */
const SHOTS = path.join(os.tmpdir(), 'tuijie-materials-journey');
const MEBIBYTE = 1024 * 1024;

/** A still-colour film with a tone: cheap to encode even at 4 minutes 10 seconds. */
function longFilm(out: string, fps: number, size = '1280x720'): string {
  const run = spawnSync(
    'ffmpeg',
    [
      ...['-v', 'error', '-y', '-f', 'lavfi', '-i', `color=c=0x22aa66:size=${size}:rate=${fps}`],
      ...['-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=44100', '-t', '250'],
      ...['-c:v', 'libx264', '-preset', 'ultrafast', '-tune', 'stillimage', '-pix_fmt', 'yuv420p'],
      ...['-c:a', 'aac', '-b:a', '32k', '-movflags', '+faststart', out],
    ],
    { encoding: 'utf8' },
  );
  if (run.status !== 0) throw new Error(`ffmpeg failed: ${run.stderr}`);
  return out;
}

/**
 * A unit uploads to a national-round star's material slots in the browser: the browser's own check
 * stops a small 72 dpi photo and a short 640×480 film before a byte is sent; a 12 MB photo interrupted
 * mid-upload resumes after a reload; the server's check passes a photo without density (with its
 * warning). A 1920×1080, 30 fps phone film goes up with a note that it will be converted; the check
 * fails it, the platform converts it on its own and the passing copy is submitted, which the page says;
 * the organiser sees the findings and waives one; the unit replaces the film with a good one.
 * Screenshots at 1280 and 375 px. All of it
 * over plain HTTP under an intranet name, which is not a secure context: no secure-context-only API
 * (crypto.randomUUID, crypto.subtle, the clipboard) may sit in the upload path.
 */
describe.skipIf(!browser_ || !ffmpeg)('browser journey: materials from pre-check to waiver', () => {
  let database: DemoDatabase;
  let server: ServerProcess;
  let browser: Browser;
  let webDist: string;
  /** The app as an intranet serves it: plain HTTP under a name that is not localhost. */
  let base: string;
  const media = tempFolder('tuijie-materials-e2e-');
  const file = (name: string) => path.join(media.dir, name);

  beforeAll(async () => {
    webDist = mkdtempSync(path.join(os.tmpdir(), 'tuijie-materials-web-'));
    const build = spawnSync(
      path.join(root, 'node_modules/.bin/vite'),
      ['build', '--config', 'web/vite.config.ts', '--outDir', webDist, '--emptyOutDir', '--logLevel', 'warn'],
      { cwd: root, encoding: 'utf8' },
    );
    if (build.status !== 0) throw new Error(`web build failed:\n${build.stdout}\n${build.stderr}`);
    process.env.TUIJIE_WEB_DIST = webDist;

    mkdirSync(SHOTS, { recursive: true });
    const flat = await flatImage(400, 300).jpeg().toBuffer();
    writeFileSync(file('张三-证件照.jpg'), await noisyJpeg(4000, 3000, 300));
    writeFileSync(file('小图-72dpi.jpg'), withJfif(flat, 72));
    writeFileSync(file('活动照片-无dpi.jpg'), await noisyJpeg(3000, 2000));
    film(file('小视频-640x480.mp4'), { seconds: 2, size: '640x480' });
    longFilm(file('手机视频-1080p-30帧.mp4'), 30, '1920x1080');
    longFilm(file('学习视频.mp4'), 25);

    database = await createDemoDatabase();
    server = await startServerProcess(database.url, { varDir: database.varDir });
    base = intranetUrl(server.url);
    browser = await launchBrowser();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await database?.drop();
    media.remove();
    if (webDist) rmSync(webDist, { recursive: true, force: true });
  });

  const shot = (page: Page, name: string) =>
    page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });

  it('pre-checks, uploads with resume, shows server findings, converts, waives and replaces', {
    timeout: 600_000,
  }, async () => {
    const unit = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
    const u = await unit.newPage();
    try {
      await journey(u);
    } catch (e) {
      await shot(u, 'failure-unit').catch(() => {});
      console.error(server.output().slice(-4000));
      throw e;
    }
  });

  async function journey(u: Page) {
    const uploads: Request[] = [];
    u.on('request', (r) => {
      if (new URL(r.url()).pathname.startsWith('/api/uploads')) uploads.push(r);
    });
    const creations = () => uploads.filter((r) => r.method() === 'POST').length;

    // 吉林省教育厅 reports to the national round, whose star photos must be ≥ 5 MB and ≥ 300 dpi.
    await loginThroughPage(u, base, 'jilin-admin', server.passwords.get('jilin-admin')!, 'Organiser2026ok');
    expect(await u.evaluate(() => window.isSecureContext)).toBe(false);
    const id = await u.evaluate(async () => {
      const me = await (await fetch('/api/auth/me')).json();
      const { items } = await (await fetch('/api/campaigns')).json();
      // The open national round (the demo also has one in review).
      const national = items.find(
        (c: { level: string; status: string }) => c.level === 'national' && c.status === 'open',
      );
      const response = await fetch('/api/nominations', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
        body: JSON.stringify({ campaignId: national.id, category: 'star' }),
      });
      return (await response.json()).nomination.id as string;
    });
    await u.goto(`${base}/nominations/${id}`);
    const idPhoto = u.getByTestId('slot-star-idPhoto');
    const photo = u.getByTestId('slot-star-photo');
    const video = u.getByTestId('slot-star-video');
    await expect.poll(() => idPhoto.getByText('未上传').count()).toBeGreaterThan(0);
    await expect.poll(() => idPhoto.getByText(/JPG，不小于 5MB，不低于 300dpi/).count()).toBe(1);
    await expect
      .poll(() => video.getByText(/MP4（H\.264），1280×720，25 帧\/秒，时长 4分钟至5分钟/).count())
      .toBe(1);
    const input = (slot: typeof idPhoto) => slot.locator('input[type=file]');

    // The browser stops a small 72 dpi JPEG and a 640×480 film, saying why; nothing is sent.
    await input(photo).setInputFiles(file('小图-72dpi.jpg'));
    await expect.poll(() => photo.getByText('「小图-72dpi.jpg」不符合要求，未上传').count()).toBe(1);
    await expect.poll(() => photo.getByText(/要求不低于 5 MB/).count()).toBe(1);
    await expect.poll(() => photo.getByText(/照片分辨率为 72 dpi，要求不低于 300 dpi/).count()).toBe(1);
    await input(video).setInputFiles(file('小视频-640x480.mp4'));
    await expect.poll(() => video.getByText(/视频分辨率为 640×480，要求 1280×720/).count()).toBe(1);
    expect(uploads).toHaveLength(0);
    await shot(u, 'precheck-stopped-1280');
    await expectNoSeriousA11yViolations(u, '材料（预检未通过）');

    // A 12 MB photo goes in 8 MB chunks; the connection drops after the first, the page is reloaded,
    // and choosing the same file again resumes the same upload at 8 MB.
    let patches = 0;
    let stalled: () => void = () => {};
    const stalledNow = new Promise<void>((resolve) => (stalled = resolve));
    await u.route('**/api/uploads/*', async (route) => {
      if (route.request().method() !== 'PATCH') return route.continue();
      patches += 1;
      if (patches === 1) return route.continue();
      stalled();
      return route.abort('connectionreset'); // the connection drops, and every retry's too
    });
    await input(idPhoto).setInputFiles(file('张三-证件照.jpg'));
    await stalledNow;
    expect(creations()).toBe(1);
    await u.reload();
    await u.unrouteAll({ behavior: 'ignoreErrors' });
    await expect.poll(() => idPhoto.getByText('有未完成的上传').count()).toBe(1);
    await expect.poll(() => idPhoto.getByText(/已上传 8 MB \/ \d+(\.\d)? MB/).count()).toBe(1);
    await shot(u, 'resume-offered-1280');
    const before = uploads.length;
    await input(idPhoto).setInputFiles(file('张三-证件照.jpg'));
    await expect.poll(() => idPhoto.getByText('已通过').count(), { timeout: 60_000 }).toBeGreaterThan(1);
    const resumed = uploads.slice(before);
    expect(resumed.filter((r) => r.method() === 'POST')).toHaveLength(0);
    expect(resumed.some((r) => r.method() === 'HEAD')).toBe(true);
    const offset = Number(resumed.find((r) => r.method() === 'PATCH')?.headers()['upload-offset']);
    expect(offset).toBe(8 * MEBIBYTE);
    await expect.poll(() => idPhoto.locator('img').count()).toBeGreaterThan(0);

    // No density recorded: the browser lets it go with a warning; the server passes it, and says so too.
    await input(photo).setInputFiles(file('活动照片-无dpi.jpg'));
    await expect.poll(() => photo.getByText('已通过').count(), { timeout: 60_000 }).toBeGreaterThan(1);
    await expect.poll(() => photo.getByText(/照片未记录分辨率（dpi）/).count()).toBeGreaterThan(0);

    // A 1920×1080, 30 fps phone film: the browser measures its frame size and lets it go, saying it
    // will be converted; the server's check fails it, the platform converts it and submits the copy.
    await input(video).setInputFiles(file('手机视频-1080p-30帧.mp4'));
    await expect
      .poll(() => video.getByText(/视频的分辨率不符合要求.*上传后平台将自动转换为符合要求的视频/).count())
      .toBe(1);
    await shot(u, 'will-convert-1280');
    await expectNoSeriousA11yViolations(u, '材料（上传中，将转换）');
    await expect
      .poll(() => video.getByText(/视频帧率为 30 fps，要求 25 fps/).count(), { timeout: 90_000 })
      .toBe(1);
    await expect.poll(() => video.getByText(/视频分辨率为 1920×1080，要求 1280×720/).count()).toBe(1);
    await expect.poll(() => video.getByText('转换后的副本').count(), { timeout: 60_000 }).toBe(1);
    await shot(u, 'server-findings-1280');
    await u.setViewportSize({ width: 375, height: 812 });
    await u.getByText('材料', { exact: true }).first().scrollIntoViewIfNeeded();
    await shot(u, 'server-findings-375');
    await u.setViewportSize({ width: 1280, height: 900 });
    expect(await video.getByRole('button', { name: '转换为符合要求的视频' }).count()).toBe(0);

    // The player plays the original with range requests.
    await video
      .getByRole('button', { name: /播\s*放$/ })
      .first()
      .click();
    await expect.poll(() => video.locator('video').count()).toBe(1);
    await expect
      .poll(() => video.locator('video').evaluate((v: HTMLVideoElement) => v.readyState), { timeout: 30_000 })
      .toBeGreaterThan(0);

    // The copy (1280×720, 25 fps) passes and is submitted by default; the page says so.
    const copyCard = video.getByTestId('material-file').nth(1);
    await expect.poll(() => copyCard.getByText('已通过').count(), { timeout: 400_000 }).toBe(1);
    await expect.poll(() => copyCard.getByText('提交此文件', { exact: true }).count()).toBe(1);
    await expect.poll(() => copyCard.getByText(/已选定提交此文件/).count()).toBe(1);
    await expect.poll(() => video.getByText(/提交时使用转换后的视频/).count()).toBe(1);
    await expect.poll(() => video.getByRole('button', { name: '改为提交原文件' }).count()).toBe(1);
    await shot(u, 'converted-1280');
    await u.setViewportSize({ width: 375, height: 812 });
    await video.scrollIntoViewIfNeeded();
    await shot(u, 'converted-375');
    await u.setViewportSize({ width: 1280, height: 900 });
    await expectNoSeriousA11yViolations(u, '材料（转换后的副本）');

    // The unit asks the organiser to look at its draft (until then the organiser sees only a count); the
    // organiser sees every file with its findings and waives the frame rate of the original.
    await pageApi(u, 'POST', `/api/nominations/${id}/review-request`, { requested: true });
    const organiser = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
    const o = await organiser.newPage();
    await loginThroughPage(o, base, 'cace-admin', server.passwords.get('cace-admin')!, 'Organiser2026cace');
    await o.goto(`${base}/nominations/${id}`);
    const orgVideo = o.getByTestId('slot-star-video');
    await expect.poll(() => orgVideo.getByText(/视频帧率为 30 fps，要求 25 fps/).count()).toBe(1);
    expect(await o.getByRole('button', { name: /上传/ }).count()).toBe(0);
    await orgVideo
      .getByRole('button', { name: /^豁\s*免$/ })
      .first()
      .click();
    await (await settledDialog(o)).getByLabel('豁免理由').fill('原片为手机拍摄，内容完整，评审组同意接收');
    await (await settledDialog(o)).getByRole('button', { name: /豁\s*免/ }).click();
    await expect.poll(() => orgVideo.getByText('已豁免').count()).toBeGreaterThan(0);
    await expect.poll(() => orgVideo.getByText(/原片为手机拍摄/).count()).toBe(1);
    await shot(o, 'organiser-waived-1280');
    await expectNoSeriousA11yViolations(o, '材料（组织方豁免）');
    await organiser.close();

    // The unit replaces the film with a good one: 25 fps, 4分10秒, 1280×720, H.264.
    await u.reload();
    await video
      .getByTestId('material-file')
      .first()
      .getByRole('button', { name: /^删\s*除$/ })
      .click();
    await u
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /^删\s*除$/ })
      .click();
    await expect.poll(() => video.getByTestId('material-file').count(), { timeout: 30_000 }).toBe(0);
    await input(video).setInputFiles(file('学习视频.mp4'));
    await expect.poll(() => video.getByText('已通过').count(), { timeout: 90_000 }).toBeGreaterThan(1);
    await expect.poll(() => video.getByText(/需自行核对/).count()).toBe(1);
    await shot(u, 'all-passed-1280');
    await expectNoSeriousA11yViolations(u, '材料（全部通过）');
    // A finished upload is never terminated: no DELETE follows any of them.
    expect(uploads.filter((r) => r.method() === 'DELETE')).toHaveLength(0);
    await u.setViewportSize({ width: 375, height: 812 });
    await shot(u, 'all-passed-375');
    await unitClose(u);
  }

  async function unitClose(page: Page) {
    await page.context().close();
  }
});
