import { describe, expect, it } from 'vitest';
import { judgeActivityPhoto } from './photo.ts';

const image = (format: 'jpeg' | 'png' | 'gif') =>
  ({
    kind: 'image',
    format,
    bytes: 1000,
    width: 800,
    height: 600,
    dpi: 'unknown',
    dpiSource: 'none',
  }) as const;

describe('an activity photo, judged by its bytes', () => {
  it('takes JPEG and PNG', () => {
    expect(judgeActivityPhoto(image('jpeg'))).toEqual({ contentType: 'image/jpeg' });
    expect(judgeActivityPhoto(image('png'))).toEqual({ contentType: 'image/png' });
  });

  it('refuses a text file named .jpg, a PDF and other image formats as not a photo', () => {
    for (const probed of [
      { kind: 'unreadable', code: 'UNKNOWN_FORMAT', reason: '无法识别' } as const,
      { kind: 'document', format: 'pdf', bytes: 10 } as const,
      image('gif'),
    ]) {
      const verdict = judgeActivityPhoto(probed);
      expect(verdict).toMatchObject({ findings: [{ code: 'ACTIVITY_PHOTO_FORMAT' }] });
      if ('findings' in verdict) expect(verdict.findings[0]!.message).toMatch(/只改扩展名无法改变文件格式/);
    }
  });

  it('passes on why a damaged image cannot be read', () => {
    expect(
      judgeActivityPhoto({ kind: 'unreadable', code: 'TRUNCATED', reason: '图片文件不完整，请重新导出。' }),
    ).toEqual({
      findings: [
        {
          code: 'ACTIVITY_PHOTO_UNREADABLE',
          severity: 'error',
          field: 'photo',
          message: '图片文件不完整，请重新导出。',
        },
      ],
    });
  });
});
