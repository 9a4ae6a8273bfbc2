import { describe, expect, it } from 'vitest';
import { getTemplate } from '../campaign/templates/index.ts';
import { MEBIBYTE } from './spec.ts';
import { checkUploadAdmission, type UploadRequest } from './upload-admission.ts';

const national = getTemplate('national-2024')!.materials;
const video = national.star.slots.find((s) => s.id === 'video')!;
const idPhoto = national.star.slots.find((s) => s.id === 'idPhoto')!;

const request = (patch: Partial<UploadRequest> = {}): UploadRequest => ({
  slot: idPhoto,
  slotName: '「2寸免冠彩色证件照」',
  existingFiles: 0,
  declaredBytes: 6 * MEBIBYTE,
  fileName: '张三-证件照.jpg',
  ...patch,
});
const codes = (r: UploadRequest) => checkUploadAdmission(r).map((f) => `${f.severity}:${f.code}`);

describe('checkUploadAdmission', () => {
  it('admits a good request without a word', () => {
    expect(checkUploadAdmission(request())).toEqual([]);
    expect(checkUploadAdmission(request({ fileName: 'A.JPEG' }))).toEqual([]);
  });

  it('refuses an unknown slot', () => {
    const [finding] = checkUploadAdmission(request({ slot: undefined, slotName: '「nope」' }));
    expect(finding).toMatchObject({ code: 'UPLOAD_SLOT_UNKNOWN', severity: 'error' });
    expect(finding!.message).toContain('此推介没有「nope」这一项材料');
  });

  it('refuses a full slot, saying how many are there', () => {
    const [finding] = checkUploadAdmission(request({ existingFiles: 1 }));
    expect(finding!.code).toBe('UPLOAD_SLOT_FULL');
    expect(finding!.message).toContain('最多 1 个文件，已经上传了 1 个');
  });

  it('refuses an empty, undeclared or oversized file', () => {
    expect(codes(request({ declaredBytes: 0 }))).toEqual(['error:UPLOAD_EMPTY']);
    expect(codes(request({ declaredBytes: undefined }))).toEqual(['error:UPLOAD_LENGTH_UNKNOWN']);
    expect(codes(request({ declaredBytes: -1 }))).toEqual(['error:UPLOAD_LENGTH_UNKNOWN']);
    const [big] = checkUploadAdmission(
      request({ slot: video, slotName: '「视频资料」', declaredBytes: 2048 * MEBIBYTE, fileName: 'a.mp4' }),
    );
    expect(big).toMatchObject({ code: 'UPLOAD_TOO_LARGE', severity: 'error' });
    expect(big!.message).toContain('大小为 2048 MB，超过「视频资料」单个文件上限 500 MB');
    expect(
      checkUploadAdmission(request({ slot: video, declaredBytes: 500 * MEBIBYTE, fileName: 'a.mp4' })),
    ).toEqual([]);
  });

  it('uses the campaign’s own cap when it sets one', () => {
    expect(codes(request({ slot: { ...idPhoto, maxBytes: 5 * MEBIBYTE } }))).toEqual([
      'error:UPLOAD_TOO_LARGE',
    ]);
  });

  it('refuses path characters in file names', () => {
    expect(codes(request({ fileName: '../../etc/passwd' }))).toEqual(['error:FILE_NAME_PATH']);
    expect(codes(request({ fileName: 'a\\b.jpg' }))).toEqual(['error:FILE_NAME_PATH']);
    expect(codes(request({ fileName: '' }))).toEqual(['error:FILE_NAME_EMPTY']);
  });

  it('only hints at an unexpected extension: the content decides', () => {
    const [hint] = checkUploadAdmission(request({ fileName: '证件照.png' }));
    expect(hint).toMatchObject({ code: 'UPLOAD_EXTENSION_UNEXPECTED', severity: 'warning' });
    expect(hint!.message).toContain('扩展名为 .png，此处要求 JPEG（.jpg）');
    expect(codes(request({ fileName: '证件照' }))).toEqual(['warning:UPLOAD_EXTENSION_UNEXPECTED']);
  });
});
