/**
 * The objection form works without script: a multipart POST answered with a receipt page, or with the form
 * again showing each Chinese error beside its field and every typed value kept; the status lookup; the
 * dated correction after an entry is removed. All of it through the objections module itself: its text
 * captcha (answered as a person reads it), its checks, its receipts and the objections it stores.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeAnnouncementEntry } from '#server/modules/announcements/remove-entry.ts';
import { openedObjector } from '#server/modules/objections/stored-objector.ts';
import { answer } from '#test/support/captcha.ts';
import { idNumber } from '#test/support/nominations.ts';
import { type PublicSite, publicSite } from './public-site-fixture.ts';

let site: PublicSite;

beforeAll(async () => {
  site = await publicSite();
}, 180_000);
afterAll(async () => {
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

/** The captcha of a form page as a reader meets it: the hidden token and the question beside the field. */
function captchaOf(html: string, right = true): { captchaToken: string; captchaAnswer: string } {
  const captchaToken = /name="captchaToken" value="([^"]+)"/.exec(html)![1]!;
  const question = /<label for="captchaAnswer">验证问题 \*：([^<]+)<\/label>/.exec(html)![1]!;
  const correct = answer(question);
  return { captchaToken, captchaAnswer: right ? correct : String(Number(correct) + 1) };
}

