import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkFileName } from './file-name.ts';

const codes = (name: string) => checkFileName(name).map((f) => f.code);

describe('checkFileName', () => {
  it.each(['张三-证件照.jpg', 'IMG_0001.JPG', '2024 项目 视频.mp4', 'a.b.c.png'])('accepts %j', (name) => {
    expect(codes(name)).toEqual([]);
  });

  it.each([
    ['../../etc/passwd', 'FILE_NAME_PATH'],
    ['a/b.jpg', 'FILE_NAME_PATH'],
    ['C:\\photos\\a.jpg', 'FILE_NAME_PATH'],
    ['..', 'FILE_NAME_PATH'],
    ['a..jpg', 'FILE_NAME_PATH'],
    ['a\u0000.jpg', 'FILE_NAME_CONTROL'],
    ['a\nb.jpg', 'FILE_NAME_CONTROL'],
    ['a?.jpg', 'FILE_NAME_RESERVED'],
    ['', 'FILE_NAME_EMPTY'],
    ['   ', 'FILE_NAME_EMPTY'],
    [`${'长'.repeat(86)}.jpg`, 'FILE_NAME_TOO_LONG'],
    [`${'a'.repeat(252)}.jpg`, 'FILE_NAME_TOO_LONG'],
  ])('refuses %j', (name, code) => {
    expect(codes(name)).toEqual([code]);
    expect(checkFileName(name)[0]!.message).toMatch(/请/);
  });

  it('never accepts a name with a separator, whatever surrounds it (property)', () => {
    fc.assert(
      fc.property(fc.string(), fc.constantFrom('/', '\\'), fc.string(), (before, separator, after) => {
        return codes(before + separator + after).length === 1;
      }),
    );
  });

  it('never throws and returns at most one finding (property)', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (name) => checkFileName(name).length <= 1));
  });
});
