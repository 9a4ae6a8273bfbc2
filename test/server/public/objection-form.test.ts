/**
 * The objection form works without script: a multipart POST answered with a receipt page, or with the form
 * again showing each Chinese error beside its field and every typed value kept; the status lookup; the
 * dated correction after an entry is removed.
 *
 * The objections module (obj's slice) is not merged yet: `objectionsStandIn` below stands in for its
 * `issueCaptcha`, `submitObjection` and `getObjectionStatus`, with the signatures of ISSUE13.md, and only
 * here. The lead replaces it with the real functions at merge.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '#server/platform/errors.ts';
import {
  type ObjectionFormInput,
  type PublicObjections,
  providePublicObjections,
} from '#server/public/objections-port.ts';
import { type PublicSite, publicSite } from './public-site-fixture.ts';

const submitted: { input: ObjectionFormInput; files: { fileName: string; bytes: Buffer }[]; ip: string }[] =
  [];

const objectionsStandIn: PublicObjections = {
  issueCaptcha: (now) => ({ token: `t-${now.getTime()}`, question: '三加四等于几？（请填写阿拉伯数字）' }),
  async submitObjection(_context, input, files, meta) {
    if (input.captcha.answer !== '7' || !input.captcha.token.startsWith('t-')) {
      throw new AppError('CAPTCHA_FAILED', '验证问题回答不正确，请重新回答');
    }
    if ('idNumber' in input.objector && input.objector.idNumber.length !== 18) {
      throw new AppError('OBJECTION_INVALID', '异议内容不符合要求', {
        findings: [{ field: 'objector.idNumber', message: '身份证号码应为18位，请核对' }],
      });
    }
    submitted.push({ input, files, ip: meta.ip });
    return { receipt: `YY2026${String(submitted.length).padStart(4, '0')}`, announcementTitle: '测试公示' };
  },
  async getObjectionStatus(_db, receipt, phone) {
    const index = Number(receipt.slice(6)) - 1;
    const found = submitted[index];
    if (!found || found.input.objector.phone !== phone) return null;
    return { receipt, stateLabel: '已受理', submittedAt: '2026-09-30T03:00:00Z', reply: null };
  },
};

let site: PublicSite;

beforeAll(async () => {
  providePublicObjections(objectionsStandIn);
  site = await publicSite();
}, 180_000);
afterAll(async () => {
  providePublicObjections(undefined);
  await site?.t.close();
});

/** A multipart body as a browser sends the form. */
function multipart(
  fields: Record<string, string>,
  files: { name: string; fileName: string; bytes: Buffer }[] = [],
) {
  const boundary = '----tuijieFormBoundary7MA4YWxk';
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    chunks.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  }
  for (const f of files) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${f.name}"; filename="${f.fileName}"\r\nContent-Type: application/pdf\r\n\r\n`,
      ),
      f.bytes,
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(chunks),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

const post = (url: string, fields: Record<string, string>, files?: Parameters<typeof multipart>[1]) =>
  site.t.app.inject({ method: 'POST', url, ...multipart(fields, files) });

function tokenOf(html: string): string {
  return /name="captchaToken" value="([^"]+)"/.exec(html)![1]!;
}

