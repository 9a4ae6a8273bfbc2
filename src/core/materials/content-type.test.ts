import { describe, expect, it } from 'vitest';
import { materialContentType, materialDisposition } from './content-type.ts';

describe('materialContentType', () => {
  it('trusts the probed content over the name', () => {
    expect(
      materialContentType('a.mp4', {
        kind: 'image',
        format: 'jpeg',
        bytes: 1,
        width: 1,
        height: 1,
        dpi: 'unknown',
        dpiSource: 'none',
      }),
    ).toBe('image/jpeg');
  });

  it('falls back to accepted extensions, else a plain download', () => {
    expect(materialContentType('总结.PDF')).toBe('application/pdf');
    expect(materialContentType('片子.mp4', null)).toBe('video/mp4');
    expect(materialContentType('page.html')).toBe('application/octet-stream');
    expect(materialContentType('noext')).toBe('application/octet-stream');
  });
});

describe('materialDisposition', () => {
  it('encodes a Chinese name per RFC 5987 after an ASCII fallback', () => {
    const value = materialDisposition("张三's 证件照(1).jpg");
    expect(value).toBe(
      `inline; filename="material.jpg"; filename*=UTF-8''${encodeURIComponent('张三')}%27s%20${encodeURIComponent('证件照')}%281%29.jpg`,
    );
    expect(decodeURIComponent(value.split("''")[1]!)).toBe("张三's 证件照(1).jpg");
    expect(materialDisposition('x', 'attachment')).toBe(
      `attachment; filename="material"; filename*=UTF-8''x`,
    );
  });
});
