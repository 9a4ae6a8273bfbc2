/**
 * The announcement page in a real Chromium: axe-core finds no WCAG 2 A/AA violation (the checks GB/T
 * 37668-2019 level 2 shares with WCAG 2.0 AA) in normal, large-text and high-contrast views, at 375 and
 * 1280 px; the first Tab reaches the skip link; nothing scrolls sideways on a phone; the reading switch
 * works as a plain link; the feed parses as XML in the browser's own parser.
 *
 * axe-core is present in node_modules but not listed in package.json; without it the axe checks are
 * skipped with a message (the rest still runs).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailability, launchBrowser } from '#test/support/browser.ts';
import { type PublicSite, publicSite } from './public-site-fixture.ts';

const AXE = path.resolve(import.meta.dirname, '../../../node_modules/axe-core/axe.min.js');
const browserCheck = browserAvailability();
const hasAxe = existsSync(AXE);
if (!hasAxe) console.warn('跳过 axe-core 无障碍检查：node_modules 中没有 axe-core');

let site: PublicSite;
let browser: Browser;

beforeAll(async () => {
  if (!browserCheck.available) return;
  site = await publicSite({ listen: true });
  browser = await launchBrowser();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await site?.t.close();
});

interface AxeResult {
  violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[];
}

async function axeViolations(url: string, width: number, cookies: { name: string; value: string }[] = []) {
  const context = await browser.newContext({ viewport: { width, height: 800 }, bypassCSP: true });
  if (cookies.length) await context.addCookies(cookies.map((c) => ({ ...c, url: site.t.url })));
  const page = await context.newPage();
  await page.goto(url);
  await page.evaluate(readFileSync(AXE, 'utf8'));
  const result = (await page.evaluate(() =>
    // biome-ignore lint/suspicious/noExplicitAny: axe is a global the script just defined
    (globalThis as any).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa'] },
    }),
  )) as AxeResult;
  await context.close();
  return result.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} @ ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

describe.skipIf(!browserCheck.available)('the announcement page in Chromium', () => {
  it.skipIf(!hasAxe).each([
    [375, []],
    [1280, []],
    [
      375,
      [
        { name: 'gs_text', value: 'large' },
        { name: 'gs_contrast', value: 'high' },
      ],
    ],
  ])('has no axe violations at %i px (%j)', async (width, cookies) => {
    expect(await axeViolations(`${site.t.url}/gs/${site.announcement.id}`, width, cookies)).toEqual([]);
  });

  it.skipIf(!hasAxe)('the status lookup form has no axe violations', async () => {
    expect(await axeViolations(`${site.t.url}/gs/status`, 375)).toEqual([]);
  });

  it('is keyboard-usable, fits a phone and switches to large text by a link', async () => {
    const page = await browser.newPage({ viewport: { width: 375, height: 800 } });
    await page.goto(`${site.t.url}/gs/${site.announcement.id}`);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('跳到正文');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).toBe('solid');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await page.getByRole('link', { name: '大字' }).click();
    await page.waitForURL(`${site.t.url}/gs/${site.announcement.id}`);
    expect(await page.evaluate(() => document.documentElement.className)).toBe('text-large');
    await page.close();
  });

  it('serves a feed the browser parses as XML', async () => {
    const page = await browser.newPage();
    await page.goto(`${site.t.url}/gs/`);
    const parsed = await page.evaluate(async () => {
      const text = await (await fetch('/feed.xml')).text();
      const doc = new DOMParser().parseFromString(text, 'application/xml');
      return {
        error: doc.querySelector('parsererror')?.textContent ?? null,
        root: doc.documentElement.localName,
        ns: doc.documentElement.namespaceURI,
        entries: doc.getElementsByTagName('entry').length,
      };
    });
    expect(parsed).toEqual({ error: null, root: 'feed', ns: 'http://www.w3.org/2005/Atom', entries: 1 });
    await page.close();
  });
});
