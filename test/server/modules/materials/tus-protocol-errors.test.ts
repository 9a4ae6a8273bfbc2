/**
 * tus protocol errors, which @tus/server writes itself in English plain text, leave as the API's
 * `{ code, message }` in Chinese with a status that says the true reason, and nothing is stored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUploadLocker } from '#server/platform/storage/upload-locker.ts';
import { loginAs, type Session } from '#test/support/app.ts';
import { tusHeaders, tusMetadata } from '#test/support/materials.ts';
import { campaignOf, completeStar, draftWith } from '#test/support/nominations.ts';
import { createMaterialApp, type MaterialTestApp } from './material-app.ts';

let t: MaterialTestApp;
let unit: Session;
let nominationId: string;

beforeAll(async () => {
  // A request waits this long for an upload another one holds (30 s in service).
  t = await createMaterialApp({ uploadLockTimeoutMs: 500 });
  unit = await loginAs(t, 'changchun');
  const { campaign, rules } = await campaignOf(t, unit, '吉林省教育厅');
  nominationId = (await draftWith(t, unit, campaign.id, completeStar(rules, 1), 'star', { materials: false }))
    .id;
});
afterAll(() => t?.close());

const metadata = () =>
  tusMetadata({ nominationId, setKey: 'star', slotId: 'activityPhoto', filename: '活动照片.jpg' });
const post = (headers: Record<string, string>) =>
  t.app.inject({ method: 'POST', url: '/api/uploads', headers });

function expectJson(
  response: { statusCode: number; body: string; headers: Record<string, unknown> },
  status: number,
  code: string,
  message: RegExp,
) {
  expect(response.statusCode, response.body).toBe(status);
  expect(String(response.headers['content-type'])).toMatch(/^application\/json/);
  const body = JSON.parse(response.body);
  expect(body.code).toBe(code);
  expect(body.message).toMatch(message);
  expect(body.message).not.toMatch(/[A-Za-z]{4,}/);
}

describe('tus protocol errors', () => {
  it('a request without Tus-Resumable: 412, in Chinese', async () => {
    const { 'tus-resumable': _, ...headers } = tusHeaders(unit, {
      'upload-length': '10',
      'upload-metadata': metadata(),
    });
    const response = await post(headers);
    expectJson(response, 412, 'UPLOAD_PROTOCOL_UNSUPPORTED', /刷新页面/);
    expect(response.headers['tus-version']).toBe('1.0.0');
  });

  it('a malformed Upload-Length: 400, naming the file size', async () => {
    const response = await post(tusHeaders(unit, { 'upload-length': 'abc', 'upload-metadata': metadata() }));
    expectJson(response, 400, 'VALIDATION_FAILED', /文件大小/);
  });

  it('Upload-Concat (parallel parts): a clear 400, not a 501 server fault', async () => {
    const response = await post(
      tusHeaders(unit, { 'upload-length': '10', 'upload-metadata': metadata(), 'upload-concat': 'partial' }),
    );
    expectJson(response, 400, 'UPLOAD_CONCAT_UNSUPPORTED', /分段/);
    expect(await t.materialCount()).toBe(0);
  });

  it('a PATCH with more bytes than the upload declared: 413 saying so, not "over the platform cap"', async () => {
    const created = await post(tusHeaders(unit, { 'upload-length': '10', 'upload-metadata': metadata() }));
    expect(created.statusCode, created.body).toBe(201);
    const patch = await t.app.inject({
      method: 'PATCH',
      url: String(created.headers.location),
      headers: tusHeaders(unit, { 'upload-offset': '0', 'content-type': 'application/offset+octet-stream' }),
      payload: Buffer.from('0123456789-and-more'),
    });
    expectJson(patch, 413, 'UPLOAD_LENGTH_EXCEEDED', /超过了开始上传时/);
    expect(JSON.parse(patch.body).message).not.toMatch(/最大大小/);
    expect(await t.materialCount()).toBe(0);
  });

  it('an upload another instance holds and does not let go: 423 「正在另一处上传」, which clients retry', async () => {
    const created = await post(tusHeaders(unit, { 'upload-length': '10', 'upload-metadata': metadata() }));
    expect(created.statusCode, created.body).toBe(201);
    const location = String(created.headers.location);
    // Another process on the same database, its request stuck and deaf to the request to let go.
    const other = createUploadLocker(t.database.url);
    try {
      const stuck = other.newLock(location.slice(location.lastIndexOf('/') + 1));
      await stuck.lock(new AbortController().signal, () => {});
      const head = await t.app.inject({ method: 'HEAD', url: location, headers: tusHeaders(unit) });
      expect(head.statusCode).toBe(423);
      const patch = await t.app.inject({
        method: 'PATCH',
        url: location,
        headers: tusHeaders(unit, {
          'upload-offset': '0',
          'content-type': 'application/offset+octet-stream',
        }),
        payload: Buffer.from('0123456789'),
      });
      expectJson(patch, 423, 'UPLOAD_IN_PROGRESS', /正在另一处上传/);
      expect(await t.materialCount()).toBe(0);
      await stuck.unlock();
    } finally {
      await other.close();
    }
  });
});