describe('the objection form', () => {
  it('is a plain multipart form with a text captcha and the entries to choose from', async () => {
    const entry = site.announcement.entries[0]!;
    const res = await site.t.app.inject({
      method: 'GET',
      url: `/gs/${site.announcement.id}/objection?entry=${entry.id}`,
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toContain('enctype="multipart/form-data"');
    expect(res.body).toContain('三加四等于几？');
    expect(res.body).toContain(`<option value="${entry.id}" selected>`);
    expect(res.body).toContain('<label for="idNumber">身份证号码</label>');
  });

  it('shows the errors beside their fields and keeps what was typed', async () => {
    const { announcement } = site;
    const url = `/gs/${announcement.id}/objection`;
    const form = await site.t.app.inject({ method: 'GET', url });
    const typed = {
      entryId: announcement.entries[1]!.id,
      objectorKind: 'person',
      name: '李<b>明</b>',
      idNumber: '12345',
      workplace: '某某街道',
      phone: '13800001234',
      facts: '事迹材料中所述获奖情况与事实不符。\n第二行',
      captchaAnswer: '8',
      captchaToken: tokenOf(form.body),
    };
    const wrongCaptcha = await post(url, typed);
    expect(wrongCaptcha.statusCode).toBe(422);
    expect(wrongCaptcha.body).toContain(
      '<p class="error" id="captchaAnswer-error">验证问题回答不正确，请重新回答</p>',
    );
    expect(wrongCaptcha.body).toContain('value="李&lt;b&gt;明&lt;/b&gt;"');
    expect(wrongCaptcha.body).toContain('value="13800001234"');
    expect(wrongCaptcha.body).toMatch(
      /<textarea id="facts" name="facts"[^>]*>事迹材料中所述获奖情况与事实不符。\n第二行<\/textarea>/,
    );
    expect(wrongCaptcha.body).toContain(`<option value="${typed.entryId}" selected>`);

    const badId = await post(url, { ...typed, captchaAnswer: '7', captchaToken: tokenOf(wrongCaptcha.body) });
    expect(badId.statusCode).toBe(422);
    expect(badId.body).toContain('<p class="error" id="idNumber-error">身份证号码应为18位，请核对</p>');
    expect(badId.body).toMatch(/id="idNumber" name="idNumber" value="12345"[^>]*aria-invalid="true"/);
    expect(submitted).toHaveLength(0);

    const blank = await post(url, { objectorKind: 'unit', captchaToken: 'x' });
    expect(blank.statusCode).toBe(422);
    expect(blank.body).toContain('请选择对名单中哪一位人员或哪一个项目提出异议');
    expect(blank.body).toContain('单位提出异议须填写单位名称');
    expect(blank.body).toContain('<input type="radio" name="objectorKind" value="unit" checked>');
    expect(submitted).toHaveLength(0);
  });

  it('gives a receipt for a good objection, and the receipt and phone find its status', async () => {
    const { announcement } = site;
    const url = `/gs/${announcement.id}/objection`;
    const form = await site.t.app.inject({ method: 'GET', url });
    const res = await post(
      url,
      {
        entryId: announcement.entries[0]!.id,
        objectorKind: 'person',
        name: '李明',
        idNumber: '220102198001010017',
        workplace: '某某街道',
        phone: '13800001234',
        facts: '事迹与事实不符。',
        captchaAnswer: '7',
        captchaToken: tokenOf(form.body),
      },
      [{ name: 'files', fileName: '证明.pdf', bytes: Buffer.from('%PDF-1.4\n%%EOF\n') }],
    );
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toContain('回执编号：<strong>YY20260001</strong>');
    expect(res.body).toContain('<a href="/gs/status">异议办理查询</a>');
    expect(submitted[0]!.input).toMatchObject({
      announcementId: announcement.id,
      entryId: announcement.entries[0]!.id,
      objectorKind: 'person',
      objector: { name: '李明', idNumber: '220102198001010017', workplace: '某某街道', phone: '13800001234' },
      facts: '事迹与事实不符。',
      captcha: { answer: '7' },
    });
    expect(submitted[0]!.files).toEqual([{ fileName: '证明.pdf', bytes: Buffer.from('%PDF-1.4\n%%EOF\n') }]);

    const status = await post('/gs/status', { receipt: 'YY20260001', phone: '13800001234' });
    expect(status.statusCode).toBe(200);
    expect(status.headers['cache-control']).toBe('no-store');
    expect(status.body).toContain('<tr><th scope="row">办理状态</th><td>已受理</td></tr>');
    expect(status.body).toContain('2026年9月30日 11:00');
    const wrong = await post('/gs/status', { receipt: 'YY20260001', phone: '13900000000' });
    expect(wrong.statusCode).toBe(404);
    expect(wrong.body).toContain('没有查到这条异议');
    expect(wrong.body).not.toContain('已受理');
    const blank = await post('/gs/status', { receipt: '', phone: '' });
    expect(blank.body).toContain('请填写回执编号');
  });
});

describe('a removed entry', () => {
  it('is struck through on the page with the dated correction, and can no longer be objected to', async () => {
    const { db } = site.t.context;
    const entry = site.announcement.entries[2]!;
    // As obj's removeAnnouncementEntry leaves it: the entry removed, a correction dated today.
    await db
      .updateTable('announcementEntries')
      .set({ removedAt: site.clock.now(), removedReason: '异议成立' })
      .where('id', '=', entry.id)
      .execute();
    await db
      .insertInto('announcementCorrections')
      .values({
        announcementId: site.announcement.id,
        entryId: entry.id,
        kind: 'entry_removed',
        day: '2026-10-09',
        text: `经核实，${entry.name}不符合推介条件，移出拟推介名单。`,
      })
      .execute();
    site.t.context.publicPages.changed();
    const html = (await site.t.app.inject({ method: 'GET', url: `/gs/${site.announcement.id}` })).body;
    expect(html).toContain('<h2 id="corrections">更正说明</h2>');
    expect(html).toContain(
      `<strong>2026年10月9日（名单更正）：</strong>经核实，${entry.name}不符合推介条件，移出拟推介名单。`,
    );
    expect(html).toMatch(new RegExp(`<tr class="removed">[^\\n]*${entry.name}[^\\n]*已移出名单`));
    expect(html).not.toContain('异议成立');
    const form = await site.t.app.inject({ method: 'GET', url: `/gs/${site.announcement.id}/objection` });
    expect(form.body).not.toContain(`value="${entry.id}"`);
  });
});
