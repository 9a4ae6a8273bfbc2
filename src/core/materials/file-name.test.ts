import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkFileName, normaliseFileName } from './file-name.ts';

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
    ['照片\u202Egpj.exe', 'FILE_NAME_CONTROL'],
    ['照片\u200B.jpg', 'FILE_NAME_CONTROL'],
    ['CON', 'FILE_NAME_RESERVED'],
    ['NUL.txt', 'FILE_NAME_RESERVED'],
    ['com1.tar.gz', 'FILE_NAME_RESERVED'],
    ['Lpt9 .jpg', 'FILE_NAME_RESERVED'],
    ['照片.jpg.', 'FILE_NAME_TRAILING'],
    ['照片.jpg ', 'FILE_NAME_TRAILING'],
  ])('refuses %j', (name, code) => {
    expect(codes(name)).toEqual([code]);
    expect(checkFileName(name)[0]!.message).toMatch(/请/);
  });

  it.each(['CONSOLE.jpg', 'nul-记录.txt', 'com10.jpg', 'lpt.jpg', '我的CON.jpg'])(
    'accepts %j, which only looks like a device name',
    (name) => {
      expect(codes(name)).toEqual([]);
    },
  );

  it.each([
    ['照片\u202Egpj.exe', '照片gpj.exe'],
    ['\u200B张三\u2066-证件照\u2069.jpg', '张三-证件照.jpg'],
    ['  活动照片.jpg . . ', '活动照片.jpg'],
    ['e\u0301te\u0301.jpg', 'été.jpg'],
    ['张三-证件照.jpg', '张三-证件照.jpg'],
  ])('mends %j to %j', (raw, mended) => {
    expect(normaliseFileName(raw)).toBe(mended);
  });

  it('leaves no invisible character or trailing dot or space to refuse (property)', () => {
    const pieces = fc.constantFrom('a', '张', '.', ' ', '\u202E', '\u200B', '\u2067', '\uFEFF', '\u3000');
    fc.assert(
      fc.property(fc.array(pieces), (parts) => {
        const name = normaliseFileName(parts.join(''));
        return !checkFileName(name).some((f) => ['FILE_NAME_CONTROL', 'FILE_NAME_TRAILING'].includes(f.code));
      }),
    );
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