const objections = async () =>
  Number(
    (
      await site.t.context.db
        .selectFrom('objections')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

const FACTS = '事迹材料中所述获奖情况经向颁奖单位查询并无记录，与事实不符，请组织单位核实。';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

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
    expect(res.body).toMatch(
      /<label for="captchaAnswer">验证问题 \*：[零一二三四五六七八九十]+[加减][零一二三四五六七八九十]+等于几？/,
    );
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
      facts: `${FACTS}\n第二行`,
      ...captchaOf(form.body, false),
    };
    // The module checks what was typed before the captcha: the ID number is named first.
    const badId = await post(url, typed);
    expect(badId.statusCode).toBe(422);
    expect(badId.headers['cache-control']).toBe('no-store');
    expect(badId.body).toContain(
      '<p class="error" id="idNumber-error">身份证号应为18位，实为5位。请核对是否多填或漏填了数字</p>',
    );
    expect(badId.body).toMatch(/id="idNumber" name="idNumber" value="12345"[^>]*aria-invalid="true"/);
    expect(badId.body).not.toContain('id="captchaAnswer-error"');
    expect(badId.body).toContain('value="李&lt;b&gt;明&lt;/b&gt;"');
    expect(badId.body).toContain('value="13800001234"');
    expect(badId.body).toMatch(
      new RegExp(`<textarea id="facts" name="facts"[^>]*>${FACTS}\\n第二行</textarea>`),
    );
    expect(badId.body).toContain(`<option value="${typed.entryId}" selected>`);

    const wrongCaptcha = await post(url, {
      ...typed,
      idNumber: idNumber(17),
      ...captchaOf(badId.body, false),
    });
    expect(wrongCaptcha.statusCode).toBe(422);
    expect(wrongCaptcha.body).toContain(
      '<p class="error" id="captchaAnswer-error">验证问题回答错误或已过期，请重新获取验证问题后再提交。</p>',
    );
    expect(wrongCaptcha.body).toContain('value="李&lt;b&gt;明&lt;/b&gt;"');
    expect(wrongCaptcha.body).toContain(`value="${idNumber(17)}"`);
    expect(wrongCaptcha.body).not.toContain('id="idNumber-error"');
    expect(await objections()).toBe(0);

    const blank = await post(url, { objectorKind: 'unit', captchaToken: 'x' });
    expect(blank.statusCode).toBe(422);
    expect(blank.body).toContain('请选择对名单中哪一位人员或哪一个项目提出异议');
    expect(blank.body).toContain('单位提出异议须填写单位名称');
    expect(blank.body).toContain('<input type="radio" name="objectorKind" value="unit" checked>');
    expect(await objections()).toBe(0);
  });

  it('gives a receipt for a good objection, and the receipt and phone find its status', async () => {
    const { announcement } = site;
    const { db, storage } = site.t.context;
    const url = `/gs/${announcement.id}/objection`;
    const form = await site.t.app.inject({ method: 'GET', url });
    const res = await post(
      url,
      {
        entryId: announcement.entries[0]!.id,
        objectorKind: 'person',
        name: '李明',
        idNumber: idNumber(17),
        workplace: '某某街道',
        phone: '13800001234',
        facts: FACTS,
        ...captchaOf(form.body),
      },
      [{ name: 'files', fileName: '证明.pdf', bytes: PDF }],
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const receipt = /回执编号：<strong>([^<]+)<\/strong>/.exec(res.body)?.[1];
    expect(receipt).toMatch(/^26[0-9A-HJKMNP-TV-Z]{10}$/);
    expect(res.body).toContain('<a href="/gs/status">异议办理查询</a>');

    expect(await objections()).toBe(1);
    const stored = await db
      .selectFrom('objections')
      .selectAll()
      .where('receipt', '=', receipt!)
      .executeTakeFirstOrThrow();
    expect(stored).toMatchObject({
      announcementId: announcement.id,
      entryId: announcement.entries[0]!.id,
      state: 'received',
      objectorKind: 'person',
      facts: FACTS,
    });
    // Sealed at rest (decision 0016): only the envelope is stored, and it opens to what was sent.
    expect(JSON.stringify(stored.objector)).not.toMatch(/李明|13800001234|220102/);
    expect(openedObjector(stored.objector)).toMatchObject({
      name: '李明',
      idNumber: idNumber(17),
      workplace: '某某街道',
      phone: '13800001234',
    });
    const files = await db
      .selectFrom('objectionFiles')
      .select(['fileName', 'storageKey', 'stage'])
      .where('objectionId', '=', stored.id)
      .execute();
    expect(files).toMatchObject([{ fileName: '证明.pdf', stage: 'evidence' }]);
    const chunks: Buffer[] = [];
    for await (const chunk of await storage.read(files[0]!.storageKey)) chunks.push(Buffer.from(chunk));
    expect(Buffer.concat(chunks).equals(PDF)).toBe(true);

    const status = await post('/gs/status', { receipt: receipt!, phone: '13800001234' });
    expect(status.statusCode).toBe(200);
    expect(status.headers['cache-control']).toBe('no-store');
    expect(status.body).toContain('<tr><th scope="row">办理状态</th><td>待受理</td></tr>');
    expect(status.body).toContain('<tr><th scope="row">提交时间</th><td>2026年9月30日</td></tr>');
    expect(status.body).not.toMatch(/李明|220102/);
    const wrong = await post('/gs/status', { receipt: receipt!, phone: '13900000000' });
    expect(wrong.statusCode).toBe(404);
    expect(wrong.body).toContain('没有查到这条异议');
    expect(wrong.body).not.toContain('待受理');
    const unknown = await post('/gs/status', {
      receipt: receipt!.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')),
      phone: '13800001234',
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.body.replace(/value="[^"]*"/g, '')).toBe(wrong.body.replace(/value="[^"]*"/g, ''));
    const blank = await post('/gs/status', { receipt: '', phone: '' });
    expect(blank.body).toContain('请填写回执编号');
  });
});

describe('a removed entry', () => {
  it('is struck through on the page with the dated correction, and can no longer be objected to', async () => {
    const { db } = site.t.context;
    const entry = site.announcement.entries[2]!;
    site.clock.set('2026-10-09T02:00:00Z');
    await db.transaction().execute((trx) =>
      removeAnnouncementEntry(trx, site.organiser.admin.actor, {
        entryId: entry.id,
        reason: '异议成立',
        now: site.clock.now(),
      }),
    );
    site.t.context.publicPages.changed();
    const html = (await site.t.app.inject({ method: 'GET', url: `/gs/${site.announcement.id}` })).body;
    expect(html).toContain('<h2 id="corrections">更正说明</h2>');
    expect(html).toContain(
      `<strong>2026年10月9日（名单更正）：</strong>「${entry.name}」（${site.unit.name}）经核实不再列入拟推介名单。`,
    );
    expect(html).toMatch(new RegExp(`<tr class="removed">[^\\n]*${entry.name}[^\\n]*已移出名单`));
    expect(html).not.toContain('异议成立');
    const form = await site.t.app.inject({ method: 'GET', url: `/gs/${site.announcement.id}/objection` });
    expect(form.body).not.toContain(`value="${entry.id}"`);
  });
});
