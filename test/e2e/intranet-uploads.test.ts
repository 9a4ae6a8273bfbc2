import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousA11yViolations } from '#test/support/axe.ts';
import {
  browserAvailability,
  intranetUrl,
  launchBrowser,
  loginThroughPage,
  pageApi,
} from '../support/browser.ts';
import { createDemoDatabase, type DemoDatabase } from '../support/demo-snapshot.ts';
import { photoOfAtLeast } from '../support/materials.ts';
import { type ServerProcess, startServerProcess } from '../support/server-process.ts';

const { available } = browserAvailability();

/**
 * A government intranet serves the platform over plain HTTP under its own address, which is not a
 * secure context: the browser has no crypto.randomUUID, crypto.subtle or clipboard there. A unit uploads
 * its two photos from the page as it would there, and each upload ends as the tus protocol wants it:
 * created, sent, finished, and never terminated afterwards (a DELETE of a finished upload is refused
 * with 409, which the shared browser guard would report).
 */
describe.skipIf(!available)('uploads on a plain-HTTP intranet', () => {
  let database: DemoDatabase;
  let server: ServerProcess;
  let browser: Browser;
  const folder = mkdtempSync(path.join(os.tmpdir(), 'tuijie-intranet-'));

  beforeAll(async () => {
    if (!existsSync(path.resolve('web/dist/index.html')))
      throw new Error('web/dist 不存在：请先运行 npm install 或 npm run build:web');
    writeFileSync(path.join(folder, '证件照.jpg'), await photoOfAtLeast(0));
    writeFileSync(path.join(folder, '活动照片.jpg'), await photoOfAtLeast(0));
    database = await createDemoDatabase();
    server = await startServerProcess(database.url, { varDir: database.varDir });
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await database?.drop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('uploads from the page without secure-context APIs and never terminates a finished upload', {
    timeout: 120_000,
  }, async () => {
    const base = intranetUrl(server.url);
    const page = await browser.newPage({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
    const uploads: Request[] = [];
    page.on('request', (r) => {
      if (new URL(r.url()).pathname.startsWith('/api/uploads')) uploads.push(r);
    });
    await loginThroughPage(page, base, 'changchun', server.passwords.get('changchun')!, 'UnitLearning2026');
    expect(
      await page.evaluate(() => ({
        secure: window.isSecureContext,
        randomUUID: typeof crypto.randomUUID,
        subtle: typeof crypto.subtle,
      })),
    ).toEqual({ secure: false, randomUUID: 'undefined', subtle: 'undefined' });

    const campaigns = (await pageApi(page, 'GET', '/api/campaigns')).items as {
      id: string;
      organiserName: string;
      status: string;
    }[];
    const jilin = campaigns.find((c) => c.organiserName.includes('吉林') && c.status === 'open')!;
    const { nomination } = await pageApi(page, 'POST', '/api/nominations', {
      campaignId: jilin.id,
      category: 'star',
    });
    await page.goto(`${base}/nominations/${nomination.id}`);
    for (const [slotId, file] of [
      ['idPhoto', '证件照.jpg'],
      ['activityPhoto', '活动照片.jpg'],
    ]) {
      const slot = page.getByTestId(`slot-star-${slotId}`);
      await slot.locator('input[type=file]').setInputFiles(path.join(folder, file!));
      await expect.poll(() => slot.getByText(file!).count(), { timeout: 60_000 }).toBeGreaterThan(0);
      await expect.poll(() => slot.getByText('已通过').count(), { timeout: 60_000 }).toBeGreaterThan(1);
    }
    await expectNoSeriousA11yViolations(page, '推介表（材料已上传）');
    // Give a late terminate request the moment it would take to go out.
    await page.waitForTimeout(1500);
    const methods = uploads.map((r) => r.method());
    expect(methods.filter((m) => m === 'POST')).toHaveLength(2);
    expect(methods.filter((m) => m === 'DELETE')).toEqual([]);
    await page.close();
  });
});
