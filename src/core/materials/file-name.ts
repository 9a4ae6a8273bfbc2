/**
 * Upload names become part of download names and archive entries, so a name that could climb out of a
 * folder (`../`), hide characters, or break on Windows is refused up front with what to rename. What
 * can be mended without asking is mended first (`normaliseFileName`), by the browser before it sends
 * the name and again by the server, which stores only the mended name.
 */
import { error, type Finding } from '../findings.ts';
import { hasInvisible, stripInvisible } from '../identity/normalise.ts';

/** Most file systems store at most 255 bytes per name; a Chinese character is 3 bytes in UTF-8. */
export const MAX_FILE_NAME_BYTES = 255;

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this looks for
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const SEPARATOR = /[/\\]/;
/** Reserved on Windows, where reviewers open the downloads. */
const WINDOWS_RESERVED = /[<>:"|?*]/;
/** Device names Windows will not open as files, with any extension: CON, NUL.txt, com1.tar.gz. */
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])\s*(\..*)?$/i;
/** Windows drops a name's trailing dots and spaces, so `照片.jpg.` would not be the file it names. */
const TRAILING_DOTS_OR_SPACES = /[.\s]+$/u;

/**
 * The name as stored: zero-width and bidirectional characters removed (U+202E turns `照片\u202Egpj.exe`
 * into what looks like `照片exe.jpg`), composed to NFC, surrounding spaces and trailing dots dropped.
 */
export function normaliseFileName(name: string): string {
  return stripInvisible(name).normalize('NFC').trim().replace(TRAILING_DOTS_OR_SPACES, '');
}

export function checkFileName(name: string): Finding[] {
  const field = 'fileName';
  if (name.trim() === '')
    return [error('FILE_NAME_EMPTY', field, '文件名为空，请给文件起一个名字后重新上传。')];
  if (SEPARATOR.test(name)) {
    return [error('FILE_NAME_PATH', field, '文件名中含有路径分隔符（/ 或 \\），请只保留文件本身的名字。')];
  }
  if (name === '.' || name === '..' || name.includes('..')) {
    return [error('FILE_NAME_PATH', field, '文件名中含有“..”，请改名，例如“张三-证件照.jpg”。')];
  }
  if (CONTROL.test(name) || hasInvisible(name)) {
    return [error('FILE_NAME_CONTROL', field, '文件名中含有不可见的控制字符，请重新输入文件名。')];
  }
  if (WINDOWS_RESERVED.test(name)) {
    return [
      error('FILE_NAME_RESERVED', field, '文件名中含有 < > : " | ? * 等字符，请删去这些字符后重新上传。'),
    ];
  }
  if (WINDOWS_DEVICE.test(name)) {
    return [
      error(
        'FILE_NAME_RESERVED',
        field,
        `文件名“${name}”是 Windows 的保留名称，评审专家无法在 Windows 中打开，请改名，例如“张三-工作总结.pdf”。`,
      ),
    ];
  }
  if (TRAILING_DOTS_OR_SPACES.test(name)) {
    return [error('FILE_NAME_TRAILING', field, '文件名以点或空格结尾，请删去末尾的点和空格后重新上传。')];
  }
  const bytes = new TextEncoder().encode(name).length;
  if (bytes > MAX_FILE_NAME_BYTES) {
    return [
      error(
        'FILE_NAME_TOO_LONG',
        field,
        `文件名过长（${[...name].length} 个字符），请缩短到 80 个汉字或 255 个英文字母以内。`,
      ),
    ];
  }
  return [];
}
